import type { Framework } from '../framework/types.js';
import { LIMITS } from '../validation/limits.js';
import { formatPath } from '../validation/path.js';
import type { CapacityPlan, ChangeIdea, Measure, Plan, PlanErrorCode, PlanIssue } from './types.js';

/** Options for checking a plan against a framework. */
export interface PlanRuleOptions {
  /**
   * The framework whose capacity and theme ids the plan must use. Defaults to
   * `LINKS_FRAMEWORK` (applied by the callers that take options); `null`
   * skips the framework checks.
   */
  readonly framework?: Framework | null;
}

type Segments = readonly PropertyKey[];

function issue(path: Segments, message: string, code: PlanErrorCode = 'invalid'): PlanIssue {
  return { path: formatPath(path), message, code };
}

/** Reports ids that repeat within one list, at the repeated entry's `id`. */
function uniqueIds(items: readonly { id: string }[], path: Segments, what: string, out: PlanIssue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else
      out.push(
        issue(
          [...path, index, 'id'],
          `repeats the id "${item.id}" of ${what}[${earlier}]: ids must be unique in the list`,
          'duplicate',
        ),
      );
  });
}

function checkPoints(measure: Measure, path: Segments, out: PlanIssue[]): void {
  for (let i = 1; i < measure.points.length; i++) {
    const previous = measure.points[i - 1]!.date;
    const date = measure.points[i]!.date;
    if (date === previous) {
      out.push(
        issue(
          [...path, 'points', i, 'date'],
          `repeats the date ${date} of points[${i - 1}]: a measure has one point per date`,
          'duplicate',
        ),
      );
    } else if (date < previous) {
      out.push(
        issue(
          [...path, 'points', i, 'date'],
          `must be after ${previous}, the date of points[${i - 1}]: points are kept in date order`,
        ),
      );
    }
  }
}

/** Is this PDSA cycle complete (studied, acted on, dated)? */
export function isCycleComplete(cycle: { completedDate?: string | undefined }): boolean {
  return cycle.completedDate !== undefined;
}

/** How many PDSA cycles of one change idea may be open (started, not completed) at a time. */
export const MAX_OPEN_CYCLES = 1;

/** Why a change idea cannot be recorded as spread yet (the rule {@link canSpread} checks). */
export const SPREAD_NEEDS_ADOPTION = 'needs a completed cycle that adopted the change: a change spreads once it is adopted';

/** Whether a change idea may be recorded as spread across the team: one of its cycles was completed with the decision to adopt. */
export function canSpread(idea: Pick<ChangeIdea, 'cycles'>): boolean {
  return idea.cycles.some((cycle) => cycle.act === 'adopt' && isCycleComplete(cycle));
}

/** The reason `addX`/`recordDataPoint` refuse a full list (code `invalid`), at the list's path. */
export function listFullRefusal(path: readonly PropertyKey[], max: number = LIMITS.listItems): PlanIssue {
  return { path: formatPath(path), message: `already has the most entries allowed (${max})`, code: 'invalid' };
}

/**
 * Why a new PDSA cycle of `idea` cannot start now (code `state`), or
 * `undefined` when it can: at most {@link MAX_OPEN_CYCLES} cycle may be open.
 * `at` is the path of the new cycle (`…changeIdeas[i].cycles[n]`).
 */
export function openCycleRefusal(idea: Pick<ChangeIdea, 'cycles'>, at: readonly PropertyKey[]): PlanIssue | undefined {
  const open = idea.cycles.filter((c) => c.completedDate === undefined);
  if (open.length < MAX_OPEN_CYCLES) return undefined;
  const first = idea.cycles.findIndex((c) => c.completedDate === undefined);
  return {
    path: formatPath(at),
    message: `cannot start while cycles[${first}] ("${idea.cycles[first]!.id}") is still open: complete it first`,
    code: 'state',
  };
}

/** Why a measure cannot be removed (code `in-use`: an aim names it), or `undefined`. */
export function measureInUseRefusal(
  capacity: Pick<CapacityPlan, 'aims'>,
  measureId: string,
  at: readonly PropertyKey[],
): PlanIssue | undefined {
  const aimIndex = capacity.aims.findIndex((aim) => aim.measureId === measureId);
  if (aimIndex < 0) return undefined;
  return {
    path: formatPath(at),
    message: `is the measure of aims[${aimIndex}] ("${capacity.aims[aimIndex]!.id}"): unlink it from the aim first`,
    code: 'in-use',
  };
}

function checkChangeIdea(idea: ChangeIdea, path: Segments, out: PlanIssue[]): void {
  uniqueIds(idea.cycles, [...path, 'cycles'], 'cycles', out);
  let openIndex: number | undefined;
  idea.cycles.forEach((cycle, index) => {
    const at = [...path, 'cycles', index];
    if (cycle.completedDate !== undefined) {
      if (cycle.completedDate < cycle.startDate) {
        out.push(issue([...at, 'completedDate'], `must not be before the start date ${cycle.startDate}`));
      }
      if (cycle.study === undefined)
        out.push(
          issue([...at, 'study'], 'is required to complete a cycle: what did you learn, against the prediction?'),
        );
      if (cycle.act === undefined)
        out.push(issue([...at, 'act'], 'is required to complete a cycle: adopt, adapt or abandon'));
    } else {
      if (cycle.act !== undefined) {
        out.push(issue([...at, 'act'], 'is decided when the cycle is completed: add completedDate, or remove act'));
      }
      if (openIndex !== undefined) {
        out.push(
          issue(
            [...at],
            `cannot be open while cycles[${openIndex}] is still open: complete one cycle before starting the next`,
            'state',
          ),
        );
      } else {
        openIndex = index;
      }
    }
  });
  if (idea.spread !== undefined && !canSpread(idea)) out.push(issue([...path, 'spread'], SPREAD_NEEDS_ADOPTION, 'state'));
}

function checkCapacity(capacity: CapacityPlan, path: Segments, out: PlanIssue[]): void {
  uniqueIds(capacity.aims, [...path, 'aims'], 'aims', out);
  uniqueIds(capacity.measures, [...path, 'measures'], 'measures', out);
  uniqueIds(capacity.changeIdeas, [...path, 'changeIdeas'], 'changeIdeas', out);
  uniqueIds(capacity.evidence, [...path, 'evidence'], 'evidence', out);
  const measureIds = new Set(capacity.measures.map((measure) => measure.id));
  capacity.aims.forEach((aim, index) => {
    if (aim.measureId !== undefined && !measureIds.has(aim.measureId)) {
      out.push(
        issue(
          [...path, 'aims', index, 'measureId'],
          `names the measure "${aim.measureId}", which this capacity does not have`,
          'not-found',
        ),
      );
    }
  });
  capacity.measures.forEach((measure, index) => checkPoints(measure, [...path, 'measures', index], out));
  capacity.changeIdeas.forEach((idea, index) => checkChangeIdea(idea, [...path, 'changeIdeas', index], out));
}

/**
 * Checks the rules that span fields of a plan whose shape is already valid:
 * ids unique within each list, an aim's `measureId` names a measure of the
 * same capacity, data points in ascending date order with one per date, PDSA
 * cycles completed with study, act and a date not before the start, at most
 * one open cycle per change idea, spread only after an adopted cycle, and —
 * with a framework — capacity and theme ids that the framework has.
 *
 * @returns every problem found, located by JSON path; empty when the plan is sound.
 */
export function checkPlanRules(plan: Plan, options: PlanRuleOptions = {}): PlanIssue[] {
  const out: PlanIssue[] = [];
  const framework = options.framework ?? null;
  const capacityIds = framework ? new Set(framework.capacities.map((c) => c.id)) : null;
  const themeIds = framework ? new Set(framework.themes.map((t) => t.id)) : null;
  if (framework && plan.framework.id !== framework.id) {
    out.push(
      issue(
        ['framework', 'id'],
        `is "${plan.framework.id}", but the plan is being checked against the framework "${framework.id}"`,
      ),
    );
  }
  for (const [capacityId, capacity] of Object.entries(plan.capacities)) {
    if (capacityIds && !capacityIds.has(capacityId)) {
      out.push(
        issue(
          ['capacities', capacityId],
          `is not a capacity of the framework ${framework!.id} ${framework!.version}`,
          'not-found',
        ),
      );
    }
    checkCapacity(capacity, ['capacities', capacityId], out);
  }
  for (const [themeId, theme] of Object.entries(plan.themes)) {
    const path = ['themes', themeId];
    if (themeIds && !themeIds.has(themeId)) {
      out.push(issue(path, `is not a theme of the framework ${framework!.id} ${framework!.version}`, 'not-found'));
    }
    uniqueIds(theme.focusAreas, [...path, 'focusAreas'], 'focusAreas', out);
    theme.focusAreas.forEach((area, index) => {
      const seen = new Set<string>();
      area.capacities.forEach((capacityId, i) => {
        const at = [...path, 'focusAreas', index, 'capacities', i];
        if (seen.has(capacityId)) out.push(issue(at, `repeats the capacity "${capacityId}"`, 'duplicate'));
        seen.add(capacityId);
        if (capacityIds && !capacityIds.has(capacityId)) {
          out.push(issue(at, `is not a capacity of the framework ${framework!.id} ${framework!.version}`, 'not-found'));
        }
      });
    });
  }
  return out;
}
