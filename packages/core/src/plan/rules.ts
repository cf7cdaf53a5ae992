import type { Framework } from '../framework/types.js';
import { LIMITS } from '../validation/limits.js';
import { planMessage, type PlanListName, type PlanMessageCode, type PlanMessageParams } from '../messages/plan.js';
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

/**
 * A plan issue at `path`: the message code and its parameters, the English
 * rendered from them (`PLAN_MESSAGES_EN`), and the plan error code.
 */
export function planIssue<C extends PlanMessageCode>(
  path: Segments,
  messageCode: C,
  params: PlanMessageParams[C],
  code: PlanErrorCode = 'invalid',
): PlanIssue {
  return { path: formatPath(path), message: planMessage(messageCode, params), messageCode, params, code };
}

/** Reports ids that repeat within one list, at the repeated entry's `id`. */
function uniqueIds(items: readonly { id: string }[], path: Segments, list: PlanListName, out: PlanIssue[]): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, index);
    else out.push(planIssue([...path, index, 'id'], 'plan.duplicate-id', { id: item.id, list, earlier }, 'duplicate'));
  });
}

function checkPoints(measure: Measure, path: Segments, out: PlanIssue[]): void {
  for (let i = 1; i < measure.points.length; i++) {
    const previous = measure.points[i - 1]!.date;
    const date = measure.points[i]!.date;
    if (date === previous) {
      out.push(
        planIssue([...path, 'points', i, 'date'], 'plan.point-date-repeated', { date, earlier: i - 1 }, 'duplicate'),
      );
    } else if (date < previous) {
      out.push(planIssue([...path, 'points', i, 'date'], 'plan.point-out-of-order', { previous, earlier: i - 1 }));
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
export const SPREAD_NEEDS_ADOPTION: string = /* @__PURE__ */ planMessage('plan.spread-needs-adoption', {});

/** The refusal of spread before adoption (code `state`, message code `plan.spread-needs-adoption`), at `path`. */
export function spreadRefusal(path: readonly PropertyKey[]): PlanIssue {
  return planIssue(path, 'plan.spread-needs-adoption', {}, 'state');
}

/** Whether a change idea may be recorded as spread across the team: one of its cycles was completed with the decision to adopt. */
export function canSpread(idea: Pick<ChangeIdea, 'cycles'>): boolean {
  return idea.cycles.some((cycle) => cycle.act === 'adopt' && isCycleComplete(cycle));
}

/** The reason `addX`/`recordDataPoint` refuse a full list (code `invalid`), at the list's path. */
export function listFullRefusal(path: readonly PropertyKey[], max: number = LIMITS.listItems): PlanIssue {
  return planIssue(path, 'plan.list-full', { maximum: max });
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
  return planIssue(at, 'plan.cycle-open', { index: first, id: idea.cycles[first]!.id }, 'state');
}

/** Why a measure cannot be removed (code `in-use`: an aim names it), or `undefined`. */
export function measureInUseRefusal(
  capacity: Pick<CapacityPlan, 'aims'>,
  measureId: string,
  at: readonly PropertyKey[],
): PlanIssue | undefined {
  const aimIndex = capacity.aims.findIndex((aim) => aim.measureId === measureId);
  if (aimIndex < 0) return undefined;
  return planIssue(at, 'plan.measure-in-use', { aimIndex, aimId: capacity.aims[aimIndex]!.id }, 'in-use');
}

function checkChangeIdea(idea: ChangeIdea, path: Segments, out: PlanIssue[]): void {
  uniqueIds(idea.cycles, [...path, 'cycles'], 'cycles', out);
  let openIndex: number | undefined;
  idea.cycles.forEach((cycle, index) => {
    const at = [...path, 'cycles', index];
    if (cycle.completedDate !== undefined) {
      if (cycle.completedDate < cycle.startDate) {
        out.push(planIssue([...at, 'completedDate'], 'plan.completed-before-start', { startDate: cycle.startDate }));
      }
      if (cycle.study === undefined) out.push(planIssue([...at, 'study'], 'plan.study-required', {}));
      if (cycle.act === undefined) out.push(planIssue([...at, 'act'], 'plan.act-required', {}));
    } else {
      if (cycle.act !== undefined) {
        out.push(planIssue([...at, 'act'], 'plan.act-before-completion', {}));
      }
      if (openIndex !== undefined) {
        out.push(planIssue(at, 'plan.second-open-cycle', { index: openIndex }, 'state'));
      } else {
        openIndex = index;
      }
    }
  });
  if (idea.spread !== undefined && !canSpread(idea)) out.push(spreadRefusal([...path, 'spread']));
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
        planIssue(
          [...path, 'aims', index, 'measureId'],
          'plan.unknown-measure',
          { measureId: aim.measureId },
          'not-found',
        ),
      );
    }
  });
  capacity.measures.forEach((measure, index) => checkPoints(measure, [...path, 'measures', index], out));
  capacity.changeIdeas.forEach((idea, index) => checkChangeIdea(idea, [...path, 'changeIdeas', index], out));
}

const ofFramework = (framework: Framework) => ({ framework: framework.id, version: framework.version });

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
      planIssue(['framework', 'id'], 'plan.framework-mismatch', {
        planFramework: plan.framework.id,
        framework: framework.id,
      }),
    );
  }
  for (const [capacityId, capacity] of Object.entries(plan.capacities)) {
    if (capacityIds && !capacityIds.has(capacityId)) {
      out.push(
        planIssue(['capacities', capacityId], 'plan.not-framework-capacity', ofFramework(framework!), 'not-found'),
      );
    }
    checkCapacity(capacity, ['capacities', capacityId], out);
  }
  for (const [themeId, theme] of Object.entries(plan.themes)) {
    const path = ['themes', themeId];
    if (themeIds && !themeIds.has(themeId)) {
      out.push(planIssue(path, 'plan.not-framework-theme', ofFramework(framework!), 'not-found'));
    }
    uniqueIds(theme.focusAreas, [...path, 'focusAreas'], 'focusAreas', out);
    theme.focusAreas.forEach((area, index) => {
      const seen = new Set<string>();
      area.capacities.forEach((capacityId, i) => {
        const at = [...path, 'focusAreas', index, 'capacities', i];
        if (seen.has(capacityId)) out.push(planIssue(at, 'plan.capacity-repeated', { capacityId }, 'duplicate'));
        seen.add(capacityId);
        if (capacityIds && !capacityIds.has(capacityId)) {
          out.push(planIssue(at, 'plan.not-framework-capacity', ofFramework(framework!), 'not-found'));
        }
      });
    });
  }
  return out;
}
