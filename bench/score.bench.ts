// Plan maturity scoring and validation against JSON.parse of the same
// documents, for two sets of plans:
//   large:  10,000 realistic plans (7 capacities × 3 measures × 24 monthly points)
//   sample: examples/data/sample-plan.json (the 10 KB example), 10,000 times
// Ratios (targets):
//   scoring ÷ parsing     (≤ 1.0×)
//   validation ÷ parsing  (≤ 3×; validatePlan = the schema's hand-written fast
//                          path (no eval: the same in Node and browsers) +
//                          plan rules; the default everywhere)
//   interpreted validation ÷ parsing (zod's interpreted schema alone, with
//                          enableCompiledPlanValidation(false); no target)
//
// Fair baselines: every phase (parse, score, validate, interpreted validate)
// runs in its own child process (node --expose-gc) with the same warm-up, the
// same batches (1,000 documents parsed, then the phase's work, then dropped)
// and a forced GC before each timed run, so garbage left by one phase never
// lands on another's clock. Each phase's time covers only its own work (the
// parse phase times JSON.parse; the others time their work on parsed plans).
// Prints the median and the best run of each, and ratios median-vs-median
// and best-vs-best; asserts nothing.
//
//   node --conditions=@links-approach/source --import tsx bench/score.bench.ts [--tiny]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan } from '@links-approach/core/plan';
import { best, median } from './stats.mjs';

type Phase = 'parse' | 'score' | 'validate' | 'interpreted';
const PHASES: readonly Phase[] = ['parse', 'score', 'validate', 'interpreted'];
const BATCH = 1_000;

// ── child: one phase over one set of documents ─────────────────────────────
if (process.env.LINKS_SCORE_BENCH_PHASE) {
  const phase = process.env.LINKS_SCORE_BENCH_PHASE as Phase;
  const runs = Number(process.env.LINKS_SCORE_BENCH_RUNS);
  const { scorePlan } = await import('@links-approach/core/maturity');
  const { enableCompiledPlanValidation, validatePlan } = await import('@links-approach/core/plan');
  const documents = JSON.parse(readFileSync(process.env.LINKS_SCORE_BENCH_FILE!, 'utf8')) as string[];
  enableCompiledPlanValidation(phase === 'validate');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the phase with --expose-gc');
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  const pass = (docs: readonly string[]): { ms: number; cpu: number; checksum: number } => {
    let ms = 0;
    let cpu = 0;
    let checksum = 0;
    for (let start = 0; start < docs.length; start += BATCH) {
      const batch = docs.slice(start, start + BATCH);
      let t = performance.now();
      let c = process.cpuUsage();
      const parsed = batch.map((text) => JSON.parse(text) as Plan);
      if (phase === 'parse') {
        ms += performance.now() - t;
        cpu += cpuMs(c);
        checksum += parsed.length;
        continue;
      }
      t = performance.now();
      c = process.cpuUsage();
      if (phase === 'score') for (const plan of parsed) checksum += scorePlan(plan).overall.mean;
      else for (const plan of parsed) if (validatePlan(plan).ok) checksum += 1;
      ms += performance.now() - t;
      cpu += cpuMs(c);
    }
    return { ms, cpu, checksum };
  };
  pass(documents.slice(0, 2 * BATCH)); // the same warm-up for every phase
  pass(documents.slice(0, 2 * BATCH));
  const times: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const r = pass(documents);
    times.push(r.ms);
    cpu.push(r.cpu);
    checksum = r.checksum;
  }
  process.stdout.write(JSON.stringify({ times, cpu, checksum }));
  process.exit(0);
}

// ── parent ─────────────────────────────────────────────────────────────────
const tiny = process.argv.includes('--tiny');
const PLANS = tiny ? 20 : Number(process.env.BENCH_PLANS ?? 10_000);
const RUNS = tiny ? 1 : Number(process.env.BENCH_RUNS ?? 5);
const root = fileURLToPath(new URL('..', import.meta.url));

const { generateDemoData } = await import('@links-approach/core/demo-data');
const large = generateDemoData({
  practices: PLANS,
  seed: 'bench',
  measuresPerCapacity: 3,
  allMeasuresFromStart: true,
  months: 24,
  revisionEveryMonths: 24,
  selfAssessment: false,
}).plans.map((plan) => JSON.stringify(plan));
const sampleText = JSON.stringify(JSON.parse(readFileSync(join(root, 'examples/data/sample-plan.json'), 'utf8')));
const sample = Array.from({ length: PLANS }, () => sampleText);

const dir = mkdtempSync(join(tmpdir(), 'links-score-bench-'));
try {
  for (const [name, documents] of [
    ['large plans', large],
    ['sample plan (examples/data/sample-plan.json)', sample],
  ] as const) {
    const file = join(dir, 'documents.json');
    writeFileSync(file, JSON.stringify(documents));
    const kib = documents.reduce((n, d) => n + d.length, 0) / documents.length / 1024;
    console.log(`\n${name}: ${documents.length.toLocaleString('en-GB')} documents, ${kib.toFixed(1)} KiB each`);
    const results = {} as Record<Phase, number[]>;
    const cpuResults = {} as Record<Phase, number[]>;
    for (const phase of PHASES) {
      const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--conditions=@links-approach/source', '--import', 'tsx', fileURLToPath(import.meta.url)],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 1 << 20,
          env: {
            ...process.env,
            LINKS_SCORE_BENCH_PHASE: phase,
            LINKS_SCORE_BENCH_RUNS: String(RUNS),
            LINKS_SCORE_BENCH_FILE: file,
          },
        },
      );
      if (child.status !== 0) throw new Error(`phase ${phase} failed:\n${child.stderr}`);
      const out = JSON.parse(child.stdout) as { times: number[]; cpu: number[] };
      results[phase] = out.times;
      cpuResults[phase] = out.cpu;
    }
    const perSecond = (ms: number) => Math.round((documents.length / ms) * 1000).toLocaleString('en-GB');
    const label: Record<Phase, string> = {
      parse: 'JSON.parse',
      score: 'scorePlan',
      validate: 'validatePlan',
      interpreted: 'validatePlan (interpreted)',
    };
    for (const phase of PHASES) {
      const m = median(results[phase]);
      console.log(
        `  ${label[phase].padEnd(27)} median ${m.toFixed(0).padStart(6)} ms  best ${best(results[phase])
          .toFixed(0)
          .padStart(6)} ms  ${perSecond(m).padStart(9)} plans/s`,
      );
    }
    const ratio = (text: string, phase: Phase, note: string) =>
      console.log(
        `  ${text.padEnd(33)} ${(median(results[phase]) / median(results.parse)).toFixed(2)}× median, ${(
          best(results[phase]) / best(results.parse)
        ).toFixed(2)}× best vs best  (${note})`,
      );
    ratio('scoring ÷ parsing', 'score', 'target ≤ 1.0×');
    ratio('validation ÷ parsing', 'validate', 'target ≤ 3×');
    ratio('interpreted validation ÷ parsing', 'interpreted', 'no target');
    // The same by process CPU time (steadier than wall-clock on a busy machine; per-batch timers, same for every phase).
    const cpuRatio = (text: string, phase: Phase) =>
      console.log(
        `  ${`${text}, CPU time`.padEnd(33)} ${(median(cpuResults[phase]) / median(cpuResults.parse)).toFixed(
          2,
        )}× median, ${(best(cpuResults[phase]) / best(cpuResults.parse)).toFixed(
          2,
        )}× best vs best  (CPU ms median ${median(cpuResults[phase]).toFixed(0)} vs parse ${median(
          cpuResults.parse,
        ).toFixed(0)})`,
      );
    cpuRatio('scoring ÷ parsing', 'score');
    cpuRatio('validation ÷ parsing', 'validate');
  }
  console.log(`\n(${RUNS} timed runs per phase, each phase in its own process, GC forced before each run)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
