import { expect, fixture, html } from '@open-wc/testing';
import { generateDemoData } from '@links-approach/core/demo-data';
import { scoreHistory } from '@links-approach/core/maturity';
import './maturity-profile.js';
import type { LinksMaturityProfile } from './maturity-profile.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const data = generateDemoData({ practices: 2, seed: 'profile' });
const programme = data.plans.filter((p) => p.practice.cohort === 'programme');
const history = scoreHistory(programme);
const latest = history.latest!.score;
const previous = history.revisions.at(-2)!.profile;

describe('<links-maturity-profile>', () => {
  it('draws a bar per capacity and gives the same figures in a table', async () => {
    const el = await fixture<LinksMaturityProfile>(
      html`<links-maturity-profile .score=${latest}></links-maturity-profile>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Maturity profile');
    expect(root.querySelectorAll('rect.bar')).to.have.length(7);
    expect(root.querySelectorAll('path.overlay')).to.have.length(0);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(rows.map((r) => r[0])).to.deep.equal(latest.capacities.map((c) => c.name));
    expect(rows.map((r) => r[1])).to.deep.equal(latest.capacities.map((c) => c.level.toFixed(1)));
    expect(rows.map((r) => r[2])).to.deep.equal(latest.capacities.map((c) => c.levelName));
    expect(text(root.querySelector('[part="overall"]'))).to.contain(`Overall ${latest.overall.level.toFixed(1)}`);
    const desc = root.getElementById(root.querySelector('svg')!.getAttribute('aria-labelledby')!.split(' ')[1]!);
    expect(text(desc)).to.contain(`${latest.capacities[0]!.name} ${latest.capacities[0]!.level.toFixed(1)}`);
    await expect(el).to.be.accessible();
  });

  it('overlays a previous revision with the difference per capacity', async () => {
    const el = await fixture<LinksMaturityProfile>(
      html`<links-maturity-profile
        .score=${latest}
        .compare=${previous}
        heading-level="3"
        label="Springburn"
      ></links-maturity-profile>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h3'))).to.equal('Springburn');
    expect(root.querySelectorAll('path.overlay')).to.have.length(7);
    expect([...root.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Capacity',
      'Level',
      'Meaning',
      'Previous revision',
      'Difference',
    ]);
    const first = [...root.querySelectorAll('tbody tr')[0]!.children].map(text);
    const id = latest.capacities[0]!.capacityId;
    const diff = latest.profile[id]! - previous[id]!;
    expect(first[3]).to.equal(previous[id]!.toFixed(1));
    expect(first[4]).to.equal(diff > 0 ? `+${diff.toFixed(1)}` : diff.toFixed(1));
    expect(text(root.querySelector('caption'))).to.equal('Springburn: levels by capacity, with previous revision');
    await expect(el).to.be.accessible();
  });

  it('labels a cohort median overlay, showing quarter levels as they are', async () => {
    const medians = Object.fromEntries(latest.capacities.map((c) => [c.capacityId, 2.25]));
    const el = await fixture<LinksMaturityProfile>(
      html`<links-maturity-profile
        .score=${latest}
        .compare=${medians}
        compare-label="Programme median"
      ></links-maturity-profile>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('figcaption'))).to.contain('Programme median');
    expect(text(root.querySelector('tbody tr td:nth-of-type(3)'))).to.equal('2.25');
    const none = await fixture<LinksMaturityProfile>(html`<links-maturity-profile></links-maturity-profile>`);
    expect(text(none.shadowRoot!.querySelector('p'))).to.equal('No score to show.');
  });
});
