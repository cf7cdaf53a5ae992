/**
 * `@links-approach/core/csv`: CSV export for funders and evaluators, safe to
 * open in a spreadsheet. A separate entry point, so the main entry does not
 * carry the CSV writer.
 *
 * @packageDocumentation
 */
export { toCsv, neutraliseCell, type CsvColumn, type CsvCell } from './to-csv.js';
export { referralsCsv, practiceSummaryCsv, maturityCsv } from '../export/csv.js';
