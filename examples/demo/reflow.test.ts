// The demo page at phone width (WCAG 2.2 1.4.10 Reflow): at 320 CSS px the
// page never scrolls sideways, no element's box reaches past its host or the
// page except inside a named scroll region (the check walks shadow roots),
// and axe stays clean in the narrow layouts. The page is loaded as the
// keyboard walkthrough loads it (its markup and scripts, a database prefix
// of its own).
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '@links-approach/components';
import { reflowProblems } from '../../packages/components/src/internal/quality/reflow.js';
import { wcagViolations } from '../../packages/components/src/internal/quality/test-harness.js';

const PREFIX = `links-reflow-${Date.now()}:`;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('the demo page at 320 px', function () {
  this.timeout(120_000);
  // The virtualizer's benign "ResizeObserver loop" notice, also while the page loads and resizes.
  let stopIgnoring: (() => void) | undefined;
  let page: HTMLElement;
  let deleteDemoData: () => Promise<void>;

  before(async () => {
    stopIgnoring = ignoreWindowResizeObserverLoopErrors();
    await setViewport({ width: 320, height: 640 });
    const markup = await (await fetch(new URL('../index.html', import.meta.url))).text();
    const doc = new DOMParser().parseFromString(markup, 'text/html');
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('./demo.css', import.meta.url).href;
    const loaded = new Promise((resolve) => css.addEventListener('load', resolve, { once: true }));
    document.head.append(css);
    await loaded;
    page = document.createElement('div');
    page.innerHTML = doc.body.innerHTML.replaceAll('links-approach-demo:', PREFIX);
    document.body.prepend(page);
    document.body.style.margin = '0';
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
    // Bring the caseload's list into view so its virtualizer lays cards out.
    page.querySelector('links-caseload')!.shadowRoot!.querySelector('[part="body"]')!.scrollIntoView();
    for (let i = 0; i < 5; i += 1) await frame();
    window.scrollTo(0, 0);
  });

  after(async () => {
    await deleteDemoData?.();
    page?.remove();
    await setViewport({ width: 800, height: 600 });
    stopIgnoring?.();
  });

  it('does not scroll sideways: the document is exactly as wide as the viewport', () => {
    expect(window.innerWidth).to.equal(320);
    expect(document.documentElement.scrollWidth).to.equal(document.documentElement.clientWidth);
  });

  it('has no element reaching past its host or the page, except inside a named scroll region', () => {
    const elements = [...page.querySelectorAll('*')].filter((el) => el.localName.startsWith('links-'));
    expect(elements.length).to.be.greaterThan(10);
    const problems = [page, ...elements].flatMap((el) => reflowProblems(el));
    expect(problems).to.deep.equal([]);
  });

  it('shows the caseload as cards, every field in view', async () => {
    const caseload = page.querySelector('links-caseload')!;
    caseload.shadowRoot!.querySelector('[part="body"]')!.scrollIntoView();
    await waitUntil(() => caseload.shadowRoot!.querySelector('[part="row"]'), 'cards laid out');
    const card = caseload.shadowRoot!.querySelector<HTMLElement>('[part="row"]')!;
    expect(card, 'a card is laid out').to.exist;
    const box = card.getBoundingClientRect();
    const cells = [...card.querySelectorAll('[role="cell"]')];
    expect(cells).to.have.length(10);
    for (const cell of cells) expect(cell.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
    expect(box.right).to.be.at.most(320);
  });

  it('passes axe (WCAG 2.2 A and AA rules) in the narrow layout', async () => {
    expect(await wcagViolations(page)).to.deep.equal([]);
  });
});
