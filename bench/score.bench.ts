// Plan maturity scoring of 10,000 realistic plans (7 capacities × 3 measures ×
// 24 monthly points each), against JSON.parse of the same documents:
//   scoring ÷ parsing     (target ≤ 1.0×)
//   validation ÷ parsing  (target ≤ 3×; validatePlan = schema + plan rules)
// Prints plans/s and the ratios, measured in the same run; asserts nothing.
// Run: node --conditions=@links-approach/source --import tsx bench/score.bench.ts
import { generateDemoData, scorePlan, validatePlan, type Plan } from '@links-approach/core';

const PLANS = Number(process.env.BENCH_PLANS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 1_000;

function makeDocuments(): string[] {
  const data = generateDemoData({
    practices: PLANS,
    seed: 'bench',
    measuresPerCapacity: 3,
    allMeasuresFromStart: true,
    months: 24,
    revisionEveryMonths: 24,
    selfAssessment: false,
  });
  return data.plans.map((plan) => JSON.stringify(plan));
}

interface Times {
  parse: number;
  score: number;
  validate: number;
}

/** One pass over all documents, batch by batch (so only one batch of parsed plans is alive at a time). */
function pass(documents: readonly string[]): Times & { checksum: number } {
  const times: Times = { parse: 0, score: 0, validate: 0 };
  let checksum = 0;
  for (let start = 0; start < documents.length; start += BATCH) {
    const batch = documents.slice(start, start + BATCH);
    let t = performance.now();
    const parsed: Plan[] = batch.map((text) => JSON.parse(text) as Plan);
    times.parse += performance.now() - t;

    t = performance.now();
    for (const plan of parsed) checksum += scorePlan(plan).overall.mean;
    times.score += performance.now() - t;

    t = performance.now();
    for (const plan of parsed) if (validatePlan(plan).ok) checksum += 1;
    times.validate += performance.now() - t;
  }
  return { ...times, checksum };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

const documents = makeDocuments();
const sample = JSON.parse(documents[0]!) as Plan;
const shape = Object.values(sample.capacities);
const points = shape.reduce((n, c) => n + c.measures.reduce((m, x) => m + x.points.length, 0), 0);
const bytes = documents.reduce((n, d) => n + d.length, 0);
console.log(
  `${documents.length} plans, ${shape.length} capacities × ${
    shape[0]!.measures.length
  } measures, ${points} points each; ${(bytes / documents.length / 1024).toFixed(1)} KiB per document`,
);

pass(documents.slice(0, 2 * BATCH)); // warm-up
const runs: (Times & { checksum: number })[] = [];
for (let i = 0; i < RUNS; i++) runs.push(pass(documents));
if (new Set(runs.map((r) => r.checksum)).size !== 1) throw new Error('runs disagree');

const t = {
  parse: median(runs.map((r) => r.parse)),
  score: median(runs.map((r) => r.score)),
  validate: median(runs.map((r) => r.validate)),
};
const perSecond = (ms: number) => Math.round((documents.length / ms) * 1000).toLocaleString('en-GB');
console.log(`JSON.parse          ${t.parse.toFixed(0).padStart(6)} ms  ${perSecond(t.parse).padStart(9)} plans/s`);
console.log(`scorePlan           ${t.score.toFixed(0).padStart(6)} ms  ${perSecond(t.score).padStart(9)} plans/s`);
console.log(
  `validatePlan        ${t.validate.toFixed(0).padStart(6)} ms  ${perSecond(t.validate).padStart(9)} plans/s`,
);
console.log(`scoring ÷ parsing     ${(t.score / t.parse).toFixed(2)}×  (target ≤ 1.0×)`);
console.log(`validation ÷ parsing  ${(t.validate / t.parse).toFixed(2)}×  (target ≤ 3×)`);
console.log(`(median of ${RUNS} runs)`);
