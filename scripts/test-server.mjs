// Runs the service's tests (packages/server) with node's test runner, on
// PGlite always and on a real PostgreSQL too: LINKS_TEST_DATABASE_URL when
// set (.ci/run sets it), otherwise a throw-away cluster started here
// (scripts/postgres.mjs). Locally the PostgreSQL suites are skipped, with the
// reason printed, only when no PostgreSQL can be started; with CI=true that
// fails the run instead. Pass file paths to run only those.
import { findFiles, runNodeTests, writeCounts } from './lib.mjs';
import { startPostgres } from './postgres.mjs';

const files =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : findFiles('packages/server', /\.test\.(ts|mjs)$/);

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

let code;
try {
  code = await runNodeTests('server', files, { env });
} finally {
  cluster?.stop();
}
process.exitCode = code;
