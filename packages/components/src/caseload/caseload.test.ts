import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { generateDemoReferrals, replay, type ReferralState } from '@links-approach/core/referral';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { setViewport } from '@web/test-runner-commands';
import './caseload.js';
import type { LinksCaseload } from './caseload.js';

const AS_OF = '2025-03-31T17:00:00Z';
const demo = (practices: string[], perPractice: number): ReferralState[] =>
  replay(generateDemoReferrals({ practices, seed: 3, asOf: AS_OF, referralsPerPractice: perPractice }).events, {
    trusted: true,
  }).state.referrals as ReferralState[];
const small = demo(['practice-a', 'practice-b'], 20);

const rows = (el: LinksCaseload) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="row"]')];
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const rendered = async (el: LinksCaseload) => {
  await el.updateComplete;
  // The virtualizer lays rows out over the next frames.
  await frame();
  await frame();
  await waitUntil(() => rows(el).length > 0 || el.shadowRoot!.querySelector('.empty'), 'rows rendered');
};
const count = (el: LinksCaseload) =>
  el.shadowRoot!.querySelector('[part="count"]')!.textContent!.replace(/\s+/g, ' ').trim();
const select = async (el: LinksCaseload, id: string, value: string) => {
  const control = el.shadowRoot!.getElementById(id) as HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await rendered(el);
};

describe('<links-caseload>', () => {
  // The virtualizer's benign "ResizeObserver loop" notice would otherwise fail tests (see its README).
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('lists the referrals as a table with row counts, and is accessible', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    expect(count(el)).to.equal(
      `Showing ${small.length} of ${small.length} referrals, sorted by last update (descending)`,
    );
    const table = el.shadowRoot!.querySelector('[role="table"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal(String(small.length + 1));
    expect(
      [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim()),
    ).to.include.members(['Referral', 'Status', 'Reasons']);
    const first = rows(el)[0]!;
    expect(first.getAttribute('aria-rowindex')).to.equal('2');
    expect(first.querySelectorAll('[role="cell"]')).to.have.length(10);
    await expect(el).to.be.accessible();
  });

  it('filters by status, practice, theme, overdue and reference, with core rules', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    setTimeout(() => void select(el, 'status', 'completed'));
    const view = (await oneEvent(el, 'links-caseload-view')) as CustomEvent;
    await rendered(el);
    const completed = small.filter((r) => r.status === 'completed').length;
    expect(view.detail.shown).to.equal(completed);
    expect(view.detail.filter).to.deep.equal({ statuses: ['completed'] });
    expect(count(el)).to.match(new RegExp(`^Showing ${completed} of ${small.length}`));
    expect(rows(el).every((r) => r.querySelector('[part="status"]')!.textContent === 'Completed')).to.be.true;

    await select(el, 'status', '');
    await select(el, 'practice', 'practice-b');
    expect(rows(el).every((r) => r.querySelector('.practice')!.textContent === 'practice-b')).to.be.true;
    await select(el, 'practice', '');

    await select(el, 'theme', 'dying-well');
    const dying = small.filter((r) => r.reasons.some((x) => x.themeId === 'dying-well')).length;
    expect(count(el)).to.match(new RegExp(`^Showing ${dying} of`));
    await select(el, 'theme', '');

    const overdue = el.shadowRoot!.getElementById('overdue') as HTMLInputElement;
    overdue.click();
    await rendered(el);
    const flagged = rows(el);
    expect(flagged.length).to.be.greaterThan(0);
    expect(flagged.every((r) => /Overdue/.test(r.querySelector('.status')!.textContent!))).to.be.true;
    overdue.click();

    const text = el.shadowRoot!.getElementById('text') as HTMLInputElement;
    text.value = small[3]!.id;
    text.dispatchEvent(new Event('input'));
    await rendered(el);
    expect(
      rows(el).map((r) => r.querySelector('[part="open-button"]')!.textContent!.replace('Open referral', '').trim()),
    ).to.deep.equal([small[3]!.id]);
  });

  it('sorts by a column from its header, announcing the order with aria-sort', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    const header = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) =>
      h.textContent!.includes('Contacts'),
    )!;
    expect(header.getAttribute('aria-sort')).to.equal('none');
    header.querySelector('button')!.click();
    await rendered(el);
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    const ascending = rows(el).map((r) => Number(r.querySelector('.contacts')!.textContent));
    expect(ascending[0]).to.equal(small.reduce((n, r) => Math.min(n, r.contacts.length), Infinity));
    header.querySelector('button')!.click();
    await rendered(el);
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    expect(Number(rows(el)[0]!.querySelector('.contacts')!.textContent)).to.equal(
      small.reduce((n, r) => Math.max(n, r.contacts.length), -Infinity),
    );
  });

  it('opens a referral: fires links-referral-select with the core state and marks the row current', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    const button = rows(el)[1]!.querySelector<HTMLButtonElement>('[part="open-button"]')!;
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'links-referral-select')) as CustomEvent;
    expect(event.bubbles && event.composed).to.be.true;
    expect(small).to.include(event.detail.referral);
    await rendered(el);
    expect(el.shadowRoot!.querySelector('[aria-current="true"]')).to.exist;
  });

  it('keeps only the rows in view in the page with 10,000 referrals', async () => {
    const many = demo(
      Array.from({ length: 25 }, (_, i) => `p-${i}`),
      400,
    ).slice(0, 10_000);
    expect(many.length).to.equal(10_000);
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${many} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    expect(count(el)).to.match(/^Showing 10,000 of 10,000 referrals/);
    expect(rows(el).length).to.be.lessThan(100);
    expect(el.shadowRoot!.querySelector('[role="table"]')!.getAttribute('aria-rowcount')).to.equal('10001');
  });

  it('shows rows that arrive after a first render with none (and the empty message goes)', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload as-of=${AS_OF}></links-caseload>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.empty')!.textContent!.trim()).to.equal('No referrals yet.');
    el.referrals = small;
    await rendered(el);
    expect(rows(el).length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('.empty')).to.be.null;
    el.filter = { text: 'no-such-reference' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.empty')!.textContent!.trim()).to.equal('No referrals match these filters.');
    el.filter = {};
    await rendered(el);
    expect(rows(el).length).to.be.greaterThan(0);
  });

  it('makes the scrolling row list a named tab stop, so keyboard users reach and scroll it even off screen', async () => {
    // The table layout (a container 64rem wide or more), where the row list is its own scroller.
    await setViewport({ width: 1280, height: 800 });
    try {
      await namedTabStopOffScreen();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  async function namedTabStopOffScreen(): Promise<void> {
    const el = await fixture<LinksCaseload>(html`<div style="margin-top: 300vh">
      <links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>
    </div>`);
    const caseload = el.querySelector<LinksCaseload>('links-caseload')!;
    await caseload.updateComplete;
    await frame();
    const body = caseload.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
    // Off screen the virtualizer may have laid out no rows yet (how many depends on timing): the list itself
    // must take focus either way, so keyboard users reach it.
    expect(body.tabIndex).to.equal(0);
    expect(body.getAttribute('aria-label')).to.equal('Referrals, one row each');
    body.focus();
    await waitUntil(() => rows(caseload).length > 0, 'rows laid out once the focused list scrolls into view');
    expect(caseload.shadowRoot!.activeElement === body, 'the list has focus').to.equal(true);
  }

  it('says so when nothing matches', async () => {
    const el = await fixture<LinksCaseload>(
      html`<links-caseload
        .referrals=${small}
        as-of=${AS_OF}
        .filter=${{ text: 'no-such-reference' }}
      ></links-caseload>`,
    );
    await rendered(el);
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.contain('No referrals match these filters.');
    expect(count(el)).to.match(/^Showing 0 of/);
  });

  it('flags overdue responses with core’s per-urgency windows: an urgent referral after 2 working days', async () => {
    const created = (id: string, urgency: string) => ({
      id: `${id}-e`,
      referralId: id,
      type: 'created',
      at: '2025-03-06T10:00:00Z', // a Thursday
      actor: { role: 'referrer', id: 'gp-1' },
      status: 'requested',
      person: `pt-${id}`,
      practiceId: 'practice-a',
      route: 'gp',
      reasons: [{ themeId: 'navigating-systems' }],
      urgency,
    });
    const referrals = replay([created('ref-urgent', 'urgent'), created('ref-routine', 'routine')] as never).state
      .referrals as ReferralState[];
    const el = await fixture<LinksCaseload>(
      html`<links-caseload .referrals=${referrals} as-of="2025-03-10T12:00:00Z"></links-caseload>`,
    );
    await rendered(el);
    const overdue = () =>
      rows(el)
        .filter((r) => /Overdue/.test(r.querySelector('.status')!.textContent!))
        .map((r) => r.textContent!.includes('ref-urgent'));
    expect(overdue()).to.deep.equal([true], 'only the urgent referral (due Monday 10:00) is overdue');
    el.responseWindows = { urgent: { days: 3, unit: 'working-days' } };
    await rendered(el);
    expect(overdue()).to.deep.equal([]);
    el.responseWindow = 2;
    await rendered(el);
    expect(overdue()).to.have.length(2, 'one window for every urgency');
  });

  it('names the themes of the Links framework by default, and those of a host’s framework when given', async () => {
    const el = await fixture<LinksCaseload>(html`<links-caseload .referrals=${small} as-of=${AS_OF}></links-caseload>`);
    await rendered(el);
    const themeOptions = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#theme option')].map((o) => o.textContent!.trim());
    expect(themeOptions()).to.deep.equal([
      'All themes',
      'Adapting to diagnosis',
      'Living well day to day',
      'Facing challenges and crises',
      'Navigating systems',
      'Dying well',
    ]);
    const reasons = () => rows(el).map((r) => r.querySelector('.reasons')!.textContent!.trim());
    expect(reasons().join(', ')).to.match(/Adapting to diagnosis|Living well day to day|Navigating systems/);
    expect(reasons().join(', ')).not.to.match(/adapting-to-diagnosis|living-well-day-to-day|navigating-systems/);
    el.framework = {
      themes: [
        { id: 'dying-well', name: 'End of life' },
        { id: 'navigating-systems', name: 'Finding a way through services' },
      ],
    };
    await rendered(el);
    expect(themeOptions()).to.deep.equal(['All themes', 'End of life', 'Finding a way through services']);
  });
});
