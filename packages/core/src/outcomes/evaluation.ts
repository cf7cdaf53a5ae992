import type { Framework } from '../framework/types.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import {
  compareCohorts,
  levelDistribution,
  scorePlan,
  type LevelDistribution,
  type Rubric,
  type ScorablePlan,
  type ScorablePractice,
} from '../maturity/index.js';
import { caseloadMetrics, cohortReferralFigures, type MetricShare, type ReferralState } from '../referral/index.js';
import { compareOutcomeChange, type OutcomeComparison } from './change.js';
import type { ClusterMethod } from './cluster.js';
import type { Instrument, OutcomeResponse } from './types.js';

/** Programme or comparison. */
export type EvaluationCohort = 'programme' | 'comparison';

/** A practice as the evaluation needs it. `Practice` from the plan module fits. */
export interface EvaluationPractice {
  readonly id: string;
  readonly name?: string;
  readonly cohort: EvaluationCohort;
  /** Registered patients, for rates per 1,000. */
  readonly listSize?: number;
}

/** A calendar period, `YYYY-MM-DD` to `YYYY-MM-DD`, both ends included; either end may be open. */
export interface EvaluationPeriod {
  readonly from?: string;
  readonly to?: string;
}

/** One practice's referral rate. */
export interface PracticeReferralRate {
  readonly practiceId: string;
  readonly name?: string;
  readonly listSize?: number;
  readonly referrals: number;
  /** Referrals per 1,000 registered patients, to one decimal place; `null` without a list size. */
  readonly per1000: number | null;
}

/** One cohort's referral and engagement figures. */
export interface CohortReferralFigures {
  /** Practices in the cohort. */
  readonly practices: number;
  /** Registered patients in the cohort's practices that have a list size. */
  readonly listSize: number;
  /** Referrals made in the period (requested or beyond; drafts and entries in error left out). */
  readonly referrals: number;
  /**
   * Referrals per 1,000 registered patients over the cohort, to one decimal
   * place: referrals in practices with a list size ÷ their total list size
   * × 1,000. `null` when no practice has a list size.
   */
  readonly per1000: number | null;
  /** Each practice's rate, in the order the practices were given. */
  readonly practiceRates: readonly PracticeReferralRate[];
  /** Distinct people referred. */
  readonly people: number;
  /** People seen 3 or more times (the Links evaluation's engagement threshold). */
  readonly seenThreeOrMore: MetricShare;
  /** People linked to at least one community resource. */
  readonly linkedToResource: MetricShare;
}

/** One cohort's plan maturity (latest revision of each practice's plan). */
export interface CohortMaturityFigures {
  /** Practices with a plan. */
  readonly practices: number;
  /** Distribution of the practices' overall levels; `null` with no plans. */
  readonly overall: LevelDistribution | null;
  /** Median level per capacity, in framework order; `null` with no plans. */
  readonly capacities: readonly {
    readonly capacityId: string;
    readonly name: string;
    readonly median: number | null;
  }[];
}

/** Median overall maturity of each cohort on one date. */
export interface MaturityPoint {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly programme: number | null;
  readonly comparison: number | null;
  /** Practices with a plan saved by this date, per cohort. */
  readonly programmeCount: number;
  readonly comparisonCount: number;
}

/** Everything {@link evaluateProgramme} needs; every data set except `practices` is optional. */
export interface ProgrammeEvaluationInput {
  readonly practices: readonly EvaluationPractice[];
  /** Referral states (e.g. from `replay`). */
  readonly referrals?: readonly ReferralState[];
  /** Plan revisions, any number per practice (matched by `plan.practice.id`). */
  readonly plans?: readonly ScorablePlan[];
  /** An instrument and its responses. */
  readonly outcomes?: { readonly instrument: Instrument; readonly responses: readonly OutcomeResponse[] };
  /** "Today", `YYYY-MM-DD` or an ISO date-time: overdue flags and maturity are as of this day. */
  readonly asOf: string;
  /** Count only referrals requested in this period. Default: all. */
  readonly period?: EvaluationPeriod;
  /** Dates (`YYYY-MM-DD`) at which to take each cohort's median maturity, for a chart over time. */
  readonly maturityDates?: readonly string[];
  /** Confidence level of outcome intervals (default 0.95). */
  readonly confidence?: number;
  /** The cluster-aware analysis that gives the headline outcome interval: `practice-level` (default) or `cr2`. */
  readonly clusterMethod?: ClusterMethod;
  readonly framework?: Framework;
  readonly rubric?: Rubric;
}

/** Programme vs comparison practices: maturity, referrals, engagement and outcomes. */
export interface ProgrammeEvaluation {
  readonly asOf: string;
  readonly period: EvaluationPeriod;
  /** Practices per cohort. */
  readonly practices: { readonly programme: number; readonly comparison: number };
  /** `null` when no referrals were given. */
  readonly referrals: { readonly programme: CohortReferralFigures; readonly comparison: CohortReferralFigures } | null;
  /** `null` when no plans were given. */
  readonly maturity: {
    readonly programme: CohortMaturityFigures;
    readonly comparison: CohortMaturityFigures;
    /** Median overall level per cohort at each of `maturityDates`, in date order. */
    readonly overTime: readonly MaturityPoint[];
  } | null;
  /** `null` when no outcomes were given. */
  readonly outcomes: OutcomeComparison | null;
}

const dateOf = (instant: string) => instant.slice(0, 10);

function inPeriod(referral: ReferralState, period: EvaluationPeriod): boolean {
  const day = dateOf(referral.requestedAt ?? referral.createdAt);
  return (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);
}

/**
 * Referral and engagement figures per cohort: referrals made in the period,
 * referrals per 1,000 registered patients (over the cohort and per
 * practice), people referred, and the shares seen 3 or more times and linked
 * to a community resource. Referrals from practices not in `practices` are
 * left out. Built on the referral module's `caseloadMetrics`.
 */
export function referralFiguresByCohort(
  practices: readonly EvaluationPractice[],
  referrals: readonly ReferralState[],
  options: { readonly asOf: string; readonly period?: EvaluationPeriod },
): { readonly programme: CohortReferralFigures; readonly comparison: CohortReferralFigures } {
  const period = options.period ?? {};
  const figures = (cohort: EvaluationCohort): CohortReferralFigures => {
    const members = practices.filter((p) => p.cohort === cohort);
    const ids = new Set(members.map((p) => p.id));
    const mine = referrals.filter((r) => ids.has(r.practiceId) && inPeriod(r, period));
    const metrics = caseloadMetrics(mine, {
      asOf: options.asOf,
      practices: members.map((p) => ({
        id: p.id,
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.listSize !== undefined ? { listSize: p.listSize } : {}),
      })),
    });
    return cohortReferralFigures(members, metrics);
  };
  return { programme: figures('programme'), comparison: figures('comparison') };
}

function scorable(p: EvaluationPractice): ScorablePractice {
  return { id: p.id, name: p.name ?? p.id, cohort: p.cohort, listSize: p.listSize ?? 0 };
}

/**
 * Each cohort's median overall maturity on each date: every practice is
 * scored on its latest plan revision saved on or before the date, as of
 * that date. Practices with no plan by then are left out of that date.
 */
export function maturityOverTime(
  practices: readonly EvaluationPractice[],
  plans: readonly ScorablePlan[],
  dates: readonly string[],
  options: { readonly framework?: Framework; readonly rubric?: Rubric } = {},
): MaturityPoint[] {
  const cohortOf = new Map(practices.map((p) => [p.id, p.cohort]));
  const byPractice = new Map<string, ScorablePlan[]>();
  for (const plan of plans) {
    const id = plan.practice?.id;
    if (id === undefined || !cohortOf.has(id)) continue;
    const list = byPractice.get(id) ?? [];
    list.push(plan);
    byPractice.set(id, list);
  }
  for (const list of byPractice.values()) {
    list.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.savedAt ?? '').localeCompare(b.savedAt ?? ''));
  }
  return [...dates].sort().map((date) => {
    const levels: Record<EvaluationCohort, number[]> = { programme: [], comparison: [] };
    for (const [id, list] of byPractice) {
      let latest: ScorablePlan | undefined;
      for (const plan of list) if (plan.savedAt === undefined || dateOf(plan.savedAt) <= date) latest = plan;
      if (!latest) continue;
      const score = scorePlan(latest, {
        asOf: date,
        ...(options.framework ? { framework: options.framework } : {}),
        ...(options.rubric ? { rubric: options.rubric } : {}),
      });
      levels[cohortOf.get(id)!].push(score.overall.level);
    }
    return {
      date,
      programme: levelDistribution(levels.programme)?.median ?? null,
      comparison: levelDistribution(levels.comparison)?.median ?? null,
      programmeCount: levels.programme.length,
      comparisonCount: levels.comparison.length,
    };
  });
}

/**
 * Programme vs comparison practices, as the Links evaluation compared them:
 * plan maturity (now, and over time), referral volumes per 1,000 patients,
 * engagement (share seen 3 or more times), and the outcome measure's paired
 * change with the programme-vs-comparison difference. Each part is `null`
 * when its data were not given. Pure: the input is never modified.
 */
export function evaluateProgramme(input: ProgrammeEvaluationInput): ProgrammeEvaluation {
  const { practices, asOf } = input;
  const framework = input.framework ?? LINKS_FRAMEWORK;
  const period = input.period ?? {};
  const cohortOf = new Map(practices.map((p) => [p.id, p.cohort]));
  const count = (cohort: EvaluationCohort) => practices.filter((p) => p.cohort === cohort).length;

  const referrals = input.referrals ? referralFiguresByCohort(practices, input.referrals, { asOf, period }) : null;

  let maturity: ProgrammeEvaluation['maturity'] = null;
  if (input.plans) {
    const known = new Set(practices.map((p) => p.id));
    const plans = input.plans.filter((plan) => plan.practice !== undefined && known.has(plan.practice.id));
    const comparison = compareCohorts(practices.map(scorable), plans, {
      asOf: dateOf(asOf),
      framework,
      ...(input.rubric ? { rubric: input.rubric } : {}),
    });
    const cohortFigures = (cohort: EvaluationCohort): CohortMaturityFigures => ({
      practices: comparison.practices[cohort],
      overall: comparison.overall[cohort],
      capacities: comparison.capacities.map((c) => ({
        capacityId: c.capacityId,
        name: c.name,
        median: c[cohort]?.median ?? null,
      })),
    });
    maturity = {
      programme: cohortFigures('programme'),
      comparison: cohortFigures('comparison'),
      overTime: maturityOverTime(practices, plans, input.maturityDates ?? [], {
        framework,
        ...(input.rubric ? { rubric: input.rubric } : {}),
      }),
    };
  }

  const outcomes = input.outcomes
    ? compareOutcomeChange(input.outcomes.instrument, input.outcomes.responses, (id) => cohortOf.get(id), {
        ...(input.confidence !== undefined ? { confidence: input.confidence } : {}),
        ...(input.clusterMethod !== undefined ? { clusterMethod: input.clusterMethod } : {}),
      })
    : null;

  return {
    asOf,
    period,
    practices: { programme: count('programme'), comparison: count('comparison') },
    referrals,
    maturity,
    outcomes,
  };
}
