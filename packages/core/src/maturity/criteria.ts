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

/** Parameters criteria read (see `RubricParameters`). */
export interface CriterionParameters {
  readonly sustainedPoints: number;
  readonly outstandingPoints: number;
}

/** Whether a criterion is met, and why, in plain English. */
export interface CriterionOutcome {
  readonly met: boolean;
  /** When met, the evidence found; when unmet, what is missing. */
  readonly reason: string;
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

const met = (reason: string): CriterionOutcome => ({ met: true, reason });
const unmet = (reason: string): CriterionOutcome => ({ met: false, reason });

/** Formats a number for a reason: at most 2 decimals, with the unit when there is one (`36%`, `12 referrals`). */
export function formatValue(value: number, unit?: string): string {
  const rounded = Math.round(value * 100) / 100;
  const text = String(rounded);
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

const quote = (text: string) => `“${text}”`;

function withTarget(ctx: CriterionContext): MeasureView[] {
  return ctx.measures.filter((m) => !m.balancing && m.target !== undefined);
}

function targetCriterion(
  id: string,
  title: string,
  needed: (p: CriterionParameters) => number,
  describe: (n: number) => string,
): CriterionDefinition {
  return {
    id,
    title,
    evaluate(ctx) {
      const n = needed(ctx.parameters);
      const candidates = withTarget(ctx);
      if (candidates.length === 0)
        return unmet('No aim with a numeric target is linked to a measure (set the aim’s target and its measure).');
      const best = candidates.reduce((a, b) => (scoreTarget(b) > scoreTarget(a) ? b : a));
      const hit = candidates.find((m) => m.pointsMeetingTarget >= n && m.analysis.improvement);
      if (hit) {
        return met(
          `${quote(hit.measure.name)} has met its target of ${formatValue(hit.target!, hit.measure.unit)} ${describe(
            hit.pointsMeetingTarget,
          )}, with a run-chart signal of improvement.`,
        );
      }
      const m = best;
      const target = formatValue(m.target!, m.measure.unit);
      if (m.latest === undefined)
        return unmet(`${quote(m.measure.name)} has no data yet to compare with its target of ${target}.`);
      if (m.pointsMeetingTarget === 0) {
        return unmet(
          `The latest value of ${quote(m.measure.name)} is ${formatValue(
            m.latest.value,
            m.measure.unit,
          )}, short of its target of ${target}.`,
        );
      }
      if (m.pointsMeetingTarget < n) {
        return unmet(
          `${quote(m.measure.name)} has met its target of ${target} on the last ${plural(
            m.pointsMeetingTarget,
            'point',
          )}; ${describe(n)} is needed.`,
        );
      }
      const against = movedAgainst(m);
      return unmet(
        against
          ? `${quote(m.measure.name)} has met its target of ${target}, but ${against}.`
          : `${quote(
              m.measure.name,
            )} has met its target of ${target}, but its run chart shows no shift or trend of improvement yet.`,
      );
    },
  };
}

function scoreTarget(m: MeasureView): number {
  return m.pointsMeetingTarget * 2 + (m.analysis.improvement ? 1 : 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "a shift of 6 points above its baseline of 10 signposts per week", "a trend of 5 points falling". */
function describeSignalBriefly(m: MeasureView, s: RunChartSignal): string {
  if (s.type === 'trend') return `a trend of ${s.length} points ${s.direction === 'up' ? 'rising' : 'falling'}`;
  const centre = m.centre === undefined ? '' : ` of ${formatValue(m.centre, m.measure.unit)}`;
  return `a shift of ${s.length} points ${s.direction === 'up' ? 'above' : 'below'} its baseline${centre}`;
}

/**
 * "the measure has moved against its aim since 2023-03-01 (a shift of 6 points
 * below its baseline of 30)" when the run chart shows that after the
 * baseline, with no later signal of improvement; otherwise `undefined`.
 */
function movedAgainst(m: MeasureView): string | undefined {
  const d = m.analysis.deterioration;
  if (!d) return undefined;
  return `the measure has moved against its aim since ${m.points[d.start]!.date.slice(0, 10)} (${describeSignalBriefly(
    m,
    d,
  )})`;
}

/** "since the first change was tested (2022-02-01)". */
function sinceChange(m: MeasureView): string {
  return m.changeStart === undefined ? 'after its baseline' : `since the first change was tested (${m.changeStart})`;
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
      if (!c) return unmet('The plan has nothing for this capacity yet.');
      const anything =
        c.owner !== undefined ||
        c.team.length > 0 ||
        c.aims.length > 0 ||
        c.measures.length > 0 ||
        c.changeIdeas.length > 0 ||
        c.evidence.length > 0;
      return anything
        ? met('The plan addresses this capacity.')
        : unmet('The plan lists this capacity, but nothing is filled in yet.');
    },
  },
  'owner-named': {
    id: 'owner-named',
    title: 'Name an owner (a role or lead) for this capacity',
    evaluate(ctx) {
      const owner = ctx.capacity?.owner;
      if (!owner || owner.role.trim() === '') return unmet('No owner is named for this capacity.');
      return met(`Owned by ${owner.name ? `${owner.name} (${owner.role})` : owner.role}.`);
    },
  },
  'team-named': {
    id: 'team-named',
    title: 'Name the team working on this capacity',
    evaluate(ctx) {
      const team = ctx.capacity?.team ?? [];
      return team.length > 0
        ? met(`The team has ${plural(team.length, 'member')}.`)
        : unmet('No team is named for this capacity.');
    },
  },
  'aim-stated': {
    id: 'aim-stated',
    title: 'State an aim: what are we trying to accomplish?',
    evaluate(ctx) {
      const aims = (ctx.capacity?.aims ?? []).filter((a) => a.statement.trim() !== '');
      return aims.length > 0
        ? met(`${plural(aims.length, 'aim')} stated.`)
        : unmet('No aim is stated for this capacity.');
    },
  },
  'aim-has-target-and-date': {
    id: 'aim-has-target-and-date',
    title: 'Give an aim a numeric target and a target date',
    evaluate(ctx) {
      const aims = ctx.capacity?.aims ?? [];
      const full = aims.find((a) => a.target !== undefined && a.targetDate !== undefined);
      if (full) return met(`An aim has a target of ${formatValue(full.target!, full.unit)} by ${full.targetDate}.`);
      if (aims.some((a) => a.target !== undefined)) return unmet('An aim has a target but no target date.');
      if (aims.some((a) => a.targetDate !== undefined)) return unmet('An aim has a target date but no numeric target.');
      return unmet('No aim has a numeric target and a target date.');
    },
  },
  'measure-defined': {
    id: 'measure-defined',
    title: 'Define a measure: how will we know a change is an improvement?',
    evaluate(ctx) {
      const n = ctx.capacity?.measures.length ?? 0;
      return n > 0 ? met(`${plural(n, 'measure')} defined.`) : unmet('No measure is defined for this capacity.');
    },
  },
  'baseline-recorded': {
    id: 'baseline-recorded',
    title: 'Record baseline data for a measure',
    evaluate(ctx) {
      const m = ctx.measures.find((v) => v.baseline !== undefined);
      if (!m)
        return unmet(
          ctx.measures.length === 0
            ? 'There is no measure to record a baseline for.'
            : 'No measure has a baseline or any data yet.',
        );
      return met(
        `${quote(m.measure.name)} has a baseline of ${formatValue(m.baseline!, m.measure.unit)}${
          m.baselineFromFirstPoint ? ' (its first data point)' : ''
        }.`,
      );
    },
  },
  'change-ideas-listed': {
    id: 'change-ideas-listed',
    title: 'List change ideas: what changes can we make?',
    evaluate(ctx) {
      const n = ctx.capacity?.changeIdeas.length ?? 0;
      return n > 0
        ? met(`${plural(n, 'change idea')} listed.`)
        : unmet('No change ideas are listed for this capacity.');
    },
  },
  'pdsa-studied': {
    id: 'pdsa-studied',
    title: 'Test a change in a PDSA cycle and write up the Study',
    evaluate(ctx) {
      const written = ctx.cycles.filter((c) => c.cycle.study !== undefined && c.cycle.study.trim() !== '');
      const studied = written.find((c) => completedBy(c.cycle.completedDate, ctx.asOf));
      if (studied) return met(`A PDSA cycle of ${quote(studied.idea.title)} has been studied.`);
      if (ctx.cycles.length === 0) return unmet('No PDSA cycle has been started.');
      const pending = written[0];
      if (pending) {
        return unmet(
          pending.cycle.completedDate === undefined
            ? `A PDSA cycle of ${quote(
                pending.idea.title,
              )} has a Study written, but no completion date: a Study counts once the cycle is completed.`
            : `A PDSA cycle of ${quote(pending.idea.title)} is completed on ${pending.cycle.completedDate.slice(
                0,
                10,
              )}, after ${ctx.asOf}: its Study counts from then.`,
        );
      }
      return unmet('PDSA cycles have started, but none has a Study recorded yet.');
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
        return met(
          `${quote(better.measure.name)} has moved from its baseline of ${formatValue(
            better.centre!,
            better.measure.unit,
          )} to ${formatValue(better.latest!.value, better.measure.unit)} ${sinceChange(better)}.`,
        );
      }
      if (outcome.length === 0) return unmet('No outcome or process measure has a baseline yet.');
      const withLatest = outcome.find((m) => m.latest !== undefined);
      if (!withLatest) {
        const change = outcome[0]!.changeStart;
        return unmet(
          change === undefined
            ? 'No change has been tested yet: a measure moves beyond its baseline only after the first PDSA cycle starts.'
            : `No measure has data since the first change was tested (${change}).`,
        );
      }
      const m = outcome.find((v) => v.latest !== undefined && v.analysis.deterioration) ?? withLatest;
      const against = movedAgainst(m);
      const at = `${quote(m.measure.name)} is at ${formatValue(m.latest!.value, m.measure.unit)}`;
      const base = formatValue(m.centre!, m.measure.unit);
      return unmet(
        against
          ? `${at}, not better than its baseline of ${base}: ${against}.`
          : `${at}, not yet better than its baseline of ${base}.`,
      );
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
          return met(
            `The run chart of ${quote(m.measure.name)} shows ${describeSignalBriefly(m, signal)} ${sinceChange(m)}.`,
          );
      }
      if (candidates.length === 0) return unmet('No outcome or process measure to plot.');
      const worse = candidates.find((m) => m.analysis.deterioration);
      if (worse) {
        const earlier = worse.analysis.signals.find(
          (s) => s.phase === 'after' && s.type !== 'astronomical' && s.improvement,
        );
        return unmet(
          `The run chart of ${quote(worse.measure.name)} ${
            earlier ? `showed ${describeSignalBriefly(worse, earlier)}, but` : 'shows no improvement:'
          } ${movedAgainst(worse)}.`,
        );
      }
      if (candidates.every((m) => m.changeStart === undefined))
        return unmet(
          'No change has been tested yet: a run chart shows improvement only after the first PDSA cycle starts.',
        );
      const most = candidates.reduce((a, b) => (b.points.length > a.points.length ? b : a));
      const after = most.analysis.baseline?.afterStart;
      const count = after === undefined ? 0 : most.points.length - after;
      return unmet(
        `No run chart shows a shift (6 points on one side of the baseline) or a trend (5 points moving one way) in the direction of improvement ${sinceChange(
          most,
        )}; ${quote(most.measure.name)} has ${plural(count, 'point')} since then.`,
      );
    },
  },
  'target-met': targetCriterion(
    'target-met',
    'Reach the aim’s target on a measure that shows a signal of improvement',
    () => 1,
    (n) => (n === 1 ? 'at the latest point' : `on the last ${n} points`),
  ),
  'target-sustained': targetCriterion(
    'target-sustained',
    'Hold the target over a sustained period',
    (p) => p.sustainedPoints,
    (n) => `on the last ${n} points`,
  ),
  'target-sustained-long': targetCriterion(
    'target-sustained-long',
    'Hold the target over a longer period',
    (p) => p.outstandingPoints,
    (n) => `on the last ${n} points`,
  ),
  'change-adopted': {
    id: 'change-adopted',
    title: 'Adopt a tested change (Act: adopt)',
    evaluate(ctx) {
      const adopted = ctx.cycles.find((c) => c.cycle.act === 'adopt' && completedBy(c.cycle.completedDate, ctx.asOf));
      if (adopted) return met(`${quote(adopted.idea.title)} has been adopted.`);
      return unmet('No PDSA cycle has ended in a decision to adopt the change.');
    },
  },
  'change-spread': {
    id: 'change-spread',
    title: 'Spread an adopted change as standard practice across the team',
    evaluate(ctx) {
      const spread = (ctx.capacity?.changeIdeas ?? []).find(
        (i) => i.spread !== undefined && within(i.spread.date, ctx.asOf),
      );
      if (spread) return met(`${quote(spread.title)} has spread as standard practice (${spread.spread!.date}).`);
      return unmet('No change has been recorded as spread to standard practice.');
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
