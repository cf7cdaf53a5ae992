import type { LevelDistribution } from '@links-approach/core/maturity';
import { escapeHtml, level, num } from './escape.js';
import type { MaturityTimeline } from '@links-approach/core/outcomes';

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), NHS.UK palette. */
export const COLOURS = Object.freeze({ programme: '#005eb8', comparison: '#425563', grid: '#d8dde0', text: '#212b32' });

const MAX_LEVEL = 5;

interface CohortRow {
  readonly name: string;
  readonly programme: LevelDistribution | null;
  readonly comparison: LevelDistribution | null;
}

function open(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, sans-serif" font-size="13">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>`
  );
}

/**
 * Horizontal bars of each cohort's median level per capacity, with the
 * interquartile range drawn as a whisker. Programme bars are solid, comparison
 * bars hatched, so the cohorts differ by more than colour.
 */
export function cohortChart(id: string, rows: readonly CohortRow[]): string {
  const left = 170;
  const plot = 480;
  const top = 40;
  const rowHeight = 46;
  const width = left + plot + 50;
  const height = top + rows.length * rowHeight + 34;
  const x = (v: number) => left + (v / MAX_LEVEL) * plot;
  const parts: string[] = [
    open(
      id,
      width,
      height,
      'Median maturity level per capacity: programme and comparison practices',
      'Bars show each cohort’s median level (0 to 5); whiskers show the interquartile range. The table after the chart gives the same figures.',
    ),
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLOURS.comparison}" stroke-width="3"/></pattern></defs>`,
  ];
  // legend
  parts.push(
    `<g aria-hidden="true"><rect x="${left}" y="8" width="16" height="12" fill="${COLOURS.programme}"/><text x="${
      left + 22
    }" y="18" fill="${COLOURS.text}">Programme</text>` +
      `<rect x="${left + 120}" y="8" width="16" height="12" fill="url(#${id}-hatch)" stroke="${
        COLOURS.comparison
      }"/><text x="${left + 142}" y="18" fill="${COLOURS.text}">Comparison</text></g>`,
  );
  for (let v = 0; v <= MAX_LEVEL; v++) {
    parts.push(
      `<line x1="${x(v)}" y1="${top - 6}" x2="${x(v)}" y2="${height - 28}" stroke="${COLOURS.grid}"/><text x="${x(
        v,
      )}" y="${height - 10}" text-anchor="middle" fill="${COLOURS.text}">${v}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    parts.push(
      `<text x="${left - 8}" y="${y + 24}" text-anchor="end" fill="${COLOURS.text}">${escapeHtml(row.name)}</text>`,
    );
    const bar = (dist: LevelDistribution | null, offset: number, fill: string, label: string) => {
      const by = y + offset;
      if (!dist) {
        parts.push(`<text x="${left + 4}" y="${by + 11}" fill="${COLOURS.text}">${label}: no practices</text>`);
        return;
      }
      const w = Math.max(1, x(dist.median) - left);
      parts.push(
        `<g><title>${escapeHtml(
          `${row.name}, ${label}: median ${level(dist.median)}, interquartile range ${level(dist.q1)} to ${level(
            dist.q3,
          )}, ${dist.count} practices`,
        )}</title>` +
          `<rect x="${left}" y="${by}" width="${num(w)}" height="14" fill="${fill}" stroke="${
            COLOURS[label === 'Programme' ? 'programme' : 'comparison']
          }"/>` +
          `<line x1="${num(x(dist.q1))}" y1="${by + 7}" x2="${num(x(dist.q3))}" y2="${by + 7}" stroke="${
            COLOURS.text
          }" stroke-width="2"/>` +
          `<line x1="${num(x(dist.q1))}" y1="${by + 2}" x2="${num(x(dist.q1))}" y2="${by + 12}" stroke="${
            COLOURS.text
          }" stroke-width="2"/>` +
          `<line x1="${num(x(dist.q3))}" y1="${by + 2}" x2="${num(x(dist.q3))}" y2="${by + 12}" stroke="${
            COLOURS.text
          }" stroke-width="2"/>` +
          `<text x="${num(Math.max(x(dist.q3), x(dist.median)) + 6)}" y="${by + 12}" fill="${COLOURS.text}">${level(
            dist.median,
          )}</text></g>`,
      );
    };
    bar(row.programme, 4, COLOURS.programme, 'Programme');
    bar(row.comparison, 22, `url(#${id}-hatch)`, 'Comparison');
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Lines of each cohort's median mean level, month by month (programme: circles, comparison: squares). */
export function timelineChart(id: string, timeline: MaturityTimeline): string {
  const left = 50;
  const right = 40;
  const top = 36;
  const plotHeight = 220;
  const width = 720;
  const height = top + plotHeight + 50;
  const n = timeline.months.length;
  const x = (i: number) => left + (n <= 1 ? (width - left - right) / 2 : (i * (width - left - right)) / (n - 1));
  const y = (v: number) => top + plotHeight - (v / MAX_LEVEL) * plotHeight;
  const parts: string[] = [
    open(
      id,
      width,
      height,
      'Maturity over time by cohort',
      'Median of the practices’ mean capacity level (0 to 5) at each month a revision was saved, for programme and comparison practices. The table after the chart gives the same figures.',
    ),
    `<g aria-hidden="true"><circle cx="${left + 8}" cy="14" r="5" fill="${COLOURS.programme}"/><text x="${
      left + 18
    }" y="18" fill="${COLOURS.text}">Programme</text>` +
      `<rect x="${left + 118}" y="9" width="10" height="10" fill="#ffffff" stroke="${
        COLOURS.comparison
      }" stroke-width="2"/><text x="${left + 134}" y="18" fill="${COLOURS.text}">Comparison</text></g>`,
  ];
  for (let v = 0; v <= MAX_LEVEL; v++) {
    parts.push(
      `<line x1="${left}" y1="${y(v)}" x2="${width - right}" y2="${y(v)}" stroke="${COLOURS.grid}"/><text x="${
        left - 8
      }" y="${y(v) + 4}" text-anchor="end" fill="${COLOURS.text}">${v}</text>`,
    );
  }
  const every = Math.max(1, Math.ceil(n / 8));
  timeline.months.forEach((month, i) => {
    if (i % every === 0 || i === n - 1)
      parts.push(
        `<text x="${num(x(i))}" y="${top + plotHeight + 20}" text-anchor="middle" fill="${COLOURS.text}">${escapeHtml(
          month,
        )}</text>`,
      );
  });
  const line = (values: readonly (number | null)[], colour: string, marker: 'circle' | 'square', label: string) => {
    const points = values.map((v, i) => (v === null ? null : ([x(i), y(v), v, i] as const))).filter((p) => p !== null);
    if (points.length === 0) return;
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2.5" ${
        marker === 'square' ? 'stroke-dasharray="6 3" ' : ''
      }points="${points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}"/>`,
    );
    for (const [px, py, v, i] of points) {
      const tip = `<title>${escapeHtml(`${label}, ${timeline.months[i]}: median ${num(v)}`)}</title>`;
      parts.push(
        marker === 'circle'
          ? `<g>${tip}<circle cx="${num(px)}" cy="${num(py)}" r="5" fill="${colour}"/></g>`
          : `<g>${tip}<rect x="${num(px - 5)}" y="${num(
              py - 5,
            )}" width="10" height="10" fill="#ffffff" stroke="${colour}" stroke-width="2"/></g>`,
      );
    }
  };
  line(timeline.programme, COLOURS.programme, 'circle', 'Programme');
  line(timeline.comparison, COLOURS.comparison, 'square', 'Comparison');
  parts.push('</svg>');
  return parts.join('');
}
