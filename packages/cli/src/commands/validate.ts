import {
  LINKS_FRAMEWORK,
  messageCodeOf,
  type Framework,
  type Result,
  type ValidationIssue,
} from '@links-approach/core';
import { validateFramework } from '@links-approach/core/framework';
import { PLAN_KIND, PLAN_SCHEMA_VERSION, parsePlanDocument, type Plan } from '@links-approach/core/plan';
import type { Command } from '../command.js';
import { EXIT, InputError } from '../errors.js';
import type { CliIo } from '../io.js';
import { readJsonFile } from '../read-json.js';

/** What a document kind's validator is given besides the document. */
export interface ValidateContext {
  readonly io: CliIo;
  /** The framework to check against (from `--framework FILE`), or the default. */
  readonly framework: Framework;
}

/**
 * How `links validate` checks one kind of document. To add a kind (referral
 * events, resources…), write one of these and add it to {@link DOCUMENT_VALIDATORS}.
 */
export interface DocumentValidator {
  /** The document's `kind`, e.g. `links.plan`. */
  readonly kind: string;
  /** Validates the parsed JSON; returns a summary for the output, or the problems with JSON paths. */
  validate(input: unknown, context: ValidateContext): Result<DocumentSummary, ValidationIssue>;
}

/** What `links validate` prints about a valid document (with `ok: true` and `kind` added). */
export interface DocumentSummary {
  /** One line for people. */
  readonly headline: string;
  /** Further lines for people. */
  readonly details: readonly string[];
  /** Fields for `--json`. */
  readonly fields: Readonly<Record<string, unknown>>;
}

function countPlan(plan: Plan) {
  const capacities = Object.values(plan.capacities);
  const sum = (f: (c: Plan['capacities'][string]) => number) => capacities.reduce((n, c) => n + f(c), 0);
  const addressed = Object.entries(plan.capacities)
    .filter(
      ([, c]) =>
        c.owner || c.team.length || c.aims.length || c.measures.length || c.changeIdeas.length || c.evidence.length,
    )
    .map(([id]) => id);
  return {
    capacities: capacities.length,
    capacitiesAddressed: addressed.length,
    aims: sum((c) => c.aims.length),
    measures: sum((c) => c.measures.length),
    dataPoints: sum((c) => c.measures.reduce((n, m) => n + m.points.length, 0)),
    changeIdeas: sum((c) => c.changeIdeas.length),
    pdsaCycles: sum((c) => c.changeIdeas.reduce((n, i) => n + i.cycles.length, 0)),
    evidence: sum((c) => c.evidence.length),
    focusAreas: Object.values(plan.themes).reduce((n, t) => n + t.focusAreas.length, 0),
  };
}

/** Business plans (`links.plan`, schemaVersion 1 or 2). */
export const planValidator: DocumentValidator = {
  kind: PLAN_KIND,
  validate(input, { framework }) {
    const result = parsePlanDocument(input, { framework });
    if (!result.ok)
      return {
        ok: false,
        errors: result.errors.map((e) => ({ path: e.path, message: e.message, ...messageCodeOf(e), code: e.code })),
      };
    const plan = result.value;
    const declared = (input as { schemaVersion?: unknown }).schemaVersion;
    const counts = countPlan(plan);
    const migratedFrom = declared !== PLAN_SCHEMA_VERSION ? declared : undefined;
    return {
      ok: true,
      value: {
        headline: `a valid business plan (${PLAN_KIND}, schemaVersion ${String(declared)}${
          migratedFrom !== undefined ? `, readable as schemaVersion ${PLAN_SCHEMA_VERSION}` : ''
        })`,
        details: [
          `${plan.title}`,
          `${plan.practice.name}: ${plan.status}, revision ${plan.revision}, saved ${plan.savedAt} by ${plan.savedBy}`,
          `framework ${plan.framework.id} ${plan.framework.version}; ${counts.capacitiesAddressed} of ${counts.capacities} capacities addressed`,
          `${counts.aims} aims, ${counts.measures} measures (${counts.dataPoints} data points), ${counts.changeIdeas} change ideas (${counts.pdsaCycles} PDSA cycles), ${counts.evidence} evidence notes, ${counts.focusAreas} theme focus areas`,
        ],
        fields: {
          schemaVersion: declared,
          ...(migratedFrom !== undefined ? { migratedFrom } : {}),
          id: plan.id,
          title: plan.title,
          practice: { id: plan.practice.id, name: plan.practice.name, cohort: plan.practice.cohort },
          framework: plan.framework,
          status: plan.status,
          revision: plan.revision,
          savedAt: plan.savedAt,
          savedBy: plan.savedBy,
          counts,
        },
      },
    };
  },
};

/** Framework documents (`links.framework`). */
export const frameworkValidator: DocumentValidator = {
  kind: 'links.framework',
  validate(input) {
    const result = validateFramework(input);
    if (!result.ok) return result;
    const f = result.value;
    return {
      ok: true,
      value: {
        headline: 'a valid framework (links.framework)',
        details: [
          `${f.name} (${f.id} ${f.version}): ${f.capacities.length} capacities, ${f.themes.length} themes, ${f.responsibilities.length} responsibilities`,
        ],
        fields: {
          id: f.id,
          version: f.version,
          name: f.name,
          counts: {
            capacities: f.capacities.length,
            themes: f.themes.length,
            responsibilities: f.responsibilities.length,
          },
        },
      },
    };
  },
};

/** Every document kind `links validate` knows, chosen by the document's `kind`. */
export const DOCUMENT_VALIDATORS: readonly DocumentValidator[] = [planValidator, frameworkValidator];

/** Builds a `validate` command over a set of document kinds (hosts and tests may pass their own). */
export function createValidateCommand(validators: readonly DocumentValidator[] = DOCUMENT_VALIDATORS): Command {
  const kinds = validators.map((v) => `"${v.kind}"`).join(', ');
  return {
    name: 'validate',
    summary: 'Check a Links document (business plan, framework) and report every problem by JSON path',
    usage: 'validate <file> [--framework FILE] [--json]',
    description:
      `Reads a JSON document and checks it against the format its "kind" names (${kinds}). ` +
      'A valid document exits 0 with a summary; an invalid one exits 1 with each problem and its JSON path, ' +
      'e.g. capacities.signposting.aims[0].target. Plans in an older schemaVersion are read through the migration; ' +
      'newer ones are refused. With --framework, plans are checked against a revised framework instead of the default.',
    options: {
      framework: {
        type: 'string',
        valueName: 'FILE',
        description: 'a revised framework document to check plan capacity and theme ids against',
      },
    },
    positionals: { min: 1, max: 1, names: '<file>' },
    async run(ctx, args) {
      const file = args.positionals[0]!;
      let framework: Framework = LINKS_FRAMEWORK;
      const frameworkFile = args.values['framework'];
      if (typeof frameworkFile === 'string') {
        const loaded = validateFramework(await readJsonFile(ctx.io, frameworkFile));
        if (!loaded.ok) throw new InputError(loaded.errors, frameworkFile);
        framework = loaded.value;
      }
      const input = await readJsonFile(ctx.io, file);
      const kind =
        input !== null && typeof input === 'object' && !Array.isArray(input)
          ? (input as { kind?: unknown }).kind
          : undefined;
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new InputError(
          [{ path: '', message: `must be a Links document: a JSON object with a "kind" (${kinds})` }],
          file,
        );
      }
      const validator = validators.find((v) => v.kind === kind);
      if (!validator) {
        const message =
          kind === undefined
            ? `is required: links validate knows ${kinds}`
            : `is ${JSON.stringify(kind)}, which links validate does not know (it knows ${kinds})`;
        throw new InputError([{ path: 'kind', message }], file);
      }
      const result = validator.validate(input, { io: ctx.io, framework });
      if (!result.ok)
        throw new InputError(
          result.errors.map((e) => ({ ...e, path: e.path, message: e.message, ...messageCodeOf(e) })),
          file,
        );
      const summary = result.value;
      ctx.succeed({ kind: validator.kind, file, ...summary.fields }, () =>
        [`${file} is ${summary.headline}`, ...summary.details.map((line) => `  ${line}`)].join('\n'),
      );
      return EXIT.ok;
    },
  };
}

/** `links validate <file>`: checks a plan (or framework) document. */
export const validateCommand: Command = createValidateCommand();
