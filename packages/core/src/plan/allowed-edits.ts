import { LIMITS } from '../validation/limits.js';
import { formatPath } from '../validation/path.js';
import { canSpread, listFullRefusal, measureInUseRefusal, openCycleRefusal, spreadRefusal } from './rules.js';
import { PLAN_STATUSES } from './constants.js';
import { PLAN_STATUS_TRANSITIONS, statusTransitionRefusal } from './transitions.js';
import type { CapacityPlan, Plan, PlanIssue, PlanStatus } from './types.js';

/**
 * The kinds of edit a plan editor offers, one per core operation (with
 * `withdraw-spread` for `recordSpread(…, undefined)`).
 */
export type PlanEditKind =
  | 'set-title'
  | 'change-status'
  | 'set-owner'
  | 'set-team'
  | 'set-self-assessed-level'
  | 'add-aim'
  | 'update-aim'
  | 'remove-aim'
  | 'add-measure'
  | 'update-measure'
  | 'remove-measure'
  | 'record-data-point'
  | 'remove-data-point'
  | 'add-change-idea'
  | 'update-change-idea'
  | 'remove-change-idea'
  | 'start-pdsa-cycle'
  | 'complete-pdsa-cycle'
  | 'record-spread'
  | 'withdraw-spread'
  | 'add-evidence'
  | 'remove-evidence'
  | 'set-theme-focus';

/** One edit of a plan and whether core would accept it now. */
export interface PlanEdit {
  /** Which operation. */
  readonly edit: PlanEditKind;
  /**
   * JSON path of the field the edit writes (`title`, `status`,
   * `capacities.x.changeIdeas[0].spread`, `capacities.x.aims[2]` for a new
   * aim…): where a form shows the field, and where a refusal is shown.
   */
  readonly path: string;
  /** The capacity the edit belongs to, for capacity edits. */
  readonly capacityId?: string;
  /** The item (aim, measure, change idea, cycle, evidence note) or data-point date, for item edits. */
  readonly itemId?: string;
  /** The change idea, for cycle and spread edits. */
  readonly changeIdeaId?: string;
  /** The theme, for `set-theme-focus`. */
  readonly themeId?: string;
  /** The status, for `change-status`. */
  readonly to?: PlanStatus;
  /** Whether core would accept the edit now (given valid input). */
  readonly allowed: boolean;
  /** Why not, when refused: the code, the reason in plain words and the path, as the operation would report it. */
  readonly refusal?: PlanIssue;
}

/** Options of {@link allowedPlanEdits}. */
export interface AllowedPlanEditsOptions {
  /** Only the edits of this capacity (plus the plan-level ones): what one capacity section needs. */
  readonly capacityId?: string;
}

type Base = Omit<PlanEdit, 'allowed' | 'refusal' | 'path'>;

function entry(base: Base, path: readonly PropertyKey[], refusal: PlanIssue | undefined): PlanEdit {
  return refusal
    ? { ...base, path: formatPath(path), allowed: false, refusal }
    : { ...base, path: formatPath(path), allowed: true };
}

function addEntry(edit: PlanEditKind, capacityId: string, list: readonly unknown[], listPath: PropertyKey[]): PlanEdit {
  const full = list.length >= LIMITS.listItems ? listFullRefusal(listPath) : undefined;
  return entry({ edit, capacityId }, [...listPath, list.length], full);
}

function capacityEdits(capacityId: string, capacity: CapacityPlan, out: PlanEdit[]): void {
  const at = ['capacities', capacityId];
  out.push(
    entry({ edit: 'set-owner', capacityId }, [...at, 'owner'], undefined),
    entry({ edit: 'set-team', capacityId }, [...at, 'team'], undefined),
    entry({ edit: 'set-self-assessed-level', capacityId }, [...at, 'selfAssessedLevel'], undefined),
    addEntry('add-aim', capacityId, capacity.aims, [...at, 'aims']),
    addEntry('add-measure', capacityId, capacity.measures, [...at, 'measures']),
    addEntry('add-change-idea', capacityId, capacity.changeIdeas, [...at, 'changeIdeas']),
    addEntry('add-evidence', capacityId, capacity.evidence, [...at, 'evidence']),
  );
  capacity.aims.forEach((aim, i) => {
    out.push(
      entry({ edit: 'update-aim', capacityId, itemId: aim.id }, [...at, 'aims', i], undefined),
      entry({ edit: 'remove-aim', capacityId, itemId: aim.id }, [...at, 'aims', i], undefined),
    );
  });
  capacity.measures.forEach((measure, i) => {
    const path = [...at, 'measures', i];
    out.push(
      entry({ edit: 'update-measure', capacityId, itemId: measure.id }, path, undefined),
      entry(
        { edit: 'remove-measure', capacityId, itemId: measure.id },
        path,
        measureInUseRefusal(capacity, measure.id, path),
      ),
    );
    const points = [...path, 'points'];
    out.push(
      entry(
        { edit: 'record-data-point', capacityId, itemId: measure.id },
        points,
        measure.points.length >= LIMITS.listItems ? listFullRefusal(points) : undefined,
      ),
    );
    measure.points.forEach((point, p) =>
      out.push(entry({ edit: 'remove-data-point', capacityId, itemId: point.date }, [...points, p], undefined)),
    );
  });
  capacity.changeIdeas.forEach((idea, i) => {
    const path = [...at, 'changeIdeas', i];
    const ids = { capacityId, changeIdeaId: idea.id };
    out.push(
      entry({ edit: 'update-change-idea', capacityId, itemId: idea.id }, path, undefined),
      entry({ edit: 'remove-change-idea', capacityId, itemId: idea.id }, path, undefined),
    );
    const cycles = [...path, 'cycles'];
    const newCycle = [...cycles, idea.cycles.length];
    const full = idea.cycles.length >= LIMITS.listItems ? listFullRefusal(cycles) : undefined;
    out.push(entry({ edit: 'start-pdsa-cycle', ...ids }, newCycle, full ?? openCycleRefusal(idea, newCycle)));
    idea.cycles.forEach((cycle, c) => {
      if (cycle.completedDate === undefined)
        out.push(entry({ edit: 'complete-pdsa-cycle', ...ids, itemId: cycle.id }, [...cycles, c], undefined));
    });
    const spread = [...path, 'spread'];
    out.push(entry({ edit: 'record-spread', ...ids }, spread, canSpread(idea) ? undefined : spreadRefusal(spread)));
    if (idea.spread) out.push(entry({ edit: 'withdraw-spread', ...ids }, spread, undefined));
  });
  capacity.evidence.forEach((note, i) =>
    out.push(entry({ edit: 'remove-evidence', capacityId, itemId: note.id }, [...at, 'evidence', i], undefined)),
  );
}

/**
 * The edits of `plan` core would accept now, and the ones it would refuse
 * with their reason: the plan equivalent of the referral workflow's
 * `allowedActions`. An editor shows a form or button for each allowed edit
 * and, for a refused one, the reason at its field (`refusal.path`). Status
 * changes follow {@link PLAN_STATUS_TRANSITIONS} (allowed ones first, in its order); a new PDSA cycle waits
 * while {@link MAX_OPEN_CYCLES} cycle is open; spread needs an adopted cycle
 * ({@link canSpread}); a measure an aim names cannot be removed; a list
 * holds at most `LIMITS.listItems` entries.
 *
 * Every entry agrees with the operation itself: an allowed edit given valid
 * input is accepted, a refused one is refused with the same code, message
 * and path (a property test checks this).
 *
 * @param plan - The plan as it is now.
 * @param options - `capacityId` limits the capacity edits to one capacity (a missing capacity gives none).
 * @returns One entry per edit: plan level first (title, each other status), then capacities, then themes.
 */
export function allowedPlanEdits(plan: Plan, options: AllowedPlanEditsOptions = {}): PlanEdit[] {
  const out: PlanEdit[] = [entry({ edit: 'set-title' }, ['title'], undefined)];
  // The lifecycle's order first (the order an editor offers them), then the moves it does not allow.
  const allowedFirst = new Set<PlanStatus>([...PLAN_STATUS_TRANSITIONS[plan.status], ...PLAN_STATUSES]);
  for (const to of allowedFirst) {
    if (to === plan.status) continue;
    const allowed = PLAN_STATUS_TRANSITIONS[plan.status].includes(to);
    out.push(
      entry({ edit: 'change-status', to }, ['status'], allowed ? undefined : statusTransitionRefusal(plan.status, to)),
    );
  }
  const ids = options.capacityId === undefined ? Object.keys(plan.capacities) : [options.capacityId];
  for (const id of ids) {
    if (Object.hasOwn(plan.capacities, id)) capacityEdits(id, plan.capacities[id]!, out);
  }
  if (options.capacityId === undefined) {
    for (const themeId of Object.keys(plan.themes)) {
      out.push(entry({ edit: 'set-theme-focus', themeId }, ['themes', themeId, 'focusAreas'], undefined));
    }
  }
  return out;
}

/**
 * The entry of `edits` for one edit at one path (for `change-status`, pass
 * the target status as `to`): what a form asks before it offers the edit.
 */
export function findPlanEdit(
  edits: readonly PlanEdit[],
  edit: PlanEditKind,
  match: {
    readonly path?: string;
    readonly itemId?: string;
    readonly changeIdeaId?: string;
    readonly to?: PlanStatus;
  } = {},
): PlanEdit | undefined {
  return edits.find(
    (e) =>
      e.edit === edit &&
      (match.path === undefined || e.path === match.path) &&
      (match.itemId === undefined || e.itemId === match.itemId) &&
      (match.changeIdeaId === undefined || e.changeIdeaId === match.changeIdeaId) &&
      (match.to === undefined || e.to === match.to),
  );
}
