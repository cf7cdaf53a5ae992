import { expect, fixture, html } from '@open-wc/testing';
import { evaluateProgramme, ONS4, type OutcomeResponse, type ProgrammeEvaluation } from '@links-approach/core/outcomes';
import { generateDemoData } from '@links-approach/core/demo-data';
import { generateDemoReferrals, replay } from '@links-approach/core/referral';
import './programme-report.js';
import type { LinksProgrammeReport } from './programme-report.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cells = (row: Element) => [...row.children].map(text);

const demo = generateDemoData({ practices: 6, seed: 7, months: 12 });
const programme = demo.practices.filter((p) => p.cohort === 'programme');
const comparison = demo.practices.filter((p) => p.cohort === 'comparison');
const events = generateDemoReferrals({
  practices: programme.map((p) => ({ id: p.id, listSize: p.listSize })),
  asOf: '2022-12-31T17:00:00Z',
  seed: 3,
}).events;
const referrals = replay(events).state.referrals;

// The worked example of core's tests: programme life-satisfaction changes [2, 1, 0, 3, 1] (mean 1.4),
// comparison changes [1, 0, −1, 0] (mean 0): difference 1.4, 95% CI −0.146 to 2.946.
let n = 0;
const response = (
  person: string,
  practiceId: string,
  timepoint: 'baseline' | 'follow-up',
  life: number,
): OutcomeResponse => ({
  id: `r${++n}`,
  instrumentId: 'ons4',
  person,
  practiceId,
  timepoint,
  date: timepoint === 'baseline' ? '2022-03-01' : '2022-11-01',
  answers: { 'life-satisfaction': life },
});
const responses = [
  ...[
    [5, 7],
    [4, 5],
    [6, 6],
    [3, 6],
    [7, 8],
  ].flatMap(([b, f], i) => [
    response(`p${i}`, programme[0]!.id, 'baseline', b!),
    response(`p${i}`, programme[0]!.id, 'follow-up', f!),
  ]),
  ...[
    [6, 7],
    [5, 5],
    [4, 3],
    [7, 7],
  ].flatMap(([b, f], i) => [
    response(`c${i}`, comparison[0]!.id, 'baseline', b!),
    response(`c${i}`, comparison[0]!.id, 'follow-up', f!),
  ]),
];

const evaluation = evaluateProgramme({
  practices: demo.practices,
  referrals,
  plans: demo.plans,
  outcomes: { instrument: ONS4, responses },
  asOf: '2022-12-31',
  maturityDates: ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31'],
});

describe('<links-programme-report>', () => {
  it('shows the four sections, each chart an image with a description and a table with the same figures', async () => {
    const el = await fixture<LinksProgrammeReport>(
      html`<links-programme-report .evaluation=${evaluation}></links-programme-report>`,
    );
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h2'))).to.equal('Programme and comparison practices');
    expect([...root.querySelectorAll('h3')].map(text)).to.deep.equal([
      'Plan maturity',
      'Referrals per 1,000 patients',
      'Seen 3 or more times',
      'Outcome change',
    ]);
    const charts = root.querySelectorAll('svg[role="img"]');
    expect(charts).to.have.length(5, 'maturity, maturity over time, referrals, engagement, outcomes');
    for (const chart of charts) {
      const [title, desc] = chart.getAttribute('aria-labelledby')!.split(' ');
      expect(text(root.getElementById(title!))).to.not.equal('');
      expect(text(root.getElementById(desc!))).to.contain('The table below gives the same figures.');
    }
    expect(root.querySelectorAll('table').length).to.be.greaterThanOrEqual(5);
    await expect(el).to.be.accessible();
  });

  it('gives the referral rates and engagement from core, cohort by cohort', async () => {
    const el = await fixture<LinksProgrammeReport>(
      html`<links-programme-report .evaluation=${evaluation}></links-programme-report>`,
    );
    const root = el.shadowRoot!;
    const r = evaluation.referrals!;
    const foot = [...root.querySelectorAll('.referrals tfoot tr')].map(cells);
    expect(foot[0]).to.deep.equal([
      'All programme practices',
      'Programme',
      r.programme.listSize.toLocaleString('en-GB'),
      String(r.programme.referrals),
      r.programme.per1000!.toFixed(1),
    ]);
    expect(foot[1]![3]).to.equal('0', 'comparison practices have no CLP, so no referrals');
    expect(root.querySelectorAll('.referrals tbody tr')).to.have.length(6);
    const engagement = [...root.querySelectorAll('.engagement tbody tr')].map(cells);
    const seen = r.programme.seenThreeOrMore;
    expect(engagement[0]![2]).to.equal(`${seen.count} (${Math.round(seen.share! * 100)}%)`);
    expect(engagement[1]![2]).to.equal('0 (–)');
  });

  it('reports the outcome change per cohort, and with one practice each says there are too few practices to compare', async () => {
    const el = await fixture<LinksProgrammeReport>(
      html`<links-programme-report .evaluation=${evaluation} heading-level="3"></links-programme-report>`,
    );
    const root = el.shadowRoot!;
    const rows = [...root.querySelectorAll('.outcomes tbody tr')].map(cells);
    // People answered at one programme and one comparison practice: no practice-level interval can be had
    // (the Welch interval treating the 9 people as independent, −0.15 to +2.95, is not shown).
    expect(rows[0]).to.deep.equal([
      'Life satisfactionhigher is better',
      '+1.40-0.02 to +2.82, n=5, no clear change',
      '0.00-1.30 to +1.30, n=4, no clear change',
      '–',
      '1 / 1',
      '–',
      '–',
      'too few practices to compare',
    ]);
    expect(rows[3]![0]).to.equal('Anxietylower is better');
    expect(rows[3]![4]).to.equal('0 / 0');
    expect(root.querySelectorAll('.outcomes .dot.difference')).to.have.length(0);
    expect(text(root.querySelector('.outcomes .warning'))).to.equal(
      'Too few practices for a stable estimate. At least 4 practices with answers are needed in each cohort; here there are 1 programme and 1 comparison practices. The variation between practices cannot be estimated reliably, so do not read a difference from these intervals.',
    );
    expect(text(root.querySelector('.outcomes .note'))).to.contain('not randomised');
    expect(root.querySelector('h4')).to.not.be.null;
    await expect(el).to.be.accessible();
  });

  it('shows the practice-level difference with its interval, the number of practices, the ICC and the design effect', async () => {
    // core's worked example (cluster.test.ts): the paired changes of people in 4 programme and 4 comparison practices
    //   P1 [2, 4]  P2 [1, 1, 4]  P3 [5]  P4 [3, 5, 4, 4]   |   C1 [0, 2]  C2 [1]  C3 [2, 4, 3]  C4 [−1, 1]
    // Practice means 3, 2, 5, 4 vs 1, 1, 3, 0: D = 3.5 − 1.25 = 2.25, pooled SE √0.8125 on 6 df,
    // 95% CI 0.044 to 4.456; ICC 2.0833/5.4833 = 0.380; design effect 1 + (2.5833 − 1) × 0.380 = 1.60.
    const clustered = {
      P1: [2, 4],
      P2: [1, 1, 4],
      P3: [5],
      P4: [3, 5, 4, 4],
      C1: [0, 2],
      C2: [1],
      C3: [2, 4, 3],
      C4: [-1, 1],
    };
    let k = 0;
    const answers = (v: number) => ({ 'life-satisfaction': v, worthwhile: v, happiness: v, anxiety: v });
    const people = Object.entries(clustered).flatMap(([practiceId, changes]) =>
      changes.flatMap((change) => {
        const person = `x${++k}`;
        return [
          { ...response(person, practiceId, 'baseline', 0), answers: answers(3) },
          { ...response(person, practiceId, 'follow-up', 0), answers: answers(3 + change) },
        ];
      }),
    );
    const eight = evaluateProgramme({
      practices: Object.keys(clustered).map((id) => ({ id, cohort: id.startsWith('P') ? 'programme' : 'comparison' })),
      outcomes: { instrument: ONS4, responses: people },
      asOf: '2022-12-31',
    });
    const el = await fixture<LinksProgrammeReport>(
      html`<links-programme-report .evaluation=${eight}></links-programme-report>`,
    );
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.outcomes thead th')].map(text)).to.deep.equal([
      'Measure',
      'Programme change',
      'Comparison change',
      'Difference (practice level)',
      'Practices (programme / comparison)',
      'ICC',
      'Design effect',
      'Reading',
    ]);
    const rows = [...root.querySelectorAll('.outcomes tbody tr')].map(cells);
    expect(rows[0]!.slice(3)).to.deep.equal([
      '+2.25+0.04 to +4.46',
      '4 / 4',
      '0.380',
      '1.60',
      'programme improved more',
    ]);
    expect(rows[3]!.slice(3)).to.deep.equal([
      '+2.25+0.04 to +4.46',
      '4 / 4',
      '0.380',
      '1.60',
      'comparison improved more',
    ]);
    expect(root.querySelector('.outcomes .warning')).to.be.null;
    expect(root.querySelectorAll('.outcomes .dot.difference')).to.have.length(4);
    expect(text(root.querySelector('.outcomes desc'))).to.contain('difference +2.25 (+0.04 to +4.46)');
    expect(text(root.querySelector('.outcomes .note'))).to.contain('estimated at practice level');
    await expect(el).to.be.accessible();
  });

  it('leaves out sections without data and treats names as text', async () => {
    const partial: ProgrammeEvaluation = {
      ...evaluation,
      maturity: null,
      outcomes: null,
      referrals: {
        ...evaluation.referrals!,
        programme: {
          ...evaluation.referrals!.programme,
          practiceRates: [
            { practiceId: 'x', name: '<img src=x onerror="window.__xss=1">', referrals: 1, per1000: null },
          ],
        },
      },
    };
    const el = await fixture<LinksProgrammeReport>(
      html`<links-programme-report .evaluation=${partial}></links-programme-report>`,
    );
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('h3')].map(text)).to.deep.equal([
      'Referrals per 1,000 patients',
      'Seen 3 or more times',
    ]);
    expect(root.querySelector('img')).to.be.null;
    expect(text(root.querySelector('.referrals tbody th'))).to.equal('<img src=x onerror="window.__xss=1">');
    expect((window as { __xss?: number }).__xss).to.be.undefined;
    const empty = await fixture<LinksProgrammeReport>(html`<links-programme-report></links-programme-report>`);
    expect(text(empty.shadowRoot!.querySelector('p'))).to.equal('No figures to show.');
  });
});
