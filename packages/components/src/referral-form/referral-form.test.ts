import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { replay, type ReferralEvent, type ReferralState } from '@links-approach/core/referral';
import './referral-form.js';
import type { LinksReferralForm } from './referral-form.js';
import { OnDemand } from '../internal/on-demand.js';
import { setLocale } from '../internal/localization.js';

const open: ReferralState = replay([
  {
    id: 'e1',
    referralId: 'ref-open',
    type: 'created',
    at: '2025-03-01T09:00:00Z',
    actor: { role: 'referrer', id: 'gp-1' },
    status: 'requested',
    person: 'pt-abc123',
    practiceId: 'springburn-hc',
    route: 'nurse',
    reasons: [{ themeId: 'navigating-systems' }],
    urgency: 'routine',
  } as ReferralEvent,
]).state.referrals[0]!;

const setup = (person = 'pt-new999', referrals: readonly ReferralState[] = []) =>
  fixture<LinksReferralForm>(html`<links-referral-form
    person=${person}
    practice-id="springburn-hc"
    referrer-id="gp-sb-1"
    referral-id="ref-new"
    .referrals=${referrals}
    .eventId=${() => 'evt-1'}
    .now=${() => new Date('2025-03-20T12:00:00Z')}
  ></links-referral-form>`);

const $ = <T extends Element>(el: LinksReferralForm, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const check = (el: LinksReferralForm, id: string) => $<HTMLInputElement>(el, `#${CSS.escape(id)}`).click();
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('<links-referral-form>', () => {
  it('asks for route, reasons by theme, urgency, consent and a note; accessible', async () => {
    const el = await setup();
    const legends = [...el.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal([
      'How the person came to be referred',
      'Reasons for referral',
      'How soon',
      'Consent',
    ]);
    expect(el.shadowRoot!.querySelectorAll('input[name="theme"]')).to.have.length(5);
    expect(el.shadowRoot!.querySelectorAll('input[name="consent"]')).to.have.length(3);
    expect($(el, '[part="duplicate-warning"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('warns, without blocking, when the person already has an open referral', async () => {
    const el = await setup('pt-abc123', [open]);
    const warning = $(el, '[part="duplicate-warning"]');
    expect(clean(warning.textContent)).to.contain(
      'This person already has an open referral (ref-open, requested, since 2025-03-01)',
    );
    await expect(el).to.be.accessible();
  });

  it('says the duplicate warning in Scottish Gaelic on a Gaelic page, one open referral or several', async () => {
    try {
      await setLocale('gd');
      const again = replay([
        { ...open.timeline[0]!, id: 'e2', referralId: 'ref-again', at: '2025-03-05T09:00:00Z' } as ReferralEvent,
      ]).state.referrals[0]!;
      const el = await setup('pt-abc123', [open]);
      expect(clean($(el, '[part="duplicate-warning"] p').textContent)).to.equal(
        'Tha tar-chur fosgailte aig an neach seo mu thràth (ref-open, air iarraidh, bho 2025-03-01). Bruidhinn ris an Neach-obrach Ceanglaichean Coimhearsnachd mus cuir thu air adhart a-rithist e.',
      );
      el.referrals = [open, again];
      await el.updateComplete;
      expect(clean($(el, '[part="duplicate-warning"] p').textContent)).to.contain(
        'Tha 2 tar-chuir fhosgailte aig an neach seo mu thràth (ref-open, ref-again)',
      );
      await expect(el).to.be.accessible();
    } finally {
      await setLocale('en-GB');
    }
  });

  it('lists the problems core finds in an error summary that links to the fields', async () => {
    const el = await setup();
    $<HTMLButtonElement>(el, '[part="send-button"]').click();
    await el.updateComplete;
    await el.updateComplete;
    const summary = $<HTMLElement>(el, '.error-summary');
    expect([...summary.querySelectorAll('a')].map((a) => clean(a.textContent))).to.deep.equal([
      'How the person came to be referred: is required',
      'Reasons for referral: must have at least one entry',
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    summary.querySelectorAll('a')[1]!.click();
    expect(el.shadowRoot!.activeElement!.getAttribute('name')).to.equal('theme');
    await expect(el).to.be.accessible();
  });

  it('sends a valid referral as a created event for the host to store', async () => {
    const el = await setup();
    check(el, 'f-route');
    check(el, 'f-reasons');
    check(el, 'theme-facing-challenges-and-crises');
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, 'textarea[name="reason-text-facing-challenges-and-crises"]').value = 'Rent arrears';
    check(el, 'f-consent');
    check(el, 'urgency-soon');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="send-button"]').click());
    const created = (await oneEvent(el, 'links-referral-create')) as CustomEvent;
    expect(created.detail.event).to.deep.equal({
      id: 'evt-1',
      referralId: 'ref-new',
      type: 'created',
      at: '2025-03-20T12:00:00.000Z',
      actor: { role: 'referrer', id: 'gp-sb-1' },
      status: 'requested',
      person: 'pt-new999',
      practiceId: 'springburn-hc',
      route: 'gp',
      reasons: [
        { themeId: 'adapting-to-diagnosis' },
        { themeId: 'facing-challenges-and-crises', text: 'Rent arrears' },
      ],
      urgency: 'soon',
      consent: ['contact'],
    });
    expect(created.detail.referral.status).to.equal('requested');
    await el.updateComplete;
    expect($(el, '[part="confirmation"]').textContent).to.equal(
      'Referral ref-new sent to the Community Links Practitioner.',
    );
  });

  it('saves a draft, and refuses a person reference that looks like a CHI number', async () => {
    const el = await setup();
    check(el, 'route-nurse');
    check(el, 'theme-dying-well');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="draft-button"]').click());
    const created = (await oneEvent(el, 'links-referral-create')) as CustomEvent;
    expect(created.detail.event.status).to.equal('draft');
    expect(created.detail.referral.status).to.equal('draft');

    const chi = await setup('0101011234');
    check(chi, 'f-route');
    check(chi, 'f-reasons');
    let fired = false;
    chi.addEventListener('links-referral-create', () => (fired = true));
    $<HTMLButtonElement>(chi, '[part="send-button"]').click();
    await chi.updateComplete;
    expect(clean($(chi, '.error-summary').textContent)).to.contain('person: looks like a CHI or NHS number');
    expect(fired).to.be.false;
  });

  it('a CLP records a self-referral: the route "self-referral" alone, sent straight away, no draft', async () => {
    const el = await fixture<LinksReferralForm>(html`<links-referral-form
      person="pt-self1"
      practice-id="springburn-hc"
      referrer-id="clp-sb"
      user-role="clp"
      referral-id="ref-self"
      .userPractices=${['springburn-hc']}
      .eventId=${() => 'evt-self'}
      .now=${() => new Date('2025-03-20T12:00:00Z')}
    ></links-referral-form>`);
    expect(clean($(el, 'h2').textContent)).to.equal('Record a self-referral');
    const routes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="route"]')];
    expect(routes.map((r) => [r.value, r.checked])).to.deep.equal([['self', true]]);
    expect($(el, '[part="draft-button"]')).to.be.null;
    await expect(el).to.be.accessible();
    check(el, 'theme-living-well-day-to-day');
    await el.updateComplete;
    check(el, 'f-urgency');
    setTimeout(() => $<HTMLButtonElement>(el, '[part="send-button"]').click());
    const created = (await oneEvent(el, 'links-referral-create')) as CustomEvent;
    expect(created.detail.event).to.deep.include({ route: 'self', status: 'requested' });
    expect(created.detail.event.actor).to.deep.equal({ role: 'clp', id: 'clp-sb', practices: ['springburn-hc'] });
    expect(created.detail.referral.clpId).to.equal('clp-sb');
  });

  it('shows core’s refusal when the user does not act for the practice', async () => {
    const el = await fixture<LinksReferralForm>(html`<links-referral-form
      person="pt-new999"
      practice-id="springburn-hc"
      referrer-id="gp-elsewhere"
      .userPractices=${['another-practice']}
      .eventId=${() => 'evt-x'}
      .now=${() => new Date('2025-03-20T12:00:00Z')}
    ></links-referral-form>`);
    check(el, 'f-route');
    check(el, 'theme-living-well-day-to-day');
    await el.updateComplete;
    check(el, 'f-urgency');
    $<HTMLButtonElement>(el, '[part="send-button"]').click();
    await el.updateComplete;
    expect(clean($(el, '.refusal').textContent)).to.contain('acts only for another-practice');
    await expect(el).to.be.accessible();
  });
  it('offline before core’s checks were loaded: says so in plain words, sends nothing, keeps what was entered', async () => {
    const el = await setup();
    // The checks' module cannot be fetched (the page went offline after it loaded).
    (el as unknown as { checks: OnDemand<unknown> }).checks = new OnDemand(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    check(el, 'f-route');
    check(el, 'f-reasons');
    let fired = false;
    el.addEventListener('links-referral-create', () => (fired = true));
    $<HTMLButtonElement>(el, '[part="send-button"]').click();
    await el.updateComplete;
    expect(clean($(el, '.refusal').textContent)).to.equal(
      'The referral was not made This could not be checked: part of the page did not load. Nothing was sent. Check the connection and try again.',
    );
    expect(fired).to.be.false;
    expect($<HTMLInputElement>(el, '#f-route').checked).to.be.true;
    await expect(el).to.be.accessible();
  });
});
