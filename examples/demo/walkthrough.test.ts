// A keyboard-only walkthrough of the demo page's main workflows, in Chromium.
// The demo page's own markup and scripts are loaded into the test document
// (with a database prefix of its own, deleted afterwards). From then on the
// test only presses keys (Tab, Shift+Tab, Enter, Space, arrows) and types
// text: it reads the page to decide where it is and to check what a user
// would see, and never clicks, focuses or sets a value itself.
//
// Workflows: edit a plan aim and see the maturity profile and card change;
// make a referral (after an invalid attempt: focus goes to the error
// summary); accept it as the Community Links Practitioner; start work; log a
// contact; link a resource found with the resource finder inside the
// referral; complete it. Every element focus reaches along the way must show
// a visible focus indicator. The whole page, every section included, must
// pass axe's WCAG 2.2 A/AA rules as loaded and again after the workflows.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '@links-approach/components';
import { wcagViolations } from '../../packages/components/src/internal/quality/test-harness.js';

const PREFIX = `links-walkthrough-${Date.now()}:`;
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The focused element, inside shadow roots. */
function focused(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/** What a user would hear for a control: its label, or its text. */
function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return clean(labels[0]!.textContent);
  return clean(el.textContent);
}

function label(el: Element | null): string {
  if (!el) return '(nothing)';
  const host = (el.getRootNode() as ShadowRoot).host?.localName;
  return `${host ? `${host} › ` : ''}${el.localName}${el.id ? `#${el.id}` : ''} "${nameOf(el).slice(0, 60)}"`;
}

/** Whether the focused element shows a focus indicator (an outline or a box shadow). */
function showsFocus(el: HTMLElement): boolean {
  const style = getComputedStyle(el);
  const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const outline =
    style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
  return outline || style.boxShadow !== 'none';
}

const trail: string[] = [];
const invisible = new Set<string>();

function note(el: HTMLElement | null): void {
  trail.push(label(el));
  if (el && el !== document.body && !showsFocus(el)) invisible.add(label(el));
}

async function press(key: string): Promise<HTMLElement | null> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  const el = focused();
  note(el);
  return el;
}

async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/** Presses Tab (or Shift+Tab) until the focused element matches. */
async function tabTo(
  what: string,
  match: (el: HTMLElement) => boolean,
  { back = false, max = 600 } = {},
): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const el = await press(back ? 'Shift+Tab' : 'Tab');
    if (el && match(el)) return el;
  }
  throw new Error(
    `Could not reach ${what} with ${back ? 'Shift+Tab' : 'Tab'}; the last stops: ${trail.slice(-8).join(' | ')}`,
  );
}

const named = (tag: string, name: string | RegExp) => (el: HTMLElement) =>
  el.localName === tag && (typeof name === 'string' ? nameOf(el) === name : name.test(nameOf(el)));
const inside = (host: string) => (el: HTMLElement) => (el.getRootNode() as ShadowRoot).host?.localName === host;

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('keyboard walkthrough of the demo page', function () {
  this.timeout(240_000);
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  let page: HTMLElement;
  let deleteDemoData: () => Promise<void>;

  before(async () => {
    const markup = await (await fetch(new URL('../index.html', import.meta.url))).text();
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./demo.css', import.meta.url).href;
    document.head.append(css);
    page = document.createElement('div');
    page.innerHTML = doc.body.innerHTML.replaceAll('links-approach-demo:', PREFIX);
    document.body.prepend(page);
    // The page's scripts, as index.html loads them.
    ({ deleteDemoData } = await import('./host.js'));
    await import('./main.js');
    const sections = await Promise.all([
      import('./resources-demo.js'),
      import('./plan-demo.js'),
      import('./maturity-demo.js'),
      import('./referral-demo.js'),
      import('./evaluation-demo.js'),
    ]);
    await Promise.all(sections.map((s) => s.ready));
    // What the page builds only when its section comes near the screen (the synthetic cohorts): built now.
    await Promise.all([sections[2].cohort.now(), sections[4].report.now()]);
    await settle();
  });

  after(async () => {
    await deleteDemoData?.();
    page?.remove();
  });

  const $ = <T extends Element>(selector: string) => page.querySelector<T>(selector)!;
  const shadow = <T extends Element>(host: string, selector: string) => $(host).shadowRoot!.querySelector<T>(selector);

  it('the whole demo page passes axe (WCAG 2.2 A and AA rules) as loaded', async () => {
    expect(page.querySelector('links-programme-report')?.shadowRoot?.querySelector('table')).to.not.equal(null);
    expect(await wcagViolations(page)).to.deep.equal([]);
  });

  it('edits a plan aim and sees the maturity profile and capacity card change', async () => {
    const profileLevel = (capacity: string) => {
      const rows = [...$('links-maturity-profile').shadowRoot!.querySelectorAll('tbody tr')];
      const row = rows.find((r) => clean(r.querySelector('th')?.textContent) === capacity);
      return clean(row?.querySelector('td')?.textContent);
    };
    const cardLevel = (capacity: string) => {
      const card = [...page.querySelectorAll('links-capacity-card')].find((c) =>
        clean(c.shadowRoot!.querySelector('h4, h3, h2, h5, [role="heading"]')?.textContent).startsWith(capacity),
      );
      return clean(card?.shadowRoot!.querySelector('.level-value')?.textContent);
    };
    expect(profileLevel('Shared Learning')).to.equal('3.5');
    expect(cardLevel('Shared Learning')).to.equal('3.5');

    // From the top of the page: the skip link, then the page's own navigation.
    (document.activeElement as HTMLElement | null)?.blur?.();
    const skip = await press('Tab');
    expect(nameOf(skip!)).to.equal('Skip to main content');
    await tabTo('the "Business plan" link', named('a', 'Business plan'));
    await press('Enter');
    // Into the plan editor: open Shared Learning from its section list.
    await tabTo(
      'the plan editor’s "Shared Learning" section',
      (el) => inside('links-plan-editor')(el) && named('button', 'Shared Learning')(el),
    );
    await press('Enter');
    await settle();
    const target = await tabTo('the target of aim 1', (el) => named('input', /^Target \(optional\) for aim 1$/)(el));
    expect((target as HTMLInputElement).value).to.equal('75');
    // Tabbing into a text field selects its text: typing replaces it. Enter saves the aim (the form's submit).
    await type('60');
    expect((target as HTMLInputElement).value).to.equal('60');
    await press('Enter');

    await waitUntil(() => profileLevel('Shared Learning') === '4.0', 'the profile shows the new level', {
      timeout: 5000,
    });
    expect(cardLevel('Shared Learning')).to.equal('4.0');
    expect(clean($('#maturity-change').textContent)).to.equal(
      'Revision 2 scored: Shared Learning rose from 3.5 to 4.0.',
    );
    expect(clean(shadow('links-plan-editor', '[part="save-state"]')?.textContent)).to.match(
      /^All changes saved: revision 2,/,
    );
    expect(focused(), 'focus stays in the field just saved').to.equal(target);
  });

  it('makes a referral, accepts it, logs a contact, links a resource and completes it', async () => {
    const detail = () => $('links-referral-detail');
    const status = () => clean(detail().shadowRoot!.querySelector('[part="status"]')?.textContent);
    const inForm = inside('links-referral-form');
    const inDetail = inside('links-referral-detail');

    // Back to the page's navigation (Shift+Tab), then to the referral form.
    await tabTo('the "Referrals" link', named('a', 'Referrals'), { back: true });
    await press('Enter');
    await tabTo('the referral form', inForm);
    const send = await tabTo('"Send referral"', (el) => inForm(el) && named('button', 'Send referral')(el));

    // An empty referral: the error summary takes focus, and its links lead to the fields.
    await press('Enter');
    await settle();
    const summary = focused()!;
    expect(summary.classList.contains('error-summary'), `focus is on ${label(summary)}`).to.be.true;
    expect(showsFocus(summary)).to.be.true;
    expect(clean(summary.textContent)).to.contain('There is a problem');
    const firstLink = await press('Tab');
    expect(firstLink!.localName).to.equal('a');
    await press('Enter');
    const route = focused()!;
    expect(route.localName, `the link focused ${label(route)}`).to.equal('input');
    expect((route as HTMLInputElement).type).to.equal('radio');

    // Route: GP (Space checks the focused radio). Reasons: the first theme. Consent to contact.
    await press('Space');
    expect((route as HTMLInputElement).checked).to.be.true;
    const reason = await tabTo('the first reason', (el) => inForm(el) && (el as HTMLInputElement).type === 'checkbox');
    await press('Space');
    expect((reason as HTMLInputElement).checked, `${label(reason)} is checked`).to.be.true;
    const consent = await tabTo('consent to contact', (el) => inForm(el) && named('input', /^Contact/)(el));
    await press('Space');
    expect((consent as HTMLInputElement).checked).to.be.true;
    await tabTo('"Send referral"', (el) => el === send);
    await press('Enter');
    await settle();

    const confirmation = clean(shadow('links-referral-form', '[part="confirmation"]')?.textContent);
    expect(confirmation).to.match(/^Referral (\S+) sent to the Community Links Practitioner\.$/);
    const id = /^Referral (\S+) sent/.exec(confirmation)![1]!;
    expect(clean($('#referral-status').textContent)).to.equal(`Referral ${id} made; it is open below the caseload.`);
    await waitUntil(
      () => clean(detail().shadowRoot!.querySelector('[part="heading"]')?.textContent) === `Referral ${id}`,
    );
    expect(status()).to.equal('Requested');
    // The person is shown through the host's resolver: a (made-up) name beside the reference.
    await waitUntil(
      () =>
        /^\S+ \S+ \(pt-sb-51a0\)$/.test(clean(detail().shadowRoot!.querySelector('[part="facts"] dd')?.textContent)),
      'the person label',
    );

    /** Opens one of the detail's actions from the keyboard; focus goes to its first field. */
    const openAction = async (action: string, back: boolean) => {
      await tabTo(`"${action}"`, (el) => inDetail(el) && named('button', action)(el), { back });
      await press('Enter');
      await settle();
      const first = focused()!;
      expect(
        inDetail(first) && ['input', 'select', 'textarea'].includes(first.localName),
        `focus went to ${label(first)}`,
      ).to.be.true;
      return first;
    };
    /** Records the open action with its Record button; focus goes to the referral's status line. */
    const record = async () => {
      await tabTo('"Record"', (el) => inDetail(el) && named('button', 'Record')(el));
      await press('Enter');
      await settle();
      const after = focused()!;
      expect(after.classList.contains('status-line'), `after recording, focus is on ${label(after)}`).to.be.true;
      expect(showsFocus(after)).to.be.true;
    };

    // Accept it as the Community Links Practitioner (the page acts as the CLP).
    expect(clean($('#referral-user').querySelector('option:checked')?.textContent)).to.match(
      /^Community Links Practitioner/,
    );
    await openAction('Accept', true);
    await record();
    expect(status()).to.equal('Accepted');
    await openAction('Start work', false);
    await record();
    expect(status()).to.equal('In progress');

    // Log a contact: the place stays as offered, the length is typed; Enter records it.
    await openAction('Record a contact', false);
    await tabTo('the contact’s length', (el) => inDetail(el) && named('input', 'Length in minutes')(el));
    await type('40');
    await press('Enter');
    await settle();
    expect(status()).to.equal('In progress');
    const contacts = clean(detail().shadowRoot!.querySelector('[aria-labelledby="contacts-heading"]')?.textContent);
    expect(contacts).to.contain('1 contact;');
    expect(contacts).to.contain('40 minutes');

    // Link a resource: search the resource finder inside the referral, choose one, record the link.
    await tabTo('"Link a resource"', (el) => inDetail(el) && named('button', 'Link a resource')(el));
    await press('Enter');
    await settle();
    // Opening the form puts focus straight in the finder's search box.
    const search = focused()!;
    expect(label(search)).to.equal('links-resource-finder › input#text "Search for"');
    await type('walk');
    expect((search as HTMLInputElement).value).to.equal('walk');
    await press('Enter');
    await waitUntil(
      () => $('#referral-resource-finder').shadowRoot!.querySelectorAll('[part="select-button"]').length > 0,
      'search results',
    );
    const choose = await tabTo(
      'a "Link" button',
      (el) => inside('links-resource-finder')(el) && named('button', /^Link /)(el),
    );
    const resourceName = nameOf(choose).replace(/^Link /, '');
    await press('Enter');
    await settle();
    expect(clean(detail().shadowRoot!.querySelector('.picked')?.textContent)).to.contain(resourceName);
    await record();
    const resources = clean(detail().shadowRoot!.querySelector('[aria-labelledby="resources-heading"]')?.textContent);
    expect(resources).to.contain(resourceName);

    // Complete it: the outcome chosen by typing its first letters (an outcome must agree with the record: with a
    // contact and no achieved goal, "connected to community support" fits), what changed typed in.
    const outcome = (await openAction('Complete', false)) as HTMLSelectElement;
    expect(outcome.localName).to.equal('select');
    await type('Connected');
    await settle();
    expect(outcome.value).to.equal('connected-to-support');
    await tabTo('what changed', (el) => inDetail(el) && named('textarea', 'What changed for the person')(el));
    await type('Goes to the walking group every week.');
    await record();
    expect(status()).to.equal('Completed');
    expect(clean(detail().shadowRoot!.querySelector('[role="status"]')?.textContent)).to.match(/^Recorded: /);

    // The caseload shows it too, and every action is stored (it would survive a reload).
    const { saved } = await import('./referral-demo.js');
    await saved();
    const { demoStore } = await import('./host.js');
    const { referralRecordCodec } = await import('./referral-store.js');
    const stored = await demoStore(referralRecordCodec).get(id);
    expect(stored?.events.map((e) => e.type)).to.deep.equal([
      'created',
      'status-changed',
      'status-changed',
      'contact-recorded',
      'resource-linked',
      'status-changed',
    ]);
  });

  it('the whole demo page still passes axe after the workflows', async () => {
    expect(await wcagViolations(page)).to.deep.equal([]);
  });

  it('showed a visible focus indicator on everything focus reached', () => {
    expect(trail.length).to.be.greaterThan(50);
    expect([...invisible]).to.deep.equal([]);
  });
});
