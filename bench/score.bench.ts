// Plan maturity scoring of 10,000 realistic plans (7 capacities × 3 measures ×
// 24 monthly points each), against JSON.parse of the same documents:
//   scoring ÷ parsing     (target ≤ 1.0×)
//   validation ÷ parsing  (target ≤ 3×; validatePlan = JSON safety checks +
//                          schema + plan rules, with the schema compiled by
//                          enableCompiledPlanValidation(), as bulk hosts run it)
// and, for comparison, validatePlan on the interpreted schema (the default,
// which browsers use: no target).
// Prints plans/s and the ratios, measured in the same run; asserts nothing.
// Run: node --conditions=@links-approach/source --import tsx bench/score.bench.ts
import { generateDemoData } from '@links-approach/core/demo-data';
import { scorePlan } from '@links-approach/core/maturity';
import { enableCompiledPlanValidation, validatePlan, type Plan } from '@links-approach/core/plan';

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
  interpreted: number;
}

function validateAll(plans: readonly Plan[]): number {
  let valid = 0;
  for (const plan of plans) if (validatePlan(plan).ok) valid += 1;
  return valid;
}

/** One pass over all documents, batch by batch (so only one batch of parsed plans is alive at a time). */
function pass(documents: readonly string[]): Times & { checksum: number } {
  const times: Times = { parse: 0, score: 0, validate: 0, interpreted: 0 };
  let checksum = 0;
  for (let start = 0; start < documents.length; start += BATCH) {
    const batch = documents.slice(start, start + BATCH);
    let t = performance.now();
    const parsed: Plan[] = batch.map((text) => JSON.parse(text) as Plan);
    times.parse += performance.now() - t;

    t = performance.now();
    for (const plan of parsed) checksum += scorePlan(plan).overall.mean;
    times.score += performance.now() - t;

    enableCompiledPlanValidation();
    t = performance.now();
    checksum += validateAll(parsed);
    times.validate += performance.now() - t;

    enableCompiledPlanValidation(false);
    t = performance.now();
    checksum += validateAll(parsed);
    times.interpreted += performance.now() - t;
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
  interpreted: median(runs.map((r) => r.interpreted)),
};
const perSecond = (ms: number) => Math.round((documents.length / ms) * 1000).toLocaleString('en-GB');
const line = (label: string, ms: number) =>
  console.log(`${label.padEnd(27)} ${ms.toFixed(0).padStart(6)} ms  ${perSecond(ms).padStart(9)} plans/s`);
line('JSON.parse', t.parse);
line('scorePlan', t.score);
line('validatePlan', t.validate);
line('validatePlan (interpreted)', t.interpreted);
const ratio = (label: string, value: number, note: string) =>
  console.log(`${label.padEnd(33)} ${value.toFixed(2)}×  (${note})`);
ratio('scoring ÷ parsing', t.score / t.parse, 'target ≤ 1.0×');
ratio('validation ÷ parsing', t.validate / t.parse, 'target ≤ 3×');
ratio('interpreted validation ÷ parsing', t.interpreted / t.parse, 'no target');
console.log(`(median of ${RUNS} runs)`);
