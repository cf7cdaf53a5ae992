import { html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  analyseRunChart,
  baselinePointCount,
  describeRunChartSentences,
  formatMeasureValue,
  type RunChartAnalysis,
  type RunChartSignal,
  type ScorableMeasure,
} from '@links-approach/core/maturity';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber, formatRounded } from '../internal/format.js';
import { issueText } from '../internal/messages.js';
import { styles } from './run-chart.styles.js';

const WIDTH = 640;
const HEIGHT = 280;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

/**
 * A measure's data points as an accessible run chart: the points in date
 * order, the baseline centre line, the aim's target, and the signals the
 * run-chart rules find (shifts, trends, unusual points), with a plain-text
 * summary and a data table as text alternatives. The analysis comes from core
 * (`analyseRunChart`, Perla, Provost & Murray 2011); this element only draws it.
 *
 * The centre line is the median of the **baseline**: the points before
 * `change-start`, the day the first change was tested (core's
 * `firstChangeDate` gives it for a capacity), or the measure's recorded
 * baseline when there are fewer than 10 such points. It is drawn solid over
 * the baseline and dashed where it extends across the later points. Only
 * shifts and trends after the baseline are coloured as improvement or
 * concern; those within it are drawn in a neutral colour. Without
 * `change-start` every point is baseline, and nothing counts as improvement.
 *
 * @summary A measure as a run chart, with its baseline, target, signals, summary and data table.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The measure's name.
 * @csspart summary - The sentences describing the chart.
 * @csspart chart - The SVG chart.
 * @csspart table-toggle - The disclosure that shows the data table.
 * @csspart table - The data table.
 *
 * @cssproperty --links-run-chart-line - Colour of the data line and points (default the primary colour).
 * @cssproperty --links-run-chart-median - Colour of the baseline centre line, the change-start marker and signals within the baseline (default the secondary text colour).
 * @cssproperty --links-run-chart-target - Colour of the target line (default the success colour).
 * @cssproperty --links-run-chart-improvement - Colour of the bands marking shifts and trends after the baseline in the direction of improvement (default the success colour).
 * @cssproperty --links-run-chart-concern - Colour of the bands marking shifts and trends after the baseline against it (default the error colour).
 * @cssproperty --links-color-primary - Global: primary colour.
 * @cssproperty --links-color-focus - Global: focus highlight.
 */
@localized()
export class LinksRunChart extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, styles];

  /** The measure to chart: name, unit, direction of improvement and dated points. */
  @property({ attribute: false })
  measure: ScorableMeasure | undefined;

  /** The aim's target for this measure, drawn as a line. */
  @property({ type: Number })
  target: number | undefined;

  /**
   * The day (`YYYY-MM-DD`) the first change was tested: the points before it
   * are the baseline. Without it every point is baseline.
   */
  @property({ attribute: 'change-start' })
  changeStart: string | undefined;

  /** Level (2–5) of the measure's heading. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 3;

  /** Show the data table open rather than behind its disclosure. */
  @property({ attribute: 'table-open', type: Boolean })
  tableOpen = false;

  private analysis: RunChartAnalysis | undefined;
  /** Prefix of the ids in the shadow root (the root scopes them, so no per-element counter is needed). */
  private readonly uid = 'links-run-chart';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('measure') || changed.has('changeStart')) {
      const m = this.measure;
      const points = this.sortedPoints();
      const recorded = m?.baseline?.value;
      this.analysis = m
        ? analyseRunChart(
            points.map((p) => p.value),
            {
              direction: m.direction,
              baselinePoints: baselinePointCount(points, this.changeStart || undefined),
              ...(recorded !== undefined ? { recordedBaseline: recorded } : {}),
            },
          )
        : undefined;
    }
  }

  /** The points in date order (core keeps them so; a host's may not be). */
  private sortedPoints() {
    const points = this.measure?.points ?? [];
    return points.every((p, i) => i === 0 || points[i - 1]!.date <= p.date)
      ? points
      : [...points].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  protected override render(): TemplateResult {
    const m = this.measure;
    if (!m) return html`<div part="base"><p class="empty">${msg('No measure to show.')}</p></div>`;
    const points = this.sortedPoints();
    const a = this.analysis!;
    // Core's sentences, each a code with parameters beside its English: said in the page's language.
    const sentences = describeRunChartSentences(a, {
      ...(m.unit ? { unit: m.unit } : {}),
      dates: points.map((p) => p.date),
      values: points.map((p) => p.value),
    }).map((s) => issueText(s));
    const direction = m.direction === 'increase' ? msg('Higher is better.') : msg('Lower is better.');
    const target =
      this.target !== undefined && Number.isFinite(this.target)
        ? msg(str`Target ${formatMeasureValue(this.target, m.unit)}.`)
        : '';
    const desc = [direction, target, ...sentences].filter(Boolean).join(' ');
    return html`
      <figure part="base" aria-labelledby="${this.uid}-name">
        ${heading(this.headingLevel, html`${m.name}`, { id: `${this.uid}-name`, class: 'name', part: 'heading' })}
        <ul part="summary" class="summary">
          <li>${direction}${target ? html` ${target}` : nothing}</li>
          ${sentences.map((s) => html`<li>${s}</li>`)}
        </ul>
        ${points.length > 0 ? this.renderChart(points, a, desc) : nothing}
        ${points.length > 0 ? this.renderTable(points, a) : nothing}
      </figure>
    `;
  }

  private renderChart(
    points: readonly { date: string; value: number }[],
    a: RunChartAnalysis,
    desc: string,
  ): TemplateResult {
    const values = points.map((p) => p.value);
    const extra = [
      a.median ?? values[0]!,
      ...(this.target !== undefined && Number.isFinite(this.target) ? [this.target] : []),
    ];
    let lo = Infinity;
    let hi = -Infinity;
    for (const list of [values, extra]) {
      for (const v of list) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (hi === lo) {
      hi += 1;
      lo -= 1;
    }
    const padY = (hi - lo) * 0.08;
    lo -= padY;
    hi += padY;
    const n = points.length;
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const x = (i: number) => PAD.left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1));
    const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
    const ticks = niceTicks(lo, hi, 5);
    const labelEvery = Math.max(1, Math.ceil(n / 8));
    const inSignal = new Set<number>();
    for (const s of a.signals) if (s.type !== 'astronomical') for (let i = s.start; i <= s.end; i++) inSignal.add(i);

    const parts: SVGTemplateResult[] = [];
    for (const t of ticks) {
      parts.push(svg`<line class="grid" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(t)} y2=${y(t)}></line>
        <text class="tick" x=${PAD.left - 6} y=${y(t) + 4} text-anchor="end">${fmt(t)}</text>`);
    }
    points.forEach((p, i) => {
      if (i % labelEvery === 0 || i === n - 1)
        parts.push(
          svg`<text class="tick" x=${x(i)} y=${HEIGHT - PAD.bottom + 18} text-anchor="middle">${p.date.slice(
            0,
            7,
          )}</text>`,
        );
    });
    if (this.target !== undefined && Number.isFinite(this.target)) {
      parts.push(svg`<line class="target" x1=${PAD.left} x2=${WIDTH - PAD.right} y1=${y(this.target)} y2=${y(
        this.target,
      )}></line>
        <text class="label target-label" x=${WIDTH - PAD.right} y=${y(this.target) - 5} text-anchor="end">${msg(
          str`Target ${fmt(this.target)}`,
        )}</text>`);
    }
    if (a.median !== null) {
      // The baseline centre line: solid over the baseline, dashed where it extends across the later points.
      const after = a.baseline?.afterStart;
      const split = after === undefined ? WIDTH - PAD.right : after === 0 ? PAD.left : (x(after - 1) + x(after)) / 2;
      const yc = y(a.median);
      if (split > PAD.left)
        parts.push(svg`<line class="median baseline-period" x1=${PAD.left} x2=${split} y1=${yc} y2=${yc}></line>`);
      if (after !== undefined)
        parts.push(svg`<line class="change-start" x1=${split} x2=${split} y1=${PAD.top} y2=${PAD.top + plotH}></line>
          <line class="median extended" x1=${split} x2=${WIDTH - PAD.right} y1=${yc} y2=${yc}></line>`);
      parts.push(
        svg`<text class="label median-label" x=${PAD.left + 4} y=${yc - 5}>${
          after === undefined && a.baseline?.source === 'baseline-median'
            ? msg(str`Median ${fmt(a.median)}`)
            : msg(str`Baseline ${fmt(a.median)}`)
        }</text>`,
      );
    }
    // Shifts: bands behind the line. Trends: a bar along the foot of the plot, so the two never hide each other.
    // Only signals after the baseline are judged; those within it are neutral.
    const tone = (s: RunChartSignal) => (s.phase === 'baseline' ? 'neutral' : s.improvement ? 'good' : 'bad');
    for (const s of a.signals) {
      if (s.type !== 'shift') continue;
      const x0 = x(s.start) - 6;
      const x1 = x(s.end) + 6;
      parts.push(svg`<rect class="band ${tone(s)}" x=${x0} y=${PAD.top} width=${x1 - x0} height=${plotH}></rect>
        <text class="label band-label" x=${x0 + 3} y=${PAD.top + 12}>${msg('Shift')}</text>`);
    }
    for (const s of a.signals) {
      if (s.type !== 'trend') continue;
      const x0 = x(s.start);
      const x1 = x(s.end);
      parts.push(svg`<rect class="trend ${tone(s)}" x=${x0} y=${PAD.top + plotH - 6} width=${Math.max(
        2,
        x1 - x0,
      )} height="6"></rect>
        <text class="label band-label" x=${x0} y=${PAD.top + plotH - 10}>${msg('Trend')}</text>`);
    }
    parts.push(
      svg`<polyline class="line" points=${points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}></polyline>`,
    );
    points.forEach((p, i) => {
      const astronomical = a.signals.some((s) => s.type === 'astronomical' && s.start === i);
      parts.push(svg`<circle class="point ${inSignal.has(i) ? 'in-signal' : ''}" cx=${x(i)} cy=${y(p.value)} r=${
        inSignal.has(i) ? 5 : 4
      }></circle>
        ${astronomical ? svg`<circle class="astronomical" cx=${x(i)} cy=${y(p.value)} r="9"></circle>` : nothing}`);
    });
    return html`<svg
      part="chart"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-labelledby="${this.uid}-title ${this.uid}-desc"
    >
      <title id="${this.uid}-title">${msg(str`Run chart of ${this.measure!.name}`)}</title>
      <desc id="${this.uid}-desc">${desc}</desc>
      ${parts}
    </svg>`;
  }

  private renderTable(points: readonly { date: string; value: number }[], a: RunChartAnalysis): TemplateResult {
    const median = a.median;
    const signalsAt = (i: number) =>
      a.signals
        .filter((s) => s.start <= i && i <= s.end)
        .map((s) =>
          s.type === 'shift'
            ? msg('shift', { id: 'run-chart.signal.shift' })
            : s.type === 'trend'
              ? msg('trend', { id: 'run-chart.signal.trend' })
              : msg('unusual point', { id: 'run-chart.signal.astronomical' }),
        )
        .join(', ');
    const unit = this.measure?.unit;
    return html`<details part="table-toggle" ?open=${this.tableOpen}>
      <summary>
        ${
          points.length === 1
            ? msg(str`Data table (${formatNumber(points.length)} point)`)
            : msg(str`Data table (${formatNumber(points.length)} points)`)
        }
      </summary>
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="table-caption">
      <table part="table">
        <caption id="table-caption">
          ${msg(str`${this.measure!.name}${unit ? ` (${unit})` : ''}: data points`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Date')}</th>
            <th scope="col" class="num">${msg('Value')}</th>
            <th scope="col">${msg('Against the median')}</th>
            <th scope="col">${msg('Part of')}</th>
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p, i) => html`<tr>
              <th scope="row">${p.date}</th>
              <td class="num">${fmt(p.value)}</td>
              <td>
                ${
                  median === null
                    ? ''
                    : Math.abs(p.value - median) <= 1e-9 * Math.max(1, Math.abs(median))
                      ? msg('on', { id: 'run-chart.median.on' })
                      : p.value > median
                        ? msg('above', { id: 'run-chart.median.above' })
                        : msg('below', { id: 'run-chart.median.below' })
                }
              </td>
              <td>${signalsAt(i)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
    </details>`;
  }
}

function fmt(value: number): string {
  return formatRounded(value, 2);
}

/** Up to `count` round tick values between lo and hi. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => span / s <= count) ?? 10 * magnitude;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}
