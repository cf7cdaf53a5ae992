// Runs the component tests in real Chromium with @web/test-runner. Extra
// arguments go to the runner, e.g. --files 'packages/components/src/x/*.test.ts'.
import { runCommand } from './lib.mjs';
import { readCounts } from './lib.mjs';

const code = await runCommand(process.execPath, [
  'node_modules/@web/test-runner/dist/bin.js',
  '--config',
  'web-test-runner.config.mjs',
  ...process.argv.slice(2),
]);
const counts = readCounts(process.env.LINKS_COUNTS ?? 'browser') ?? { passed: 0, failed: 1 };
console.log(`browser tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = code;
