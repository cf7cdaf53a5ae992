import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type {
  ChangeVerdict,
  CohortReferralFigures,
  ConfidenceInterval,
  MeasureChange,
  MeasureDifference,
  ProgrammeEvaluation,
} from '@links-approach/core/outcomes';
import type { LevelDistribution } from '@links-approach/core/maturity';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatFixed, formatNumber, formatPercent } from '../internal/format.js';
import { styles } from './programme-report.styles.js';

const LEFT = 130;
const PLOT = 380;
const WIDTH = LEFT + PLOT + 70;

const fixed = (v: number, digits: number) => formatFixed(v, digits);
const signed = (v: number, digits = 2) => (v > 0 ? `+${fixed(v, digits)}` : fixed(v, digits));
const lv = (v: number) => fixed(v, Number.isInteger(v * 2) ? 1 : 2);
const percent = formatPercent;
const interval = (ci: ConfidenceInterval | null) =>
  ci ? msg(str`${signed(ci.lower)} to ${signed(ci.upper)}`, { id: 'report.interval' }) : '–';

const changeWords = (): Record<ChangeVerdict, string> => ({
  better: msg('improved', { id: 'report.change.better' }),
  worse: msg('worsened', { id: 'report.change.worse' }),
  unclear: msg('no clear change', { id: 'report.change.unclear' }),
});
const differenceWords = (): Record<ChangeVerdict, string> => ({
  better: msg('programme improved more', { id: 'report.difference.better' }),
  worse: msg('comparison improved more', { id: 'report.difference.worse' }),
  unclear: msg('no clear difference', { id: 'report.difference.unclear' }),
});
const cohortLabel = (cohort: 'programme' | 'comparison') =>
  cohort === 'programme' ? msg('Programme') : msg('Comparison');

/**
 * Programme vs comparison practices, as the Links evaluation compared them:
 * plan maturity (and its course over time), referrals per 1,000 registered
 * patients, the share of people seen 3 or more times, and the change in an
 * outcome measure with the programme-vs-comparison difference. Every chart
 * is an SVG image with a text description and is followed by a table with
 * the same figures. Renders a `ProgrammeEvaluation` from core's
 * `evaluateProgramme`; it computes nothing itself. Sections whose data were
 * not given are left out.
 *
 * @summary Programme vs comparison: maturity, referrals per 1,000, engagement and outcome change, as charts with tables.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart section - One section (maturity, referrals, engagement, outcomes).
 * @csspart chart - An SVG chart.
 * @csspart table - A table of figures.
 * @csspart note - A caveat under a section.
 * @csspart warning - The warning that there are too few practices for a stable estimate.
 *
 * @cssproperty --links-programme-report-programme - Colour of the programme cohort (default the primary colour).
 * @cssproperty --links-programme-report-comparison - Colour of the comparison cohort (default #425563).
 * @cssproperty --links-programme-report-difference - Colour of the difference in the outcome chart (default #007f3b).
 * @cssproperty --links-color-primary - Global: primary colour.
 */
@localized()
export class LinksProgrammeReport extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, styles];

  /** The figures, from `evaluateProgramme(...)`. */
  @property({ attribute: false })
  evaluation: ProgrammeEvaluation | undefined;

  /** The title (default "Programme and comparison practices", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title; section headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Prefix of the ids in the shadow root (the root scopes them, so no per-element counter is needed). */
  private readonly uid = 'links-programme-report';

  protected override render(): TemplateResult {
    const e = this.evaluation;
    if (!e) return html`<div part="base"><p>${msg('No figures to show.')}</p></div>`;
    const sub = this.headingLevel + 1;
    return html`
      <article part="base" aria-labelledby="${this.uid}-title">
        ${heading(this.headingLevel, html`${this.label || msg('Programme and comparison practices')}`, {
          id: `${this.uid}-title`,
          class: 'title',
          part: 'heading',
        })}
        <p class="counts">
          ${
            e.period.from || e.period.to
              ? msg(
                  str`${formatNumber(e.practices.programme)} programme and ${formatNumber(e.practices.comparison)} comparison practices, as of ${e.asOf.slice(0, 10)}; referrals requested ${this.periodText()}.`,
                )
              : msg(
                  str`${formatNumber(e.practices.programme)} programme and ${formatNumber(e.practices.comparison)} comparison practices, as of ${e.asOf.slice(0, 10)}.`,
                )
          }
        </p>
        ${e.maturity ? this.renderMaturity(e.maturity, sub) : nothing}
        ${e.referrals ? this.renderReferrals(e.referrals, sub) : nothing}
        ${e.referrals ? this.renderEngagement(e.referrals, sub) : nothing}
        ${e.outcomes ? this.renderOutcomes(e.outcomes.measures, e.outcomes.confidence, sub) : nothing}
      </article>
    `;
  }

  private periodText(): string {
    const { from, to } = this.evaluation!.period;
    if (from && to) return msg(str`from ${from} to ${to}`);
    return from ? msg(str`from ${from}`) : msg(str`up to ${to}`);
  }

  private section(id: string, title: string, level: number, body: TemplateResult): TemplateResult {
    return html`<section part="section" class=${id} aria-labelledby="${this.uid}-${id}">
      ${heading(level, html`${title}`, { id: `${this.uid}-${id}`, class: 'section-title' })} ${body}
    </section>`;
  }

  private figure(
    id: string,
    title: string,
    description: string,
    height: number,
    content: SVGTemplateResult[],
    legend = true,
  ): TemplateResult {
    return html`<figure>
      <svg part="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${this.uid}-${id}-t ${this.uid}-${id}-d">
        <title id="${this.uid}-${id}-t">${title}</title>
        <desc id="${this.uid}-${id}-d">${description} ${msg('The table below gives the same figures.')}</desc>
        ${content}
      </svg>
      ${
        legend
          ? html`<figcaption>
            <span class="key"><span class="swatch programme" aria-hidden="true"></span> ${msg('Programme')}</span>
            <span class="key"><span class="swatch comparison" aria-hidden="true"></span> ${msg('Comparison')}</span>
          </figcaption>`
          : nothing
      }
    </figure>`;
  }

  /** Two horizontal bars (programme, comparison) on a 0–max scale. */
  private bars(
    rows: readonly { label: string; cls: string; value: number | null; text: string }[],
    max: number,
    ticks: readonly number[],
    tickText: (v: number) => string,
  ): SVGTemplateResult[] {
    const x = (v: number) => LEFT + (v / max) * PLOT;
    const top = 10;
    const height = top + rows.length * 34 + 24;
    const parts: SVGTemplateResult[] = ticks.map(
      (t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1=${top - 4} y2=${height - 22}></line>
        <text class="tick" x=${x(t)} y=${height - 6} text-anchor="middle">${tickText(t)}</text>`,
    );
    rows.forEach((row, i) => {
      const y = top + i * 34;
      parts.push(svg`<text class="name" x=${LEFT - 8} y=${y + 17} text-anchor="end">${row.label}</text>`);
      if (row.value === null) parts.push(svg`<text class="tick" x=${LEFT + 4} y=${y + 17}>${msg('no data')}</text>`);
      else
        parts.push(svg`<rect class="bar ${row.cls}" x=${LEFT} y=${y + 4} width=${Math.max(2, x(row.value) - LEFT)} height="18"></rect>
          <text class="value" x=${x(row.value) + 6} y=${y + 18}>${row.text}</text>`);
    });
    return parts;
  }

  private renderMaturity(m: NonNullable<ProgrammeEvaluation['maturity']>, level: number): TemplateResult {
    const median = (d: LevelDistribution | null) => d?.median ?? null;
    const dist = (d: LevelDistribution | null) =>
      d ? `${lv(d.median)} (${lv(d.q1)}–${lv(d.q3)}), n=${formatNumber(d.count)}` : '–';
    const rows = [
      {
        label: msg('Programme'),
        cls: 'programme',
        value: median(m.programme.overall),
        text: m.programme.overall ? lv(m.programme.overall.median) : '',
      },
      {
        label: msg('Comparison'),
        cls: 'comparison',
        value: median(m.comparison.overall),
        text: m.comparison.overall ? lv(m.comparison.overall.median) : '',
      },
    ];
    const body = html`
      ${this.figure(
        'maturity',
        msg('Median overall plan maturity by cohort (0 to 5)'),
        msg(str`Programme median ${dist(m.programme.overall)}; comparison median ${dist(m.comparison.overall)}.`),
        10 + 2 * 34 + 24,
        this.bars(rows, 5, [0, 1, 2, 3, 4, 5], String),
      )}
      ${m.overTime.length >= 2 ? this.renderOverTime(m.overTime) : nothing}
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="maturity-caption">
      <table part="table">
        <caption id="maturity-caption">${msg('Plan maturity by cohort: median level (first–third quartile)')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Capacity')}</th>
            <th scope="col" class="num">${msg('Programme')}</th>
            <th scope="col" class="num">${msg('Comparison')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">${msg('Overall')}</th>
            <td class="num">${dist(m.programme.overall)}</td>
            <td class="num">${dist(m.comparison.overall)}</td>
          </tr>
          ${m.programme.capacities.map(
            (c, i) => html`<tr>
              <th scope="row">${c.name}</th>
              <td class="num">${c.median === null ? '–' : lv(c.median)}</td>
              <td class="num">${m.comparison.capacities[i]?.median == null ? '–' : lv(m.comparison.capacities[i]!.median!)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
    `;
    return this.section('maturity', msg('Plan maturity'), level, body);
  }

  private renderOverTime(points: NonNullable<ProgrammeEvaluation['maturity']>['overTime']): TemplateResult {
    const top = 12;
    const plotHeight = 150;
    const height = top + plotHeight + 40;
    const x = (i: number) => LEFT + (points.length === 1 ? PLOT / 2 : (i / (points.length - 1)) * PLOT);
    const y = (v: number) => top + plotHeight - (v / 5) * plotHeight;
    const parts: SVGTemplateResult[] = [0, 1, 2, 3, 4, 5].map(
      (v) => svg`<line class="grid" x1=${LEFT} x2=${LEFT + PLOT} y1=${y(v)} y2=${y(v)}></line>
        <text class="tick" x=${LEFT - 8} y=${y(v) + 4} text-anchor="end">${v}</text>`,
    );
    const series = (key: 'programme' | 'comparison') => {
      const pts = points
        .map((p, i) => (p[key] === null ? null : ([x(i), y(p[key]!)] as const)))
        .filter((p) => p !== null);
      return svg`<polyline class="line ${key}" points=${pts.map((p) => p.join(',')).join(' ')}></polyline>
        ${pts.map(([px, py]) => (key === 'programme' ? svg`<circle class="dot programme" cx=${px} cy=${py} r="4"></circle>` : svg`<rect class="dot comparison" x=${px - 4} y=${py - 4} width="8" height="8"></rect>`))}`;
    };
    parts.push(series('comparison'), series('programme'));
    points.forEach((p, i) => {
      if (i === 0 || i === points.length - 1 || points.length <= 6) {
        parts.push(svg`<text class="tick" x=${x(i)} y=${height - 18} text-anchor="middle">${p.date}</text>`);
      }
    });
    const none = msg('none', { id: 'report.none' });
    const text = points
      .map((p) =>
        msg(
          str`${p.date}: programme ${p.programme === null ? none : lv(p.programme)}, comparison ${p.comparison === null ? none : lv(p.comparison)}`,
        ),
      )
      .join('; ');
    return html`${this.figure('overtime', msg('Median overall plan maturity over time'), `${text}.`, height, parts)}
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="over-time-caption">
      <table part="table">
        <caption id="over-time-caption">${msg('Median overall plan maturity over time (practices with a plan by then)')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Date')}</th>
            <th scope="col" class="num">${msg('Programme')}</th>
            <th scope="col" class="num">${msg('Comparison')}</th>
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p) => html`<tr>
              <th scope="row">${p.date}</th>
              <td class="num">${p.programme === null ? '–' : lv(p.programme)}<span class="n">n=${formatNumber(p.programmeCount)}</span></td>
              <td class="num">${p.comparison === null ? '–' : lv(p.comparison)}<span class="n">n=${formatNumber(p.comparisonCount)}</span></td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>`;
  }

  private renderReferrals(
    r: { programme: CohortReferralFigures; comparison: CohortReferralFigures },
    level: number,
  ): TemplateResult {
    const max = Math.max(1, r.programme.per1000 ?? 0, r.comparison.per1000 ?? 0);
    const step = max <= 5 ? 1 : max <= 20 ? 5 : max <= 50 ? 10 : Math.ceil(max / 50) * 10;
    const top = Math.ceil(max / step) * step;
    const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
    const rate = (f: CohortReferralFigures) => (f.per1000 === null ? msg('no list sizes') : fixed(f.per1000, 1));
    const rows = [
      { label: msg('Programme'), cls: 'programme', value: r.programme.per1000, text: rate(r.programme) },
      { label: msg('Comparison'), cls: 'comparison', value: r.comparison.per1000, text: rate(r.comparison) },
    ];
    const practices = [
      ...r.programme.practiceRates.map((p) => ({ ...p, cohort: msg('Programme') })),
      ...r.comparison.practiceRates.map((p) => ({ ...p, cohort: msg('Comparison') })),
    ];
    const thousand = formatNumber(1000);
    const body = html`
      ${this.figure(
        'referrals',
        msg(str`Referrals per ${thousand} registered patients by cohort`),
        msg(
          str`Programme ${rate(r.programme)} (${formatNumber(r.programme.referrals)} referrals); comparison ${rate(r.comparison)} (${formatNumber(r.comparison.referrals)} referrals).`,
        ),
        10 + 2 * 34 + 24,
        this.bars(rows, top, ticks, String),
      )}
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="per-1000-caption">
      <table part="table">
        <caption id="per-1000-caption">${msg(str`Referrals per ${thousand} registered patients, by practice`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Practice')}</th>
            <th scope="col">${msg('Cohort')}</th>
            <th scope="col" class="num">${msg('List size')}</th>
            <th scope="col" class="num">${msg('Referrals')}</th>
            <th scope="col" class="num">${msg(str`Per ${thousand}`)}</th>
          </tr>
        </thead>
        <tbody>
          ${practices.map(
            (p) => html`<tr>
              <th scope="row">${p.name ?? p.practiceId}</th>
              <td>${p.cohort}</td>
              <td class="num">${p.listSize === undefined ? '–' : formatNumber(p.listSize)}</td>
              <td class="num">${formatNumber(p.referrals)}</td>
              <td class="num">${p.per1000 === null ? '–' : fixed(p.per1000, 1)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          ${[['programme', r.programme] as const, ['comparison', r.comparison] as const].map(
            ([cohort, f]) => html`<tr>
              <th scope="row">
                ${cohort === 'programme' ? msg('All programme practices') : msg('All comparison practices')}
              </th>
              <td>${cohortLabel(cohort)}</td>
              <td class="num">${formatNumber(f.listSize)}</td>
              <td class="num">${formatNumber(f.referrals)}</td>
              <td class="num">${f.per1000 === null ? '–' : fixed(f.per1000, 1)}</td>
            </tr>`,
          )}
        </tfoot>
      </table>
      </div>
    `;
    return this.section('referrals', msg(str`Referrals per ${thousand} patients`), level, body);
  }

  private renderEngagement(
    r: { programme: CohortReferralFigures; comparison: CohortReferralFigures },
    level: number,
  ): TemplateResult {
    const rows = [
      {
        label: msg('Programme'),
        cls: 'programme',
        value: r.programme.seenThreeOrMore.share === null ? null : r.programme.seenThreeOrMore.share * 100,
        text: percent(r.programme.seenThreeOrMore.share),
      },
      {
        label: msg('Comparison'),
        cls: 'comparison',
        value: r.comparison.seenThreeOrMore.share === null ? null : r.comparison.seenThreeOrMore.share * 100,
        text: percent(r.comparison.seenThreeOrMore.share),
      },
    ];
    const body = html`
      ${this.figure(
        'engagement',
        msg('Share of people referred who saw the Community Links Practitioner 3 or more times'),
        msg(
          str`Programme ${percent(r.programme.seenThreeOrMore.share)} (${formatNumber(r.programme.seenThreeOrMore.count)} of ${formatNumber(r.programme.seenThreeOrMore.of)}); comparison ${percent(r.comparison.seenThreeOrMore.share)} (${formatNumber(r.comparison.seenThreeOrMore.count)} of ${formatNumber(r.comparison.seenThreeOrMore.of)}).`,
        ),
        10 + 2 * 34 + 24,
        this.bars(rows, 100, [0, 25, 50, 75, 100], (v) => percent(v / 100)),
      )}
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="engagement-caption">
      <table part="table">
        <caption id="engagement-caption">${msg('People seen 3 or more times, and linked to a community resource')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Cohort')}</th>
            <th scope="col" class="num">${msg('People referred')}</th>
            <th scope="col" class="num">${msg('Seen 3+ times')}</th>
            <th scope="col" class="num">${msg('Linked to a resource')}</th>
          </tr>
        </thead>
        <tbody>
          ${[['programme', r.programme] as const, ['comparison', r.comparison] as const].map(
            ([cohort, f]) => html`<tr>
              <th scope="row">${cohortLabel(cohort)}</th>
              <td class="num">${formatNumber(f.people)}</td>
              <td class="num">${formatNumber(f.seenThreeOrMore.count)} (${percent(f.seenThreeOrMore.share)})</td>
              <td class="num">${formatNumber(f.linkedToResource.count)} (${percent(f.linkedToResource.share)})</td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      <p class="note" part="note">
        ${msg(
          str`In the Links evaluation (Mercer et al., Ann Fam Med 2019), ${percent(0.45)} of people referred saw the practitioner 3 or more times, and only they improved.`,
        )}
      </p>
    `;
    return this.section('engagement', msg('Seen 3 or more times'), level, body);
  }

  private renderOutcomes(measures: readonly MeasureDifference[], confidence: number, level: number): TemplateResult {
    const pct = percent(confidence);
    const values: number[] = [];
    for (const m of measures) {
      for (const est of [m.programme.ci, m.comparison.ci, m.clusters.primary?.ci ?? null])
        if (est) values.push(est.lower, est.upper);
      for (const v of [m.programme.mean, m.comparison.mean]) if (v !== null) values.push(v);
    }
    const extent = values.reduce((n, v) => Math.max(n, Math.abs(v)), 1);
    const step = extent <= 2 ? 0.5 : extent <= 5 ? 1 : extent <= 10 ? 2 : Math.ceil(extent / 5);
    const bound = Math.ceil(extent / step) * step;
    const x = (v: number) => LEFT + ((v + bound) / (2 * bound)) * PLOT;
    const ROW = 16;
    const GROUP = ROW * 3 + 18;
    const top = 8;
    const height = top + measures.length * GROUP + 24;
    const parts: SVGTemplateResult[] = [];
    for (let v = -bound; v <= bound + 1e-9; v += step) {
      parts.push(svg`<line class=${Math.abs(v) < 1e-9 ? 'zero' : 'grid'} x1=${x(v)} x2=${x(v)} y1=${top} y2=${height - 20}></line>
        <text class="tick" x=${x(v)} y=${height - 5} text-anchor="middle">${Math.abs(v) < 1e-9 ? '0' : signed(v, step < 1 ? 1 : 0)}</text>`);
    }
    const row = (
      est: { mean: number | null; ci: ConfidenceInterval | null },
      y: number,
      cls: string,
    ): SVGTemplateResult => {
      if (est.mean === null) return svg``;
      const ci = est.ci;
      return svg`${ci ? svg`<line class="ci ${cls}" x1=${x(ci.lower)} x2=${x(ci.upper)} y1=${y} y2=${y}></line>` : nothing}
        ${
          cls === 'comparison'
            ? svg`<rect class="dot ${cls}" x=${x(est.mean) - 4} y=${y - 4} width="8" height="8"></rect>`
            : cls === 'difference'
              ? svg`<polygon class="dot ${cls}" points="${x(est.mean)},${y - 6} ${x(est.mean) + 6},${y} ${x(est.mean)},${y + 6} ${x(est.mean) - 6},${y}"></polygon>`
              : svg`<circle class="dot ${cls}" cx=${x(est.mean)} cy=${y} r="4.5"></circle>`
        }`;
    };
    measures.forEach((m, i) => {
      const y0 = top + i * GROUP + 12;
      parts.push(svg`<text class="name" x=${LEFT - 8} y=${y0 + ROW + 4} text-anchor="end">${m.name}</text>`);
      parts.push(row(m.programme, y0, 'programme'), row(m.comparison, y0 + ROW, 'comparison'));
      const primary = m.clusters.primary;
      if (primary) parts.push(row({ mean: primary.estimate, ci: primary.ci }, y0 + 2 * ROW, 'difference'));
    });
    const describe = (c: MeasureChange) =>
      c.mean === null ? msg('no pairs') : `${signed(c.mean)} (${interval(c.ci)}, n=${formatNumber(c.n)})`;
    const desc = measures
      .map((m) => {
        const better = m.better === 'higher' ? msg('higher is better') : msg('lower is better');
        const primary = m.clusters.primary;
        const difference = primary ? `${signed(primary.estimate)} (${interval(primary.ci)})` : msg('not available');
        return msg(
          str`${m.name} (${better}): programme ${describe(m.programme)}, comparison ${describe(m.comparison)}, difference ${difference}`,
        );
      })
      .join('; ');
    const method = measures[0]?.clusters.method ?? 'practice-level';
    const few = measures.find((m) => m.clusters.tooFewPractices)?.clusters;
    const body = html`
      <p>
        ${msg(
          str`Change from baseline to follow-up in each person's answers (follow-up minus baseline), with ${pct} confidence intervals, and the difference between the cohorts' changes.`,
        )}
      </p>
      <figure>
        <svg part="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${this.uid}-outcomes-t ${this.uid}-outcomes-d">
          <title id="${this.uid}-outcomes-t">${msg(str`Mean change per measure with ${pct} confidence intervals`)}</title>
          <desc id="${this.uid}-outcomes-d">${desc}. ${msg('The table below gives the same figures.')}</desc>
          ${parts}
        </svg>
        <figcaption>
          <span class="key"><span class="swatch programme round" aria-hidden="true"></span> ${msg('Programme change')}</span>
          <span class="key"><span class="swatch comparison" aria-hidden="true"></span> ${msg('Comparison change')}</span>
          <span class="key"
            ><span class="swatch difference diamond" aria-hidden="true"></span> ${msg('Difference (programme − comparison)')}</span
          >
        </figcaption>
      </figure>
      <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="outcomes-caption">
      <table part="table">
        <caption id="outcomes-caption">${msg(str`Mean change (${pct} confidence interval) and the programme-vs-comparison difference`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Measure')}</th>
            <th scope="col" class="num">${msg('Programme change')}</th>
            <th scope="col" class="num">${msg('Comparison change')}</th>
            <th scope="col" class="num">
              ${method === 'cr2' ? msg('Difference (person level, CR2)') : msg('Difference (practice level)')}
            </th>
            <th scope="col" class="num">${msg('Practices (programme / comparison)')}</th>
            <th scope="col" class="num"><abbr title=${msg('intraclass correlation')}>${msg('ICC')}</abbr></th>
            <th scope="col" class="num">${msg('Design effect')}</th>
            <th scope="col">${msg('Reading')}</th>
          </tr>
        </thead>
        <tbody>
          ${measures.map(
            (m) => html`<tr>
              <th scope="row">${m.name}<span class="n">${m.better === 'higher' ? msg('higher is better') : msg('lower is better')}</span></th>
              <td class="num">${this.changeCell(m.programme)}</td>
              <td class="num">${this.changeCell(m.comparison)}</td>
              <td class="num">
                ${
                  m.clusters.primary
                    ? html`${signed(m.clusters.primary.estimate)}<span class="n">${interval(m.clusters.primary.ci)}</span>`
                    : '–'
                }
              </td>
              <td class="num">${formatNumber(m.clusters.practices.programme)} / ${formatNumber(m.clusters.practices.comparison)}</td>
              <td class="num">${m.clusters.icc === null ? '–' : fixed(m.clusters.icc, 3)}</td>
              <td class="num">${m.clusters.designEffect === null ? '–' : fixed(m.clusters.designEffect, 2)}</td>
              <td>
                ${m.verdict ? differenceWords()[m.verdict] : msg('too few practices to compare')}${
                  m.verdict && m.clusters.tooFewPractices
                    ? html`<span class="n">${msg('too few practices: unstable')}</span>`
                    : nothing
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      ${
        few
          ? html`<p class="warning" part="warning">
            <strong>${msg('Too few practices for a stable estimate.')}</strong>
            ${msg(
              str`At least ${formatNumber(few.minPractices)} practices with answers are needed in each cohort; here there are ${formatNumber(few.practices.programme)} programme and ${formatNumber(few.practices.comparison)} comparison practices. The variation between practices cannot be estimated reliably, so do not read a difference from these intervals.`,
            )}
          </p>`
          : nothing
      }
      <p class="note" part="note">
        ${msg(
          'People are clustered in practices, so the difference is estimated at practice level: the mean change of each practice, then a t-test comparing the programme practices with the comparison practices. The design effect says how much the clustering inflates the variance compared with independent people. An unadjusted comparison of practices that were not randomised: it does not account for differences between the people or the practices.',
        )}
      </p>
    `;
    return this.section('outcomes', msg('Outcome change'), level, body);
  }

  private changeCell(c: MeasureChange): TemplateResult {
    if (c.mean === null) return html`–<span class="n">n=0</span>`;
    return html`${signed(c.mean)}<span class="n">${interval(c.ci)}, n=${formatNumber(c.n)}${c.verdict ? `, ${changeWords()[c.verdict]}` : ''}</span>`;
  }
}
