/**
 * `@links-approach/core/export`: the rows and columns of the CSV exports
 * (referrals, practice summaries, maturity) as plain data; the CSV text comes
 * from `@links-approach/core/csv`.
 *
 * @packageDocumentation
 */
export {
  REFERRAL_CSV_COLUMNS,
  PRACTICE_SUMMARY_CSV_COLUMNS,
  practiceSummaryRows,
  practiceSummaryRow,
  maturityRows,
  maturityCsvColumns,
  type PracticeSummaryRow,
  type MaturityRow,
} from './rows.js';
