import type { CsvColumn } from '../csv/to-csv.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { scoreHistory, type Rubric, type ScorablePlan } from '../maturity/index.js';
import { REASON_REQUIRED, RESOURCE_UPTAKE_STATUSES } from '../referral/constants.js';
import { caseloadMetrics, type CaseloadMetrics } from '../referral/metrics.js';
import type { ReferralState } from '../referral/types.js';
import type { EvaluationPeriod, EvaluationPractice } from '../outcomes/evaluation.js';

import { DAY_MS } from '../shared/time.js';

/** Whole days from one instant to another, to one decimal place; `null` when either is missing. */
function daysBetween(from: string | undefined, to: string | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  return Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * The columns of the referrals CSV: one row per referral. The person appears
 * only as the host's pseudonymous reference; no free text (reasons, notes,
 * goal statements, outcome summaries, resource names) and no staff
 * references are exported, so the file carries nothing beyond the
 * pseudonymous reference that could identify anyone. The reason for a
 * status that needs one goes as its code only (`status_reason_code`), never
 * its free text — not even with the person's consent to share the outcome
 * with the GP record, which does not cover funders and evaluators. Column
 * names are stable snake_case, for evaluators' scripts.
 */
export const REFERRAL_CSV_COLUMNS: readonly CsvColumn<ReferralState>[] = Object.freeze([
  { header: 'referral_id', value: 'id' },
  { header: 'person_ref', value: 'person' },
  { header: 'practice_id', value: 'practiceId' },
  { header: 'route', value: 'route' },
  { header: 'urgency', value: 'urgency' },
  { header: 'status', value: 'status' },
  { header: 'business_status', value: (r) => r.businessStatus ?? '' },
  {
    header: 'status_reason_code',
    value: (r) =>
      REASON_REQUIRED.includes(r.status) ? (r.statusReasonCode ?? (r.statusReason?.trim() ? 'other' : '')) : '',
  },
  { header: 'reason_themes', value: (r) => [...new Set(r.reasons.map((reason) => reason.themeId))].join(';') },
  { header: 'created_at', value: 'createdAt' },
  { header: 'requested_at', value: (r) => r.requestedAt ?? '' },
  { header: 'responded_at', value: (r) => r.respondedAt ?? '' },
  { header: 'first_contact_at', value: (r) => r.firstContactAt ?? '' },
  { header: 'finished_at', value: (r) => r.finishedAt ?? '' },
  { header: 'days_to_response', value: (r) => daysBetween(r.requestedAt, r.respondedAt) },
  { header: 'days_to_first_contact', value: (r) => daysBetween(r.requestedAt, r.firstContactAt) },
  { header: 'contact_attempts', value: (r) => r.contactAttempts.length },
  { header: 'contacts', value: (r) => r.contacts.length },
  { header: 'seen_3_plus', value: (r) => yesNo(r.contacts.length >= 3) },
  { header: 'goals_set', value: (r) => r.goals.filter((g) => g.status !== 'cancelled').length },
  { header: 'goals_achieved', value: (r) => r.goals.filter((g) => g.status === 'achieved').length },
  { header: 'resources_linked', value: (r) => r.resourceLinks.length },
  {
    header: 'resources_taken_up',
    value: (r) => r.resourceLinks.filter((l) => RESOURCE_UPTAKE_STATUSES.includes(l.status)).length,
  },
  { header: 'outcome', value: (r) => r.outcome?.code ?? '' },
  { header: 'consent_contact', value: (r) => r.consent.contact },
  { header: 'consent_share_outcome_with_gp', value: (r) => r.consent['share-outcome-with-gp-record'] },
  { header: 'consent_share_with_community_org', value: (r) => r.consent['share-with-community-organisation'] },
  { header: 'do_not_contact', value: (r) => yesNo(r.doNotContact) },
  { header: 'previous_referral_id', value: (r) => r.previousReferralId ?? '' },
] satisfies CsvColumn<ReferralState>[]);

/** One practice's referral figures, a row of the practice summary. */
export interface PracticeSummaryRow {
  readonly practiceId: string;
  readonly name: string;
  readonly cohort: string;
  readonly listSize: number | null;
  readonly referrals: number;
  readonly per1000: number | null;
  readonly people: number;
  readonly seenThreeOrMore: number;
  readonly seenThreeOrMoreShare: number | null;
  readonly linkedToResource: number;
  readonly linkedToResourceShare: number | null;
  readonly active: number;
  readonly overdue: number;
  readonly medianDaysToResponse: number | null;
  readonly medianDaysToFirstContact: number | null;
  readonly goalsSet: number;
  readonly goalsAchieved: number;
}

const round3 = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * One row per practice: referrals made (in the period), referrals per 1,000
 * registered patients, people referred, those seen 3 or more times and
 * linked to a resource (count and share), active and overdue referrals,
 * median days to response and to first contact, goals set and achieved.
 * Practices are listed in the order given, then any practice that has
 * referrals but was not listed (with an empty name and cohort).
 */
export function practiceSummaryRows(
  practices: readonly EvaluationPractice[],
  referrals: readonly ReferralState[],
  options: { readonly asOf: string; readonly period?: EvaluationPeriod },
): PracticeSummaryRow[] {
  const period = options.period ?? {};
  const byPractice = new Map<string, ReferralState[]>();
  for (const r of referrals) {
    const day = (r.requestedAt ?? r.createdAt).slice(0, 10);
    if ((period.from !== undefined && day < period.from) || (period.to !== undefined && day > period.to)) continue;
    const list = byPractice.get(r.practiceId) ?? [];
    list.push(r);
    byPractice.set(r.practiceId, list);
  }
  const listed = new Set(practices.map((p) => p.id));
  const all: { readonly id: string; readonly name?: string; readonly cohort?: string; readonly listSize?: number }[] = [
    ...practices,
    ...[...byPractice.keys()].filter((id) => !listed.has(id)).map((id) => ({ id })),
  ];
  return all.map((practice) =>
    practiceSummaryRow(
      practice,
      caseloadMetrics(byPractice.get(practice.id) ?? [], {
        asOf: options.asOf,
        practices: [{ id: practice.id, ...(practice.listSize !== undefined ? { listSize: practice.listSize } : {}) }],
      }),
    ),
  );
}

/**
 * One practice's row of the practice summary, from the caseload figures of
 * its referrals in the period (`caseloadMetrics` given that practice, with
 * its list size, or the same figures folded by a `CaseloadTally`).
 */
export function practiceSummaryRow(
  practice: { readonly id: string; readonly name?: string; readonly cohort?: string; readonly listSize?: number },
  m: CaseloadMetrics,
): PracticeSummaryRow {
  const p = m.practices.find((x) => x.practiceId === practice.id);
  return {
    practiceId: practice.id,
    name: practice.name ?? '',
    cohort: practice.cohort ?? '',
    listSize: practice.listSize ?? null,
    referrals: m.referrals,
    per1000: p?.per1000 ?? null,
    people: m.people,
    seenThreeOrMore: m.seenThreeOrMore.count,
    seenThreeOrMoreShare: round3(m.seenThreeOrMore.share),
    linkedToResource: m.linkedToResource.count,
    linkedToResourceShare: round3(m.linkedToResource.share),
    active: m.active,
    overdue: m.overdue,
    medianDaysToResponse: m.daysToResponse.median,
    medianDaysToFirstContact: m.daysToFirstContact.median,
    goalsSet: m.goalsAchieved.of,
    goalsAchieved: m.goalsAchieved.count,
  };
}

/** The columns of the practice summary CSV. */
export const PRACTICE_SUMMARY_CSV_COLUMNS: readonly CsvColumn<PracticeSummaryRow>[] = Object.freeze([
  { header: 'practice_id', value: 'practiceId' },
  { header: 'practice_name', value: 'name' },
  { header: 'cohort', value: 'cohort' },
  { header: 'list_size', value: 'listSize' },
  { header: 'referrals', value: 'referrals' },
  { header: 'referrals_per_1000', value: 'per1000' },
  { header: 'people', value: 'people' },
  { header: 'seen_3_plus', value: 'seenThreeOrMore' },
  { header: 'seen_3_plus_share', value: 'seenThreeOrMoreShare' },
  { header: 'linked_to_resource', value: 'linkedToResource' },
  { header: 'linked_to_resource_share', value: 'linkedToResourceShare' },
  { header: 'active', value: 'active' },
  { header: 'overdue', value: 'overdue' },
  { header: 'median_days_to_response', value: 'medianDaysToResponse' },
  { header: 'median_days_to_first_contact', value: 'medianDaysToFirstContact' },
  { header: 'goals_set', value: 'goalsSet' },
  { header: 'goals_achieved', value: 'goalsAchieved' },
] satisfies CsvColumn<PracticeSummaryRow>[]);

/** One revision of one practice's plan, scored: a row of the maturity CSV. */
export interface MaturityRow {
  readonly practiceId: string;
  readonly name: string;
  readonly cohort: string;
  readonly revision: number | null;
  readonly savedAt: string;
  readonly framework: string;
  readonly overallLevel: number;
  readonly overallMean: number;
  readonly overallChange: number | null;
  /** Level per capacity id. */
  readonly levels: Readonly<Record<string, number>>;
  readonly themesCovered: number;
}

/**
 * One row per practice per saved plan revision, each scored as of the day it
 * was saved (the maturity module's `scoreHistory`): overall level and mean,
 * the change since the previous revision, each capacity's level and the
 * number of themes with agreed focus areas. Practices in the order their
 * first plan appears; revisions oldest first. Plans without a practice are
 * left out.
 */
export function maturityRows(
  plans: readonly ScorablePlan[],
  options: { readonly framework?: Framework; readonly rubric?: Rubric } = {},
): MaturityRow[] {
  const byPractice = new Map<string, ScorablePlan[]>();
  for (const plan of plans) {
    if (!plan.practice) continue;
    const list = byPractice.get(plan.practice.id) ?? [];
    list.push(plan);
    byPractice.set(plan.practice.id, list);
  }
  const rows: MaturityRow[] = [];
  for (const [practiceId, revisions] of byPractice) {
    const history = scoreHistory(revisions, {
      ...(options.framework ? { framework: options.framework } : {}),
      ...(options.rubric ? { rubric: options.rubric } : {}),
    });
    const practice = revisions[revisions.length - 1]!.practice!;
    for (const entry of history.revisions) {
      rows.push({
        practiceId,
        name: practice.name,
        cohort: practice.cohort,
        revision: entry.revision ?? null,
        savedAt: entry.savedAt ?? '',
        framework: `${entry.score.framework.id} ${entry.score.framework.version}`,
        overallLevel: entry.overall.level,
        overallMean: entry.overall.mean,
        overallChange: entry.overallChange,
        levels: entry.profile,
        themesCovered: entry.score.themeCoverage.count,
      });
    }
  }
  return rows;
}

/** The columns of the maturity CSV: fixed columns, then `level_<capacity id>` for each capacity of the framework. */
export function maturityCsvColumns(framework: Framework = LINKS_FRAMEWORK): CsvColumn<MaturityRow>[] {
  return [
    { header: 'practice_id', value: 'practiceId' },
    { header: 'practice_name', value: 'name' },
    { header: 'cohort', value: 'cohort' },
    { header: 'revision', value: 'revision' },
    { header: 'saved_at', value: 'savedAt' },
    { header: 'framework', value: 'framework' },
    { header: 'overall_level', value: 'overallLevel' },
    { header: 'overall_mean', value: 'overallMean' },
    { header: 'overall_change', value: 'overallChange' },
    ...framework.capacities.map((c): CsvColumn<MaturityRow> => ({
      header: `level_${c.id}`,
      value: (row) => row.levels[c.id] ?? null,
    })),
    { header: 'themes_with_focus_areas', value: 'themesCovered' },
  ];
}
