import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import { generateDemoReferrals, replay, type ReferralState } from '@links-approach/core/referral';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { addRelationship, createNetworkRegister } from '@links-approach/core/network';
import '../caseload/caseload.js';
import '../framework-overview/framework-overview.js';
import '../pdsa-log/pdsa-log.js';
import '../referral-form/referral-form.js';
import '../network-register/network-register.js';
import type { LinksCaseload } from '../caseload/caseload.js';
import type { LinksFrameworkOverview } from '../framework-overview/framework-overview.js';
import type { LinksPdsaLog } from '../pdsa-log/pdsa-log.js';
import type { LinksReferralForm } from '../referral-form/referral-form.js';
import type { LinksNetworkRegister } from '../network-register/network-register.js';
import { getLocale, setLocale, SUPPORTED_LOCALES, type LinksLocale } from './localization.js';

const AS_OF = '2025-03-31T17:00:00Z';
const referrals = replay(
  generateDemoReferrals({ practices: ['practice-a'], seed: 3, asOf: AS_OF, referralsPerPractice: 12 }).events,
  { trusted: true },
).state.referrals as ReferralState[];

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

function register() {
  const result = addRelationship(
    createNetworkRegister('practice-1'),
    {
      organisation: { name: 'Brightwater Community Trust' },
      contactRole: 'volunteer coordinator',
      alissListing: 'listed',
    },
    { on: '2026-01-10', by: 'CLP' },
  );
  if (!result.ok) throw new Error('bad register');
  return result.value;
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
// The dev server serves every source module as its own file: more than the
// browser's default 250 resource-timing entries, after which new ones (the
// translation, fetched later) would be dropped. Nothing is fetched lazily yet.
performance.setResourceTimingBufferSize(100_000);
const fetchedGaelic = () =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes('/generated/locales/gd'));

/** What a date reads as in Scottish Gaelic here: Chromium has no Gaelic date data, so it is written in figures. */
function gaelicDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Intl.DateTimeFormat.supportedLocalesOf(['gd']).length > 0) {
    return new Intl.DateTimeFormat('gd', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      date,
    );
  }
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

describe('localisation (en-GB by default, Scottish Gaelic on request)', () => {
  setupIgnoreWindowResizeObserverLoopErrors(before, after); // the whole suite, its `before` hook too

  let caseload: LinksCaseload;
  let overview: LinksFrameworkOverview;
  let pdsa: LinksPdsaLog;
  let form: LinksReferralForm;
  let network: LinksNetworkRegister;
  let startDate: string;

  // The elements stay on the page across the tests (open-wc fixtures are removed after each test),
  // so the switch is seen by elements that were already rendered.
  const container = document.createElement('div');

  before(async () => {
    const plan = await samplePlan();
    startDate = plan.capacities['shared-learning']!.changeIdeas[0]!.cycles[0]!.startDate;
    document.body.append(container);
    render(
      html`<links-caseload .referrals=${referrals} as-of=${AS_OF}></links-caseload>
        <links-framework-overview></links-framework-overview>
        <links-pdsa-log .plan=${plan} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>
        <links-referral-form person="p-123" practice-id="practice-a"></links-referral-form>
        <links-network-register .register=${register()} as-of="2026-03-01"></links-network-register>`,
      container,
    );
    caseload = container.querySelector('links-caseload')!;
    overview = container.querySelector('links-framework-overview')!;
    pdsa = container.querySelector('links-pdsa-log')!;
    form = container.querySelector('links-referral-form')!;
    network = container.querySelector('links-network-register')!;
    await Promise.all([caseload, overview, pdsa, form, network].map((el) => el.updateComplete));
    await frame();
    await frame();
  });

  after(async () => {
    await setLocale('en-GB');
    container.remove();
  });

  const count = () => text(caseload.shadowRoot!.querySelector('[part="count"]'));
  const firstStarted = () => text(pdsa.shadowRoot!.querySelector('[part="cycle"] dd'));

  it('shows English by default, with no configuration and no translation fetched', () => {
    expect(getLocale()).to.equal('en-GB');
    expect(SUPPORTED_LOCALES).to.deep.equal(['en-GB', 'gd']);
    expect(fetchedGaelic()).to.equal(false);
    expect(count()).to.equal(
      `Showing ${referrals.length} of ${referrals.length} referrals, sorted by last update (descending)`,
    );
    expect(text(overview.shadowRoot!.querySelector('.capacities .section-heading'))).to.equal('The 7 capacities');
    expect(firstStarted()).to.equal(
      new Date(`${startDate}T00:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    );
    expect(text(form.shadowRoot!.querySelector('[part="send-button"]'))).to.equal('Send referral');
  });

  it('rejects a locale it has no translation for, and stays in English', async () => {
    let error: unknown;
    try {
      await setLocale('fr' as LinksLocale);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(RangeError);
    expect((error as Error).message).to.contain('en-GB, gd');
    expect(getLocale()).to.equal('en-GB');
    expect(fetchedGaelic()).to.equal(false);
  });

  it('switches every element already on the page to Scottish Gaelic, loading the translation only then', async () => {
    await setLocale('gd');
    expect(getLocale()).to.equal('gd');
    expect(fetchedGaelic()).to.equal(true);
    await Promise.all([caseload, overview, pdsa, form, network].map((el) => el.updateComplete));
    await frame();
    // The caseload's count is announced after its list settles: wait for it (under load, a frame may not be enough).
    await waitUntil(() => count().startsWith('A’ sealltainn'), 'caseload in Scottish Gaelic');

    // An interpolated count, with the sort column and direction translated too.
    expect(count()).to.equal(
      `A’ sealltainn ${referrals.length} à ${referrals.length} (tar-churan), air a sheòrsachadh a-rèir “an t-ùrachadh mu dheireadh” (a’ teàrnadh)`,
    );
    expect(text(caseload.shadowRoot!.querySelector('label[for="status"]'))).to.equal('Staid');
    // Status labels are the component's own translation of core's ids.
    const badges = [...caseload.shadowRoot!.querySelectorAll('[part="status"]')].map((b) => text(b));
    expect(badges.length).to.be.greaterThan(0);
    expect(badges.every((b) => !/^(Draft|Requested|Accepted|In progress|On hold|Completed)$/.test(b))).to.equal(true);

    // The framework's own words stay in English; the element's words around them are translated.
    expect(text(overview.shadowRoot!.querySelector('.capacities .section-heading'))).to.equal('Na comasan (7)');
    expect(text(overview.shadowRoot!.querySelector('[part="item-name"]'))).to.contain(
      LINKS_FRAMEWORK.capacities[0]!.name,
    );

    // A date, formatted for the locale.
    expect(firstStarted()).to.equal(gaelicDate(startDate));
    expect(text(pdsa.shadowRoot!.querySelector('[part="act"]'))).to.equal('Atharraich');

    expect(text(form.shadowRoot!.querySelector('[part="send-button"]'))).to.equal('Cuir an tar-chur');
    expect(text(form.shadowRoot!.querySelector('legend'))).to.equal('Ciamar a chaidh an neach a thar-chur');

    expect(text(network.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Lìonra coimhearsnachd');
    const figures = [...network.shadowRoot!.querySelectorAll('[part="summary"] dt')].map((dt) => text(dt));
    expect(figures[0]).to.equal('Dàimhean gnìomhach');
    expect(figures[2]).to.equal('Gun chonaltradh fad mhìosan: 6');
  });

  it('stays accessible in Scottish Gaelic', async () => {
    for (const el of [caseload, overview, pdsa, form, network]) await expect(el).to.be.accessible();
  });

  it('switches back to English', async () => {
    await setLocale('en-GB');
    expect(getLocale()).to.equal('en-GB');
    await Promise.all([caseload, overview, pdsa, form, network].map((el) => el.updateComplete));
    await waitUntil(() => count().startsWith('Showing'), 'caseload back in English');
    expect(count()).to.equal(
      `Showing ${referrals.length} of ${referrals.length} referrals, sorted by last update (descending)`,
    );
    expect(text(overview.shadowRoot!.querySelector('.capacities .section-heading'))).to.equal('The 7 capacities');
    expect(text(pdsa.shadowRoot!.querySelector('[part="act"]'))).to.equal('Adapt');
    expect(text(form.shadowRoot!.querySelector('[part="send-button"]'))).to.equal('Send referral');
    expect(text(network.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Community network');
  });
});
