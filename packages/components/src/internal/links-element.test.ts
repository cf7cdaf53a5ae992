import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { LinksElement } from './links-element.js';
import { heading, type HeadingLevel } from './heading.js';
import { property } from 'lit/decorators.js';

class LinksTestEmitter extends LinksElement {
  fire(cancelable: boolean): boolean {
    return this.emit('links-test', { value: 42 }, { cancelable });
  }
}
customElements.define('links-test-emitter', LinksTestEmitter);

class LinksTestHeadings extends LinksElement {
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 3;
  rendered: number[] = [];
  protected override render() {
    this.rendered.push(this.headingLevel);
    return heading(this.headingLevel, html`Title`);
  }
}
customElements.define('links-test-headings', LinksTestHeadings);

class LinksTestDeepHeadings extends LinksTestHeadings {
  static override headingLevels = [2, 3, 4, 5, 6, 7];
}
customElements.define('links-test-deep-headings', LinksTestDeepHeadings);

describe('internal: LinksElement and heading()', () => {
  it('emit() fires a bubbling, composed event the host can veto only when cancelable', async () => {
    const host = await fixture<HTMLDivElement>(html`<div><links-test-emitter></links-test-emitter></div>`);
    const el = host.querySelector('links-test-emitter') as LinksTestEmitter;
    const seen: CustomEvent[] = [];
    host.addEventListener('links-test', (event) => {
      seen.push(event as CustomEvent);
      event.preventDefault();
    });
    expect(el.fire(false)).to.be.true;
    expect(el.fire(true)).to.be.false;
    expect(seen).to.have.length(2);
    expect(seen[0]!.detail).to.deep.equal({ value: 42 });
    expect(seen[0]!.bubbles && seen[0]!.composed).to.be.true;
    expect(seen[0]!.cancelable).to.be.false;
  });

  it('heading() renders h2–h6 and an ARIA heading past h6, with no empty attributes', () => {
    const container = document.createElement('div');
    render(
      html`${[2, 3, 4, 5, 6, 7].map((level) => heading(level, html`Level ${level}`, level === 3 ? { id: 'x', part: 'p' } : {}))}`,
      container,
    );
    const headings = [...container.children];
    expect(headings.map((h) => h.tagName)).to.deep.equal(['H2', 'H3', 'H4', 'H5', 'H6', 'DIV']);
    expect(headings[5]!.getAttribute('role')).to.equal('heading');
    expect(headings[5]!.getAttribute('aria-level')).to.equal('7');
    expect(headings[1]!.id).to.equal('x');
    expect(headings[1]!.getAttribute('part')).to.equal('p');
    expect(headings[0]!.hasAttribute('id')).to.be.false;
    expect(headings[0]!.hasAttribute('class')).to.be.false;
  });

  it('keeps headingLevel within the levels the class allows, going back to the level it started with', async () => {
    const el = await fixture<LinksTestHeadings>(html`<links-test-headings heading-level="9"></links-test-headings>`);
    expect(el.headingLevel, 'an attribute it cannot use').to.equal(3);
    expect(el.rendered, 'never rendered at the unusable level').to.deep.equal([3]);
    el.headingLevel = 5;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h5')).to.exist;
    el.headingLevel = 1 as HeadingLevel;
    await el.updateComplete;
    expect(el.headingLevel, 'a property it cannot use').to.equal(3);
    expect(el.shadowRoot!.querySelector('h3')).to.exist;
    expect(el.rendered).to.deep.equal([3, 5, 3]);
    const deep = await fixture<LinksTestDeepHeadings>(
      html`<links-test-deep-headings heading-level="7"></links-test-deep-headings>`,
    );
    expect(deep.headingLevel, 'a class that allows deeper levels').to.equal(7);
    expect(deep.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('7');
  });
});
