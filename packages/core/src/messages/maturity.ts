/**
 * The maturity scorer's reasons (why each criterion of the rubric is met or
 * not, as `CriterionResult.reason` and `NextStep.reason` give it) as codes
 * with parameters, and their English. Each criterion outcome of the default
 * criteria carries one of these codes as `messageCode` with `params`; its
 * English `reason` is rendered here, so it is written once. The parameters
 * hold the names people wrote (measures, change ideas, owners), dates,
 * counts and values already written with their unit (`36%`, `12 referrals`),
 * never English words, so another language can render the whole sentence.
 *
 * A run-chart signal named inside a reason is given flat, by a prefix:
 * `signal…` for a signal of improvement and `against…` for a movement against
 * the aim (`…Type` `shift` or `trend`, `…Length` points, `…Direction` `up` or
 * `down`, `…Centre` the baseline it shifted from, for a shift; `againstSince`
 * the date it started).
 */
import type { MessageRenderers } from './types.js';

/** A run-chart signal named in a reason (see the module's notes on the `signal…` and `against…` prefixes). */
export interface SignalParams {
  readonly signalType: 'shift' | 'trend';
  readonly signalLength: number;
  readonly signalDirection: 'up' | 'down';
  /** The baseline a shift is measured from (with its unit), when there is one. */
  readonly signalCentre?: string | undefined;
}

/** A movement against the aim named in a reason. */
export interface AgainstParams {
  /** The date (`YYYY-MM-DD`) it started. */
  readonly againstSince: string;
  readonly againstType: 'shift' | 'trend';
  readonly againstLength: number;
  readonly againstDirection: 'up' | 'down';
  readonly againstCentre?: string | undefined;
}

/** When a reason counts from: the first change's date, or (absent) "after its baseline". */
export interface SinceParams {
  /** The day the first change was tested, when one was. */
  readonly changeStart?: string | undefined;
}

/** How many of the latest points a target is met on (`atLatest`: said as "at the latest point"). */
export interface PointsParams {
  readonly points: number;
  readonly atLatest: boolean;
}

/** The parameters of each maturity message code. */
export interface MaturityMessageParams {
  readonly 'maturity.unknown-criterion': { readonly id: string };
  readonly 'maturity.nothing-for-capacity': Record<string, never>;
  readonly 'maturity.capacity-addressed': Record<string, never>;
  readonly 'maturity.capacity-empty': Record<string, never>;
  readonly 'maturity.no-owner': Record<string, never>;
  /** The owner's role, and name when given. */
  readonly 'maturity.owned-by': { readonly role: string; readonly name?: string | undefined };
  readonly 'maturity.team-members': { readonly count: number };
  readonly 'maturity.no-team': Record<string, never>;
  readonly 'maturity.aims-stated': { readonly count: number };
  readonly 'maturity.no-aim': Record<string, never>;
  /** An aim's `target` (with its unit) and its target `date`. */
  readonly 'maturity.aim-target-date': { readonly target: string; readonly date: string };
  readonly 'maturity.aim-no-date': Record<string, never>;
  readonly 'maturity.aim-no-target': Record<string, never>;
  readonly 'maturity.no-aim-target-date': Record<string, never>;
  readonly 'maturity.measures-defined': { readonly count: number };
  readonly 'maturity.no-measure': Record<string, never>;
  readonly 'maturity.no-measure-for-baseline': Record<string, never>;
  readonly 'maturity.no-baseline': Record<string, never>;
  /** A measure's baseline (with its unit); `firstPoint` when it is the measure's first data point. */
  readonly 'maturity.baseline': { readonly measure: string; readonly baseline: string; readonly firstPoint: boolean };
  readonly 'maturity.change-ideas-listed': { readonly count: number };
  readonly 'maturity.no-change-ideas': Record<string, never>;
  /** A change idea's title. */
  readonly 'maturity.cycle-studied': { readonly idea: string };
  readonly 'maturity.no-cycle': Record<string, never>;
  readonly 'maturity.study-not-completed': { readonly idea: string };
  readonly 'maturity.study-completed-later': {
    readonly idea: string;
    readonly completed: string;
    readonly asOf: string;
  };
  readonly 'maturity.no-study': Record<string, never>;
  readonly 'maturity.moved-from-baseline': {
    readonly measure: string;
    readonly baseline: string;
    readonly latest: string;
  } & SinceParams;
  readonly 'maturity.no-outcome-baseline': Record<string, never>;
  readonly 'maturity.no-change-tested-baseline': Record<string, never>;
  readonly 'maturity.no-data-since-change': { readonly changeStart: string };
  readonly 'maturity.not-better-against': {
    readonly measure: string;
    readonly latest: string;
    readonly baseline: string;
  } & AgainstParams;
  readonly 'maturity.not-yet-better': { readonly measure: string; readonly latest: string; readonly baseline: string };
  readonly 'maturity.signal': { readonly measure: string } & SignalParams & SinceParams;
  readonly 'maturity.nothing-to-plot': Record<string, never>;
  readonly 'maturity.signal-then-against': { readonly measure: string } & SignalParams & AgainstParams;
  readonly 'maturity.no-improvement-against': { readonly measure: string } & AgainstParams;
  readonly 'maturity.no-change-tested-signal': Record<string, never>;
  /** No signal yet; `measure` has `count` points since the change (or the baseline). */
  readonly 'maturity.no-signal': { readonly measure: string; readonly count: number } & SinceParams;
  readonly 'maturity.no-target-linked': Record<string, never>;
  /** A measure that met its `target` on enough points (`points`, `atLatest`), with a signal of improvement. */
  readonly 'maturity.target-met': { readonly measure: string; readonly target: string } & PointsParams;
  readonly 'maturity.target-no-data': { readonly measure: string; readonly target: string };
  readonly 'maturity.target-short': { readonly measure: string; readonly latest: string; readonly target: string };
  /** Met on the last `met` points, where `points` are needed. */
  readonly 'maturity.target-not-long-enough': {
    readonly measure: string;
    readonly target: string;
    readonly met: number;
  } & PointsParams;
  readonly 'maturity.target-met-against': { readonly measure: string; readonly target: string } & AgainstParams;
  readonly 'maturity.target-met-no-signal': { readonly measure: string; readonly target: string };
  readonly 'maturity.adopted': { readonly idea: string };
  readonly 'maturity.none-adopted': Record<string, never>;
  readonly 'maturity.spread': { readonly idea: string; readonly date: string };
  readonly 'maturity.none-spread': Record<string, never>;
}

/** A maturity message code. */
export type MaturityMessageCode = keyof MaturityMessageParams;

const quote = (text: string) => `“${text}”`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const since = (p: SinceParams) =>
  p.changeStart === undefined ? 'after its baseline' : `since the first change was tested (${p.changeStart})`;
const signal = (type: 'shift' | 'trend', length: number, direction: 'up' | 'down', centre: string | undefined) =>
  type === 'trend'
    ? `a trend of ${length} points ${direction === 'up' ? 'rising' : 'falling'}`
    : `a shift of ${length} points ${direction === 'up' ? 'above' : 'below'} its baseline${
        centre === undefined ? '' : ` of ${centre}`
      }`;
const improvement = (p: SignalParams) => signal(p.signalType, p.signalLength, p.signalDirection, p.signalCentre);
const against = (p: AgainstParams) =>
  `the measure has moved against its aim since ${p.againstSince} (${signal(
    p.againstType,
    p.againstLength,
    p.againstDirection,
    p.againstCentre,
  )})`;
const onPoints = (p: PointsParams) => (p.atLatest ? 'at the latest point' : `on the last ${p.points} points`);

/** The English of every maturity message code: the scorer's reasons, word for word. */
export const MATURITY_MESSAGES_EN: MessageRenderers<MaturityMessageParams> = {
  'maturity.unknown-criterion': (p) => `This rubric names a criterion this library does not know: "${p.id}".`,
  'maturity.nothing-for-capacity': () => 'The plan has nothing for this capacity yet.',
  'maturity.capacity-addressed': () => 'The plan addresses this capacity.',
  'maturity.capacity-empty': () => 'The plan lists this capacity, but nothing is filled in yet.',
  'maturity.no-owner': () => 'No owner is named for this capacity.',
  'maturity.owned-by': (p) => `Owned by ${p.name ? `${p.name} (${p.role})` : p.role}.`,
  'maturity.team-members': (p) => `The team has ${plural(p.count, 'member')}.`,
  'maturity.no-team': () => 'No team is named for this capacity.',
  'maturity.aims-stated': (p) => `${plural(p.count, 'aim')} stated.`,
  'maturity.no-aim': () => 'No aim is stated for this capacity.',
  'maturity.aim-target-date': (p) => `An aim has a target of ${p.target} by ${p.date}.`,
  'maturity.aim-no-date': () => 'An aim has a target but no target date.',
  'maturity.aim-no-target': () => 'An aim has a target date but no numeric target.',
  'maturity.no-aim-target-date': () => 'No aim has a numeric target and a target date.',
  'maturity.measures-defined': (p) => `${plural(p.count, 'measure')} defined.`,
  'maturity.no-measure': () => 'No measure is defined for this capacity.',
  'maturity.no-measure-for-baseline': () => 'There is no measure to record a baseline for.',
  'maturity.no-baseline': () => 'No measure has a baseline or any data yet.',
  'maturity.baseline': (p) =>
    `${quote(p.measure)} has a baseline of ${p.baseline}${p.firstPoint ? ' (its first data point)' : ''}.`,
  'maturity.change-ideas-listed': (p) => `${plural(p.count, 'change idea')} listed.`,
  'maturity.no-change-ideas': () => 'No change ideas are listed for this capacity.',
  'maturity.cycle-studied': (p) => `A PDSA cycle of ${quote(p.idea)} has been studied.`,
  'maturity.no-cycle': () => 'No PDSA cycle has been started.',
  'maturity.study-not-completed': (p) =>
    `A PDSA cycle of ${quote(p.idea)} has a Study written, but no completion date: a Study counts once the cycle is completed.`,
  'maturity.study-completed-later': (p) =>
    `A PDSA cycle of ${quote(p.idea)} is completed on ${p.completed}, after ${p.asOf}: its Study counts from then.`,
  'maturity.no-study': () => 'PDSA cycles have started, but none has a Study recorded yet.',
  'maturity.moved-from-baseline': (p) =>
    `${quote(p.measure)} has moved from its baseline of ${p.baseline} to ${p.latest} ${since(p)}.`,
  'maturity.no-outcome-baseline': () => 'No outcome or process measure has a baseline yet.',
  'maturity.no-change-tested-baseline': () =>
    'No change has been tested yet: a measure moves beyond its baseline only after the first PDSA cycle starts.',
  'maturity.no-data-since-change': (p) => `No measure has data since the first change was tested (${p.changeStart}).`,
  'maturity.not-better-against': (p) =>
    `${quote(p.measure)} is at ${p.latest}, not better than its baseline of ${p.baseline}: ${against(p)}.`,
  'maturity.not-yet-better': (p) =>
    `${quote(p.measure)} is at ${p.latest}, not yet better than its baseline of ${p.baseline}.`,
  'maturity.signal': (p) => `The run chart of ${quote(p.measure)} shows ${improvement(p)} ${since(p)}.`,
  'maturity.nothing-to-plot': () => 'No outcome or process measure to plot.',
  'maturity.signal-then-against': (p) =>
    `The run chart of ${quote(p.measure)} showed ${improvement(p)}, but ${against(p)}.`,
  'maturity.no-improvement-against': (p) => `The run chart of ${quote(p.measure)} shows no improvement: ${against(p)}.`,
  'maturity.no-change-tested-signal': () =>
    'No change has been tested yet: a run chart shows improvement only after the first PDSA cycle starts.',
  'maturity.no-signal': (p) =>
    `No run chart shows a shift (6 points on one side of the baseline) or a trend (5 points moving one way) in the direction of improvement ${since(
      p,
    )}; ${quote(p.measure)} has ${plural(p.count, 'point')} since then.`,
  'maturity.no-target-linked': () =>
    'No aim with a numeric target is linked to a measure (set the aim’s target and its measure).',
  'maturity.target-met': (p) =>
    `${quote(p.measure)} has met its target of ${p.target} ${onPoints(p)}, with a run-chart signal of improvement.`,
  'maturity.target-no-data': (p) => `${quote(p.measure)} has no data yet to compare with its target of ${p.target}.`,
  'maturity.target-short': (p) =>
    `The latest value of ${quote(p.measure)} is ${p.latest}, short of its target of ${p.target}.`,
  'maturity.target-not-long-enough': (p) =>
    `${quote(p.measure)} has met its target of ${p.target} on the last ${plural(p.met, 'point')}; ${onPoints(
      p,
    )} is needed.`,
  'maturity.target-met-against': (p) => `${quote(p.measure)} has met its target of ${p.target}, but ${against(p)}.`,
  'maturity.target-met-no-signal': (p) =>
    `${quote(p.measure)} has met its target of ${p.target}, but its run chart shows no shift or trend of improvement yet.`,
  'maturity.adopted': (p) => `${quote(p.idea)} has been adopted.`,
  'maturity.none-adopted': () => 'No PDSA cycle has ended in a decision to adopt the change.',
  'maturity.spread': (p) => `${quote(p.idea)} has spread as standard practice (${p.date}).`,
  'maturity.none-spread': () => 'No change has been recorded as spread to standard practice.',
};

/** The English for a maturity message code and its parameters. */
export function maturityMessage<C extends MaturityMessageCode>(code: C, params: MaturityMessageParams[C]): string {
  return (MATURITY_MESSAGES_EN[code] as (p: MaturityMessageParams[C]) => string)(params);
}
