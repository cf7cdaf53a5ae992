import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ReferralEvent } from '@links-approach/core/referral';
import type { AppendError, ReferralStore } from '@links-approach/core/service';
import './referral-detail.js';
import type { LinksReferralDetail } from './referral-detail.js';
import { clean, CLP, connected, inProgressEvents } from '../internal/connected-referrals.test.js';

let counter = 0;
async function mount(wrap: HTMLDivElement, attrs: { referral?: unknown } = {}): Promise<LinksReferralDetail> {
  const el = document.createElement('links-referral-detail') as LinksReferralDetail;
  el.setAttribute('referral-id', 'ref-1');
  el.setAttribute('user-role', 'clp');
  el.setAttribute('user-id', 'clp-sb');
  el.setAttribute('as-of', '2025-03-20');
  el.eventId = () => `ui-${Date.now()}-${++counter}`;
  el.now = () => new Date('2025-03-20T12:00:00Z');
  if (attrs.referral) el.referral = attrs.referral as LinksReferralDetail['referral'];
  wrap.replaceChildren(el);
  await fixture(html`${wrap}`);
  return el;
}

const root = (el: LinksReferralDetail) => el.shadowRoot!;
const button = (el: LinksReferralDetail, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part="action-button"]')].find(
    (b) => b.textContent!.trim() === label,
  )!;

async function addNote(el: LinksReferralDetail, text: string): Promise<void> {
  button(el, 'Add a note').click();
  await el.updateComplete;
  root(el).querySelector<HTMLTextAreaElement>('#f-text')!.value = text;
  root(el).querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
}

const loaded = (el: LinksReferralDetail) => waitUntil(() => el.referral !== undefined, 'the referral loads');

describe('<links-referral-detail> connected to a referral store', () => {
  it('loads the referral named by referral-id, appends through the store, and says when it was up to date', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const el = await mount(c.wrap);
    await loaded(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Referral ref-1');
    await waitUntil(() => root(el).querySelector('[part="connection"]'));
    expect(clean(root(el).querySelector('[part="connection"]')!.textContent)).to.equal(
      'Up to date at 2025-03-20 12:00.',
    );
    const change = oneEvent(el, 'links-referral-change');
    await addNote(el, 'Phoned daughter');
    await change;
    await waitUntil(async () => (await c.service.get('ref-1'))!.referral.version === 4, 'the note reaches the service');
    const stream = (await c.service.get('ref-1'))!.events;
    expect(stream.at(-1)).to.deep.include({ type: 'note-added', text: 'Phoned daughter' });
    await waitUntil(() =>
      clean(root(el).querySelector('[role="status"].visually-hidden')?.textContent).startsWith('Recorded'),
    );
  });

  it('offline, keeps what is recorded, marks it waiting to send, and sends it when the line returns; accessible', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const el = await mount(c.wrap);
    await loaded(el);
    c.line.down = true;
    await addNote(el, 'Visited at home, no signal');
    await waitUntil(() => root(el).querySelector('.tag.waiting'), 'the queued note is marked');
    const li = root(el).querySelector('.tag.waiting')!.closest('li')!;
    expect(clean(li.textContent)).to.contain('Visited at home, no signal');
    expect(clean(root(el).querySelector('[role="status"].visually-hidden')!.textContent)).to.contain(
      'Kept on this device',
    );
    expect(clean(root(el).querySelector('[part="connection"]')!.textContent)).to.equal(
      'Offline: showing what was up to date at 2025-03-20 12:00. 1 change is waiting to be sent.',
    );
    await expect(el).to.be.accessible();
    c.line.down = false;
    await c.store.flush();
    await waitUntil(() => !root(el).querySelector('.tag.waiting'), 'sent: no longer waiting', { timeout: 1000 });
    expect((await c.service.get('ref-1'))!.events.filter((e) => e.type === 'note-added')).to.have.length(1);
  });

  it('shows a queued change the service refused, with the reason and a Discard button; accessible', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const el = await mount(c.wrap);
    await loaded(el);
    c.line.down = true;
    button(el, 'Record a contact').click();
    await el.updateComplete;
    root(el).querySelector<HTMLSelectElement>('#f-setting')!.value = 'home';
    root(el).querySelector<HTMLInputElement>('#f-durationMinutes')!.value = '30';
    root(el).querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await waitUntil(() => root(el).querySelector('.tag.waiting'));
    // Meanwhile the referral was put on hold on another device (earlier than the contact).
    await c.colleague({
      id: 'hold-1',
      referralId: 'ref-1',
      type: 'status-changed',
      at: '2025-03-20T11:00:00Z',
      actor: CLP,
      to: 'on-hold',
      reason: 'In hospital',
    } as ReferralEvent);
    c.line.down = false;
    await c.store.flush();
    await waitUntil(() => root(el).querySelector('[part="not-sent"]'), 'the refusal is shown', { timeout: 1000 });
    const section = root(el).querySelector('[part="not-sent"]')!;
    expect(clean(section.querySelector('h3')!.textContent)).to.equal('Not sent');
    expect(clean(section.querySelector('.why')!.textContent)).to.match(/^Why it was not sent: .*on hold/i);
    await waitUntil(() => root(el).querySelector('[part="status"]')!.textContent === 'On hold', 'reloaded');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part="discard-button"]')!.click();
    await waitUntil(() => !root(el).querySelector('[part="not-sent"]'), 'discarded');
    expect(await c.store.pending()).to.deep.equal([]);
    expect(clean(root(el).querySelector('[role="status"].visually-hidden')!.textContent)).to.match(/^Discarded: /);
  });

  it('says in plain words at the action when the role may not record it, the service refuses it, or it cannot be kept', async () => {
    let answer: AppendError = {
      code: 'forbidden',
      path: '',
      message: 'A CLP at another practice may not add notes here.',
    };
    const c = await connected([inProgressEvents('ref-1')], (inner): ReferralStore => ({
      ...inner,
      append: async () => ({ ok: false, errors: [answer] }),
    }));
    const el = await mount(c.wrap);
    await loaded(el);
    await addNote(el, 'A note');
    await waitUntil(() => root(el).querySelector('.refusal'));
    expect(clean(root(el).querySelector('.refusal p')!.textContent)).to.equal(
      'Your role may not record this. A CLP at another practice may not add notes here.',
    );
    await expect(el).to.be.accessible();
    answer = { code: 'refused', path: '', message: 'The referral is finished.', refusal: 'referral-finished' };
    root(el).querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
    await waitUntil(() => clean(root(el).querySelector('.refusal p')?.textContent) === 'The referral is finished.');
    expect((await c.service.get('ref-1'))!.referral.version).to.equal(3, 'nothing written');
  });

  it('shows a colleague’s change within a second', async () => {
    const c = await connected([inProgressEvents('ref-1')]);
    const el = await mount(c.wrap);
    await loaded(el);
    await c.colleague({
      id: 'colleague-note',
      referralId: 'ref-1',
      type: 'note-added',
      at: '2025-03-19T09:00:00Z',
      actor: { role: 'practice-manager', id: 'pm-1' },
      text: 'Daughter called the practice',
    } as ReferralEvent);
    await waitUntil(
      () => clean(root(el).querySelector('[part="timeline"]')!.textContent).includes('Daughter called'),
      '',
      {
        timeout: 1000,
      },
    );
  });

  it('leaves a referral the host sets alone: no store reads or appends, no connection line', async () => {
    const c = await connected([inProgressEvents('ref-1'), inProgressEvents('ref-2')]);
    const other = (await c.service.get('ref-2'))!.referral.state;
    const el = await mount(c.wrap, { referral: other });
    await el.updateComplete;
    expect(el.referral).to.equal(other);
    expect(root(el).querySelector('[part="connection"]')).to.be.null;
    el.addEventListener('links-referral-change', (e) => e.preventDefault());
    await addNote(el, 'Host decides');
    await el.updateComplete;
    expect((await c.service.get('ref-2'))!.referral.version).to.equal(3);
  });
});
