// Screenshot tests in real Chromium (web-test-runner.visual.config.mjs):
// every element at 320, 768 and 1,280 px against the committed baselines in
// test/visual/baseline/. Update the baselines on purpose with
//   npm run test:visual -- --update-visual-baseline
import { runCommand, readCounts } from './lib.mjs';

process.env.LINKS_COUNTS ??= 'visual';
const code = await runCommand(process.execPath, [
  'node_modules/@web/test-runner/dist/bin.js',
  '--config',
  'web-test-runner.visual.config.mjs',
  ...process.argv.slice(2),
]);
const counts = readCounts(process.env.LINKS_COUNTS) ?? { passed: 0, failed: 1 };
console.log(`visual tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = code;
