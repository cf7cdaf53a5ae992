import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import './framework-overview.js';
import type { LinksFrameworkOverview } from './framework-overview.js';

const texts = (root: ShadowRoot, selector: string) =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim());

describe('<links-framework-overview>', () => {
  it('shows the 7 capacities and 5 themes as headed, ordered lists', async () => {
    const el = await fixture<LinksFrameworkOverview>(html`<links-framework-overview></links-framework-overview>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('The Links Approach');
    expect(texts(root, 'h3')).to.deep.equal([
      'The 7 capacities',
      'Self-management themes',
      'What the Community Links Practitioner does',
    ]);
    expect(texts(root, '.capacities li h4')).to.deep.equal(
      LINKS_FRAMEWORK.capacities.map((c, i) => `${i + 1}${c.name}`),
    );
    expect(root.querySelectorAll('.themes li')).to.have.length(5);
    expect(root.querySelector('.capacities li p')!.textContent).to.contain('survival mode');
  });

  it('is accessible (axe) and keyboard operable when selectable', async () => {
    const el = await fixture<LinksFrameworkOverview>(
      html`<links-framework-overview selectable></links-framework-overview>`,
    );
    await expect(el).to.be.accessible();
    const button = el.shadowRoot!.querySelectorAll('button')[4]!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Open Signposting in the plan');
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    setTimeout(() => button.click());
    const event = (await oneEvent(el, 'links-capacity-select')) as CustomEvent;
    expect(event.detail.capacity.id).to.equal('signposting');
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('li')[4]!.getAttribute('aria-current')).to.equal('true');
  });

  it('fits the host outline with heading-level and hides sections on request', async () => {
    const el = await fixture<LinksFrameworkOverview>(
      html`<links-framework-overview heading-level="3" sections="themes"></links-framework-overview>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('h3')!.textContent).to.equal('The Links Approach');
    expect(texts(root, 'h4')).to.deep.equal(['Self-management themes']);
    expect(root.querySelector('.capacities')).to.be.null;
    expect(root.querySelectorAll('button')).to.have.length(0);
  });

  it('renders a host-supplied framework, treating its text as text', async () => {
    const custom: Framework = {
      ...structuredClone(LINKS_FRAMEWORK),
      name: 'Revised <img src=x onerror="window.__xss=1">',
      version: '2.0.0',
      capacities: [{ id: 'digital', name: '<b>Digital</b>', description: 'Help people get online.' }],
    };
    const el = await fixture<LinksFrameworkOverview>(
      html`<links-framework-overview .framework=${custom}></links-framework-overview>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Revised <img src=x onerror="window.__xss=1">');
    expect(root.querySelector('img')).to.be.null;
    expect(root.querySelector('h3')!.textContent).to.equal('The capacity');
    expect((window as { __xss?: number }).__xss).to.be.undefined;
    expect(root.textContent!.replace(/\s+/g, ' ')).to.contain('version 2.0.0');
  });

  it('exposes parts and reads the design tokens', async () => {
    const el = await fixture<LinksFrameworkOverview>(
      html`<links-framework-overview style="--links-framework-overview-accent: rgb(0, 128, 0)"></links-framework-overview>`,
    );
    const item = el.shadowRoot!.querySelector('[part="item"]')!;
    expect(getComputedStyle(item).borderTopColor).to.equal('rgb(0, 128, 0)');
    expect(el.shadowRoot!.querySelectorAll('[part="item"]')).to.have.length(15);
  });
});
