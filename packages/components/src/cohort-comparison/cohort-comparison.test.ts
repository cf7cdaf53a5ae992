import { expect, fixture, html } from '@open-wc/testing';
import { compareCohorts, type CohortComparison } from '@links-approach/core/maturity';
import { generateDemoData } from '@links-approach/core/demo-data';
import './cohort-comparison.js';
import type { LinksCohortComparison } from './cohort-comparison.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const data = generateDemoData({ practices: 16, seed: 'cohorts' });
const comparison = compareCohorts(data.practices, data.plans);

describe('<links-cohort-comparison>', () => {
  it('charts both cohorts per capacity and gives the same figures in a table', async () => {
    const el = await fixture<LinksCohortComparison>(
      html`<links-cohort-comparison .comparison=${comparison}></links-cohort-comparison>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Programme and comparison practices');
    expect(text(root.querySelector('.counts'))).to.equal(
      '8 programme and 8 comparison practices, each on its latest plan.',
    );
    expect(root.querySelectorAll('rect.programme')).to.have.length(7);
    expect(root.querySelectorAll('rect.comparison')).to.have.length(7);
    const rows = [...root.querySelectorAll('[part="table"] tbody tr')].map((r) => [...r.children].map(text));
    expect(rows).to.have.length(7);
    const first = comparison.capacities[0]!;
    expect(rows[0]![0]).to.equal(first.name);
    expect(rows[0]![1]).to.match(
      new RegExp(`^${first.programme!.median.toFixed(1).replace('.', '\\.')}(\\d)? \\([\\d.]+–[\\d.]+\\)n=8$`),
    );
    await expect(el).to.be.accessible();
  });

  it('lists practices falling behind, up to a limit', async () => {
    const el = await fixture<LinksCohortComparison>(
      html`<links-cohort-comparison
        .comparison=${comparison}
        behind-limit="2"
        heading-level="3"
      ></links-cohort-comparison>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h4'))).to.equal('Falling behind their cohort');
    if (comparison.behind.length > 2) {
      expect(root.querySelectorAll('[part="behind"] tbody tr')).to.have.length(2);
      expect(text(root.querySelector('.behind p'))).to.equal(`And ${comparison.behind.length - 2} more.`);
    }
    expect(comparison.behind.length).to.be.greaterThan(0);
    expect(text(root.querySelector('[part="behind"] tbody th'))).to.equal(comparison.behind[0]!.practiceName);
  });

  it('copes with an empty cohort, nobody behind, and hostile names', async () => {
    const custom: CohortComparison = {
      ...comparison,
      capacities: comparison.capacities.map((c) => ({
        ...c,
        comparison: null,
        medianDifference: null,
        name: '<img src=x onerror="window.__xss=1">',
      })),
      practices: { programme: 8, comparison: 0, withoutPlan: ['x'] },
      behind: [],
    };
    const el = await fixture<LinksCohortComparison>(
      html`<links-cohort-comparison .comparison=${custom}></links-cohort-comparison>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.be.null;
    expect(text(root.querySelector('.counts'))).to.contain('1 without a plan are left out.');
    expect(text(root.querySelector('.behind p'))).to.contain('No practice is a full level or more below');
    expect(root.querySelectorAll('rect.comparison')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
