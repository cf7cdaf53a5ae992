// `npm test`: every gate — typecheck, lint, formatting (Prettier), node tests, the service's tests (PGlite and PostgreSQL),
// browser tests, screenshots, build, package checks, bundle budgets, a tiny run of every benchmark —
// then one summary line `N passed, N failed` counting every test and check it ran. Any failure fails the command; later
// steps still run so one run shows every problem.
//
// The gates run in two lanes at once (this machine, and CI's, has two cores):
// each lane runs its steps in order; a step's output is printed whole when it
// ends, so the two lanes' logs do not interleave. `LINKS_CHECK_LANES=1` runs
// everything in one lane, in order, with live output.
import { rmSync } from 'node:fs';
import { countsDir, readCounts, runCommand, runQuiet } from './lib.mjs';

rmSync(countsDir, { recursive: true, force: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

/** Two lanes of about equal length; a step's `needs` must sit earlier in the same lane. */
const lanes = [
  [
    { name: 'typecheck', script: 'typecheck' },
    { name: 'lint', script: 'lint' },
    { name: 'formatting', script: 'format:check' },
    { name: 'node tests', script: 'test:node', counts: 'node' },
    { name: 'server tests', script: 'test:server', counts: 'server' },
    { name: 'changeset dry run', script: 'changeset:dry-run' },
    { name: 'two-person tests', script: 'test:team', counts: 'node' },
    { name: 'screenshots', script: 'test:visual', counts: 'visual' },
  ],
  [
    { name: 'build', script: 'build' },
    { name: 'script-tag page', script: 'test:bundle', counts: 'bundle', needs: 'build' },
    { name: 'package checks', script: 'pkgcheck', counts: 'pkgcheck', needs: 'build' },
    { name: 'bundle budgets', script: 'size', counts: 'size', needs: 'build' },
    { name: 'browser tests', script: 'test:browser', counts: 'browser' },
    { name: 'bench smoke', script: 'bench:smoke' },
  ],
];

const oneLane = process.env.LINKS_CHECK_LANES === '1';
const failedSteps = new Set();
const results = new Map();
/** The last lines each failed step printed, repeated above the summary so a log's tail says why. */
const failureTails = new Map();
const TAIL_LINES = 25;

async function runStep(step) {
  if (step.needs && failedSteps.has(step.needs)) {
    console.log(`\n━━ ${step.name} ━━\nskipped: ${step.needs} failed`);
    failedSteps.add(step.name);
    results.set(step, { passed: 0, failed: 1 });
    return;
  }
  const t0 = Date.now();
  let code;
  if (oneLane) {
    console.log(`\n━━ ${step.name} ━━`);
    code = await runCommand(npm, ['run', '--silent', step.script]);
  } else {
    console.log(`… ${step.name} started`);
    const result = await runQuiet(npm, ['run', '--silent', step.script], { printOnFailure: false });
    code = result.code;
    console.log(`\n━━ ${step.name} ━━`);
    process.stdout.write(result.output);
    if (code !== 0) failureTails.set(step.name, result.output.trimEnd().split('\n').slice(-TAIL_LINES).join('\n'));
  }
  const counted = step.counts ? readCounts(step.counts) : undefined;
  const passed = counted ? counted.passed : code === 0 ? 1 : 0;
  let failed = counted ? counted.failed : code === 0 ? 0 : 1;
  if (code !== 0 && failed === 0) failed = 1;
  if (code !== 0) failedSteps.add(step.name);
  results.set(step, { passed, failed, seconds: (Date.now() - t0) / 1000 });
}

async function runLane(steps) {
  for (const step of steps) await runStep(step);
}

if (oneLane) await runLane(lanes.flat());
else await Promise.all(lanes.map(runLane));

for (const [name, tail] of failureTails) console.log(`\n━━ why ${name} failed (its last lines) ━━\n${tail}`);
console.log('\n━━ summary ━━');
let passed = 0;
let failed = 0;
for (const step of lanes.flat()) {
  const result = results.get(step);
  passed += result.passed;
  failed += result.failed;
  const mark = result.failed ? '✗' : '✓';
  const time = result.seconds !== undefined ? `  (${result.seconds.toFixed(1)} s)` : '';
  console.log(
    `${mark} ${step.name.padEnd(18)} ${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed${time}`,
  );
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
