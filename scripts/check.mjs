// `npm test`: every gate, in order — typecheck, lint, node tests, browser
// tests, build, package checks, bundle budgets — then one summary line
// `N passed, N failed` counting every test and check it ran. Any failure
// fails the command; later steps still run so one run shows every problem.
import { rmSync } from 'node:fs';
import { countsDir, readCounts, runCommand } from './lib.mjs';

rmSync(countsDir, { recursive: true, force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

const steps = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'node tests', script: 'test:node', counts: 'node' },
  { name: 'browser tests', script: 'test:browser', counts: 'browser' },
  { name: 'build', script: 'build' },
  { name: 'script-tag page', script: 'test:bundle', counts: 'bundle', needs: 'build' },
  { name: 'package checks', script: 'pkgcheck', counts: 'pkgcheck', needs: 'build' },
  { name: 'changeset dry run', script: 'changeset:dry-run' },
  { name: 'bundle budgets', script: 'size', counts: 'size', needs: 'build' },
];

const results = [];
const failedSteps = new Set();
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  if (step.needs && failedSteps.has(step.needs)) {
    console.log(`skipped: ${step.needs} failed`);
    results.push({ step, passed: 0, failed: 1 });
    failedSteps.add(step.name);
    continue;
  }
  const t0 = Date.now();
  const code = await runCommand(npm, ['run', '--silent', step.script]);
  const counted = step.counts ? readCounts(step.counts) : undefined;
  const passed = counted ? counted.passed : code === 0 ? 1 : 0;
  let failed = counted ? counted.failed : code === 0 ? 0 : 1;
  if (code !== 0 && failed === 0) failed = 1;
  if (code !== 0) failedSteps.add(step.name);
  results.push({ step, passed, failed, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n━━ summary ━━');
for (const { step, passed, failed, seconds } of results) {
  const mark = failed ? '✗' : '✓';
  console.log(`${mark} ${step.name.padEnd(15)} ${String(passed).padStart(4)} passed ${String(failed).padStart(3)} failed${seconds !== undefined ? `  (${seconds.toFixed(1)} s)` : ''}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
