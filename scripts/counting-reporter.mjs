// A @web/test-runner reporter that records how many tests passed and failed,
// for the one summary line of `npm test`.
import { writeCounts } from './lib.mjs';

function count(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A test file that failed to load counts as a failure even if it ran no test.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      writeCounts(process.env.LINKS_COUNTS ?? 'browser', totals);
    },
  };
}
