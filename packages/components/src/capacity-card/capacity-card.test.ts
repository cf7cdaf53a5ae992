import { expect, fixture, html } from '@open-wc/testing';
import { scorePlan, type ScorablePlan } from '@links-approach/core/maturity';
import './capacity-card.js';
import type { LinksCapacityCard } from './capacity-card.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const plan: ScorablePlan = {
  savedAt: '2024-06-30T12:00:00Z',
  capacities: {
    signposting: {
      owner: { role: 'Reception team lead' },
      team: ['Receptionist', 'GP partner'],
      aims: [
        {
          id: 'a1',
          statement: 'Offer local support routinely.',
          target: 30,
          targetDate: '2024-12-31',
          measureId: 'm1',
        },
      ],
      measures: [
        {
          id: 'm1',
          name: 'People signposted',
          unit: 'people per month',
          direction: 'increase',
          baseline: { value: 12 },
          points: [{ date: '2024-01-01', value: 12 }],
        },
      ],
      changeIdeas: [{ id: 'c1', title: 'Leaflet rack', cycles: [] }],
      evidence: [],
      selfAssessedLevel: 3,
    },
    awareness: {
      team: [],
      aims: [],
      measures: [],
      changeIdeas: [
        {
          id: 'c1',
          title: 'Training',
          cycles: [
            { id: 'p1', startDate: '2024-01-01', study: 'Went well', act: 'adopt', completedDate: '2024-02-01' },
          ],
          spread: { date: '2024-03-01', note: 'Everyone' },
        },
      ],
      evidence: [],
    },
  },
};
const score = scorePlan(plan);
const signposting = score.capacities.find((c) => c.capacityId === 'signposting')!;
const awareness = score.capacities.find((c) => c.capacityId === 'awareness')!;

describe('<links-capacity-card>', () => {
  it('shows the level, the next step, what the plan shows and what is still needed', async () => {
    const el = await fixture<LinksCapacityCard>(
      html`<links-capacity-card .score=${signposting}></links-capacity-card>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h3'))).to.equal('Signposting');
    expect(text(root.querySelector('.level-value'))).to.equal('2.0');
    expect(text(root.querySelector('.level-name'))).to.equal('Activity');
    expect(root.querySelector('meter')!.value).to.equal(2);
    expect(text(root.querySelector('[part="next-step"]'))).to.equal(
      'Next step (to reach 2.5 Changes tested): Test a change in a PDSA cycle and write up the Study. No PDSA cycle has been started.',
    );
    expect(text(root.querySelector('[part="self-assessment"]'))).to.equal(
      'The team’s own rating: 3.0 (the evidence shows 2.0)',
    );
    const shown = [...root.querySelectorAll('.shown li')].map(text);
    expect(shown).to.have.length(8);
    expect(shown[1]).to.equal('✓ Met: 0.5 Owned by Reception team lead.');
    const needed = [...root.querySelectorAll('.needed li')].map(text);
    expect(needed[0]).to.equal(
      '○ Not yet: 2.5 Test a change in a PDSA cycle and write up the Study. No PDSA cycle has been started.',
    );
    expect(needed).to.have.length(8);
    expect(root.querySelectorAll('h4')).to.have.length(2);
    const details = root.querySelector('details')!;
    expect(details.open).to.be.false;
    expect(text(root.querySelector('summary'))).to.equal('Evidence and criteria: 8 of 16 met');
    root.querySelector('summary')!.click();
    expect(details.open).to.be.true;
  });

  it('ends titles that are questions without an extra full stop; criteria-open shows the lists', async () => {
    const el = await fixture<LinksCapacityCard>(
      html`<links-capacity-card criteria-open .score=${awareness}></links-capacity-card>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('details')!.open).to.be.true;
    const needed = [...root.querySelectorAll('.needed li')].map(text);
    expect(needed).to.include(
      '○ Not yet: 1.5 Define a measure: how will we know a change is an improvement? No measure is defined for this capacity.',
    );
  });

  it('lists evidence that is already there for higher levels, and is accessible', async () => {
    const el = await fixture<LinksCapacityCard>(
      html`<links-capacity-card .score=${awareness} heading-level="2"></links-capacity-card>`,
    );
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Awareness');
    expect(text(root.querySelector('.level-value'))).to.equal('0.0');
    expect(text(root.querySelector('.shown .empty'))).to.equal('Nothing yet.');
    const ahead = [...root.querySelectorAll('.ahead li')].map(text);
    expect(ahead).to.deep.equal([
      '✓ Met: 0.5 The plan addresses this capacity.',
      '✓ Met: 2.0 1 change idea listed.',
      '✓ Met: 2.5 A PDSA cycle of “Training” has been studied.',
      '✓ Met: 4.5 “Training” has been adopted.',
      '✓ Met: 5.0 “Training” has spread as standard practice (2024-03-01).',
    ]);
    expect(root.querySelector('[part="self-assessment"]')).to.be.null;
  });

  it('compact shows only the level and next step; top level and no score are handled', async () => {
    const el = await fixture<LinksCapacityCard>(
      html`<links-capacity-card compact .score=${signposting}></links-capacity-card>`,
    );
    expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(0);
    const top = {
      ...signposting,
      level: 5,
      levelName: 'Outstanding',
      nextStep: null,
      criteria: signposting.criteria.map((c) => ({ ...c, met: true })),
    };
    const topEl = await fixture<LinksCapacityCard>(html`<links-capacity-card .score=${top}></links-capacity-card>`);
    expect(text(topEl.shadowRoot!.querySelector('[part="next-step"]'))).to.equal(
      'Top level reached. Keep the evidence up to date.',
    );
    expect(text(topEl.shadowRoot!.querySelector('.needed .empty'))).to.equal('Nothing: every criterion is met.');
    const none = await fixture<LinksCapacityCard>(html`<links-capacity-card></links-capacity-card>`);
    expect(text(none.shadowRoot!.querySelector('p'))).to.equal('No score to show.');
  });

  it('renders reasons as text, never markup', async () => {
    const hostile = {
      ...signposting,
      name: '<img src=x onerror="window.__xss=1">',
      nextStep: { ...signposting.nextStep!, reason: '<b>bold</b>' },
    };
    const el = await fixture<LinksCapacityCard>(html`<links-capacity-card .score=${hostile}></links-capacity-card>`);
    expect(el.shadowRoot!.querySelector('img, b')).to.be.null;
    expect(text(el.shadowRoot!.querySelector('.next-reason'))).to.equal('<b>bold</b>');
  });
});
