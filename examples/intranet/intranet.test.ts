// The no-build-step page, run against the BUILT script-tag files
// (packages/components/dist/browser/), as an intranet would use them.
import { expect } from '@open-wc/testing';

type AxeResults = { violations: { id: string; impact: string; nodes: unknown[] }[] };

async function openPage(
  height = 900,
): Promise<{ frame: HTMLIFrameElement; win: Window & typeof globalThis; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.title = 'Intranet page under test';
  frame.style.width = '1200px';
  frame.style.height = `${height}px`;
  const errors: string[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = new URL('./index.html', import.meta.url).href;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (event) => errors.push(event.message));
  return { frame, win, errors };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('script-tag intranet page (built bundle, no build step)', () => {
  let page: Awaited<ReturnType<typeof openPage>>;
  before(async () => {
    page = await openPage();
    const doc = page.win.document;
    // The sections below the first screen appear as the reader comes near them: scroll down as a reader would.
    await until(() => {
      page.win.scrollBy(0, page.win.innerHeight);
      return (doc.getElementById('status')?.textContent ?? '') !== '';
    }, 'the page script to finish');
    await until(
      () =>
        [...doc.querySelectorAll('*')]
          .filter((e) => e.localName.startsWith('links-'))
          .every((e) => e.matches(':defined')),
      'every element to be defined',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
  after(() => page.frame.remove());

  it('shows every widget with its data, and says what it loaded', () => {
    const doc = page.win.document;
    expect(doc.getElementById('status')?.textContent).to.match(/^Loaded the sample plan and \d+ sample referrals\.$/);
    const shadowText = (tag: string) => doc.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(shadowText('links-framework-overview')).to.contain('Team Wellbeing');
    expect(shadowText('links-maturity-profile')).to.contain('Network Building');
    expect(shadowText('links-capacity-card')).to.contain('Next step');
    expect(shadowText('links-caseload-summary')).to.contain('Referrals made');
    expect(page.errors).to.deep.equal([]);
  });

  it('loads the widgets of a section and the domain module only when the reader comes near the section', async () => {
    // A short window (a phone held sideways): the sections below the overview are more than a screen away.
    const fresh = await openPage(250);
    try {
      const doc = fresh.win.document;
      await until(
        () => (doc.querySelector('links-framework-overview')?.shadowRoot?.textContent ?? '') !== '',
        'the first screen',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const scripts = () => fresh.win.performance.getEntriesByType('resource').map((entry) => entry.name);
      expect(doc.querySelector('[data-section="plan"]')!.getBoundingClientRect().top).to.be.greaterThan(
        2 * fresh.win.innerHeight,
      );
      expect(doc.querySelector('links-maturity-profile'), 'not on the page yet').to.equal(null);
      expect(doc.querySelector('links-caseload-summary'), 'not on the page yet').to.equal(null);
      expect(
        scripts().some((name) => name.includes('links-core.js')),
        'the domain module is not loaded yet',
      ).to.equal(false);
      doc.querySelector('[data-section="caseload"]')!.scrollIntoView();
      await until(
        () => doc.querySelector('links-caseload-summary')?.matches(':defined') ?? false,
        'the caseload widget',
      );
      await until(
        () => (doc.querySelector('links-caseload-summary')?.shadowRoot?.textContent ?? '').includes('Referrals made'),
        'its data',
      );
      expect(scripts().some((name) => name.includes('links-core.js'))).to.equal(true);
      expect(fresh.errors).to.deep.equal([]);
    } finally {
      fresh.frame.remove();
    }
  });

  it('loads only built files from the bundle folder, and only the elements the page uses', () => {
    const scripts = page.win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => (path.endsWith('.js') || path.endsWith('.ts')) && !path.startsWith('/__web-dev-server'));
    expect(scripts.length).to.be.greaterThan(3);
    for (const path of scripts)
      expect(path).to.match(/^\/packages\/components\/dist\/browser\/(chunks\/)?[\w.-]+\.js$/);
    expect(page.win.customElements.get('links-plan-editor')).to.equal(undefined);
    expect(page.win.customElements.get('links-caseload')).to.equal(undefined);
  });

  it('is accessible (axe, WCAG 2.2 A and AA rules)', async () => {
    const source = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const script = page.win.document.createElement('script');
    script.textContent = source;
    page.win.document.head.append(script);
    const axe = (page.win as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(page.win.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(results.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`)).to.deep.equal([]);
  });
});
