// The caseload's two layouts, chosen by the element's own width (a container
// query): a stacked list of cards in a phone-width column or a narrow panel,
// a table where every column fits. Same rows, order, filters, sort and
// virtualisation in both.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { generateDemoReferrals, replay, type ReferralState } from '@links-approach/core/referral';
import { setViewport } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import './caseload.js';
import type { LinksCaseload } from './caseload.js';
import { reflowProblems } from '../internal/quality/reflow.js';

const AS_OF = '2025-03-31T17:00:00Z';
const demo = (perPractice: number): ReferralState[] =>
  replay(
    generateDemoReferrals({
      practices: ['practice-a', 'practice-b'],
      seed: 3,
      asOf: AS_OF,
      referralsPerPractice: perPractice,
    }).events,
    { trusted: true },
  ).state.referrals as ReferralState[];
const small = demo(20);

const rows = (el: LinksCaseload) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="row"]')];
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function caseloadIn(width: number, referrals: readonly ReferralState[] = small): Promise<LinksCaseload> {
  const wrapper = await fixture<HTMLElement>(html`<div style="width: ${width}px">
    <links-caseload .referrals=${referrals} as-of=${AS_OF}></links-caseload>
  </div>`);
  const el = wrapper.querySelector<LinksCaseload>('links-caseload')!;
  await el.updateComplete;
  // The virtualizer lays rows out only while its list is on screen.
  el.shadowRoot!.querySelector('[part="body"]')!.scrollIntoView();
  await frame();
  await frame();
  await waitUntil(() => rows(el).length > 0, 'rows laid out');
  return el;
}

const fieldsOf = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('[role="cell"]')];
const label = (cell: Element) => getComputedStyle(cell, '::before').content;
const shownIds = (el: LinksCaseload) =>
  rows(el)
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((r) =>
      r.querySelector('[part="open-button"]')!.textContent!.replace(/\s+/g, ' ').replace('Open referral', '').trim(),
    );

/** Words of the element's text drawn over more than one line (a word broken inside itself). */
function brokenWords(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const match of text.matchAll(/[^\s]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) out.push(match[0]);
    }
  }
  return out;
}

describe('<links-caseload> layouts', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(() => setViewport({ width: 1280, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('on a phone-width column shows each referral as a card with every field labelled and in view', async () => {
    const el = await caseloadIn(300);
    const card = rows(el)[0]!;
    const box = card.getBoundingClientRect();
    expect(box.width, 'the card fits the column').to.be.at.most(300);
    const cells = fieldsOf(card);
    expect(cells).to.have.length(10);
    for (const cell of cells) {
      const r = cell.getBoundingClientRect();
      expect(r.width, `${cell.className} is shown`).to.be.greaterThan(0);
      expect(r.right, `${cell.className} is inside the card`).to.be.at.most(box.right + 0.5);
      expect(r.left).to.be.at.least(box.left - 0.5);
    }
    // Reference first, then the fields stacked under it, each with its label.
    const [reference, person, , status, urgency, reasons, , followUp, contacts] = cells;
    expect(person!.getBoundingClientRect().top).to.be.greaterThan(reference!.getBoundingClientRect().bottom - 1);
    expect(label(person!)).to.contain('Person');
    expect(label(status!)).to.contain('Status');
    expect(label(urgency!)).to.contain('Urgency');
    expect(label(reasons!)).to.contain('Reasons');
    expect(label(followUp!)).to.contain('Next follow-up');
    expect(label(contacts!)).to.contain('Contacts');
    expect(status!.querySelector('[part="status"]'), 'the status tag').to.exist;
    // The labels are drawn, not read twice: the alternative text of the generated content is empty.
    expect(label(status!)).to.match(/\/ ""$/);
    // The open button is a 44 px touch target.
    const open = card.querySelector<HTMLElement>('[part="open-button"]')!.getBoundingClientRect();
    expect(open.height).to.be.at.least(44);
    expect(reflowProblems(el.parentElement!)).to.deep.equal([]);
  });

  it('where every column fits shows a table: headers in one row, none broken inside a word, the last column whole', async () => {
    const el = await caseloadIn(1100);
    const headers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"]')];
    expect(headers).to.have.length(10);
    const lefts = headers.map((h) => h.getBoundingClientRect().left);
    expect(lefts, 'one header row, left to right').to.deep.equal([...lefts].sort((a, b) => a - b));
    const headerRow = el.shadowRoot!.querySelector('[part="header"]')!.getBoundingClientRect();
    expect(headerRow.height, 'one header row').to.be.lessThan(100);
    for (const h of headers) expect(brokenWords(h), `header "${h.textContent!.trim()}"`).to.deep.equal([]);
    const table = el.shadowRoot!.querySelector('[part="table"]')!.getBoundingClientRect();
    const last = headers.at(-1)!.getBoundingClientRect();
    expect(last.right, 'the last column is inside the table').to.be.at.most(table.right + 0.5);
    const cells = fieldsOf(rows(el)[0]!);
    for (const cell of cells) expect(label(cell), 'no card labels in the table').to.equal('none');
    for (const cell of cells.filter((c) => c.matches('.requested, .updated'))) {
      expect(brokenWords(cell), 'dates are not broken').to.deep.equal([]);
    }
    expect(reflowProblems(el.parentElement!)).to.deep.equal([]);
  });

  it('a long reference wraps inside its cell instead of widening the card', async () => {
    const long = { ...small[0]!, id: 'ref-springburn-health-centre-2025-000000000001' };
    const el = await caseloadIn(300, [long]);
    const cell = rows(el)[0]!.querySelector<HTMLElement>('.cell.referral')!;
    expect(cell.getBoundingClientRect().right).to.be.at.most(rows(el)[0]!.getBoundingClientRect().right + 0.5);
    expect(reflowProblems(el.parentElement!)).to.deep.equal([]);
  });

  it('cards and table show the same rows in the same order, with the same sort and filter', async () => {
    const seen: string[][] = [];
    let narrow: LinksCaseload | undefined;
    for (const width of [300, 1100]) {
      const el = await caseloadIn(width);
      el.sort = { key: 'status', direction: 'ascending' };
      el.filter = { practiceIds: ['practice-b'] };
      await el.updateComplete;
      await frame();
      await frame();
      await waitUntil(() => rows(el).length > 0, 'rows laid out');
      seen.push(shownIds(el));
      if (width === 300) narrow = el;
      else el.parentElement!.remove();
    }
    const n = Math.min(seen[0]!.length, seen[1]!.length);
    expect(n).to.be.greaterThan(0);
    expect(seen[0]!.slice(0, n), 'same rows, same order').to.deep.equal(seen[1]!.slice(0, n));
    narrow!.shadowRoot!.querySelector('[part="header"]')!.scrollIntoView();
    // The sort buttons stay in the card layout.
    const sortButtons = narrow!.shadowRoot!.querySelectorAll<HTMLElement>('[part="sort-button"]');
    expect(sortButtons.length).to.equal(8);
    for (const b of sortButtons) expect(b.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('keeps 10,000 referrals virtualised as cards: few in the page, the last reachable by scrolling', async function () {
    this.timeout(60_000);
    const many = demo(5000);
    expect(many.length).to.be.at.least(10_000);
    const el = await caseloadIn(300, many);
    expect(rows(el).length, 'only the cards in view are in the page').to.be.lessThan(60);
    const body = el.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
    await waitUntil(
      () => {
        body.scrollTop = body.scrollHeight;
        return rows(el).some((r) => r.getAttribute('aria-rowindex') === String(many.length + 1));
      },
      'the last card is laid out after scrolling to the end',
      { timeout: 20_000 },
    );
    expect(rows(el).length).to.be.lessThan(60);
  });
});
