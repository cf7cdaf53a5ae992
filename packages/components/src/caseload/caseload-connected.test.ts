import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { ReferralEvent } from '@links-approach/core/referral';
import './caseload.js';
import type { LinksCaseload } from './caseload.js';
import { clean, CLP, connected, inProgressEvents } from '../internal/connected-referrals.test.js';
import { OnDemand } from '../internal/on-demand.js';

const rows = (el: LinksCaseload) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="row"]')];
const rowIds = (el: LinksCaseload) =>
  rows(el)
    .map((r) => clean(r.querySelector('[part="open-button"]')!.textContent).replace('Open referral ', ''))
    .sort();
const line = (el: LinksCaseload) => clean(el.shadowRoot!.querySelector('[part="connection"]')?.textContent);

async function mount(wrap: HTMLDivElement, practice?: string, referrals?: unknown): Promise<LinksCaseload> {
  const el = document.createElement('links-caseload') as LinksCaseload;
  el.asOf = '2025-03-20T12:00:00Z';
  if (practice) el.setAttribute('practice', practice);
  if (referrals) el.referrals = referrals as LinksCaseload['referrals'];
  wrap.replaceChildren(el);
  await fixture(html`${wrap}`);
  return el;
}

const note = (referralId: string, id: string, text: string): ReferralEvent =>
  ({ id, referralId, type: 'note-added', at: '2025-03-20T11:00:00Z', actor: CLP, text }) as ReferralEvent;

describe('<links-caseload> connected to a referral store', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('lists the practice’s referrals from the store and shows a new one within a second', async () => {
    const c = await connected([
      inProgressEvents('ref-1'),
      inProgressEvents('ref-2'),
      inProgressEvents('ref-9', 'other-practice'),
    ]);
    const el = await mount(c.wrap, 'springburn-hc');
    await waitUntil(() => rows(el).length === 2, 'the store’s referrals are listed');
    expect(rowIds(el)).to.deep.equal(['ref-1', 'ref-2']);
    expect(line(el)).to.equal('Up to date at 2025-03-20 12:00.');
    for (const event of inProgressEvents('ref-3', 'springburn-hc', '2025-03-19')) await c.colleague(event);
    await waitUntil(() => rows(el).length === 3, 'the new referral appears', { timeout: 1000 });
    await expect(el).to.be.accessible();
  });

  it('offline, counts the changes waiting to be sent and flags their referrals; accessible', async () => {
    const c = await connected([inProgressEvents('ref-1'), inProgressEvents('ref-2')]);
    const el = await mount(c.wrap);
    await waitUntil(() => rows(el).length === 2);
    await c.store.get('ref-1');
    c.line.down = true;
    for (const [id, text] of [
      ['n-1', 'First visit'],
      ['n-2', 'Second visit'],
    ] as const) {
      const version = (await c.store.get('ref-1'))!.referral.version;
      const result = await c.store.append(note('ref-1', id, text), { expectedVersion: version, idempotencyKey: id });
      expect(result.ok && result.value.queued).to.equal(true);
    }
    await waitUntil(() => line(el).includes('2 changes are waiting to be sent'), 'the count is shown', {
      timeout: 1000,
    });
    expect(line(el)).to.equal(
      'Offline: showing what was up to date at 2025-03-20 12:00. 2 changes are waiting to be sent.',
    );
    const flagged = rows(el).filter((r) => clean(r.textContent).includes('Waiting to send'));
    expect(flagged).to.have.length(1);
    expect(clean(flagged[0]!.textContent)).to.contain('ref-1');
    await expect(el).to.be.accessible();

    c.line.down = false;
    await c.store.flush();
    await waitUntil(() => !line(el).includes('waiting'), 'sent', { timeout: 1000 });
    expect((await c.service.get('ref-1'))!.events.filter((e) => e.type === 'note-added')).to.have.length(2);
  });

  it('lists the store without waiting to render; when its code cannot load (offline) says so, and tries again online', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const el = document.createElement('links-caseload') as LinksCaseload;
    el.asOf = '2025-03-20T12:00:00Z';
    // The connection code (loaded on demand) cannot be fetched: the page went offline after the caseload loaded.
    let reachable = false;
    const code = new OnDemand(() =>
      reachable ? import('./on-demand/connected.js') : Promise.reject(new TypeError('Failed to fetch')),
    );
    (el as unknown as { provided: typeof code }).provided = code;
    c.wrap.replaceChildren(el);
    await fixture(html`${c.wrap}`);
    await el.updateComplete;
    const alert = () => clean(el.shadowRoot!.querySelector('.load-error[role="alert"]')?.textContent);
    expect(alert()).to.equal(
      'The referrals could not be loaded: the service cannot be reached. Try again when connected.',
    );
    expect(el.shadowRoot!.querySelector('[part="filters"]'), 'the caseload itself still renders').to.exist;
    await expect(el).to.be.accessible();

    reachable = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => rows(el).length === 1, 'listed once the code loads');
    expect(alert()).to.equal('');
    expect(line(el)).to.equal('Up to date at 2025-03-20 12:00.');
  });

  it('leaves a list the host sets alone, with no connection line', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const mine = [(await c.service.get('ref-1'))!.referral.state];
    const el = await mount(c.wrap, undefined, []);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(el.referrals).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part="connection"]')).to.be.null;
    el.referrals = mine;
    await el.updateComplete;
    expect(el.referrals).to.equal(mine);
  });
});
