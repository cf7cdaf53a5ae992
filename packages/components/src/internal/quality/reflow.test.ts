// Reflow (WCAG 2.2 1.4.10) and target size (2.5.8) for every element in its
// main states, in a 320 px wide viewport, and the layout switches the
// container queries make (wide tables scroll in a named region).
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../all.js';
import { LAYOUT_SCENARIOS } from './layout-scenarios.js';
import { reflowProblems, smallTargets } from './reflow.js';
import { wcagViolations } from './test-harness.js';

describe('quality: reflow at 320 px', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('the check can fail: a wide box outside a scroll region is reported, inside one it is not', async () => {
    const host = document.createElement('div');
    host.style.width = '300px';
    const wide = document.createElement('div');
    wide.style.width = '500px';
    wide.style.height = '10px';
    host.append(wide);
    document.body.append(host);
    try {
      expect(reflowProblems(host).join('\n')).to.contain('reaches past');
      wide.style.width = '100px';
      const scroller = document.createElement('div');
      scroller.style.overflowX = 'auto';
      scroller.innerHTML = '<div style="width:600px;height:10px"></div>';
      host.append(scroller);
      expect(reflowProblems(host).join('\n')).to.contain('scrolls sideways but is not a named tab stop');
      scroller.tabIndex = 0;
      scroller.setAttribute('aria-label', 'Wide');
      expect(reflowProblems(host)).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });

  for (const { tag, state, render } of LAYOUT_SCENARIOS) {
    it(`<${tag}> ${state}: nothing reaches past the element or scrolls the page sideways`, async function () {
      this.timeout(30_000);
      const el = await render();
      expect(el.localName).to.equal(tag);
      expect(window.innerWidth).to.equal(320);
      expect(reflowProblems(el), `<${tag}> ${state}`).to.deep.equal([]);
      expect(smallTargets(el), `<${tag}> ${state}: targets under 24 × 24 px`).to.deep.equal([]);
    });
  }

  it('wide data tables scroll inside a focusable region named by their caption, the first column sticky', async () => {
    const scenario = LAYOUT_SCENARIOS.find((s) => s.tag === 'links-maturity-profile')!;
    const el = await scenario.render();
    const region = el.shadowRoot!.querySelector<HTMLElement>('[role="region"].scroll-region')!;
    expect(region, 'the table sits in a scroll region').to.exist;
    expect(region.tabIndex).to.equal(0);
    const label = el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!);
    expect(label?.textContent?.trim(), 'named by the caption').to.not.equal('');
    expect(region.scrollWidth, 'the table is wider than 320 px and scrolls').to.be.greaterThan(region.clientWidth);
    const first = region.querySelector('tbody tr > :first-child')!;
    const before = first.getBoundingClientRect().left;
    region.scrollLeft = 100;
    expect(region.scrollLeft).to.be.greaterThan(0);
    expect(first.getBoundingClientRect().left, 'the row header stays in view').to.be.closeTo(before, 1);
    expect(await wcagViolations(el)).to.deep.equal([]);
  });
});
