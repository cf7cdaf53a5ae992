import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import {
  LINKS_RUBRIC,
  compareCohorts,
  scoreHistory,
  type CohortComparison,
  type PlanScore,
  type Rubric,
} from '../maturity/index.js';
import type { Plan, Practice } from '../plan/index.js';
import { replay, type ReferralEvent } from '../referral/index.js';
import { medianOf } from '../shared/stats.js';
import { compareOutcomeChange, type OutcomeComparison } from './change.js';
import { referralFiguresByCohort, type CohortReferralFigures } from './evaluation.js';
import { BUILT_IN_INSTRUMENTS } from './instrument.js';
import type { OutcomeResponsesDocument } from './types.js';

/** One practice's line in the report: its latest score and its change since the previous revision. */
export interface PracticeReportRow {
  readonly practice: Practice;
  readonly revisions: number;
  readonly latest: PlanScore;
  readonly savedAt: string;
  /** Change of the overall level since the previous revision; `null` with one revision. */
  readonly overallChange: number | null;
}

/** Median of the practices' mean capacity level, per cohort, month by month. */
export interface MaturityTimeline {
  /** Months (`YYYY-MM`) in which any revision was saved. */
  readonly months: readonly string[];
  readonly programme: readonly (number | null)[];
  readonly comparison: readonly (number | null)[];
}

/** Everything the cohort report shows. */
export interface CohortReport {
  readonly title: string;
  readonly files: number;
  readonly planCount: number;
  readonly synthetic: boolean;
  readonly rubric: Rubric;
  readonly framework: Framework;
  readonly comparison: CohortComparison;
  readonly rows: readonly PracticeReportRow[];
  readonly timeline: MaturityTimeline;
  /** Referral and engagement figures per cohort, when referral events were given; otherwise `null`. */
  readonly referrals: ReferralReportFigures | null;
  /** Outcome change per instrument, programme vs comparison, when outcome responses were given. */
  readonly outcomes: readonly OutcomeComparison[];
}

/** Referral and engagement figures of the report, as of the latest referral event. */
export interface ReferralReportFigures {
  readonly asOf: string;
  readonly programme: CohortReferralFigures;
  readonly comparison: CohortReferralFigures;
}

/**
 * Scores every revision of every practice's plan and gathers what a cohort
 * report shows (`links report` renders it as HTML and CSV): the cohort
 * comparison (latest revision per practice, {@link compareCohorts}), each
 * practice's latest score and change, maturity over time, and, when given,
 * referral figures and outcome change per cohort.
 */
export function buildCohortReport(input: {
  practices: readonly Practice[];
  plans: readonly Plan[];
  files: number;
  synthetic: boolean;
  title?: string;
  events?: readonly ReferralEvent[];
  outcomes?: readonly OutcomeResponsesDocument[];
}): CohortReport {
  const byPractice = new Map<string, Plan[]>();
  for (const plan of input.plans) {
    const list = byPractice.get(plan.practice.id);
    if (list) list.push(plan);
    else byPractice.set(plan.practice.id, [plan]);
  }
  const known = new Map<string, Practice>();
  for (const p of input.practices) known.set(p.id, p);
  for (const [id, plans] of byPractice) if (!known.has(id)) known.set(id, plans[plans.length - 1]!.practice);

  const comparison = compareCohorts([...known.values()], input.plans);
  const rows: PracticeReportRow[] = [];
  const series: { cohort: Practice['cohort']; points: { month: string; mean: number }[] }[] = [];
  for (const [id, plans] of byPractice) {
    const history = scoreHistory(plans);
    const latest = history.latest!;
    const practice = known.get(id)!;
    rows.push({
      practice,
      revisions: history.revisions.length,
      latest: latest.score,
      savedAt: latest.savedAt ?? '',
      overallChange: latest.overallChange,
    });
    series.push({
      cohort: practice.cohort,
      points: history.revisions.map((r) => ({ month: (r.savedAt ?? '').slice(0, 7), mean: r.overall.mean })),
    });
  }
  rows.sort((a, b) =>
    a.practice.cohort === b.practice.cohort
      ? a.practice.name.localeCompare(b.practice.name)
      : a.practice.cohort === 'programme'
        ? -1
        : 1,
  );

  const months = [...new Set(series.flatMap((s) => s.points.map((p) => p.month)).filter((m) => m !== ''))].sort();
  const medianAt = (cohort: Practice['cohort'], month: string): number | null => {
    const values: number[] = [];
    for (const s of series) {
      if (s.cohort !== cohort) continue;
      let value: number | undefined;
      for (const p of s.points) if (p.month !== '' && p.month <= month) value = p.mean;
      if (value !== undefined) values.push(value);
    }
    return values.length === 0 ? null : medianOf(values);
  };

  return {
    referrals: referralFigures([...known.values()], input.events ?? []),
    outcomes: outcomeComparisons([...known.values()], input.outcomes ?? []),
    title: input.title ?? 'Links plan maturity: cohort report',
    files: input.files,
    planCount: input.plans.length,
    synthetic: input.synthetic,
    rubric: LINKS_RUBRIC,
    framework: LINKS_FRAMEWORK,
    comparison,
    rows,
    timeline: {
      months,
      programme: months.map((m) => medianAt('programme', m)),
      comparison: months.map((m) => medianAt('comparison', m)),
    },
  };
}

/** Replays the referral events (already checked) and counts them per cohort, as of the latest event. */
function referralFigures(
  practices: readonly Practice[],
  events: readonly ReferralEvent[],
): ReferralReportFigures | null {
  if (events.length === 0) return null;
  const asOf = events.reduce((latest, e) => (e.at > latest ? e.at : latest), events[0]!.at);
  const { referrals } = replay(events, { trusted: true }).state;
  return { asOf, ...referralFiguresByCohort(practices, referrals, { asOf }) };
}

/** Paired change per instrument in each cohort and the difference in differences (people placed by their practice). */
function outcomeComparisons(
  practices: readonly Practice[],
  documents: readonly OutcomeResponsesDocument[],
): OutcomeComparison[] {
  const cohortOf = new Map(practices.map((p) => [p.id, p.cohort]));
  const instruments = new Map(BUILT_IN_INSTRUMENTS.map((i) => [i.id, i]));
  for (const doc of documents)
    for (const instrument of doc.instruments ?? []) instruments.set(instrument.id, instrument);
  const responses = documents.flatMap((doc) => doc.responses);
  const used = [...new Set(responses.map((r) => r.instrumentId))];
  return used.flatMap((id) => {
    const instrument = instruments.get(id);
    return instrument ? [compareOutcomeChange(instrument, responses, (practiceId) => cohortOf.get(practiceId))] : [];
  });
}
