import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import {
  caseloadMetrics,
  REFERRAL_STATUSES,
  type CaseloadMetrics,
  type MetricShare,
  type MetricsPractice,
  type ReferralState,
} from '@links-approach/core/referral';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatFixed, formatNumber, formatPercent } from '../internal/format.js';
import { statusLabels } from '../internal/referral-labels.js';
import { styles } from './caseload-summary.styles.js';

interface Bar {
  readonly label: string;
  readonly value: number;
  /** Shown instead of the value, e.g. "12.5 per 1,000". */
  readonly text?: string;
}

const days = (median: number | null) => (median === null ? '–' : formatFixed(median, 1));

/**
 * The caseload figures from core's `caseloadMetrics` as tiles and bar
 * charts: referrals made, active caseload, overdue responses, median days
 * to response and to first contact, people seen 3 or more times, people
 * linked to a resource, resource uptake and goals achieved; then referrals by
 * status, reasons by theme, referrals per 1,000 patients per practice and
 * active caseload per CLP. Every chart is a table (label, bar, figure), so
 * the bars are decoration and the numbers are read as text.
 *
 * Give it `metrics`, or `referrals` (with `as-of` and `practices`) and it
 * computes them with core.
 *
 * @summary Caseload figures as tiles and accessible bar charts.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart tiles - The list of headline figures.
 * @csspart tile - One headline figure.
 * @csspart value - A tile's figure.
 * @csspart chart - One chart (a figure with a table).
 * @csspart bar - One bar.
 *
 * @cssproperty --links-caseload-summary-bar - Colour of the bars (default the primary colour).
 * @cssproperty --links-caseload-summary-tile-min - Narrowest a tile gets before the grid wraps (default 11rem).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 *
 * @slot - Optional text under the title, e.g. the period the figures cover.
 */
@localized()
export class LinksCaseloadSummary extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, styles];

  /** The figures to show (from core's `caseloadMetrics`). */
  @property({ attribute: false })
  metrics: CaseloadMetrics | undefined;

  /** Referrals to compute the figures from, when `metrics` is not given. */
  @property({ attribute: false })
  referrals: readonly ReferralState[] | undefined;

  /** "Now" for overdue flags when computing: a Date or an ISO date. Default: the current time. */
  @property({ attribute: 'as-of' })
  asOf: string | Date | undefined;

  /** Practices with list sizes, for referrals per 1,000 patients, when computing. */
  @property({ attribute: false })
  practices: readonly MetricsPractice[] | undefined;

  /** The title (default "Caseload figures", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title heading; charts' headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  @state() private computed: CaseloadMetrics | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.metrics &&
      this.referrals &&
      (changed.has('referrals') || changed.has('asOf') || changed.has('practices') || changed.has('metrics'))
    ) {
      this.computed = caseloadMetrics(this.referrals, {
        asOf: this.asOf ?? new Date(),
        ...(this.practices ? { practices: this.practices } : {}),
      });
    }
  }

  protected override render(): TemplateResult {
    const m = this.metrics ?? this.computed;
    const level = this.headingLevel;
    if (!m) return html`<section part="base"><p>${msg('No figures yet.')}</p></section>`;
    const share = (s: MetricShare, what: (count: string, of: string) => string) =>
      html`${formatPercent(s.share)}<span class="of">${what(formatNumber(s.count), formatNumber(s.of))}</span>`;
    const practiceBars = m.practices.filter((p) => p.per1000 !== null);
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(level, html`${this.label || msg('Caseload figures')}`, { id: 'title', class: 'title', part: 'heading' })}
        <slot></slot>
        <ul class="tiles" part="tiles">
          ${this.tile(msg('Referrals made'), formatNumber(m.referrals), msg(str`${formatNumber(m.people)} people`))}
          ${this.tile(msg('Active caseload'), formatNumber(m.active), msg('accepted, in progress or on hold'))}
          ${this.tile(
            msg('Overdue responses'),
            formatNumber(m.overdue),
            msg('waiting past the response window'),
            m.overdue > 0,
          )}
          ${this.tile(
            msg('Days to response'),
            days(m.daysToResponse.median),
            msg(str`median, ${formatNumber(m.daysToResponse.count)} referrals`),
          )}
          ${this.tile(
            msg('Days to first contact'),
            days(m.daysToFirstContact.median),
            msg(str`median, ${formatNumber(m.daysToFirstContact.count)} referrals`),
          )}
          ${this.tileHtml(
            msg('Seen 3 or more times'),
            share(m.seenThreeOrMore, (count, of) => msg(str`${count} of ${of} people`)),
            msg(str`The Links evaluation: ${formatPercent(0.45)} of people referred`),
          )}
          ${this.tileHtml(
            msg('Linked to a resource'),
            share(m.linkedToResource, (count, of) => msg(str`${count} of ${of} people`)),
          )}
          ${this.tileHtml(
            msg('Resource uptake'),
            share(m.resourceUptake, (count, of) => msg(str`${count} of ${of} links`)),
            msg('attending or attended'),
          )}
          ${this.tileHtml(
            msg('Goals achieved'),
            share(m.goalsAchieved, (count, of) => msg(str`${count} of ${of} goals`)),
          )}
        </ul>
        <div class="charts">
          ${this.chart(
            'by-status',
            msg('Referrals by status'),
            REFERRAL_STATUSES.map((s) => ({ label: statusLabels()[s], value: m.byStatus[s] })),
            level + 1,
          )}
          ${this.chart(
            'by-theme',
            msg('Reasons for referral by theme'),
            m.reasonsByTheme.map((t) => ({ label: t.name, value: t.count })),
            level + 1,
          )}
          ${
            practiceBars.length > 0
              ? this.chart(
                  'per-1000',
                  msg(str`Referrals per ${formatNumber(1000)} patients`),
                  practiceBars.map((p) => ({
                    label: p.name ?? p.practiceId,
                    value: p.per1000 ?? 0,
                    text: msg(str`${formatNumber(p.per1000 ?? 0)} (${formatNumber(p.referrals)} referrals)`),
                  })),
                  level + 1,
                )
              : nothing
          }
          ${this.chart(
            'per-clp',
            msg('Active caseload per Community Links Practitioner'),
            [
              ...m.caseloadPerClp.map((c) => ({ label: c.clpId, value: c.active })),
              ...(m.unassigned > 0 ? [{ label: msg('Not yet with a CLP'), value: m.unassigned }] : []),
            ],
            level + 1,
          )}
        </div>
      </section>
    `;
  }

  private tile(label: string, value: string, note?: string, alert = false): TemplateResult {
    return this.tileHtml(label, html`${value}`, note, alert);
  }

  private tileHtml(label: string, value: TemplateResult, note?: string, alert = false): TemplateResult {
    return html`<li class="tile ${alert ? 'alert' : ''}" part="tile">
      <span class="label">${label}</span>
      <span class="value" part="value">${value}</span>
      ${note ? html`<span class="note">${note}</span>` : nothing}
    </li>`;
  }

  private chart(id: string, title: string, bars: readonly Bar[], level: number): TemplateResult {
    const max = bars.reduce((n, b) => Math.max(n, b.value), 1);
    return html`<figure class="chart" part="chart" aria-labelledby=${`${id}-title`}>
      <figcaption>${heading(level, html`${title}`, { id: `${id}-title`, class: 'chart-title' })}</figcaption>
      ${
        bars.length === 0
          ? html`<p>${msg('None.')}</p>`
          : html`<div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby=${`${id}-title`}>
            <table>
            <thead>
              <tr>
                <th scope="col">
                  ${
                    id === 'per-clp'
                      ? msg('Practitioner')
                      : id === 'per-1000'
                        ? msg('Practice')
                        : id === 'by-theme'
                          ? msg('Theme')
                          : msg('Status')
                  }
                </th>
                <th scope="col"><span class="visually-hidden">${msg('Bar')}</span></th>
                <th scope="col" class="num">
                  ${id === 'per-1000' ? msg(str`Per ${formatNumber(1000)}`) : msg('Number')}
                </th>
              </tr>
            </thead>
            <tbody>
              ${bars.map(
                (bar) => html`<tr>
                  <th scope="row">${bar.label}</th>
                  <td class="bar-cell" aria-hidden="true">
                    <span class="bar" part="bar" style=${styleMap({ width: `${(bar.value / max) * 100}%` })}></span>
                  </td>
                  <td class="num">${bar.text ?? formatNumber(bar.value)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          </div>`
      }
    </figure>`;
  }
}
