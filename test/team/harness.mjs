// A practice team in real browsers, for the two-person tests (team.test.mjs)
// and the push benchmark (bench/push.bench.mjs): a fresh Links service
// (`links serve --dev-auth` on PGlite in a temporary folder, on a free
// loopback port), the test page (test/team/index.html with its script
// bundled once by esbuild, Lit in production mode, as a host site would ship
// it) served by scripts/static-server.mjs, and one Chromium in which each
// person gets a browser context of their own (own cookies, storage,
// IndexedDB, connections and network conditions: two people on two devices).
//
//   const team = await startTeam();
//   const gp = await team.person('gp-ash', { show: 'refer,detail' });
//   …
//   await team.close();
/* global process, URLSearchParams, window, document -- Node, and functions run in the page */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import puppeteer from 'puppeteer-core';
import { DEMO_PEOPLE, DEMO_PRACTICES } from '@links-approach/server';
import { CHROME_ARGS, findChrome, NO_BROWSER_MESSAGE } from '../../scripts/browser.mjs';
import { root } from '../../scripts/lib.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import {
  append as appendOverHttp,
  devToken,
  readReferral,
  removeDir,
  request,
  startServer,
} from '../../packages/server/test/process/helpers.mjs';

const require = createRequire(import.meta.url);
const here = join(root, 'test/team');

/** A bound on waits for something a person should see (never a timing check: see {@link timed}). */
export const SEE_WITHIN_MS = Number(process.env.LINKS_TEAM_WAIT_MS ?? 15_000);

/** People besides the demo users: a second practice manager at Ash Street, so two managers can edit one plan. */
const EXTRA_PEOPLE = [
  {
    id: 'pm-ash-2',
    name: 'I. Demo (practice manager, Ash Street)',
    role: 'practice-manager',
    practices: ['practice-ash'],
  },
  // A second CLP at Ash Street, who shares a device with the first (the shared-device test of hazard H-31).
  { id: 'clp-ash-2', name: 'J. Demo (CLP, Ash Street)', role: 'clp', practices: ['practice-ash'] },
];

/** Bundles the page's script (production Lit, minified) and copies the page into `dir`. */
async function buildPage(dir) {
  await build({
    entryPoints: [join(here, 'page.js')],
    outfile: join(dir, 'page.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Minified as a site would ship it, with names kept so a page error's stack says where.
    minifySyntax: true,
    minifyWhitespace: true,
    conditions: ['@links-approach/source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'error',
  });
  copyFileSync(join(here, 'index.html'), join(dir, 'index.html'));
}

/**
 * Starts the service, the page and Chromium. Resolves the team: `person()`
 * opens a signed-in person's page in a new browser context; `api` talks to
 * the service directly (for setting up and for checking what reached it).
 */
export async function startTeam() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'links-team-'));
  const siteDir = join(dir, 'site');
  const dataDir = join(dir, 'data');
  const config = join(dir, 'service-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      kind: 'links.service-config',
      practices: DEMO_PRACTICES,
      people: [...DEMO_PEOPLE, ...EXTRA_PEOPLE],
    }),
  );
  const cleanups = [() => removeDir(dir)];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep closing the rest.
      }
    }
  };
  try {
    mkdirSync(siteDir);
    mkdirSync(dataDir);
    const [site] = await Promise.all([startStaticServer({ roots: [siteDir], port: 0 }), buildPage(siteDir)]);
    cleanups.push(() => new Promise((resolve) => site.close(resolve)));
    const pageOrigin = `http://127.0.0.1:${site.address().port}`;
    const server = await startServer({ dataDir, args: ['--allow-origin', pageOrigin, '--config', config] });
    cleanups.push(() => server.stop());
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROME_ARGS, '--window-size=1280,900'],
      protocolTimeout: 120_000,
    });
    cleanups.push(() => browser.close());

    const tokens = new Map();
    const token = async (user) => {
      if (!tokens.has(user)) tokens.set(user, await devToken(server.url, user));
      return tokens.get(user);
    };
    return {
      serviceUrl: server.url,
      pageOrigin,
      browser,
      close,
      /**
       * Opens the test page signed in as `user`, in a browser context of its
       * own, with the sections and parameters of `query` (see page.js). With
       * `on.context`, in that context instead: the same device (its
       * IndexedDB) as whoever opened it, e.g. a shared device.
       */
      async person(user, query = {}, on = {}) {
        const context = on.context ?? (await browser.createBrowserContext());
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) =>
          errors.push(
            `${error.message} (${
              String(error.stack ?? '')
                .split('\n')[1]
                ?.trim() ?? ''
            })`,
          ),
        );
        await page.evaluateOnNewDocument(PAGE_HELPERS);
        const params = new URLSearchParams({ service: server.url, user, ...query });
        await page.goto(`${pageOrigin}/index.html?${params}`, { waitUntil: 'load' });
        await page.evaluate(() => window.__team.ready);
        return { user, page, context, errors };
      },
      api: {
        token,
        /** Appends an event as `user` (the service sets the actor from the token). */
        async append(user, event, expectedVersion) {
          const response = await appendOverHttp(server.url, await token(user), event, { expectedVersion });
          if (response.status !== 201)
            throw new Error(`append ${event.type} as ${user} → ${response.status} ${JSON.stringify(response.body)}`);
          return response.body;
        },
        /** The referral as `user` reads it: `{ referral, events }`. */
        read: async (user, id) => readReferral(server.url, await token(user), id),
        /** GET a path under /api as `user`: `{ status, body }`. */
        get: async (user, path) => request(`${server.url}/api/${path}`, { token: await token(user) }),
        /** Saves a plan as `user` (PUT with the expected revision). */
        async savePlan(user, plan, expectedRevision) {
          const response = await request(`${server.url}/api/plans/${encodeURIComponent(plan.id)}`, {
            method: 'PUT',
            token: await token(user),
            headers: { 'if-match': `"${expectedRevision}"` },
            body: plan,
          });
          if (response.status !== 200 && response.status !== 201)
            throw new Error(`save plan as ${user} → ${response.status} ${JSON.stringify(response.body)}`);
          return response.body;
        },
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs `action`, then waits until `page` shows what `seen` (a function run
 * in the page) finds, for at most {@link SEE_WITHIN_MS}. Resolves the
 * milliseconds from the start of the action until it was seen: a figure to
 * print, never to assert (the page is polled every animation frame, so it is
 * within about one frame).
 */
export async function timed(action, page, seen, ...args) {
  const started = performance.now();
  await action();
  await page.waitForFunction(seen, { timeout: SEE_WITHIN_MS, polling: 'raf' }, ...args);
  return performance.now() - started;
}

/** Waits until `seen` (run in the page) is truthy, at most {@link SEE_WITHIN_MS}; resolves its value. */
export async function see(page, seen, ...args) {
  const handle = await page.waitForFunction(seen, { timeout: SEE_WITHIN_MS, polling: 100 }, ...args);
  return handle.jsonValue();
}

/**
 * Test helpers defined in each page (as `window.t`), for the functions the
 * tests run there: shadow-DOM lookups by element tag and visible text.
 */
const PAGE_HELPERS = `window.t = {
  text: (node) => (node && node.textContent ? node.textContent.replace(/\\s+/g, ' ').trim() : ''),
  root: (tag) => document.querySelector(tag)?.shadowRoot ?? null,
  q: (tag, selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector) ?? null,
  qa: (tag, selector) => [...(document.querySelector(tag)?.shadowRoot?.querySelectorAll(selector) ?? [])],
  button: (tag, label, selector = 'button') => t.qa(tag, selector).find((b) => t.text(b) === label) ?? null,
  /** The referral detail's status badge once it shows referral \`id\`, else ''. */
  detailStatus: (id) =>
    t.text(t.q('links-referral-detail', 'h2')) === 'Referral ' + id ? t.text(t.q('links-referral-detail', '[part="status"]')) : '',
  /** How many of the referral detail's timeline entries wait to be sent. */
  waiting: () => t.qa('links-referral-detail', '.tag.waiting').length,
  /** The caseload's rendered rows' text (scrolled into view first: the list renders only the rows on screen). */
  rows: () => {
    document.querySelector('links-caseload')?.scrollIntoView();
    return t.qa('links-caseload', '[part="row"]').map(t.text);
  },
  /** The plan editor's autosave state. */
  saveState: () => document.querySelector('links-plan-editor')?.saveState,
  deepText: (node = document.body) => {
    let out = '';
    const walk = (n) => {
      if (n.nodeType === 3) out += n.textContent + ' ';
      if (n.shadowRoot) walk(n.shadowRoot);
      for (const child of n.childNodes) walk(child);
    };
    walk(node);
    return out.replace(/\\s+/g, ' ');
  },
};`;

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * axe-core's violations for the element `selector` names (its shadow DOM
 * included), as "rule: target" lines: [] when it is clean.
 */
export async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    );
  }, selector);
}
