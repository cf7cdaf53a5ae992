import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { CHROME_ARGS, findChrome, NO_BROWSER_MESSAGE } from './scripts/browser.mjs';
import { devPlugins, nodeResolve } from './scripts/dev-plugins.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { linksServicePlugin } from './scripts/test-service-plugin.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

export default {
  files: [
    'packages/components/src/**/*.test.ts',
    'packages/react/src/**/*.test.ts',
    'examples/demo/*.test.ts',
    // Screenshots run in their own config (web-test-runner.visual.config.mjs, `npm run test:visual`).
    '!packages/components/src/internal/quality/visual.test.ts',
  ],
  nodeResolve,
  // A real Links service for the tests that ask for one (GET /__links-service): see scripts/test-service-plugin.mjs.
  plugins: [...devPlugins, linksServicePlugin()],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  // Generous: in `npm test` the browser tests share two cores with the other lane (typecheck, node tests),
  // and a file's first test also waits for its modules to compile. A bound on hangs, not a timing check.
  testFramework: { config: { timeout: 30_000 } },
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en-GB">
      <head><meta charset="utf-8"><title>links-approach tests</title></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
};
