import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { PlanScore } from '@links-approach/core/maturity';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { chartStyles } from '../internal/chart.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatFixed, formatRounded } from '../internal/format.js';
import { styles } from './maturity-profile.styles.js';

const MAX = 5;
const LEFT = 150;
const PLOT = 420;
const ROW = 34;
const TOP = 30;

const lv = (v: number) => (Number.isInteger(v * 2) ? formatFixed(v, 1) : formatRounded(v, 2));

/**
 * A plan's maturity profile across the capacities as an accessible bar
 * chart (0–5) with a data table alternative. It can overlay a second profile
 * — the previous revision, or a cohort's median — drawn as a marker on each
 * bar and listed in the table with the difference. Renders a `PlanScore`
 * from core's `scorePlan`; it decides nothing itself.
 *
 * @summary The capacities' maturity levels as a bar chart and a table, with an optional overlay.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart overall - The overall level line.
 * @csspart chart - The SVG chart.
 * @csspart table - The data table.
 *
 * @cssproperty --links-maturity-profile-bar - Colour of the bars (default the primary colour).
 * @cssproperty --links-maturity-profile-overlay - Colour of the overlay markers (default the text colour).
 * @cssproperty --links-color-primary - Global: primary colour.
 */
@localized()
export class LinksMaturityProfile extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, chartStyles, styles];

  /** The plan's score, from `scorePlan(plan)`. */
  @property({ attribute: false })
  score: PlanScore | undefined;

  /** Levels to overlay, by capacity id: a previous revision's `profile`, or cohort medians. */
  @property({ attribute: false })
  compare: Readonly<Record<string, number>> | undefined;

  /** What the overlay is, e.g. "Programme median" (default "Previous revision", in the page's locale). */
  @property({ attribute: 'compare-label' })
  compareLabel: string | undefined;

  /** The title (default "Maturity profile", in the page's locale). */
  @property()
  label: string | undefined;

  private get titleText(): string {
    return this.label || msg('Maturity profile');
  }

  private get overlayName(): string {
    return this.compareLabel || msg('Previous revision');
  }

  /** Level (2–5) of the title heading. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Prefix of the ids in the shadow root (the root scopes them, so no per-element counter is needed). */
  private readonly uid = 'links-maturity-profile';

  protected override render(): TemplateResult {
    const s = this.score;
    if (!s) return html`<div part="base"><p>${msg('No score to show.')}</p></div>`;
    return html`
      <section part="base" aria-labelledby="${this.uid}-heading">
        ${heading(this.headingLevel, html`${this.titleText}`, {
          id: `${this.uid}-heading`,
          class: 'title',
          part: 'heading',
        })}
        <p part="overall" class="overall">
          ${msg(
            html`Overall <strong>${lv(s.overall.level)}</strong> (mean of the capacities ${lv(s.overall.mean)}, rounded down; lowest ${lv(s.overall.min)}, highest ${lv(s.overall.max)}).`,
          )}
        </p>
        ${this.renderChart(s)} ${this.renderTable(s)}
      </section>
    `;
  }

  private renderChart(s: PlanScore): TemplateResult {
    const compare = this.compare;
    const x = (v: number) => LEFT + (Math.max(0, Math.min(MAX, v)) / MAX) * PLOT;
    const height = TOP + s.capacities.length * ROW + 28;
    const width = LEFT + PLOT + 50;
    const parts: SVGTemplateResult[] = [];
    for (let v = 0; v <= MAX; v++) {
      parts.push(svg`<line class="grid" x1=${x(v)} x2=${x(v)} y1=${TOP - 4} y2=${height - 24}></line>
        <text class="tick" x=${x(v)} y=${height - 8} text-anchor="middle">${v}</text>`);
    }
    s.capacities.forEach((c, i) => {
      const y = TOP + i * ROW;
      const other = compare?.[c.capacityId];
      parts.push(svg`<text class="name" x=${LEFT - 8} y=${y + 18} text-anchor="end">${c.name}</text>
        <rect class="bar" x=${LEFT} y=${y + 6} width=${Math.max(2, x(c.level) - LEFT)} height="18"></rect>
        <text class="value" x=${x(c.level) + 6} y=${y + 19}>${lv(c.level)}</text>
        ${
          other !== undefined
            ? svg`<path class="overlay" d="M ${x(other)} ${
                y + 1
              } l 6 6 l -6 6 l -6 -6 z"></path><line class="overlay-line" x1=${x(other)} x2=${x(other)} y1=${
                y + 13
              } y2=${y + 29}></line>`
            : nothing
        }`);
    });
    const desc = s.capacities
      .map(
        (c) =>
          `${c.name} ${lv(c.level)}${
            compare?.[c.capacityId] !== undefined
              ? ` (${this.overlayName.toLowerCase()} ${lv(compare[c.capacityId]!)})`
              : ''
          }`,
      )
      .join('; ');
    return html`<figure>
      <svg
        part="chart"
        viewBox="0 0 ${width} ${height}"
        role="img"
        aria-labelledby="${this.uid}-title ${this.uid}-desc"
      >
        <title id="${this.uid}-title">${msg(str`${this.titleText}: level of each capacity, 0 to 5`)}</title>
        <desc id="${this.uid}-desc">${desc}. ${msg('The table below gives the same figures.')}</desc>
        ${parts}
      </svg>
      <figcaption>
        <span class="key"><span class="swatch bar-swatch" aria-hidden="true"></span> ${msg('Evidence-based level')}</span>
        ${
          compare
            ? html`<span class="key"
              ><span class="swatch overlay-swatch" aria-hidden="true">◆</span> ${this.overlayName}</span
            >`
            : nothing
        }
      </figcaption>
    </figure>`;
  }

  private renderTable(s: PlanScore): TemplateResult {
    const compare = this.compare;
    return html`<div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="table-caption">
      <table part="table">
      <caption id="table-caption">
        ${msg(str`${this.titleText}: levels by capacity`)}${
          compare ? msg(str`, with ${this.overlayName.toLowerCase()}`) : nothing
        }
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Capacity')}</th>
          <th scope="col" class="num">${msg('Level')}</th>
          <th scope="col">${msg('Meaning')}</th>
          ${
            compare
              ? html`<th scope="col" class="num">${this.overlayName}</th>
                <th scope="col" class="num">${msg('Difference')}</th>`
              : nothing
          }
        </tr>
      </thead>
      <tbody>
        ${s.capacities.map((c) => {
          const other = compare?.[c.capacityId];
          const diff = other === undefined ? undefined : c.level - other;
          return html`<tr>
            <th scope="row">${c.name}</th>
            <td class="num">${lv(c.level)}</td>
            <td>${c.levelName}</td>
            ${
              compare
                ? html`<td class="num">${other === undefined ? '–' : lv(other)}</td>
                  <td class="num">${diff === undefined ? '–' : diff > 0 ? `+${lv(diff)}` : lv(diff)}</td>`
                : nothing
            }
          </tr>`;
        })}
      </tbody>
    </table>
    </div>`;
  }
}
