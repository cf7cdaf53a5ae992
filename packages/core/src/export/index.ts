// Rows and columns of the CSV exports: pure data, no CSV writer, so they sit
// in core's main entry. The CSV text itself comes from `./csv.ts`, which
// uses the CSV module's `toCsv` and lives beside the `@links-approach/core/csv` entry.
export {
  REFERRAL_CSV_COLUMNS,
  PRACTICE_SUMMARY_CSV_COLUMNS,
  practiceSummaryRows,
  maturityRows,
  maturityCsvColumns,
  type PracticeSummaryRow,
  type MaturityRow,
} from './rows.js';
