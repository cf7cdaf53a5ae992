// Page load of the example pages, as a newcomer opens them.
//
// 1. The team demo (examples/index.html) served the way `npm start` serves it
//    (production build, scripts/static-server.mjs) beside the way `npm run dev`
//    serves it (@web/dev-server from source): requests and transferred KB (for
//    the whole page, scrolled through), the time from navigation until the
//    links-* elements of the first screen have rendered, and until every
//    links-* element has (defined, first update complete, something in its
//    shadow root; the demo loads each section as it comes near the screen, so
//    the page is scrolled through, a screen a frame), cold
//    (a new browser context each load: no cache, no stored data). Median of
//    the runs, and the same-run ratio dev ÷ production.
// 2. Lighthouse (the npm `lighthouse` package, headless Chromium) on the team
//    demo and the script-tag intranet page (examples/intranet/), mobile and
//    desktop settings: performance, accessibility, cumulative layout shift,
//    beside the targets (performance ≥ 95 desktop and ≥ 90 mobile,
//    accessibility 100, CLS ≤ 0.05). Figures are printed, never asserted.
//
// The pages run against the demo service (scripts/demo-service.ts, a fresh
// PGlite folder in the OS temp dir, seeded), signed in as the default demo user,
// as `npm start` serves them.
//
// --lighthouse-only: Lighthouse alone (no load table). --intranet-only:
// Lighthouse on the intranet page alone, with no service started.
//
// --tiny (npm run bench:smoke): one load of the dev page and (when its build
// is up to date) the production page, in "this browser only" mode with no
// service; no Lighthouse; no figures judged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { devPlugins, nodeResolve } from '../scripts/dev-plugins.mjs';
import { CHROME_ARGS, findChrome, NO_BROWSER_MESSAGE } from '../scripts/browser.mjs';
import { buildDemo, demoBuildIsStale, siteDir } from '../scripts/build-demo.mjs';
import { ensureScriptTagBundle, startDemoService } from '../scripts/demo-stack.mjs';
import { apiProxyMiddleware, startStaticServer } from '../scripts/static-server.mjs';
import { root } from '../scripts/lib.mjs';
import { best, median } from './stats.mjs';

const tiny = process.argv.includes('--tiny');
/**
 * `--intranet-only`: Lighthouse on the script-tag intranet page alone (it needs no service, so none is started): for
 * quicker runs while working on that page.
 */
const intranetOnly = process.argv.includes('--intranet-only');
/** `--lighthouse-only`: skip the load table (for quicker runs while working on the pages). */
const lighthouseOnly = intranetOnly || process.argv.includes('--lighthouse-only');
const RUNS = tiny ? 1 : 3;
const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

// ---------------------------------------------------------------------------
// The servers

const closers = [];
let service;
let dataDir;
if (!tiny) {
  await ensureScriptTagBundle();
}
if (!tiny && !intranetOnly) {
  if (demoBuildIsStale()) await buildDemo({ log: () => undefined });
  dataDir = mkdtempSync(join(tmpdir(), 'links-page-load-'));
  console.log('Starting the demo service on a fresh PGlite folder (seeding takes a minute) …');
  service = await startDemoService({ dataDir });
  closers.push(async () => service.stop());
}
const production =
  tiny && demoBuildIsStale()
    ? undefined
    : await startStaticServer({ roots: [siteDir, root], port: 0, serviceUrl: service?.url });
if (production) closers.push(() => new Promise((resolve) => production.close(resolve)));
const dev = intranetOnly
  ? undefined
  : await startDevServer({
      config: {
        rootDir: root,
        port: 0,
        hostname: '127.0.0.1',
        nodeResolve,
        plugins: devPlugins,
        middleware: service ? [apiProxyMiddleware(service.url)] : [],
        watch: false,
      },
      readCliArgs: false,
      readFileConfig: false,
      logStartMessage: false,
    });
if (dev) closers.push(() => dev.stop());
const portOf = (server) => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
};
const productionBase = production ? `http://127.0.0.1:${portOf(production)}` : undefined;
const devBase = dev ? `http://127.0.0.1:${portOf(dev.server)}` : undefined;

// ---------------------------------------------------------------------------
// Loads: requests, transferred bytes, time until every element has rendered

/**
 * Resolves (in the page) with the time since navigation when the links-* elements of the first screen have rendered
 * (\`first\`), and when every links-* element has (\`ms\`). The demo loads each section when it comes near the
 * screen, so after the first screen the page is scrolled through, a screen a frame, as a reader would (faster).
 */
const ALL_RENDERED = `(async () => {
  const deadline = performance.now() + 120000;
  const rendered = (el) => el.closest('[hidden]') || (el.shadowRoot && el.shadowRoot.childNodes.length > 0);
  const links = () => [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('links-') && el.localName !== 'links-provider');
  let first;
  for (;;) {
    const inView = links().filter((el) => { const box = el.getBoundingClientRect(); return box.top < innerHeight && box.bottom > 0; });
    if (inView.length > 0 && inView.every((el) => customElements.get(el.localName) && rendered(el))) {
      first = performance.now();
      break;
    }
    if (performance.now() > deadline) throw new Error('the first screen did not render within 120 s');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  for (;;) {
    if (innerHeight + scrollY < document.documentElement.scrollHeight) scrollBy(0, innerHeight);
    const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('links-') && el.localName !== 'links-provider');
    const defined = elements.length > 0 && elements.every((el) => customElements.get(el.localName));
    if (defined) {
      await Promise.all(elements.map((el) => el.updateComplete));
      if (elements.every(rendered)) return { first, ms: performance.now(), elements: elements.length };
    }
    if (performance.now() > deadline) throw new Error('not every links-* element rendered within 120 s');
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
})()`;

const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [...CHROME_ARGS, '--window-size=1280,900'],
});
closers.unshift(() => browser.close());

async function load(url) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let requests = 0;
    let bytes = 0;
    cdp.on('Network.requestWillBeSent', () => (requests += 1));
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const done = await page.evaluate(ALL_RENDERED);
    if (errors.length > 0) throw new Error(`${url}: ${errors[0]}`);
    const devWarning = await page.evaluate(() => Boolean(globalThis.litIssuedWarnings?.size));
    return { requests, kb: bytes / 1024, first: done.first, ms: done.ms, elements: done.elements, devWarning };
  } finally {
    await context.close();
  }
}

async function measure(label, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(url));
  const result = {
    label,
    requests: median(runs.map((r) => r.requests)),
    kb: median(runs.map((r) => r.kb)),
    first: median(runs.map((r) => r.first)),
    ms: median(runs.map((r) => r.ms)),
    best: best(runs.map((r) => r.ms)),
    elements: runs[0].elements,
    litDevMode: runs[0].devWarning,
  };
  return result;
}

const exitCode = { value: 0 };
try {
  if (!intranetOnly)
    console.log(
      `\nTeam demo page load: cold, 1280×900, median of ${RUNS} load${RUNS === 1 ? '' : 's'}${service ? ', on the demo service' : ', this browser only'}`,
    );
  const rows = [];
  if (lighthouseOnly) console.log(`  (${intranetOnly ? '--intranet-only' : '--lighthouse-only'}: load table skipped)`);
  else if (productionBase) rows.push(await measure('npm start (production build)', `${productionBase}/examples/`));
  else
    console.log('  (production build not up to date: run "node scripts/build-demo.mjs"; tiny mode does not build it)');
  if (!lighthouseOnly) rows.push(await measure('npm run dev (dev server, source)', `${devBase}/examples/`));
  if (rows.length > 0)
    console.log(
      '  page                               requests  transferred KB  first screen (ms)  all rendered, scrolled through (ms, median / best)  elements',
    );
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(35)}${String(r.requests).padStart(8)}${r.kb.toFixed(0).padStart(16)}${r.first.toFixed(0).padStart(19)}${`${r.ms.toFixed(0)} / ${r.best.toFixed(0)}`.padStart(53)}${String(r.elements).padStart(10)}`,
    );
  }
  if (rows.length === 2) {
    const [prod, devRow] = rows;
    console.log(
      `  dev ÷ production: ${(devRow.requests / prod.requests).toFixed(1)}× requests, ${(devRow.kb / prod.kb).toFixed(1)}× KB, ${(devRow.ms / prod.ms).toFixed(1)}× time to all rendered (median), ${(devRow.best / prod.best).toFixed(1)}× (best)`,
    );
  }

  if (!tiny) await lighthouseRuns();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode.value = 1;
} finally {
  for (const close of closers) await close().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode.value);

// ---------------------------------------------------------------------------
// Lighthouse

async function lighthouseRuns() {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const pages = [
    ['team demo (npm start)', `${productionBase}/examples/`],
    ['intranet page (script tag)', `${productionBase}/examples/intranet/`],
  ].filter(([label]) => !intranetOnly || label.startsWith('intranet'));
  console.log(
    '\nLighthouse 12 (headless Chromium, simulated throttling): targets performance ≥ 95 desktop / ≥ 90 mobile, accessibility 100, CLS ≤ 0.05',
  );
  console.log('  page                          settings  performance  accessibility     CLS   LCP (ms)  TBT (ms)');
  for (const [label, url] of pages) {
    for (const formFactor of ['mobile', 'desktop']) {
      const chrome = await chromeLauncher.launch({
        chromePath: executablePath,
        chromeFlags: ['--headless=new', ...CHROME_ARGS],
      });
      try {
        const flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
        };
        const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        const score = (id) =>
          lhr.categories[id]?.score == null ? 'n/a' : String(Math.round(lhr.categories[id].score * 100));
        const audit = (id) => lhr.audits[id]?.numericValue;
        const cls = audit('cumulative-layout-shift');
        console.log(
          `  ${label.padEnd(30)}${formFactor.padEnd(10)}${score('performance').padStart(11)}${score('accessibility').padStart(15)}${(cls ?? NaN).toFixed(3).padStart(8)}${(audit('largest-contentful-paint') ?? NaN).toFixed(0).padStart(11)}${(audit('total-blocking-time') ?? NaN).toFixed(0).padStart(10)}`,
        );
        const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
        for (const shift of shifts.slice(0, 3)) {
          console.log(
            `      shift ${Number(shift.score).toFixed(3)}: ${shift.node?.snippet?.slice(0, 90) ?? '(unknown element)'}`,
          );
        }
      } finally {
        await chrome.kill();
      }
    }
  }
}
