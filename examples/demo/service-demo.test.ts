// The demo page on the team's service, in Chromium: the page's markup and
// scripts are loaded into the test document (as the keyboard walkthrough
// loads them), with "The team's service" chosen and the provider pointed at
// a real service (`links serve --dev-auth` on PGlite, started by the test
// runner's links-test-service plugin: scripts/test-service-plugin.mjs).
// Every section goes through the page's <links-provider service-url>; the
// test changes "Signed in as" as a person would, and checks at the service
// (with its own token, outside the page) what the page stored there.
//
// Signed in as the GP, a referral made with the page's referral form is
// stored at the service; signed in as the CLP, the caseload shows it and
// accepting it in the referral detail is recorded at the service; signed in
// as the evaluator, no referral list is shown, only the cohort report.
import { expect, waitUntil } from '@open-wc/testing';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { createServiceStores } from '@links-approach/core/service';
import '@links-approach/components';
import { wcagViolations } from '../../packages/components/src/internal/quality/test-harness.js';
import type { ServiceSession } from './service.js';

const PREFIX = `links-demo-service-${Date.now()}:`;
const MODE_KEY = 'links-approach-demo:data';
const USER_KEY = 'links-approach-demo:user';
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let serviceUrl = '';
/** A token for a demo user, as the test's own sign-in (outside the page). */
async function tokenFor(user: string): Promise<string> {
  const response = await fetch(`${serviceUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await response.json()) as { token: string }).token;
}
/** The service's referrals as `user` sees them, read outside the page. */
const referralsAs = (user: string) =>
  createServiceStores({ baseUrl: serviceUrl, getToken: () => tokenFor(user) }).referrals;

describe('the demo page on the team’s service', function () {
  this.timeout(300_000);
  let stopIgnoring: (() => void) | undefined;
  let page: HTMLElement;
  let session: ServiceSession;
  let referralId = '';

  function $<K extends keyof HTMLElementTagNameMap>(selector: K): HTMLElementTagNameMap[K];
  function $<T extends Element = HTMLElement>(selector: string): T;
  function $(selector: string): Element {
    return page.querySelector(selector)!;
  }
  const inShadow = <T extends Element>(host: string, selector: string) =>
    $(host).shadowRoot!.querySelector<T>(selector);

  async function signInAs(user: string): Promise<void> {
    const select = $<HTMLSelectElement>('#signed-in-as');
    select.value = user;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () =>
        session.user.id === user && clean($('#data-note').textContent).startsWith('Signed in to the team’s service as'),
      `signed in as ${user}`,
      { timeout: 30_000 },
    );
    // The referrals section has been shown again for that user (what it says names them).
    await waitUntil(
      () => clean($('#referral-status').textContent).includes(session.user.name),
      `the referrals section follows ${user}`,
      { timeout: 30_000 },
    );
  }

  before(async () => {
    stopIgnoring = ignoreWindowResizeObserverLoopErrors();
    ({ url: serviceUrl } = (await (await fetch('/__links-service')).json()) as { url: string });
    localStorage.setItem(MODE_KEY, 'service');
    localStorage.setItem(USER_KEY, 'gp-ash');
    const markup = await (await fetch(new URL('../index.html', import.meta.url))).text();
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./demo.css', import.meta.url).href;
    document.head.append(css);
    page = document.createElement('div');
    page.innerHTML = doc.body.innerHTML.replaceAll('links-approach-demo:', PREFIX);
    // The page's service is the test service (on the page's own origin under /api/ when `npm start` serves it).
    page.querySelector('links-provider')!.setAttribute('data-demo-service', serviceUrl);
    document.body.prepend(page);
    await import('./main.js');
    const sections = await Promise.all([
      import('./resources-demo.js'),
      import('./plan-demo.js'),
      import('./maturity-demo.js'),
      import('./referral-demo.js'),
      import('./evaluation-demo.js'),
    ]);
    await Promise.all(sections.map((s) => s.ready));
    const signedIn = await (await import('./service.js')).session;
    if (!signedIn)
      throw new Error(`the page did not connect to the test service: ${clean($('#data-note').textContent)}`);
    session = signedIn;
  });

  after(() => {
    localStorage.removeItem(MODE_KEY);
    localStorage.removeItem(USER_KEY);
    page?.remove();
    stopIgnoring?.();
  });

  it('is connected through the page’s provider: service-url and the signed-in user’s token', () => {
    const provider = $('links-provider');
    expect(provider.serviceUrl).to.equal(serviceUrl);
    expect(provider.getToken).to.be.a('function');
    expect($('#data-choice').matches('select') && $<HTMLSelectElement>('#data-choice').value).to.equal('service');
    expect($<HTMLElement>('#signed-in-field').hidden).to.equal(false);
    expect($<HTMLSelectElement>('#signed-in-as').value).to.equal('gp-ash');
    expect(clean($('#data-note').textContent)).to.match(
      /^Signed in to the team’s service as Dr A\. Demo \(GP, Ash Street\)\./,
    );
    // The "Act as" choice of the offline page is not offered: the service knows who is signed in.
    expect($<HTMLElement>('#act-as-field').hidden).to.equal(true);
  });

  it('signed in as the GP, a referral made with the page’s form is stored at the service', async () => {
    const form = $('links-referral-form');
    expect(form.practiceId).to.equal('practice-ash');
    expect(form.referrerId).to.equal('gp-ash');
    const root = form.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name="route"][value="gp"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="theme"]')!.click();
    root.querySelector<HTMLInputElement>('input[name="consent"][value="contact"]')!.click();
    await form.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    await waitUntil(
      () => /made and saved at the team’s service/.test(clean($('#referral-status').textContent)),
      'the page says it is saved',
      { timeout: 30_000 },
    );
    referralId = /^Referral (\S+) made/.exec(clean($('#referral-status').textContent))![1]!;

    const stored = await referralsAs('clp-ash').get(referralId);
    expect(stored?.referral.practiceId).to.equal('practice-ash');
    expect(stored?.referral.status).to.equal('requested');
    expect(stored?.events.map((e) => `${e.type} by ${e.actor.id}`)).to.deep.equal(['created by gp-ash']);
    // The connected detail loads it from the provider's store.
    await waitUntil(
      () => clean(inShadow('links-referral-detail', '[part="heading"]')?.textContent) === `Referral ${referralId}`,
      'the detail shows it',
      { timeout: 30_000 },
    );
  });

  it('signed in as the CLP, the caseload shows the referral and accepting it is recorded at the service', async () => {
    await signInAs('clp-ash');
    const caseload = $('links-caseload');
    const detail = $('links-referral-detail');
    expect(caseload.hidden).to.equal(false);
    // The caseload lists what the service gives the CLP (connected: the page sets no `referrals` on it).
    caseload.shadowRoot!.querySelector('[part="body"]')!.scrollIntoView();
    await waitUntil(
      () =>
        [...caseload.shadowRoot!.querySelectorAll('[part="row"]')].some((row) =>
          clean(row.textContent).includes(referralId),
        ),
      'the caseload shows the GP’s referral',
      { timeout: 30_000 },
    );
    const row = [...caseload.shadowRoot!.querySelectorAll('[part="row"]')].find((r) =>
      clean(r.textContent).includes(referralId),
    )!;
    row.querySelector<HTMLButtonElement>('[part~="open-button"]')!.click();
    await waitUntil(
      () =>
        detail.referralId === referralId &&
        clean(detail.shadowRoot!.querySelector('[part="heading"]')?.textContent) === `Referral ${referralId}`,
      'the referral opened',
      { timeout: 30_000 },
    );
    expect(detail.userRole).to.equal('clp');
    expect(detail.userId).to.equal('clp-ash');
    await waitUntil(
      () => clean(detail.shadowRoot!.querySelector('[part="status"]')?.textContent) === 'Requested',
      'loaded as requested',
      { timeout: 30_000 },
    );

    const buttons = () => [...detail.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
    buttons()
      .find((b) => clean(b.textContent) === 'Accept')!
      .click();
    await detail.updateComplete;
    await waitUntil(() => buttons().some((b) => clean(b.textContent) === 'Record'), 'the accept form opened');
    buttons()
      .find((b) => clean(b.textContent) === 'Record')!
      .click();
    await waitUntil(
      () => clean(detail.shadowRoot!.querySelector('[part="status"]')?.textContent) === 'Accepted',
      'the detail shows it accepted',
      { timeout: 30_000 },
    );

    const stored = await referralsAs('gp-ash').get(referralId);
    expect(stored?.referral.status, 'the GP reads it accepted at the service').to.equal('accepted');
    expect(stored?.events.map((e) => `${e.type} by ${e.actor.id}`)).to.deep.equal([
      'created by gp-ash',
      'status-changed by clp-ash',
    ]);
    expect(await wcagViolations(page)).to.deep.equal([]);
  });

  it('signed in as the evaluator, no referral list is shown, only the cohort report', async () => {
    await signInAs('evaluator');
    await waitUntil(
      () => /shows no referrals/.test(clean($('#referral-status').textContent)),
      'the referrals section says why',
      { timeout: 30_000 },
    );
    expect(clean($('#referral-status').textContent)).to.match(
      /^Signed in as G\. Demo \(programme evaluator\), the service shows no referrals: /,
    );
    for (const selector of [
      'links-caseload',
      'links-caseload-summary',
      '#referral-detail-anchor',
      'links-referral-form',
    ])
      expect($<HTMLElement>(selector).hidden, `${selector} is hidden`).to.equal(true);
    expect($<HTMLElement>('links-plan-editor').hidden, 'no business plan either').to.equal(true);
    await waitUntil(
      () =>
        /^From the team’s service, for G\. Demo \(programme evaluator\):/.test(clean($('#service-report').textContent)),
      'the cohort report',
      { timeout: 30_000 },
    );
    expect(await wcagViolations(page)).to.deep.equal([]);
  });
});
