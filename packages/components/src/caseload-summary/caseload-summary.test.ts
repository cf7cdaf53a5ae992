import { expect, fixture, html } from '@open-wc/testing';
import { caseloadMetrics, generateDemoReferrals, replay, type ReferralState } from '@links-approach/core/referral';
import './caseload-summary.js';
import type { LinksCaseloadSummary } from './caseload-summary.js';

const AS_OF = '2025-03-31T17:00:00Z';
const referrals = replay(
  generateDemoReferrals({ practices: ['practice-a', 'practice-b'], seed: 9, asOf: AS_OF, referralsPerPractice: 30 })
    .events,
  { trusted: true },
).state.referrals as ReferralState[];
const practices = [
  { id: 'practice-a', name: 'Possilpark', listSize: 6000 },
  { id: 'practice-b', listSize: 3000 },
];
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<links-caseload-summary>', () => {
  it('shows the headline figures from core as tiles', async () => {
    const m = caseloadMetrics(referrals, { asOf: AS_OF, practices });
    const el = await fixture<LinksCaseloadSummary>(
      html`<links-caseload-summary .metrics=${m}></links-caseload-summary>`,
    );
    const tiles = [...el.shadowRoot!.querySelectorAll('[part="tile"]')].map((t) => clean(t.textContent));
    expect(tiles[0]).to.equal(`Referrals made ${m.referrals} ${m.people} people`);
    expect(tiles[2]).to.equal(`Overdue responses ${m.overdue} waiting past the response window`);
    expect(tiles[3]).to.equal(
      `Days to response ${m.daysToResponse.median!.toFixed(1)} median, ${m.daysToResponse.count} referrals`,
    );
    expect(tiles[5]).to.equal(
      `Seen 3 or more times ${Math.round(m.seenThreeOrMore.share! * 100)}%${m.seenThreeOrMore.count} of ${
        m.seenThreeOrMore.of
      } people The Links evaluation: 45% of people referred`,
    );
    expect(tiles).to.have.length(9);
  });

  it('draws each chart as a table, so the figures are text and the bars decoration; accessible', async () => {
    const el = await fixture<LinksCaseloadSummary>(
      html`<links-caseload-summary
        .referrals=${referrals}
        .practices=${practices}
        as-of=${AS_OF}
        heading-level="3"
      ></links-caseload-summary>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('h3')!.textContent).to.equal('Caseload figures');
    expect([...root.querySelectorAll('figure h4')].map((h) => h.textContent)).to.deep.equal([
      'Referrals by status',
      'Reasons for referral by theme',
      'Referrals per 1,000 patients',
      'Active caseload per Community Links Practitioner',
    ]);
    const statusRows = [...root.querySelectorAll('figure')[0]!.querySelectorAll('tbody tr')];
    expect(statusRows).to.have.length(10);
    const completed = referrals.filter((r) => r.status === 'completed').length;
    const row = statusRows.find((r) => r.querySelector('th')!.textContent === 'Completed')!;
    expect(row.querySelector('.num')!.textContent).to.equal(String(completed));
    expect(row.querySelector('.bar-cell')!.getAttribute('aria-hidden')).to.equal('true');
    const widest = statusRows.reduce((n, r) => Math.max(n, Number(r.querySelector('.num')!.textContent)), -Infinity);
    const widestRow = statusRows.find((r) => Number(r.querySelector('.num')!.textContent) === widest)!;
    expect((widestRow.querySelector('[part="bar"]') as HTMLElement).style.width).to.equal('100%');
    expect(clean(root.querySelectorAll('figure')[2]!.textContent)).to.contain('Possilpark');
    await expect(el).to.be.accessible();
  });

  it('says so when there are no figures', async () => {
    const el = await fixture<LinksCaseloadSummary>(html`<links-caseload-summary></links-caseload-summary>`);
    expect(el.shadowRoot!.textContent).to.contain('No figures yet.');
  });
});
