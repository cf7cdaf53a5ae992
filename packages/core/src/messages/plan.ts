/**
 * The plan's rule issues and refusals as codes with parameters, and their
 * English. Every {@link PlanIssue} a plan operation, `checkPlanRules` or
 * `allowedPlanEdits` reports carries one of these codes as `messageCode`
 * (beside its {@link PlanErrorCode} `code`) with `params`; its English
 * `message` is rendered here, so it is written once. The parameters hold
 * ids, dates, numbers and list indexes, never English, so another language
 * can render the whole sentence.
 */
import type { MessageRenderers } from './types.js';

/** The kinds of item a plan lists, as `plan.unknown-item` names them. */
export type PlanItemKind = 'aim' | 'measure' | 'change-idea' | 'cycle' | 'evidence';

/** The lists of a plan whose ids must be unique, as `plan.duplicate-id` names them. */
export type PlanListName = 'aims' | 'measures' | 'changeIdeas' | 'evidence' | 'cycles' | 'focusAreas';

/** The parameters of each plan message code. */
export interface PlanMessageParams {
  /** An id that repeats the id of an earlier entry (`earlier` is its index in `list`). */
  readonly 'plan.duplicate-id': { readonly id: string; readonly list: PlanListName; readonly earlier: number };
  /** A new item's id that an item of the list already has. */
  readonly 'plan.id-taken': { readonly id: string };
  /** A data point on the same date as `points[earlier]`. */
  readonly 'plan.point-date-repeated': { readonly date: string; readonly earlier: number };
  /** A data point dated before `points[earlier]` (dated `previous`). */
  readonly 'plan.point-out-of-order': { readonly previous: string; readonly earlier: number };
  /** Data points given together that repeat a date. */
  readonly 'plan.points-repeat-date': { readonly date: string };
  /** A new data point on a date the measure has a point for already (with that point's `value`). */
  readonly 'plan.point-exists': { readonly date: string; readonly value: number };
  /** No data point on `date`. */
  readonly 'plan.no-point-on': { readonly date: string };
  /** A list that holds the most entries allowed. */
  readonly 'plan.list-full': { readonly maximum: number };
  /** A new cycle while `cycles[index]` (id `id`) is open. */
  readonly 'plan.cycle-open': { readonly index: number; readonly id: string };
  /** A second open cycle in a change idea (the first open one is `cycles[index]`). */
  readonly 'plan.second-open-cycle': { readonly index: number };
  /** A measure that `aims[aimIndex]` (id `aimId`) names. */
  readonly 'plan.measure-in-use': { readonly aimIndex: number; readonly aimId: string };
  /** A completion date before the cycle's `startDate`. */
  readonly 'plan.completed-before-start': { readonly startDate: string };
  readonly 'plan.study-required': Record<string, never>;
  readonly 'plan.act-required': Record<string, never>;
  readonly 'plan.act-before-completion': Record<string, never>;
  /** A cycle completed on `completedDate` that an edit would change. */
  readonly 'plan.cycle-completed': { readonly completedDate: string };
  /** A cycle completed already (on `completedDate`) that would be completed again. */
  readonly 'plan.cycle-already-completed': { readonly completedDate: string };
  readonly 'plan.spread-needs-adoption': Record<string, never>;
  /** An aim's `measureId` that the capacity has no measure for. */
  readonly 'plan.unknown-measure': { readonly measureId: string };
  /** No `item` with the id `id` in the list. */
  readonly 'plan.unknown-item': { readonly item: PlanItemKind; readonly id: string };
  readonly 'plan.unknown-capacity': Record<string, never>;
  readonly 'plan.unknown-theme': Record<string, never>;
  /** A status change the lifecycle does not allow (`next`: the statuses `from` can move to). */
  readonly 'plan.status-transition': { readonly from: string; readonly to: string; readonly next: readonly string[] };
  /** A team member named twice (`earlier` is the index of the first). */
  readonly 'plan.team-repeated': { readonly name: string; readonly earlier: number };
  /** A capacity named twice in one focus area. */
  readonly 'plan.capacity-repeated': { readonly capacityId: string };
  /** The plan names `planFramework`, but is checked against `framework`. */
  readonly 'plan.framework-mismatch': { readonly planFramework: string; readonly framework: string };
  /** A capacity id the framework (`framework` at `version`) does not have. */
  readonly 'plan.not-framework-capacity': { readonly framework: string; readonly version: string };
  /** A theme id the framework (`framework` at `version`) does not have. */
  readonly 'plan.not-framework-theme': { readonly framework: string; readonly version: string };
  readonly 'plan.focus-areas-not-list': Record<string, never>;
}

/** A plan message code. */
export type PlanMessageCode = keyof PlanMessageParams;

/** Each kind of plan item, as an English noun. */
export const PLAN_ITEM_NOUNS_EN: Readonly<Record<PlanItemKind, string>> = {
  aim: 'aim',
  measure: 'measure',
  'change-idea': 'change idea',
  cycle: 'cycle',
  evidence: 'evidence note',
};

/** The English of every plan message code (each a predicate after the field's path, as validation messages are). */
export const PLAN_MESSAGES_EN: MessageRenderers<PlanMessageParams> = {
  'plan.duplicate-id': (p) => `repeats the id "${p.id}" of ${p.list}[${p.earlier}]: ids must be unique in the list`,
  'plan.id-taken': (p) => `repeats the id "${p.id}": ids must be unique in the list`,
  'plan.point-date-repeated': (p) =>
    `repeats the date ${p.date} of points[${p.earlier}]: a measure has one point per date`,
  'plan.point-out-of-order': (p) =>
    `must be after ${p.previous}, the date of points[${p.earlier}]: points are kept in date order`,
  'plan.points-repeat-date': (p) => `repeats the date ${p.date}: a measure has one point per date`,
  'plan.point-exists': (p) => `already has a point on ${p.date} (value ${p.value}): a measure has one point per date`,
  'plan.no-point-on': (p) => `has no point on ${p.date}`,
  'plan.list-full': (p) => `already has the most entries allowed (${p.maximum})`,
  'plan.cycle-open': (p) => `cannot start while cycles[${p.index}] ("${p.id}") is still open: complete it first`,
  'plan.second-open-cycle': (p) =>
    `cannot be open while cycles[${p.index}] is still open: complete one cycle before starting the next`,
  'plan.measure-in-use': (p) => `is the measure of aims[${p.aimIndex}] ("${p.aimId}"): unlink it from the aim first`,
  'plan.completed-before-start': (p) => `must not be before the start date ${p.startDate}`,
  'plan.study-required': () => 'is required to complete a cycle: what did you learn, against the prediction?',
  'plan.act-required': () => 'is required to complete a cycle: adopt, adapt or abandon',
  'plan.act-before-completion': () => 'is decided when the cycle is completed: add completedDate, or remove act',
  'plan.cycle-completed': (p) => `was completed on ${p.completedDate} and can no longer be edited`,
  'plan.cycle-already-completed': (p) => `was already completed on ${p.completedDate}`,
  'plan.spread-needs-adoption': () =>
    'needs a completed cycle that adopted the change: a change spreads once it is adopted',
  'plan.unknown-measure': (p) => `names the measure "${p.measureId}", which this capacity does not have`,
  'plan.unknown-item': (p) => `has no ${PLAN_ITEM_NOUNS_EN[p.item]} with the id "${p.id}"`,
  'plan.unknown-capacity': () => 'is not a capacity of this plan',
  'plan.unknown-theme': () => 'is not a theme of this plan',
  'plan.status-transition': (p) =>
    `cannot change from "${p.from}" to "${p.to}": from "${p.from}" a plan can move to ${p.next
      .map((s) => `"${s}"`)
      .join(' or ')}`,
  'plan.team-repeated': (p) => `repeats "${p.name}" (team[${p.earlier}])`,
  'plan.capacity-repeated': (p) => `repeats the capacity "${p.capacityId}"`,
  'plan.framework-mismatch': (p) =>
    `is "${p.planFramework}", but the plan is being checked against the framework "${p.framework}"`,
  'plan.not-framework-capacity': (p) => `is not a capacity of the framework ${p.framework} ${p.version}`,
  'plan.not-framework-theme': (p) => `is not a theme of the framework ${p.framework} ${p.version}`,
  'plan.focus-areas-not-list': () => 'must be a list',
};

/** The English for a plan message code and its parameters. */
export function planMessage<C extends PlanMessageCode>(code: C, params: PlanMessageParams[C]): string {
  return (PLAN_MESSAGES_EN[code] as (p: PlanMessageParams[C]) => string)(params);
}
