import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { CohortComparison, LevelDistribution } from '@links-approach/core/maturity';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { chartStyles } from '../internal/chart.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatFixed, formatNumber, formatRounded } from '../internal/format.js';
import { styles } from './cohort-comparison.styles.js';

const MAX = 5;
const LEFT = 150;
const PLOT = 420;
const ROW = 48;
const TOP = 34;

const lv = (v: number) => (Number.isInteger(v * 2) ? formatFixed(v, 1) : formatRounded(v, 2));
const cohortName = (cohort: 'programme' | 'comparison') =>
  cohort === 'programme'
    ? msg('programme', { id: 'cohort.programme-lower' })
    : msg('comparison', { id: 'cohort.comparison-lower' });
const dist = (d: LevelDistribution | null) => (d ? `${lv(d.median)} (${lv(d.q1)}–${lv(d.q3)})` : '–');

/**
 * Programme vs comparison practices per capacity: each cohort's median level
 * with its interquartile range, as a chart and a table, and the practices
 * falling behind their own cohort. Renders a `CohortComparison` from core's
 * `compareCohorts`; it decides nothing itself.
 *
 * @summary Programme vs comparison practices' maturity per capacity, and who is falling behind.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart chart - The SVG chart.
 * @csspart table - The table of medians and quartiles.
 * @csspart behind - The table of practices falling behind.
 *
 * @cssproperty --links-cohort-comparison-programme - Colour of programme bars (default the primary colour).
 * @cssproperty --links-cohort-comparison-comparison - Colour of comparison bars' hatching (default #425563).
 * @cssproperty --links-color-primary - Global: primary colour.
 */
@localized()
export class LinksCohortComparison extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, chartStyles, styles];

  /** The comparison, from `compareCohorts(practices, plans)`. */
  @property({ attribute: false })
  comparison: CohortComparison | undefined;

  /** The title (default "Programme and comparison practices", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title; sub-headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Most practices listed as falling behind (default 10); the rest are counted. */
  @property({ attribute: 'behind-limit', type: Number })
  behindLimit = 10;

  /** Prefix of the ids in the shadow root (the root scopes them, so no per-element counter is needed). */
  private readonly uid = 'links-cohort-comparison';

  protected override render(): TemplateResult {
    const c = this.comparison;
    if (!c) return html`<div part="base"><p>${msg('No comparison to show.')}</p></div>`;
    const { programme, comparison, withoutPlan } = c.practices;
    return html`
      <section part="base" aria-labelledby="${this.uid}-heading">
        ${heading(this.headingLevel, html`${this.label || msg('Programme and comparison practices')}`, {
          id: `${this.uid}-heading`,
          class: 'title',
          part: 'heading',
        })}
        <p class="counts">
          ${msg(
            str`${formatNumber(programme)} programme and ${formatNumber(comparison)} comparison practices, each on its latest plan.`,
          )}
          ${
            withoutPlan.length > 0
              ? msg(str`${formatNumber(withoutPlan.length)} without a plan are left out.`)
              : nothing
          }
        </p>
        ${this.renderChart(c)} ${this.renderTable(c)} ${this.renderBehind(c)}
      </section>
    `;
  }

  private renderChart(c: CohortComparison): TemplateResult {
    const x = (v: number) => LEFT + (v / MAX) * PLOT;
    const height = TOP + c.capacities.length * ROW + 28;
    const width = LEFT + PLOT + 60;
    const hatch = `${this.uid}-hatch`;
    const parts: SVGTemplateResult[] = [];
    for (let v = 0; v <= MAX; v++) {
      parts.push(svg`<line class="grid" x1=${x(v)} x2=${x(v)} y1=${TOP - 4} y2=${height - 24}></line>
        <text class="tick" x=${x(v)} y=${height - 8} text-anchor="middle">${v}</text>`);
    }
    const bar = (d: LevelDistribution | null, y: number, cls: string, label: string): SVGTemplateResult => {
      if (!d) return svg`<text class="tick" x=${LEFT + 4} y=${y + 11}>${msg(str`${label}: no practices`)}</text>`;
      return svg`<rect class=${cls} x=${LEFT} y=${y} width=${Math.max(2, x(d.median) - LEFT)} height="14" fill=${
        cls === 'comparison' ? `url(#${hatch})` : nothing
      }></rect>
        <line class="iqr" x1=${x(d.q1)} x2=${x(d.q3)} y1=${y + 7} y2=${y + 7}></line>
        <line class="iqr" x1=${x(d.q1)} x2=${x(d.q1)} y1=${y + 2} y2=${y + 12}></line>
        <line class="iqr" x1=${x(d.q3)} x2=${x(d.q3)} y1=${y + 2} y2=${y + 12}></line>
        <text class="value" x=${Math.max(x(d.q3), x(d.median)) + 6} y=${y + 12}>${lv(d.median)}</text>`;
    };
    c.capacities.forEach((cap, i) => {
      const y = TOP + i * ROW;
      parts.push(svg`<text class="name" x=${LEFT - 8} y=${y + 24} text-anchor="end">${cap.name}</text>
        ${bar(cap.programme, y + 4, 'programme', msg('Programme'))} ${bar(
          cap.comparison,
          y + 22,
          'comparison',
          msg('Comparison'),
        )}`);
    });
    const desc = c.capacities
      .map((cap) => msg(str`${cap.name}: programme ${dist(cap.programme)}, comparison ${dist(cap.comparison)}`))
      .join('; ');
    return html`<figure>
      <svg
        part="chart"
        viewBox="0 0 ${width} ${height}"
        role="img"
        aria-labelledby="${this.uid}-title ${this.uid}-desc"
      >
        <title id="${this.uid}-title">${msg('Median level per capacity: programme and comparison practices')}</title>
        <desc id="${this.uid}-desc">
          ${msg('Median (first to third quartile).')} ${desc}. ${msg('The table below gives the same figures.')}
        </desc>
        <defs>
          <pattern id=${hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="hatch-bg"></rect>
            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
          </pattern>
        </defs>
        ${parts}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch programme-swatch" aria-hidden="true"></span> ${msg('Programme')}</span>
        <span class="key"><span class="swatch comparison-swatch" aria-hidden="true"></span> ${msg('Comparison')}</span>
        <span>${msg('Bars: median level. Lines: middle half of practices (first to third quartile).')}</span>
      </figcaption>
    </figure>`;
  }

  private renderTable(c: CohortComparison): TemplateResult {
    const cell = (d: LevelDistribution | null) => (d ? html`${dist(d)}<span class="n">n=${d.count}</span>` : html`–`);
    return html`<div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="table-caption">
      <table part="table">
      <caption id="table-caption">
        ${msg('Maturity level per capacity by cohort: median (first–third quartile)')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Capacity')}</th>
          <th scope="col" class="num">${msg('Programme')}</th>
          <th scope="col" class="num">${msg('Comparison')}</th>
          <th scope="col" class="num">${msg('Difference in medians')}</th>
        </tr>
      </thead>
      <tbody>
        ${c.capacities.map(
          (cap) => html`<tr>
            <th scope="row">${cap.name}</th>
            <td class="num">${cell(cap.programme)}</td>
            <td class="num">${cell(cap.comparison)}</td>
            <td class="num">
              ${
                cap.medianDifference === null
                  ? '–'
                  : cap.medianDifference > 0
                    ? `+${lv(cap.medianDifference)}`
                    : lv(cap.medianDifference)
              }
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    </div>`;
  }

  private renderBehind(c: CohortComparison): TemplateResult {
    const names = new Map(c.capacities.map((cap) => [cap.capacityId, cap.name]));
    const shown = c.behind.slice(0, Math.max(0, this.behindLimit));
    return html`<section class="behind" aria-labelledby="${this.uid}-behind">
      ${heading(this.headingLevel + 1, html`${msg('Falling behind their cohort')}`, {
        id: `${this.uid}-behind`,
        class: 'subtitle',
      })}
      ${
        c.behind.length === 0
          ? html`<p>${msg('No practice is a full level or more below its cohort’s median on any capacity.')}</p>`
          : html`<div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="behind-caption">
              <table part="behind">
              <caption id="behind-caption">
                ${msg('Practices a level or more below their cohort’s median, largest gap first')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Practice')}</th>
                  <th scope="col">${msg('Cohort')}</th>
                  <th scope="col">${msg('Capacity')}</th>
                  <th scope="col" class="num">${msg('Level')}</th>
                  <th scope="col" class="num">${msg('Cohort median')}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map(
                  (b) => html`<tr>
                    <th scope="row">${b.practiceName}</th>
                    <td>${cohortName(b.cohort)}</td>
                    <td>${names.get(b.capacityId) ?? b.capacityId}</td>
                    <td class="num">${lv(b.level)}</td>
                    <td class="num">${lv(b.cohortMedian)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
            </div>
            ${
              c.behind.length > shown.length
                ? html`<p>${msg(str`And ${formatNumber(c.behind.length - shown.length)} more.`)}</p>`
                : nothing
            }`
      }
    </section>`;
  }
}
