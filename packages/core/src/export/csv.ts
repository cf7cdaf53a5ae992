/**
 * The CSV exports as text, written with the CSV module's `toCsv` (papaparse;
 * RFC 4180 quoting; cells that a spreadsheet would run as a formula are
 * neutralised). This module pulls in the CSV writer, so it is not part of
 * core's main entry point (the rows and columns, in `rows.ts`, are). Hosts
 * reach it through the CSV entry point once it re-exports this module.
 *
 * @module
 */
import { toCsv } from '../csv/to-csv.js';
import type { Framework } from '../framework/types.js';
import type { Rubric, ScorablePlan } from '../maturity/index.js';
import type { EvaluationPeriod, EvaluationPractice } from '../outcomes/evaluation.js';
import type { ReferralState } from '../referral/types.js';
import {
  maturityCsvColumns,
  maturityRows,
  practiceSummaryRows,
  PRACTICE_SUMMARY_CSV_COLUMNS,
  REFERRAL_CSV_COLUMNS,
} from './rows.js';

/** The referrals CSV: one row per referral, nothing beyond the pseudonymous reference (see `REFERRAL_CSV_COLUMNS`). */
export function referralsCsv(referrals: readonly ReferralState[]): string {
  return toCsv(referrals, REFERRAL_CSV_COLUMNS);
}

/** The per-practice summary CSV (see `practiceSummaryRows`). */
export function practiceSummaryCsv(
  practices: readonly EvaluationPractice[],
  referrals: readonly ReferralState[],
  options: { readonly asOf: string; readonly period?: EvaluationPeriod },
): string {
  return toCsv(practiceSummaryRows(practices, referrals, options), PRACTICE_SUMMARY_CSV_COLUMNS);
}

/** The maturity CSV: one row per practice per plan revision (see `maturityRows`). */
export function maturityCsv(
  plans: readonly ScorablePlan[],
  options: { readonly framework?: Framework; readonly rubric?: Rubric } = {},
): string {
  return toCsv(maturityRows(plans, options), maturityCsvColumns(options.framework));
}
