// Runs the service's tests (packages/server) with node's test runner, on
// PGlite always and on a real PostgreSQL too: LINKS_TEST_DATABASE_URL when
// set (.ci/run sets it), otherwise a throw-away cluster started here
// (scripts/postgres.mjs). Locally the PostgreSQL suites are skipped, with the
// reason printed, only when no PostgreSQL can be started; with CI=true that
// fails the run instead. Pass file paths to run only those.
import { rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { findFiles, runCommand, writeCounts } from './lib.mjs';
import { startPostgres } from './postgres.mjs';

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : findFiles('packages/server', /\.test\.(ts|mjs)$/);

let cluster;
const env = { ...process.env };
if (!env.LINKS_TEST_DATABASE_URL) {
  try {
    cluster = await startPostgres();
    env.LINKS_TEST_DATABASE_URL = cluster.url;
    console.log(`server tests: PostgreSQL started for this run at ${cluster.url}`);
  } catch (error) {
    if (process.env.CI === 'true') {
      console.error(`server tests: PostgreSQL could not be started and CI must not skip its tests: ${error.message}`);
      writeCounts('server', { passed: 0, failed: 1 });
      console.log('server tests: 0 passed, 1 failed');
      process.exit(1);
    }
    console.log(`server tests: the PostgreSQL suites are SKIPPED: ${error.message}`);
  }
}

const tap = join(tmpdir(), `links-server-tests-${process.pid}.tap`);
let code;
try {
  code = await runCommand(
    process.execPath,
    [
      '--conditions=@links-approach/source',
      '--import', 'tsx',
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { env },
  );
} finally {
  cluster?.stop();
}

let passed = 0;
let failed = 0;
try {
  const text = readFileSync(tap, 'utf8');
  passed = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(text)?.[1] ?? 0);
  rmSync(tap);
} catch {
  failed = Math.max(failed, 1);
}
if (code !== 0 && failed === 0) failed = 1;
writeCounts('server', { passed, failed });
console.log(`server tests: ${passed} passed, ${failed} failed`);
process.exitCode = code;
