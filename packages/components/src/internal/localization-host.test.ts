import { expect, fixture, html } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import '../framework-overview/framework-overview.js';
import type { LinksFrameworkOverview } from '../framework-overview/framework-overview.js';
import { getLocale, loadLinksTemplates, setLocale } from './localization.js';

// A host page that uses @lit/localize itself configures it once, for its own
// strings and the toolkit's together (this file runs in its own page).
const hostTemplates: Record<string, Record<string, string>> = { gd: { 'host.greeting': 'Fàilte' } };
const host = configureLocalization({
  sourceLocale: 'en-GB',
  targetLocales: ['gd'],
  loadLocale: async (locale) => ({ templates: { ...(await loadLinksTemplates(locale)), ...hostTemplates[locale] } }),
});

const heading = (el: LinksFrameworkOverview) =>
  el.shadowRoot!.querySelector('.capacities .section-heading')!.textContent!.replace(/\s+/g, ' ').trim();

describe('localisation when the host page configures @lit/localize itself', () => {
  after(async () => {
    await host.setLocale('en-GB');
  });

  it('shows the toolkit in the locale the host switches to, and follows it for formatting', async () => {
    const el = await fixture<LinksFrameworkOverview>(html`<links-framework-overview></links-framework-overview>`);
    expect(heading(el)).to.equal('The 7 capacities');
    await host.setLocale('gd');
    await el.updateComplete;
    expect(heading(el)).to.equal('Na comasan (7)');
    expect(getLocale()).to.equal('gd');
  });

  it('does not take the configuration over: setLocale explains what to do instead', async () => {
    let error: unknown;
    try {
      await setLocale('en-GB');
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.message).to.contain('already configured');
    expect((error as Error).message).to.contain('loadLinksTemplates');
    expect(host.getLocale()).to.equal('gd');
  });

  it('gives no templates for the source locale or an unknown one', async () => {
    expect(await loadLinksTemplates('en-GB')).to.deep.equal({});
    expect(await loadLinksTemplates('fr')).to.deep.equal({});
    expect(Object.keys(await loadLinksTemplates('gd')).length).to.be.greaterThan(500);
  });
});
