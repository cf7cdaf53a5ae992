/** A CSS string literal of `text` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ')}"`;
}

/**
 * Custom properties that give the caseload's card layout its field labels
 * (`--_label-<column id>`),
 * in the page's locale. Set on the table: below the container width where the
 * table fits, each row is drawn as a card whose cells show these labels
 * (as generated content with empty alternative text, so a screen reader
 * still hears the column header once, not twice). The DOM, the row order,
 * the filters, the sort and the virtualiser are the same in both layouts.
 */
export function cardLabels(
  columns: readonly { readonly id: string; readonly label: string }[],
): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const column of columns) labels[`--_label-${column.id}`] = cssString(column.label);
  return labels;
}
