import { expect, fixture, html } from '@open-wc/testing';
import {
  RUN_CHART_MESSAGES_EN,
  runChartSentence,
  type RunChartMessageCode,
  type RunChartMessageParams,
  type ScorableMeasure,
} from '@links-approach/core/maturity';
import { setLocale } from '../internal/localization.js';
import { issueText } from '../internal/messages.js';
import './run-chart.js';
import type { LinksRunChart } from './run-chart.js';

const values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 20, 22, 21, 23, 20, 22, 21, 23, 20, 22];
const measure: ScorableMeasure = {
  id: 'm-1',
  name: 'People signposted to local support',
  unit: 'people per month',
  direction: 'increase',
  points: values.map((value, i) => ({
    date: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    value,
  })),
};

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<links-run-chart>', () => {
  it('draws the points, the baseline centre line, target and signal bands, with a summary of the analysis', async () => {
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${measure} .target=${18} change-start="2023-11-01"></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h3'))).to.equal('People signposted to local support');
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items[0]).to.equal('Higher is better. Target 18 people per month.');
    expect(items).to.include(
      'Baseline median 11.5 people per month: the 10 points before 2023-11-01, when the first change was tested.',
    );
    expect(items).to.include('10 runs: within the expected range (6 to 16 for 20 points off the centre line).');
    expect(items).to.include(
      'Shift: 10 points above the baseline from 2023-11-01 to 2024-08-01, in the direction of improvement.',
    );
    expect(items.at(-1)).to.equal('The run chart shows improvement since the baseline.');
    expect(root.querySelectorAll('circle.point')).to.have.length(20);
    expect(root.querySelectorAll('circle.point.in-signal')).to.have.length(10);
    expect(root.querySelectorAll('rect.band.good')).to.have.length(1);
    expect(root.querySelectorAll('rect.band.bad')).to.have.length(0);
    expect(root.querySelectorAll('rect.trend')).to.have.length(0);
    expect(text(root.querySelector('.target-label'))).to.equal('Target 18');
    expect(text(root.querySelector('.median-label'))).to.equal('Baseline 11.5');
    // Solid over the baseline, dashed across the later points, split where the first change was tested.
    const solid = root.querySelector('line.median.baseline-period')!;
    const extended = root.querySelector('line.median.extended')!;
    expect(solid.getAttribute('x2')).to.equal(extended.getAttribute('x1'));
    expect(root.querySelector('line.change-start')).to.exist;
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(text(root.getElementById(titleId!))).to.equal('Run chart of People signposted to local support');
    expect(text(root.getElementById(descId!))).to.contain('Shift: 10 points above the baseline');
  });

  it('judges a fall against the baseline median, not the whole-series median, and says since when', async () => {
    // Issue 13: 30 ×6 then 11 ×6 on a measure that should increase.
    const fall: ScorableMeasure = {
      ...measure,
      points: [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11].map((value, i) => ({
        date: `2023-${String(i + 1).padStart(2, '0')}-01`,
        value,
      })),
    };
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${fall} change-start="2023-07-01"></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('.median-label'))).to.equal('Baseline 30');
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items).to.include(
      'Shift: 6 points below the baseline from 2023-07-01 to 2023-12-01, against the direction of improvement.',
    );
    expect(items.at(-1)).to.equal('The measure has moved against its aim since 2023-07-01.');
    expect(items.join(' ')).to.not.contain('in the direction of improvement');
    expect(root.querySelectorAll('rect.band.good')).to.have.length(0);
    expect(root.querySelectorAll('rect.band.bad')).to.have.length(1);
    // The centre line sits at 30 (the baseline), above every later point.
    const yc = Number(root.querySelector('line.median.extended')!.getAttribute('y1'));
    const lowest = [...root.querySelectorAll('circle.point')].reduce(
      (y, c) => Math.max(y, Number(c.getAttribute('cy'))),
      -Infinity,
    );
    expect(yc).to.be.below(lowest);
    await expect(el).to.be.accessible();
  });

  it('without change-start every point is baseline: signals are drawn neutral, never as improvement', async () => {
    const el = await fixture<LinksRunChart>(html`<links-run-chart .measure=${measure}></links-run-chart>`);
    const root = el.shadowRoot!;
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items).to.include(
      'Median 16.5 people per month: every point is baseline (no change tested yet), so no pattern counts as improvement.',
    );
    expect(items).to.include('Shift: 10 points above the median from 2023-11-01 to 2024-08-01, during the baseline.');
    expect(root.querySelectorAll('rect.band.neutral')).to.have.length(2);
    expect(root.querySelectorAll('rect.band.good, rect.band.bad')).to.have.length(0);
    expect(text(root.querySelector('.median-label'))).to.equal('Median 16.5');
    expect(root.querySelector('line.median.extended')).to.be.null;
  });

  it('offers a data table as a text alternative, keyboard operable, and is accessible', async () => {
    const el = await fixture<LinksRunChart>(html`<links-run-chart .measure=${measure}></links-run-chart>`);
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    const details = root.querySelector('details')!;
    expect(details.open).to.be.false;
    const summary = root.querySelector('summary')!;
    summary.focus();
    expect(root.activeElement).to.equal(summary);
    summary.click();
    expect(details.open).to.be.true;
    const rows = root.querySelectorAll('tbody tr');
    expect(rows).to.have.length(20);
    expect([...rows[0]!.children].map(text)).to.deep.equal(['2023-01-01', '10', 'below', 'shift']);
    expect([...rows[19]!.children].map(text)).to.deep.equal(['2024-08-01', '22', 'above', 'shift']);
    expect(text(root.querySelector('caption'))).to.equal(
      'People signposted to local support (people per month): data points',
    );
    await expect(el).to.be.accessible();
  });

  it('marks a measure that should decrease, an unusual point, and says when there are no signals', async () => {
    const spike: ScorableMeasure = {
      ...measure,
      direction: 'decrease',
      points: [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 40].map((value, i) => ({
        date: `2024-${String(i + 1).padStart(2, '0')}-01`,
        value,
      })),
    };
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${spike} heading-level="4" table-open></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('h4')).to.exist;
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items[0]).to.equal('Lower is better.');
    expect(items).to.include('No shift or trend yet.');
    expect(items.at(-1)).to.equal(
      'Unusual point (40 people per month) on 2024-12-01, far above the rest, against the direction of improvement.',
    );
    expect(root.querySelectorAll('circle.astronomical')).to.have.length(1);
    expect(root.querySelector('details')!.open).to.be.true;
  });

  it('marks a trend along the foot of the chart', async () => {
    const rising = {
      ...measure,
      unit: '%',
      points: [40, 42, 45, 50, 55, 61, 58, 60, 59].map((value, i) => ({ date: `2024-0${i + 1}-01`, value })),
    };
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${rising} .target=${60} change-start="2024-02-01"></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('rect.trend.good')).to.have.length(1);
    // Every point after the baseline (40) lies above it: a shift as well.
    expect(root.querySelectorAll('rect.band.good')).to.have.length(1);
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items[0]).to.equal('Higher is better. Target 60%.');
    expect(items).to.include('Trend: 6 points rising from 2024-01-01 to 2024-06-01, in the direction of improvement.');
  });

  it('treats the measure name as text and copes with no measure or no points', async () => {
    const hostile = { ...measure, name: '<img src=x onerror="window.__xss=1">', points: [] };
    const el = await fixture<LinksRunChart>(html`<links-run-chart .measure=${hostile}></links-run-chart>`);
    expect(el.shadowRoot!.querySelector('img')).to.be.null;
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('<img src=x onerror="window.__xss=1">');
    expect([...el.shadowRoot!.querySelectorAll('li')].map(text)).to.include('No data yet.');
    expect(el.shadowRoot!.querySelector('svg')).to.be.null;
    const empty = await fixture<LinksRunChart>(html`<links-run-chart></links-run-chart>`);
    expect(text(empty.shadowRoot!.querySelector('p'))).to.equal('No measure to show.');
  });

  it('on a Gaelic page says the summary and its text alternative in Gaelic, with the values and dates', async () => {
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${measure} .target=${18} change-start="2023-11-01"></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    const english = [...root.querySelectorAll('[part="summary"] li')].map(text);
    try {
      await setLocale('gd');
      await el.updateComplete;
      const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
      expect(items).to.deep.equal([
        'Nas àirde, nas fheàrr. Targaid 18 people per month.',
        'Puingean: 20 (bho 2023-01-01 gu 2024-08-01).',
        'Meadhan na bun-loidhne 11.5 people per month: puingean na bun-loidhne (10) ro 2023-11-01, nuair a chaidh a’ chiad atharrachadh a dheuchainn.',
        'Ruithean: 10. Tha sin taobh a-staigh an raoin ris a bheil dùil (6 gu 16 an dùil; puingean far na loidhne mheadhain: 20).',
        'Gluasad: os cionn na bun-loidhne (puingean: 10) bho 2023-11-01 gu 2024-08-01, ann an comhair leasachaidh.',
        'Tha a’ chairt-ruith a’ sealltainn leasachadh bhon bhun-loidhne.',
      ]);
      const svg = root.querySelector('svg[part="chart"]')!;
      const descId = svg.getAttribute('aria-labelledby')!.split(' ')[1]!;
      const desc = text(root.getElementById(descId));
      expect(desc).to.contain('Gluasad: os cionn na bun-loidhne (puingean: 10) bho 2023-11-01 gu 2024-08-01');
      for (const sentence of english.slice(1)) expect(desc).to.not.contain(sentence);
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('en-GB');
    }
    await el.updateComplete;
    expect([...root.querySelectorAll('[part="summary"] li')].map(text)).to.deep.equal(english);
  });

  it('has a Gaelic sentence for every run-chart code, keeping its numbers, dates and unit', async () => {
    const samples: { readonly [C in RunChartMessageCode]: RunChartMessageParams[C] } = {
      'run-chart.no-data': {},
      'run-chart.points': { count: 37, from: '2023-01-01', to: '2024-08-01' },
      'run-chart.median': { value: 3.25, unit: 'days' },
      'run-chart.frozen-baseline': { value: 41, unit: '%' },
      'run-chart.recorded-baseline': { value: 30, unit: '%', points: 7, changeStart: '2023-07-01' },
      'run-chart.recorded-baseline-untested': { value: 30, unit: '%', points: 7 },
      'run-chart.first-point-baseline': { value: 41, unit: '%' },
      'run-chart.all-baseline': { value: 16.5, unit: '%' },
      'run-chart.baseline-median': { value: 11.5, unit: '%', points: 13, changeStart: '2023-11-01' },
      'run-chart.runs-too-few': { runs: 3, observations: 23, lower: 7, upper: 17 },
      'run-chart.runs-too-many': { runs: 19, observations: 23, lower: 7, upper: 17 },
      'run-chart.runs-expected': { runs: 11, observations: 23, lower: 7, upper: 17 },
      'run-chart.runs-untested': { runs: 3, observations: 8 },
      'run-chart.no-shift-or-trend': {},
      'run-chart.shift': {
        length: 9,
        direction: 'up',
        phase: 'after',
        improvement: true,
        from: '2023-11-01',
        to: '2024-07-01',
      },
      'run-chart.trend': { length: 7, direction: 'down', phase: 'baseline', improvement: false },
      'run-chart.unusual-point': { value: 44, unit: '%', on: '2024-02-01', direction: 'up', improvement: false },
      'run-chart.against-aim': { since: '2023-09-01', earlierImprovement: true },
      'run-chart.improvement': {},
    };
    expect(Object.keys(samples).sort()).to.deep.equal(Object.keys(RUN_CHART_MESSAGES_EN).sort());
    const sentences = Object.entries(samples).map(([code, params]) =>
      runChartSentence(code as RunChartMessageCode, params as never),
    );
    for (const s of sentences) expect(issueText(s), s.messageCode).to.equal(s.message);
    try {
      await setLocale('gd');
      for (const s of sentences) {
        const gaelic = issueText(s);
        expect(gaelic, s.messageCode).to.not.equal(s.message);
        expect(gaelic.length, s.messageCode).to.be.greaterThan(5);
        for (const [name, value] of Object.entries(s.params)) {
          if (typeof value === 'boolean' || name === 'direction' || name === 'phase') continue;
          expect(gaelic, `${s.messageCode} ${name}`).to.contain(String(value));
        }
      }
    } finally {
      await setLocale('en-GB');
    }
  });
});
