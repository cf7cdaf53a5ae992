import { expect, fixture, html } from '@open-wc/testing';
import type { ScorableMeasure } from '@links-approach/core/maturity';
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
  it('draws the points, median, target and signal bands, with a summary of the analysis', async () => {
    const el = await fixture<LinksRunChart>(
      html`<links-run-chart .measure=${measure} .target=${18}></links-run-chart>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h3'))).to.equal('People signposted to local support');
    const items = [...root.querySelectorAll('[part="summary"] li')].map(text);
    expect(items[0]).to.equal('Higher is better. Target 18 people per month.');
    expect(items).to.include('Median 16.5 people per month.');
    expect(items).to.include(
      '2 runs: too few, a sign of a shift in the process (6 to 16 for 20 points off the median).',
    );
    expect(items).to.include(
      'Shift: 10 points above the median from 2023-11-01 to 2024-08-01, in the direction of improvement.',
    );
    expect(root.querySelectorAll('circle.point')).to.have.length(20);
    expect(root.querySelectorAll('circle.point.in-signal')).to.have.length(20);
    expect(root.querySelectorAll('rect.band.good')).to.have.length(1);
    expect(root.querySelectorAll('rect.band.bad')).to.have.length(1);
    expect(root.querySelectorAll('rect.trend')).to.have.length(0);
    expect(text(root.querySelector('.target-label'))).to.equal('Target 18');
    expect(text(root.querySelector('.median-label'))).to.equal('Median 16.5');
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(text(root.getElementById(titleId!))).to.equal('Run chart of People signposted to local support');
    expect(text(root.getElementById(descId!))).to.contain('Shift: 10 points above the median');
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
    const el = await fixture<LinksRunChart>(html`<links-run-chart .measure=${rising} .target=${60}></links-run-chart>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('rect.trend.good')).to.have.length(1);
    expect(root.querySelectorAll('rect.band')).to.have.length(0);
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
});
