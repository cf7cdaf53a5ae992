import type {
  ScorableAim,
  ScorableCapacityPlan,
  ScorableChangeIdea,
  ScorableCycle,
  ScorableDataPoint,
  ScorableMeasure,
  ScorablePlan,
} from './input.js';
import {
  analyseRunChart,
  baselinePointCount,
  firstChangeDate,
  type RunChartAnalysis,
  type RunChartSignal,
} from './run-chart.js';
import type { MessageParams } from '../messages/types.js';
import {
  maturityMessage,
  type AgainstParams,
  type MaturityMessageCode,
  type MaturityMessageParams,
  type SignalParams,
  type SinceParams,
} from '../messages/maturity.js';

/** Parameters criteria read (see `RubricParameters`). */
export interface CriterionParameters {
  readonly sustainedPoints: number;
  readonly outstandingPoints: number;
}

/** Whether a criterion is met, and why, in plain English (and, for the default criteria, as a code). */
export interface CriterionOutcome {
  readonly met: boolean;
  /** When met, the evidence found; when unmet, what is missing. */
  readonly reason: string;
  /** The code of `reason` (`maturity.no-owner`…, see `MATURITY_MESSAGES_EN`): with `params` it renders the reason in any language. A host's own criteria may leave it out. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
}

/**
 * A measure as the criteria see it: its points up to the as-of date in date
 * order, its baseline, its latest value, the aims that track it, and its
 * run-chart analysis against its baseline (computed once, on first use).
 */
export interface MeasureView {
  readonly measure: ScorableMeasure;
  /** Points dated on or before the as-of date, in ascending date order. */
  readonly points: readonly ScorableDataPoint[];
  /** The recorded baseline value: the measure's baseline, or else its first point. */
  readonly baseline: number | undefined;
  /** Whether {@link MeasureView.baseline} is the first data point (no baseline recorded). */
  readonly baselineFromFirstPoint: boolean;
  /** The day the capacity's first change was tested (its earliest PDSA cycle start), if any. */
  readonly changeStart: string | undefined;
  /**
   * The centre line the measure is judged against: the median of its baseline
   * period, or the recorded baseline when that period is short (see
   * `analyseRunChart`). `undefined` with no data.
   */
  readonly centre: number | undefined;
  /** The latest point after the baseline period (dated on or after {@link MeasureView.changeStart}), if any. */
  readonly latest: ScorableDataPoint | undefined;
  /** Aims of the same capacity that name this measure. */
  readonly aims: readonly ScorableAim[];
  /** The target of the first linked aim that has one. */
  readonly target: number | undefined;
  /** Balancing measures check nothing else got worse; they are not evidence of improvement. */
  readonly balancing: boolean;
  /** Run-chart analysis of {@link MeasureView.points} against the baseline (lazy). */
  readonly analysis: RunChartAnalysis;
  /**
   * How many of the latest points after the baseline, counting back from the
   * last, meet the target (0 without a target): an early point that met it
   * does not count once a later one falls short.
   */
  readonly pointsMeetingTarget: number;
}

/** What a criterion's predicate is given: one capacity's plan content and its context. */
export interface CriterionContext {
  readonly capacityId: string;
  /** The capacity's part of the plan; `undefined` when the plan does not mention it. */
  readonly capacity: ScorableCapacityPlan | undefined;
  readonly plan: ScorablePlan;
  /** Evidence dated after this day (`YYYY-MM-DD`) is ignored; `undefined` = no cut-off. */
  readonly asOf: string | undefined;
  readonly parameters: CriterionParameters;
  /** The capacity's measures as {@link MeasureView}s (computed once per capacity). */
  readonly measures: readonly MeasureView[];
  /** PDSA cycles started on or before the as-of date, with their change idea. */
  readonly cycles: readonly { readonly idea: ScorableChangeIdea; readonly cycle: ScorableCycle }[];
}

/**
 * A named, pure predicate over a capacity's plan content. `title` says what
 * to do to meet it (used as the next step); `evaluate` says whether it is
 * met and why.
 */
export interface CriterionDefinition {
  readonly id: string;
  /** What the practice should do to meet it, e.g. "Name an owner for this capacity". */
  readonly title: string;
  readonly evaluate: (context: CriterionContext) => CriterionOutcome;
}

/** Criteria by id. A rubric's levels refer to these ids. */
export type CriteriaRegistry = Readonly<Record<string, CriterionDefinition>>;

const outcome =
  (isMet: boolean) =>
  <C extends MaturityMessageCode>(code: C, params: MaturityMessageParams[C]): CriterionOutcome => ({
    met: isMet,
    reason: maturityMessage(code, params),
    messageCode: code,
    params: params as MessageParams,
  });
const met = outcome(true);
const unmet = outcome(false);

/** Formats a number for a reason: at most 2 decimals, with the unit when there is one (`36%`, `12 referrals`). */
export function formatValue(value: number, unit?: string): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(rounded);
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

function withTarget(ctx: CriterionContext): MeasureView[] {
  return ctx.measures.filter((m) => !m.balancing && m.target !== undefined);
}

function targetCriterion(
  id: string,
  title: string,
  needed: (p: CriterionParameters) => number,
  atLatest: (n: number) => boolean,
): CriterionDefinition {
  return {
    id,
    title,
    evaluate(ctx) {
      const n = needed(ctx.parameters);
      const candidates = withTarget(ctx);
      if (candidates.length === 0) return unmet('maturity.no-target-linked', {});
      const best = candidates.reduce((a, b) => (scoreTarget(b) > scoreTarget(a) ? b : a));
      const hit = candidates.find((m) => m.pointsMeetingTarget >= n && m.analysis.improvement);
      if (hit) {
        const points = hit.pointsMeetingTarget;
        return met('maturity.target-met', {
          measure: hit.measure.name,
          target: formatValue(hit.target!, hit.measure.unit),
          points,
          atLatest: atLatest(points),
        });
      }
      const m = best;
      const measure = m.measure.name;
      const target = formatValue(m.target!, m.measure.unit);
      if (m.latest === undefined) return unmet('maturity.target-no-data', { measure, target });
      if (m.pointsMeetingTarget === 0)
        return unmet('maturity.target-short', {
          measure,
          latest: formatValue(m.latest.value, m.measure.unit),
          target,
        });
      if (m.pointsMeetingTarget < n)
        return unmet('maturity.target-not-long-enough', {
          measure,
          target,
          met: m.pointsMeetingTarget,
          points: n,
          atLatest: atLatest(n),
        });
      const against = movedAgainst(m);
      return against
        ? unmet('maturity.target-met-against', { measure, target, ...against })
        : unmet('maturity.target-met-no-signal', { measure, target });
    },
  };
}

function scoreTarget(m: MeasureView): number {
  return m.pointsMeetingTarget * 2 + (m.analysis.improvement ? 1 : 0);
}

/**
 * A signal as a reason names it ("a shift of 6 points above its baseline of
 * 10 signposts per week", "a trend of 5 points falling"): its type, length,
 * direction and, for a shift, the baseline (with its unit).
 */
function signalParams(m: MeasureView, s: RunChartSignal): SignalParams {
  return {
    signalType: s.type === 'trend' ? 'trend' : 'shift',
    signalLength: s.length,
    signalDirection: s.direction,
    signalCentre: s.type === 'trend' || m.centre === undefined ? undefined : formatValue(m.centre, m.measure.unit),
  };
}

/**
 * "the measure has moved against its aim since 2023-03-01 (a shift of 6 points
 * below its baseline of 30)" when the run chart shows that after the
 * baseline, with no later signal of improvement (as parameters); otherwise `undefined`.
 */
function movedAgainst(m: MeasureView): AgainstParams | undefined {
  const d = m.analysis.deterioration;
  if (!d) return undefined;
  const s = signalParams(m, d);
  return {
    againstSince: m.points[d.start]!.date.slice(0, 10),
    againstType: s.signalType,
    againstLength: s.signalLength,
    againstDirection: s.signalDirection,
    againstCentre: s.signalCentre,
  };
}

/** "since the first change was tested (2022-02-01)", or "after its baseline" (as parameters). */
function sinceChange(m: MeasureView): SinceParams {
  return { changeStart: m.changeStart };
}

/**
 * The criteria the default rubric uses, each a pure predicate over one
 * capacity's plan content (plus the as-of date and rubric parameters).
 *
 * Conventions: evidence dated after the as-of date is ignored; balancing
 * measures never count as evidence of improvement; a measure is judged
 * against its **baseline**: the points before the capacity's first change
 * was tested (its earliest PDSA cycle start), their median as the centre
 * line, or the recorded baseline when there are fewer than
 * `MIN_BASELINE_POINTS` of them (a measure with neither uses its first data
 * point); only points and run-chart signals after the baseline count as
 * improvement, and a later shift or trend against the aim cancels the
 * credit. A PDSA cycle's Study and Act count only once its completion date
 * has passed.
 */
export const DEFAULT_CRITERIA: CriteriaRegistry = Object.freeze({
  'capacity-addressed': {
    id: 'capacity-addressed',
    title: 'Start the plan for this capacity',
    evaluate(ctx) {
      const c = ctx.capacity;
      if (!c) return unmet('maturity.nothing-for-capacity', {});
      const anything =
        c.owner !== undefined ||
        c.team.length > 0 ||
        c.aims.length > 0 ||
        c.measures.length > 0 ||
        c.changeIdeas.length > 0 ||
        c.evidence.length > 0;
      return anything ? met('maturity.capacity-addressed', {}) : unmet('maturity.capacity-empty', {});
    },
  },
  'owner-named': {
    id: 'owner-named',
    title: 'Name an owner (a role or lead) for this capacity',
    evaluate(ctx) {
      const owner = ctx.capacity?.owner;
      if (!owner || owner.role.trim() === '') return unmet('maturity.no-owner', {});
      return met('maturity.owned-by', { role: owner.role, name: owner.name || undefined });
    },
  },
  'team-named': {
    id: 'team-named',
    title: 'Name the team working on this capacity',
    evaluate(ctx) {
      const team = ctx.capacity?.team ?? [];
      return team.length > 0 ? met('maturity.team-members', { count: team.length }) : unmet('maturity.no-team', {});
    },
  },
  'aim-stated': {
    id: 'aim-stated',
    title: 'State an aim: what are we trying to accomplish?',
    evaluate(ctx) {
      const aims = (ctx.capacity?.aims ?? []).filter((a) => a.statement.trim() !== '');
      return aims.length > 0 ? met('maturity.aims-stated', { count: aims.length }) : unmet('maturity.no-aim', {});
    },
  },
  'aim-has-target-and-date': {
    id: 'aim-has-target-and-date',
    title: 'Give an aim a numeric target and a target date',
    evaluate(ctx) {
      const aims = ctx.capacity?.aims ?? [];
      const full = aims.find((a) => a.target !== undefined && a.targetDate !== undefined);
      if (full)
        return met('maturity.aim-target-date', {
          target: formatValue(full.target!, full.unit),
          date: String(full.targetDate),
        });
      if (aims.some((a) => a.target !== undefined)) return unmet('maturity.aim-no-date', {});
      if (aims.some((a) => a.targetDate !== undefined)) return unmet('maturity.aim-no-target', {});
      return unmet('maturity.no-aim-target-date', {});
    },
  },
  'measure-defined': {
    id: 'measure-defined',
    title: 'Define a measure: how will we know a change is an improvement?',
    evaluate(ctx) {
      const n = ctx.capacity?.measures.length ?? 0;
      return n > 0 ? met('maturity.measures-defined', { count: n }) : unmet('maturity.no-measure', {});
    },
  },
  'baseline-recorded': {
    id: 'baseline-recorded',
    title: 'Record baseline data for a measure',
    evaluate(ctx) {
      const m = ctx.measures.find((v) => v.baseline !== undefined);
      if (!m)
        return ctx.measures.length === 0
          ? unmet('maturity.no-measure-for-baseline', {})
          : unmet('maturity.no-baseline', {});
      return met('maturity.baseline', {
        measure: m.measure.name,
        baseline: formatValue(m.baseline!, m.measure.unit),
        firstPoint: m.baselineFromFirstPoint,
      });
    },
  },
  'change-ideas-listed': {
    id: 'change-ideas-listed',
    title: 'List change ideas: what changes can we make?',
    evaluate(ctx) {
      const n = ctx.capacity?.changeIdeas.length ?? 0;
      return n > 0 ? met('maturity.change-ideas-listed', { count: n }) : unmet('maturity.no-change-ideas', {});
    },
  },
  'pdsa-studied': {
    id: 'pdsa-studied',
    title: 'Test a change in a PDSA cycle and write up the Study',
    evaluate(ctx) {
      const written = ctx.cycles.filter((c) => c.cycle.study !== undefined && c.cycle.study.trim() !== '');
      const studied = written.find((c) => completedBy(c.cycle.completedDate, ctx.asOf));
      if (studied) return met('maturity.cycle-studied', { idea: studied.idea.title });
      if (ctx.cycles.length === 0) return unmet('maturity.no-cycle', {});
      const pending = written[0];
      if (pending) {
        return pending.cycle.completedDate === undefined
          ? unmet('maturity.study-not-completed', { idea: pending.idea.title })
          : unmet('maturity.study-completed-later', {
              idea: pending.idea.title,
              completed: pending.cycle.completedDate.slice(0, 10),
              asOf: String(ctx.asOf),
            });
      }
      return unmet('maturity.no-study', {});
    },
  },
  'moving-toward-target': {
    id: 'moving-toward-target',
    title: 'Keep collecting data until a measure moves beyond its baseline',
    evaluate(ctx) {
      const outcome = ctx.measures.filter((m) => !m.balancing && m.centre !== undefined);
      const better = outcome.find(
        (m) => m.latest !== undefined && isBetter(m.latest.value, m.centre!, m.measure.direction),
      );
      if (better) {
        return met('maturity.moved-from-baseline', {
          measure: better.measure.name,
          baseline: formatValue(better.centre!, better.measure.unit),
          latest: formatValue(better.latest!.value, better.measure.unit),
          ...sinceChange(better),
        });
      }
      if (outcome.length === 0) return unmet('maturity.no-outcome-baseline', {});
      const withLatest = outcome.find((m) => m.latest !== undefined);
      if (!withLatest) {
        const change = outcome[0]!.changeStart;
        return change === undefined
          ? unmet('maturity.no-change-tested-baseline', {})
          : unmet('maturity.no-data-since-change', { changeStart: change });
      }
      const m = outcome.find((v) => v.latest !== undefined && v.analysis.deterioration) ?? withLatest;
      const against = movedAgainst(m);
      const at = {
        measure: m.measure.name,
        latest: formatValue(m.latest!.value, m.measure.unit),
        baseline: formatValue(m.centre!, m.measure.unit),
      };
      return against
        ? unmet('maturity.not-better-against', { ...at, ...against })
        : unmet('maturity.not-yet-better', at);
    },
  },
  'improvement-signal': {
    id: 'improvement-signal',
    title: 'Keep plotting the measure until its run chart shows a shift or trend of improvement',
    evaluate(ctx) {
      const candidates = ctx.measures.filter((m) => !m.balancing);
      for (const m of candidates) {
        const signal = m.analysis.improvement ? m.analysis.credited : undefined;
        if (signal)
          return met('maturity.signal', { measure: m.measure.name, ...signalParams(m, signal), ...sinceChange(m) });
      }
      if (candidates.length === 0) return unmet('maturity.nothing-to-plot', {});
      const worse = candidates.find((m) => m.analysis.deterioration);
      if (worse) {
        const earlier = worse.analysis.signals.find(
          (s) => s.phase === 'after' && s.type !== 'astronomical' && s.improvement,
        );
        const against = movedAgainst(worse)!;
        return earlier
          ? unmet('maturity.signal-then-against', {
              measure: worse.measure.name,
              ...signalParams(worse, earlier),
              ...against,
            })
          : unmet('maturity.no-improvement-against', { measure: worse.measure.name, ...against });
      }
      if (candidates.every((m) => m.changeStart === undefined)) return unmet('maturity.no-change-tested-signal', {});
      const most = candidates.reduce((a, b) => (b.points.length > a.points.length ? b : a));
      const after = most.analysis.baseline?.afterStart;
      const count = after === undefined ? 0 : most.points.length - after;
      return unmet('maturity.no-signal', { measure: most.measure.name, count, ...sinceChange(most) });
    },
  },
  'target-met': targetCriterion(
    'target-met',
    'Reach the aim’s target on a measure that shows a signal of improvement',
    () => 1,
    (n) => n === 1,
  ),
  'target-sustained': targetCriterion(
    'target-sustained',
    'Hold the target over a sustained period',
    (p) => p.sustainedPoints,
    () => false,
  ),
  'target-sustained-long': targetCriterion(
    'target-sustained-long',
    'Hold the target over a longer period',
    (p) => p.outstandingPoints,
    () => false,
  ),
  'change-adopted': {
    id: 'change-adopted',
    title: 'Adopt a tested change (Act: adopt)',
    evaluate(ctx) {
      const adopted = ctx.cycles.find((c) => c.cycle.act === 'adopt' && completedBy(c.cycle.completedDate, ctx.asOf));
      if (adopted) return met('maturity.adopted', { idea: adopted.idea.title });
      return unmet('maturity.none-adopted', {});
    },
  },
  'change-spread': {
    id: 'change-spread',
    title: 'Spread an adopted change as standard practice across the team',
    evaluate(ctx) {
      const spread = (ctx.capacity?.changeIdeas ?? []).find(
        (i) => i.spread !== undefined && within(i.spread.date, ctx.asOf),
      );
      if (spread) return met('maturity.spread', { idea: spread.title, date: spread.spread!.date });
      return unmet('maturity.none-spread', {});
    },
  },
} satisfies Record<string, CriterionDefinition>);

/** Whether `value` is better than `reference` in `direction` (strictly). */
export function isBetter(value: number, reference: number, direction: 'increase' | 'decrease'): boolean {
  return direction === 'increase' ? value > reference : value < reference;
}

/** Whether `value` meets `target` in `direction` (reaching it exactly counts). */
export function meetsTarget(value: number, target: number, direction: 'increase' | 'decrease'): boolean {
  return direction === 'increase' ? value >= target : value <= target;
}

/** A date is within the as-of cut-off when there is no date, no cut-off, or it is on or before the cut-off. */
function within(date: string | undefined, asOf: string | undefined): boolean {
  return date === undefined || asOf === undefined || date.slice(0, 10) <= asOf;
}

/** A cycle is completed by the as-of date when it has a completion date on or before it (no date: not completed). */
function completedBy(completedDate: string | undefined, asOf: string | undefined): boolean {
  return completedDate !== undefined && (asOf === undefined || completedDate.slice(0, 10) <= asOf);
}

/**
 * Builds the {@link CriterionContext} for one capacity: filters evidence to
 * the as-of date and prepares each measure once (its run chart is analysed
 * lazily, at most once).
 */
export function buildCriterionContext(
  plan: ScorablePlan,
  capacityId: string,
  asOf: string | undefined,
  parameters: CriterionParameters,
): CriterionContext {
  const capacity = Object.hasOwn(plan.capacities, capacityId) ? plan.capacities[capacityId] : undefined;
  const changeStart = capacity ? firstChangeDate(capacity.changeIdeas, asOf) : undefined;
  const measures = (capacity?.measures ?? []).map((measure) => measureView(measure, capacity!.aims, asOf, changeStart));
  const cycles: { idea: ScorableChangeIdea; cycle: ScorableCycle }[] = [];
  for (const idea of capacity?.changeIdeas ?? []) {
    for (const cycle of idea.cycles) if (within(cycle.startDate, asOf)) cycles.push({ idea, cycle });
  }
  return { capacityId, capacity, plan, asOf, parameters, measures, cycles };
}

function measureView(
  measure: ScorableMeasure,
  aims: readonly ScorableAim[],
  asOf: string | undefined,
  changeStart: string | undefined,
): MeasureView {
  return new LazyMeasureView(measure, aims, asOf, changeStart);
}

/** A {@link MeasureView} whose run chart is analysed on first use (a class, so no closure per measure). */
class LazyMeasureView implements MeasureView {
  readonly points: readonly ScorableDataPoint[];
  readonly baseline: number | undefined;
  readonly baselineFromFirstPoint: boolean;
  readonly aims: readonly ScorableAim[];
  readonly target: number | undefined;
  readonly balancing: boolean;
  readonly #recorded: number | undefined;
  #analysis: RunChartAnalysis | undefined;
  #meeting: number | undefined;

  constructor(
    readonly measure: ScorableMeasure,
    aims: readonly ScorableAim[],
    asOf: string | undefined,
    readonly changeStart: string | undefined,
  ) {
    const points = pointsUpTo(measure.points, asOf);
    const recorded =
      measure.baseline !== undefined && within(measure.baseline.date, asOf) ? measure.baseline.value : undefined;
    this.points = points;
    this.#recorded = recorded;
    this.baselineFromFirstPoint = recorded === undefined && points.length > 0;
    this.baseline = recorded ?? points[0]?.value;
    const linked: ScorableAim[] = [];
    let target: number | undefined;
    for (const aim of aims) {
      if (aim.measureId !== measure.id) continue;
      linked.push(aim);
      if (target === undefined && aim.target !== undefined) target = aim.target;
    }
    this.aims = linked;
    this.target = target;
    this.balancing = measure.kind === 'balancing';
  }

  get analysis(): RunChartAnalysis {
    return (this.#analysis ??= analyseRunChart(this.points, {
      direction: this.measure.direction,
      baselinePoints: baselinePointCount(this.points, this.changeStart),
      ...(this.#recorded !== undefined ? { recordedBaseline: this.#recorded } : {}),
      astronomical: false,
    }));
  }

  get centre(): number | undefined {
    return this.analysis.median ?? undefined;
  }

  get latest(): ScorableDataPoint | undefined {
    return this.analysis.baseline?.afterStart === undefined ? undefined : this.points[this.points.length - 1];
  }

  get pointsMeetingTarget(): number {
    if (this.#meeting !== undefined) return this.#meeting;
    let meeting = 0;
    const target = this.target;
    const after = this.analysis.baseline?.afterStart;
    if (target !== undefined && after !== undefined) {
      const points = this.points;
      for (let i = points.length - 1; i >= after && meetsTarget(points[i]!.value, target, this.measure.direction); i--)
        meeting++;
    }
    return (this.#meeting = meeting);
  }
}

/** Points on or before `asOf`, in ascending date order (sorted only if the input is not). */
function pointsUpTo(points: readonly ScorableDataPoint[], asOf: string | undefined): readonly ScorableDataPoint[] {
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.date < points[i - 1]!.date) {
      sorted = false;
      break;
    }
  }
  const ordered = sorted ? points : [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (asOf === undefined || ordered.length === 0 || ordered[ordered.length - 1]!.date.slice(0, 10) <= asOf)
    return ordered;
  return ordered.filter((p) => p.date.slice(0, 10) <= asOf);
}
