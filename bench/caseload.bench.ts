// caseloadMetrics over 100,000 referrals, with a same-run baseline: a bare loop
// that only counts referrals by status (the least any caseload figure costs). Also the
// caseload list pipeline a component runs (rows, one filter, one sort).
// The Chromium benchmark of <links-caseload> is bench/caseload-browser.bench.mjs.
// Prints figures and same-run ratios; asserts nothing.
import { generateDemoReferrals } from '@links-approach/core/demo-data';
import {
  caseloadMetrics,
  caseloadRows,
  filterCaseload,
  replay,
  sortCaseload,
  type ReferralState,
} from '@links-approach/core/referral';
import { best, median } from './stats.mjs';

// --tiny: a few hundred referrals, 2 runs: checks the bench still runs (no figures judged).
const tiny = process.argv.includes('--tiny');
const TARGET = tiny ? 300 : Number(process.env.BENCH_REFERRALS ?? 100_000);
const RUNS = tiny ? 2 : Number(process.env.BENCH_RUNS ?? 9);
const AS_OF = '2025-03-31T12:00:00Z';

const practices = Array.from({ length: 68 }, (_, i) => ({
  id: `practice-${i + 1}`,
  listSize: 4000 + ((i * 977) % 8000),
}));
const started = performance.now();
const doc = generateDemoReferrals({
  practices,
  seed: 7,
  asOf: AS_OF,
  referralsPerPractice: Math.ceil(TARGET / 68) + 20,
});
const referrals: readonly ReferralState[] = replay(doc.events, { trusted: true }).state.referrals.slice(0, TARGET);
console.log(
  `${referrals.length.toLocaleString('en-GB')} referrals (${doc.events.length.toLocaleString(
    'en-GB',
  )} events) generated and replayed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

function countByStatus(list: readonly ReferralState[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of list) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

function measure(name: string, fn: () => unknown): number[] {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

const options = { asOf: AS_OF, practices };

const metrics = measure('metrics', () => caseloadMetrics(referrals, options));
const bare = measure('bare', () => countByStatus(referrals));
const rows = measure('rows', () => caseloadRows(referrals, { asOf: AS_OF }));
const rowList = caseloadRows(referrals, { asOf: AS_OF });
const filter = measure('filter', () =>
  filterCaseload(rowList, { statuses: ['requested', 'in-progress'], themeId: 'navigating-systems' }),
);
const sort = measure('sort', () => sortCaseload(rowList, { key: 'updatedAt', direction: 'descending' }));

const m = caseloadMetrics(referrals, options);
const line = (label: string, xs: number[]) =>
  `${label.padEnd(42)} median ${median(xs).toFixed(1).padStart(7)} ms   best ${best(xs).toFixed(1).padStart(7)} ms`;
console.log(line(`caseloadMetrics (${referrals.length.toLocaleString('en-GB')} referrals)`, metrics));
console.log(line('baseline: bare count by status', bare));
console.log(
  `ratio caseloadMetrics / bare count: ${(median(metrics) / median(bare)).toFixed(1)}× (median), ${(
    best(metrics) / best(bare)
  ).toFixed(1)}× (best)`,
);
console.log(line('caseloadRows (derive list rows)', rows));
console.log(line('filterCaseload (2 statuses + 1 theme)', filter));
console.log(line('sortCaseload (by last update)', sort));
console.log(
  `figures: ${m.referrals.toLocaleString('en-GB')} referrals made, ${m.people.toLocaleString(
    'en-GB',
  )} people, seen 3+ ${Math.round((m.seenThreeOrMore.share ?? 0) * 100)}%, ` +
    `median days to response ${m.daysToResponse.median}, to first contact ${
      m.daysToFirstContact.median
    }, active ${m.active.toLocaleString('en-GB')}, overdue ${m.overdue}`,
);
