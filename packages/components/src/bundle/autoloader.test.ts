import { expect, fixture, html } from '@open-wc/testing';
import { ELEMENT_TAGS } from './tags.js';
import { allDefined, load } from './autoloader.js';

// This file does not import any element: everything it sees defined was
// registered by the autoloader.

describe('script-tag autoloader', () => {
  // tags.ts and links-components.css are checked against every registering
  // module by scripts/bundle-tags.test.mjs.
  it('hides undefined links-* elements with the no-flash stylesheet, and shows them once defined', async () => {
    const css = await (await fetch(new URL('./links-components.css', import.meta.url))).text();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const el = await fixture(html`<links-capacity-card></links-capacity-card>`);
    expect(getComputedStyle(el).visibility).to.equal('hidden');
    await allDefined(el.parentElement ?? document);
    expect(getComputedStyle(el).visibility).to.equal('visible');
    expect(ELEMENT_TAGS).to.include('links-capacity-card');
  });

  it('registers an element when it appears, and only the elements that appear', async () => {
    expect(customElements.get('links-framework-overview')).to.equal(undefined);
    const el = await fixture(html`<links-framework-overview heading-level="2"></links-framework-overview>`);
    await customElements.whenDefined('links-framework-overview');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.contain('The Links Approach');
    expect(customElements.get('links-caseload')).to.equal(undefined);
    expect(customElements.get('links-plan-editor')).to.equal(undefined);
  });

  it('registers elements added later, and allDefined resolves once they are', async () => {
    const host = await fixture(html`<div></div>`);
    host.innerHTML = '<links-run-chart heading-level="3"></links-run-chart>';
    await allDefined(host);
    expect(customElements.get('links-run-chart')).to.not.equal(undefined);
    expect(host.querySelector('links-run-chart')?.matches(':defined')).to.equal(true);
  });

  it('refuses a tag the toolkit does not have, with a message naming it', async () => {
    let message = '';
    await load('links-no-such-thing').catch((error: Error) => (message = error.message));
    expect(message).to.equal('links-no-such-thing is not a links-approach element');
  });
});
