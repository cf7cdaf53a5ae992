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
// --tiny: a handful of rows and runs, to check the bench still runs (no figures judged).
const tiny = process.argv.includes('--tiny');
const referrals = tiny ? 200 : Number(process.env.BENCH_REFERRALS ?? 10_000);
const runs = tiny ? 2 : Number(process.env.BENCH_RUNS ?? 7);
const updates = tiny ? 3 : 21;

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
  let pageError;
  page.on('pageerror', (error) => {
    pageError = error;
    console.error(`page error: ${error.message}`);
  });
  const started = performance.now();
  await page.goto(
    `http://127.0.0.1:${port}/bench/browser/caseload.html?referrals=${referrals}&runs=${runs}&updates=${updates}`,
  );
  // A page that fails to load its modules never sets __bench: stop on its error instead of waiting.
  const deadline = Date.now() + (tiny ? 120_000 : 900_000);
  while (!(await page.evaluate('Boolean(window.__bench && window.__bench.done)'))) {
    if (pageError) throw pageError;
    if (Date.now() > deadline) throw new Error('the benchmark page did not finish');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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
  // Medians are over every run, the cold first run included (it is the first number of each list).
  console.log(
    `first render  <links-caseload>          median ${ms(result.first.oursMedian)}  best ${ms(result.first.oursBest)}  cold ${ms(result.first.ours[0])}  (runs: ${list(result.first.ours)})`,
  );
  console.log(
    `first render  Lit repeat of every row   median ${ms(result.first.baselineMedian)}  best ${ms(result.first.baselineBest)}  cold ${ms(result.first.baseline[0])}  (runs: ${list(
      result.first.baseline,
    )})`,
  );
  console.log(
    `ratio first render element / baseline: median ${(result.first.oursMedian / result.first.baselineMedian).toFixed(
      3,
    )}×, best vs best ${(result.first.oursBest / result.first.baselineBest).toFixed(3)}×  (target ≤ 0.25×)`,
  );
  console.log(
    `filter update <links-caseload>, until the new rows are in the DOM and laid out   median ${ms(
      result.filter.oursMedian,
    )}  best ${ms(result.filter.oursBest)}  (target ≤ 16 ms)  (runs: ${list(result.filter.ours)})`,
  );
  console.log(
    `filter update <links-caseload>, to the frame after that   median ${ms(result.filter.oursToFrameMedian)}`,
  );
  console.log(
    `filter update Lit repeat of every row, script + layout   median ${ms(result.filter.baselineMedian)}  best ${ms(result.filter.baselineBest)}`,
  );
  console.log(
    `ratio filter update element / baseline: median ${(result.filter.oursMedian / result.filter.baselineMedian).toFixed(3)}×, best vs best ${(
      result.filter.oursBest / result.filter.baselineBest
    ).toFixed(3)}×`,
  );
} finally {
  await browser.close();
  await server.stop();
}
