// Screenshot tests (`npm run test:visual`): every element in its main states
// at 320, 768 and 1,280 px, compared with the baselines committed under
// test/visual/baseline/. A changed look fails until the baselines are
// updated on purpose:
//   npm run test:visual -- --update-visual-baseline
// Failed screenshots and their diffs go to test/visual/failed/ (not committed).
// Fonts are pinned: the page loads Arimo (metrically the same as Arial, the
// toolkit's fallback font) from @fontsource/arimo, so the pictures do not
// depend on the machine's fonts. See docs/guides/responsive.md.
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { CHROME_ARGS, findChrome, NO_BROWSER_MESSAGE } from './scripts/browser.mjs';
import { devPlugins, nodeResolve } from './scripts/dev-plugins.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

/**
 * How different a screenshot may be before the test fails: pixelmatch's
 * per-pixel colour threshold 0.1 (anti-aliasing is ignored), and at most 0.1%
 * of the pixels changed (a one-character change in a line of text is more).
 */
export const VISUAL_THRESHOLD = { pixel: 0.1, percent: 0.1 };

export default {
  files: ['packages/components/src/internal/quality/visual.test.ts'],
  nodeResolve,
  plugins: [
    ...devPlugins,
    visualRegressionPlugin({
      update: process.argv.includes('--update-visual-baseline'),
      baseDir: 'test/visual',
      getBaselineName: ({ name }) => `baseline/${name}`,
      getDiffName: ({ name }) => `failed/${name}-diff`,
      getFailedName: ({ name }) => `failed/${name}`,
      diffOptions: { threshold: VISUAL_THRESHOLD.pixel, includeAA: false },
      failureThreshold: VISUAL_THRESHOLD.percent,
      failureThresholdType: 'percent',
    }),
  ],
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 600_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: [...CHROME_ARGS, '--font-render-hinting=none'] },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"><title>links-approach screenshots</title>
        <link rel="stylesheet" href="/node_modules/@fontsource/arimo/400.css">
        <link rel="stylesheet" href="/node_modules/@fontsource/arimo/700.css">
        <style>
          :root { --links-font-family: Arimo; font-family: Arimo; background: #fff; }
          body { margin: 0; padding: 8px; }
          *, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
        </style>
      </head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
};
