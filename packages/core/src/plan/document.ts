import { produce } from 'immer';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { checkJsonSafety } from '../validation/json-safety.js';
import { parseCheckedWith, parseWith } from '../validation/parse.js';
import { messageCodeOf, ok, type Result, type ValidationIssue } from '../validation/result.js';
import { fastPlanShape } from './compiled-validation.js';
import { migrateV1, planV1Schema } from './legacy-v1.js';
import { checkPlanRules, type PlanRuleOptions } from './rules.js';
import { PLAN_KIND, PLAN_SCHEMA_VERSION, planSchema } from './schema.js';
import { planDocumentMessage } from '../messages/plan-document.js';
import type { Plan, PlanErrorCode, PlanIssue } from './types.js';

/** Options for reading a plan document. */
export interface ParsePlanOptions {
  /**
   * The framework the plan's capacity and theme ids are checked against.
   * Defaults to {@link LINKS_FRAMEWORK}; `null` checks the shape and the
   * plan's own rules only.
   */
  readonly framework?: Framework | null;
}

/** The schemaVersions this library reads, oldest first. */
export const READABLE_PLAN_VERSIONS: readonly number[] = Object.freeze([1, PLAN_SCHEMA_VERSION]);

function withCode(issues: readonly ValidationIssue[], code: PlanErrorCode = 'invalid'): PlanIssue[] {
  return issues.map((issue) => ({ path: issue.path, message: issue.message, ...messageCodeOf(issue), code }));
}

function frameworkOf(options: ParsePlanOptions): PlanRuleOptions {
  return { framework: options.framework === undefined ? LINKS_FRAMEWORK : options.framework };
}

/**
 * Validates a current-format (schemaVersion 2) plan: its shape, then the
 * rules that span fields (see {@link checkPlanRules}). Returns a fresh copy of
 * the plan, or every problem with its JSON path. Never throws on bad input.
 */
export function validatePlan(input: unknown, options: ParsePlanOptions = {}): Result<Plan, PlanIssue> {
  const fast = fastPlanShape(input);
  const shape = fast !== undefined ? ok(fast) : parseWith(planSchema, input);
  if (!shape.ok) return { ok: false, errors: withCode(shape.errors) };
  const rules = checkPlanRules(shape.value, frameworkOf(options));
  return rules.length > 0 ? { ok: false, errors: rules } : shape;
}

/**
 * Reads the envelope of a plan document: is it an object of kind
 * `links.plan`, and which schemaVersion does it claim? Unknown and newer
 * versions are refused here, with a message saying so.
 */
function readEnvelope(input: unknown): Result<number, PlanIssue> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      errors: [
        { path: '', ...planDocumentMessage('plan-document.not-a-document', { kind: PLAN_KIND }), code: 'invalid' },
      ],
    };
  }
  const { kind, schemaVersion } = input as { kind?: unknown; schemaVersion?: unknown };
  if (kind !== PLAN_KIND) {
    const said =
      kind === undefined
        ? planDocumentMessage('plan-document.kind-required', { kind: PLAN_KIND })
        : planDocumentMessage('plan-document.wrong-kind', { given: String(JSON.stringify(kind)), kind: PLAN_KIND });
    return { ok: false, errors: [{ path: 'kind', ...said, code: 'invalid' }] };
  }
  if (schemaVersion === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          ...planDocumentMessage('plan-document.version-required', { writes: PLAN_SCHEMA_VERSION }),
          code: 'version',
        },
      ],
    };
  }
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          ...planDocumentMessage('plan-document.version-not-whole', { writes: PLAN_SCHEMA_VERSION }),
          code: 'version',
        },
      ],
    };
  }
  if (schemaVersion > PLAN_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          ...planDocumentMessage('plan-document.version-newer', {
            version: schemaVersion,
            writes: PLAN_SCHEMA_VERSION,
          }),
          code: 'version',
        },
      ],
    };
  }
  if (!READABLE_PLAN_VERSIONS.includes(schemaVersion)) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          ...planDocumentMessage('plan-document.version-unknown', {
            version: schemaVersion,
            readable: READABLE_PLAN_VERSIONS.map(String),
          }),
          code: 'version',
        },
      ],
    };
  }
  return { ok: true, value: schemaVersion };
}

/**
 * Brings a plan document of any version this library reads up to the current
 * format. A current document is only checked for shape; a schemaVersion 1
 * document is checked against the v1 format (errors carry v1 paths) and
 * converted without loss. Newer or unknown versions are refused with a clear
 * `version` error, e.g. "schemaVersion 9 is newer than this library understands (2)".
 *
 * Framework and cross-field rules are not applied: use
 * {@link parsePlanDocument} to read a document for use.
 */
export function migratePlanDocument(input: unknown): Result<Plan, PlanIssue> {
  // The fast path accepts only what the safety checks and the schema accept, with the schema's value.
  const fast = fastPlanShape(input);
  if (fast !== undefined) return ok(fast);
  const unsafe = checkJsonSafety(input);
  if (unsafe.length > 0) return { ok: false, errors: withCode(unsafe) };
  const version = readEnvelope(input);
  if (!version.ok) return version;
  // The input passed the safety checks above: the schemas need not walk it for them again.
  if (version.value === PLAN_SCHEMA_VERSION) {
    const shape = parseCheckedWith(planSchema, input);
    return shape.ok ? shape : { ok: false, errors: withCode(shape.errors) };
  }
  const v1 = parseCheckedWith(planV1Schema, input);
  if (!v1.ok) return { ok: false, errors: withCode(v1.errors) };
  return migrateV1(v1.value);
}

/**
 * Reads an untrusted plan document (for example `JSON.parse` of a file):
 * checks it is safe JSON data, migrates an older schemaVersion, validates the
 * shape and every rule, and checks capacity and theme ids against the
 * framework. Returns the plan, or every problem with its JSON path and a
 * plain-English message. Never throws on bad input.
 *
 * @example
 * const result = parsePlanDocument(JSON.parse(text));
 * if (!result.ok) console.log(formatIssues(result.errors));
 * // capacities.signposting.aims[0].target: must be a number, not text
 */
export function parsePlanDocument(input: unknown, options: ParsePlanOptions = {}): Result<Plan, PlanIssue> {
  const migrated = migratePlanDocument(input);
  if (!migrated.ok) return migrated;
  const rules = checkPlanRules(migrated.value, frameworkOf(options));
  return rules.length > 0 ? { ok: false, errors: rules } : migrated;
}

/** Writes a plan as a JSON document (two-space indented, ending with a newline). */
export function serializePlanDocument(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * Adds an empty entry for every capacity and theme of the framework that the
 * plan does not have yet (a plan need not list capacities it has not
 * addressed), keeping everything else. Returns the same object when nothing
 * is missing.
 */
export function alignPlanToFramework(plan: Plan, framework: Framework = LINKS_FRAMEWORK): Plan {
  return produce(plan, (draft) => {
    for (const capacity of framework.capacities) {
      if (!Object.hasOwn(draft.capacities, capacity.id)) {
        draft.capacities[capacity.id] = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
      }
    }
    for (const theme of framework.themes) {
      if (!Object.hasOwn(draft.themes, theme.id)) draft.themes[theme.id] = { focusAreas: [] };
    }
  });
}
