import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { parseWith } from '../validation/parse.js';
import { messageCodeOf, type Result } from '../validation/result.js';
import { planDocumentMessage } from '../messages/plan-document.js';
import { validatePlan } from './document.js';
import { PLAN_KIND, PLAN_SCHEMA_VERSION, personNameSchema, planDateTimeSchema, practiceSchema } from './schema.js';
import type { CapacityPlan, Plan, PlanIssue, Practice, ThemeFocus } from './types.js';

/** Options for {@link createPlan}. */
export interface CreatePlanOptions {
  /** The plan's id; defaults to `plan-` and the practice id. */
  readonly id?: string;
  /** Defaults to "Links business plan: " and the practice name. */
  readonly title?: string;
  /** Who creates it (a staff role or name); defaults to "Practice team". */
  readonly author?: string;
  /** When; defaults to now. */
  readonly now?: Date;
}

function emptyCapacity(): CapacityPlan {
  return { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] };
}

/**
 * Starts a draft plan for a practice against a framework: an empty entry for
 * every capacity and theme, revision 0 (never saved). Returns the plan, or
 * the problems with the practice or options.
 *
 * @example
 * const created = createPlan({ id: 'springburn', name: 'Springburn Health Centre', cohort: 'programme', listSize: 9800 });
 * if (created.ok) store.save(created.value, { expectedRevision: 0, author: 'Practice manager' });
 */
export function createPlan(
  practice: Practice,
  framework: Framework = LINKS_FRAMEWORK,
  options: CreatePlanOptions = {},
): Result<Plan, PlanIssue> {
  const checked = parseWith(practiceSchema, practice);
  if (!checked.ok)
    return {
      ok: false,
      errors: checked.errors.map((e) => ({
        path: e.path ? `practice.${e.path}` : 'practice',
        message: e.message,
        ...messageCodeOf(e),
        code: 'invalid',
      })),
    };
  const capacities: Record<string, CapacityPlan> = {};
  for (const capacity of framework.capacities) capacities[capacity.id] = emptyCapacity();
  const themes: Record<string, ThemeFocus> = {};
  for (const theme of framework.themes) themes[theme.id] = { focusAreas: [] };
  const now = options.now ?? new Date();
  const candidate = {
    kind: PLAN_KIND,
    schemaVersion: PLAN_SCHEMA_VERSION,
    id: options.id ?? `plan-${checked.value.id}`.slice(0, 128),
    practice: checked.value,
    framework: { id: framework.id, version: framework.version },
    title: options.title ?? `Links business plan: ${checked.value.name}`.slice(0, 200).trim(),
    status: 'draft',
    revision: 0,
    savedAt: Number.isNaN(now.getTime()) ? String(now) : now.toISOString(),
    savedBy: options.author ?? 'Practice team',
    capacities,
    themes,
  };
  return validatePlan(candidate, { framework });
}

/** Who saves a revision, and when. */
export interface RevisionStamp {
  /** A staff role or name (never a patient). */
  readonly author: string;
  /** When; defaults to now. */
  readonly now?: Date;
}

/**
 * The plan as its next saved revision: revision number plus one, `savedAt`
 * and `savedBy` set. Stores call this on save; the earlier revision is kept
 * in their history. Refuses an author that is not a short staff name or role.
 */
export function nextRevision(plan: Plan, stamp: RevisionStamp): Result<Plan, PlanIssue> {
  const author = parseWith(personNameSchema, stamp.author);
  if (!author.ok)
    return {
      ok: false,
      errors: author.errors.map((e) => ({ path: 'savedBy', message: e.message, ...messageCodeOf(e), code: 'invalid' })),
    };
  const now = stamp.now ?? new Date();
  const savedAt = parseWith(planDateTimeSchema, Number.isNaN(now.getTime()) ? 'invalid date' : now.toISOString());
  if (!savedAt.ok)
    return {
      ok: false,
      errors: [{ path: 'savedAt', ...planDocumentMessage('plan-document.not-a-date-time', {}), code: 'invalid' }],
    };
  return { ok: true, value: { ...plan, revision: plan.revision + 1, savedAt: savedAt.value, savedBy: author.value } };
}

/** A line of a plan's history: which revision, when, by whom, in which status. */
export interface RevisionSummary {
  readonly revision: number;
  readonly savedAt: string;
  readonly savedBy: string;
  readonly status: Plan['status'];
}

/** Summarises saved revisions (for a history list). */
export function summariseRevisions(revisions: readonly Plan[]): RevisionSummary[] {
  return revisions.map((plan) => ({
    revision: plan.revision,
    savedAt: plan.savedAt,
    savedBy: plan.savedBy,
    status: plan.status,
  }));
}
