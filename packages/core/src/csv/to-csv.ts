// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient papaparse types must come along wherever core is compiled through imports (CLI, components)
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse';

/** A value a CSV cell can hold. `null` and `undefined` become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** One column of a CSV file: its header, and the row's value (a key of the row, or a function). */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (keyof T & string) | ((row: T) => CsvCell);
}

/** Characters that make a spreadsheet treat a cell as a formula (or that hide one): `=`, `+`, `-`, `@`, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell safe to open in a spreadsheet: text starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so it is
 * shown as text and never run as a formula (OWASP "CSV injection").
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  return neutraliseCell(String(value));
}

/**
 * Writes rows as CSV (RFC 4180: comma-separated, `"`-quoted where needed,
 * CRLF line ends, the last line ended too), with a header row. Text cells are neutralised against
 * formula injection (see {@link neutraliseCell}); numbers are written as
 * numbers, so a negative number stays a number; non-finite numbers, `null`
 * and `undefined` become empty cells. Pure; uses papaparse for quoting.
 *
 * @example
 * toCsv([{ id: 'p1', level: 2.5 }], [{ header: 'Practice', value: 'id' }, { header: 'Level', value: (r) => r.level }]);
 * // 'Practice,Level\r\np1,2.5\r\n'
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const fields = columns.map((c) => neutraliseCell(c.header));
  const data = rows.map((row) =>
    columns.map((c) => cell(typeof c.value === 'function' ? c.value(row) : (row as Record<string, unknown>)[c.value])),
  );
  const text = Papa.unparse({ fields, data }, { header: true, newline: '\r\n', quotes: false, escapeFormulae: false });
  return `${text.endsWith('\r\n') ? text.slice(0, -2) : text}\r\n`;
}
