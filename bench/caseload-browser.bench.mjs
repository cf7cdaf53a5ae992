// In Chromium: first render and one filter update of <links-caseload> with
// 10,000 referrals, against a plain Lit `repeat` of all rows as the baseline in
// the same run (targets: first render ≤ 0.25× the baseline; the filter update
// within one 16 ms frame at the median). Lit's production build is served.
// Prints figures and same-run ratios; asserts nothing. Needs Chromium (see
// scripts/browser.mjs; CHROME_PATH overrides).
import { startDevServer } from '@web/dev-server';
import puppeteer from 'puppeteer-core';
import { devPlugins } from '../scripts/dev-plugins.mjs';
import { CHROME_ARGS, findChrome, NO_BROWSER_MESSAGE } from '../scripts/browser.mjs';
import { root } from '../scripts/lib.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.log(NO_BROWSER_MESSAGE);
  process.exit(0);
}
const referrals = Number(process.env.BENCH_REFERRALS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    hostname: '127.0.0.1',
    // No "development" condition: Lit's production build, as a host page would ship.
    nodeResolve: { exportConditions: ['@links-approach/source', 'browser', 'production'] },
    plugins: [
      devPlugins[0],
      {
        name: 'links-bench-node-env',
        transform(context) {
          if (
            context.response.is('js') &&
            typeof context.body === 'string' &&
            context.body.includes('process.env.NODE_ENV')
          ) {
            return { body: context.body.replaceAll('process.env.NODE_ENV', '"production"') };
          }
          return undefined;
        },
      },
    ],
    watch: false,
    clearTerminalOnReload: false,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const address = server.server?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [...CHROME_ARGS, '--window-size=1280,900'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const started = performance.now();
  await page.goto(`http://127.0.0.1:${port}/bench/browser/caseload.html?referrals=${referrals}&runs=${runs}`);
  await page.waitForFunction('window.__bench && window.__bench.done', { timeout: 900_000, polling: 500 });
  const result = await page.evaluate('window.__bench');
  if (result.error) throw new Error(result.error);
  const ms = (x) => `${x.toFixed(1)} ms`;
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(
    `Chromium ${await browser.version()}, ${result.referrals.toLocaleString('en-GB')} referrals, ${runs} runs (${(
      (performance.now() - started) /
      1000
    ).toFixed(0)} s)`,
  );
  console.log(
    `first render  <links-caseload>          median ${ms(result.first.oursMedian)}  (runs: ${list(result.first.ours)})`,
  );
  console.log(
    `first render  Lit repeat of every row   median ${ms(result.first.baselineMedian)}  (runs: ${list(
      result.first.baseline,
    )})`,
  );
  console.log(
    `ratio first render element / baseline: ${(result.first.oursMedian / result.first.baselineMedian).toFixed(
      3,
    )}×  (target ≤ 0.25×)`,
  );
  console.log(
    `filter update <links-caseload>, script + layout   median ${ms(
      result.filter.oursMedian,
    )}  (target ≤ 16 ms)  (runs: ${list(result.filter.ours)})`,
  );
  console.log(
    `filter update <links-caseload>, to the next frame with the new rows   median ${ms(
      result.filter.oursToFrameMedian,
    )}`,
  );
  console.log(`filter update Lit repeat of every row, script + layout   median ${ms(result.filter.baselineMedian)}`);
  console.log(
    `ratio filter update element / baseline: ${(result.filter.oursMedian / result.filter.baselineMedian).toFixed(3)}×`,
  );
} finally {
  await browser.close();
  await server.stop();
}
