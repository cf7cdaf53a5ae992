// A decade of national referrals through the CLI: events written as NDJSON to
// a temporary folder (the demo generator, a block of practices at a time,
// streamed to the file), then `links referral --json`, `links report`,
// `links export csv referrals|practices` and `links fhir` (with and without
// --combine) run one at a time as child processes under /usr/bin/time. Prints, per input size, the peak
// resident memory (RSS) and events per second end to end (process start to
// exit, reading, validating, replaying, writing), with the ratio of peak
// memory between the largest and smallest size: memory grows with open
// referrals, not with events. Targets: ≤ 1 GB peak RSS and ≥ 300,000
// events/s at 10,000,000 events. Asserts nothing.
//
//   BENCH_SIZES=1000000,10000000 npm run bench -- cohort
//   BENCH_COMMANDS=referral,report …   (only the commands whose names start so)
//   BENCH_CACHE=/tmp/cohort …          (keep the generated files there and reuse them)
//   node … bench/cohort.bench.ts --tiny     (2,000 events: checks the bench runs)
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoReferrals } from '@links-approach/core/demo-data';
import {
  CohortReferralTally,
  isFinishedStatus,
  ReferralFold,
  replay,
  validateOwnedReferralEvent,
  type ReferralEvent,
} from '@links-approach/core/referral';
import { SpillStore } from '../packages/cli/src/spill-store.js';

const tiny = process.argv.includes('--tiny');
/** `--generate-only` (with BENCH_CACHE): writes the events files and measures nothing. */
const generateOnly = process.argv.includes('--generate-only');
const sizes = tiny ? [2_000] : (process.env.BENCH_SIZES ?? '1000000,3000000').split(',').map(Number);
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'packages/cli/src/main.ts');

/**
 * Writes `count` events as NDJSON, like a decade of referrals: blocks of 25 practices, each block a later
 * stretch of time (its ids made unique), in which every referral has finished except in the last block
 * (the generator leaves about a third of each block open at its "today"; over a decade only the latest
 * referrals are still open).
 */
async function writeEvents(file: string, count: number, practiceIds: readonly string[]): Promise<number> {
  const out = createWriteStream(file);
  const perBlock = 28_000; // about what one block generates
  const blocks = Math.max(1, Math.ceil(count / perBlock));
  const end = Date.parse('2025-03-31T12:00:00Z');
  const span = 10 * 365 * 86_400_000;
  let written = 0;
  for (let block = 0; written < count; block++) {
    const practices = Array.from({ length: 25 }, (_, i) => ({
      id: practiceIds[(block * 25 + i) % practiceIds.length]!,
      listSize: 6000,
    }));
    const asOf = new Date(end - span + (span * Math.min(block + 1, blocks)) / blocks).toISOString();
    const doc = generateDemoReferrals({ practices, seed: 1000 + block, asOf, referralsPerPractice: 90 });
    const last = written + doc.events.length >= count;
    const open = new Set<string>();
    if (!last)
      for (const r of replay(doc.events, { trusted: true }).state.referrals)
        if (!isFinishedStatus(r.status)) open.add(r.id);
    const parts: string[] = [];
    for (const event of doc.events) {
      if (written >= count) break;
      if (open.has(event.referralId)) continue;
      parts.push(JSON.stringify(event).replace(/"(ref|pt|gp|nurse|reception|clp|pm)-(\d+)/g, `"$1-b${block}-$2`));
      written++;
    }
    if (!out.write(`${parts.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return written;
}

/**
 * Where the time of `links report` goes, in this process on one events file: CPU seconds of one pass that
 * only reads the file and splits it into lines (decoding each, as the CLI does), then of passes that also
 * parse each line (JSON.parse), also validate it (validateOwnedReferralEvent, the CLI's one check per line), and
 * also fold it (ReferralFold with the report's cohort figures and the spill store). Each step's cost is the
 * difference from the pass before; the last line is the ceiling one core gives.
 */
async function phases(
  file: string,
  practices: readonly { id: string; cohort: 'programme' | 'comparison' }[],
): Promise<void> {
  const steps = ['read + split', '+ JSON.parse', '+ validate', '+ fold (report)'] as const;
  const cpu: number[] = [];
  let count = 0;
  for (let step = 0; step < steps.length; step++) {
    const store = new SpillStore();
    const cohorts = new CohortReferralTally(practices);
    const fold = new ReferralFold({ store, observers: [cohorts], onRejected: () => {} });
    const started = process.cpuUsage();
    let lines = 0;
    let carry: Buffer | undefined;
    const line = (text: string) => {
      lines++;
      if (step === 0) return;
      const value: unknown = JSON.parse(text);
      if (step === 1) return;
      const result = validateOwnedReferralEvent(value);
      if (step === 2 || !result.ok) return;
      fold.push(result.value as ReferralEvent);
    };
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      let end = buffer.indexOf(10);
      while (end !== -1) {
        line(buffer.toString('utf8', start, end));
        start = end + 1;
        end = buffer.indexOf(10, start);
      }
      carry = start < buffer.length ? buffer.subarray(start) : undefined;
    }
    if (step === 3 && fold.latestAt !== undefined) {
      cohorts.setAsOf({ asOf: fold.latestAt });
      fold.finish();
      cohorts.result();
    }
    const used = process.cpuUsage(started);
    store.close();
    cpu.push((used.user + used.system) / 1e6);
    count = lines;
  }
  console.log(
    `  Where the time of links report goes (${count.toLocaleString('en-GB')} events, in-process, CPU seconds):`,
  );
  steps.forEach((name, i) => {
    const step = cpu[i]! - (i === 0 ? 0 : cpu[i - 1]!);
    console.log(
      `    ${name.padEnd(16)} ${step.toFixed(2).padStart(6)} s (${((step / count) * 1e6).toFixed(2)} µs per event)   all so far: ${Math.round(
        count / cpu[i]!,
      )
        .toLocaleString('en-GB')
        .padStart(9)} events per CPU second`,
    );
  });
}

interface Measured {
  seconds: number;
  /** User + system CPU seconds (steadier than wall-clock on a busy machine). */
  cpu: number;
  rssMb: number;
  exit: number;
}

/** Runs the CLI under /usr/bin/time -v: wall time and peak RSS of the whole process. */
function measure(args: readonly string[]): Measured {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, '--conditions=@links-approach/source', '--import', 'tsx', cli, ...args],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stderr = result.stderr ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  if (!rss || !wall) throw new Error(`could not measure links ${args.join(' ')}:\n${stderr.slice(-2000)}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const exit = /Exit status: (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpu = Number(user?.[1] ?? 0) + Number(system?.[1] ?? 0);
  return { seconds, cpu, rssMb: Number(rss[1]) / 1024, exit: exit ? Number(exit[1]) : (result.status ?? 1) };
}

// BENCH_CACHE=folder keeps the generated cohort and events files there and reuses them on the next run
// (10M events are about 2.6 GB of NDJSON and take minutes to generate); without it, a temporary folder is
// used and deleted at the end.
const cache = process.env.BENCH_CACHE;

interface Figure extends Measured {
  events: number;
  command: string;
  /** When it was measured, and the load average then (1, 5, 15 minutes). */
  at: string;
  load: number[];
}
const figuresFile = () => join(cache!, 'figures.json');
function loadFigures(): Figure[] {
  return existsSync(figuresFile()) ? (JSON.parse(readFileSync(figuresFile(), 'utf8')) as Figure[]) : [];
}
/** Keeps a figure in the cache folder (the latest per size and command). */
function saveFigure(events: number, command: string, m: Measured): void {
  const figures = loadFigures().filter((f) => f.events !== events || f.command !== command);
  figures.push({ ...m, events, command, at: new Date().toISOString(), load: loadavg() });
  writeFileSync(figuresFile(), `${JSON.stringify(figures, null, 2)}\n`);
}
const dir = cache ?? mkdtempSync(join(tmpdir(), 'links-cohort-bench-'));
if (cache) mkdirSync(cache, { recursive: true });
try {
  // Practices and plans from the demo generator (the report needs plans); events for its programme practices.
  const demo = existsSync(join(dir, 'cohort', 'practices.json'))
    ? { status: 0, stderr: '' }
    : spawnSync(
        process.execPath,
        [
          '--conditions=@links-approach/source',
          '--import',
          'tsx',
          cli,
          'demo-data',
          '--practices',
          '40',
          '--out',
          join(dir, 'cohort'),
          '--json',
        ],
        { cwd: root, encoding: 'utf8' },
      );
  if (demo.status !== 0) throw new Error(`demo-data failed: ${demo.stderr}`);
  rmSync(join(dir, 'cohort', 'referrals.json'), { force: true });
  const practices = (
    JSON.parse(readFileSync(join(dir, 'cohort', 'practices.json'), 'utf8')) as {
      practices: { id: string; cohort: 'programme' | 'comparison' }[];
    }
  ).practices;
  const programme = practices.filter((p) => p.cohort === 'programme').map((p) => p.id);

  // The commands timed at each size (BENCH_COMMANDS=referral,report keeps only those whose names start so).
  // FHIR goes to /dev/null: at 10M events it is several GB, written as a stream either way.
  const cohortDir = join(dir, 'cohort');
  const commands: { name: string; args: (file: string) => string[] }[] = [
    { name: 'referral --json', args: (file) => ['referral', file, '--json'] },
    { name: 'report', args: (file) => ['report', cohortDir, file, '--html', join(dir, 'report.html'), '--json'] },
    {
      name: 'export csv referrals',
      args: (file) => ['export', 'csv', 'referrals', file, '--out', join(dir, 'referrals.csv'), '--json'],
    },
    {
      name: 'export csv practices',
      args: (file) => [
        'export',
        'csv',
        'practices',
        join(cohortDir, 'practices.json'),
        file,
        '--out',
        join(dir, 'practices.csv'),
        '--json',
      ],
    },
    { name: 'fhir', args: (file) => ['fhir', file, '--out', '/dev/null', '--json'] },
    { name: 'fhir --combine', args: (file) => ['fhir', file, '--combine', '--out', '/dev/null', '--json'] },
  ];
  const wanted = process.env.BENCH_COMMANDS?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const chosen = wanted ? commands.filter((c) => wanted.some((w) => c.name.startsWith(w))) : commands;
  const line = (name: string, events: number, m: Measured) =>
    `  links ${name.padEnd(21)} ${m.seconds.toFixed(1).padStart(7)} s  ${Math.round(events / m.seconds)
      .toLocaleString('en-GB')
      .padStart(
        9,
      )} events/s wall-clock  (${m.cpu.toFixed(1)} CPU s, ${Math.round(events / m.cpu).toLocaleString('en-GB')} events per CPU second)  peak RSS ${m.rssMb.toFixed(0).padStart(5)} MB  (load average ${loadavg()[0]!.toFixed(1)})`;

  const rows: { events: number; results: Map<string, Measured> }[] = [];
  for (const size of sizes) {
    // Outside the cohort folder (the report is given the folder and the file).
    const file = join(dir, `events-${size}.ndjson`);
    const started = performance.now();
    let events = size;
    if (!cache || !existsSync(file)) {
      // Written under another name first, so an interrupted run leaves no partial file to reuse.
      events = await writeEvents(`${file}.part`, size, programme);
      renameSync(`${file}.part`, file);
    }
    const mb = statSync(file).size / 1024 / 1024;
    console.log(
      `${events.toLocaleString('en-GB')} events written (${mb.toFixed(0)} MB NDJSON) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (generateOnly) continue;
    if (tiny) {
      // The report must have counted the streamed referrals (a folder alone holds only .json files).
      const check = spawnSync(
        process.execPath,
        [
          '--conditions=@links-approach/source',
          '--import',
          'tsx',
          cli,
          'report',
          cohortDir,
          file,
          '--html',
          join(dir, 'r.html'),
          '--json',
        ],
        { cwd: root, encoding: 'utf8' },
      );
      const summary = JSON.parse(check.stdout) as { referrals: { programme: { referrals: number } } | null };
      if (!summary.referrals || summary.referrals.programme.referrals === 0)
        throw new Error('links report counted no referrals');
    }
    // The in-process breakdown on the smallest size measured (BENCH_PHASES=0 leaves it out).
    if (size === sizes[0] && process.env.BENCH_PHASES !== '0') await phases(file, practices);
    const results = new Map<string, Measured>();
    // One command at a time (the machine is shared), each output deleted before the next runs.
    for (const command of chosen) {
      const m = measure(command.args(file));
      for (const out of ['report.html', 'referrals.csv', 'practices.csv']) rmSync(join(dir, out), { force: true });
      if (m.exit !== 0) throw new Error(`links ${command.name} exited ${m.exit}`);
      console.log(line(command.name, events, m));
      results.set(command.name, m);
      if (cache) saveFigure(events, command.name, m);
    }
    rows.push({ events, results });
    if (!cache) rmSync(file);
  }
  if (!tiny && !generateOnly) {
    // With BENCH_CACHE, figures measured earlier with the same cache (another size, another command) are shown
    // too, so 1M and 10M events can be measured one command at a time and still be read side by side.
    const saved = cache ? loadFigures() : [];
    const all = new Map<number, Map<string, Measured & { at?: string }>>();
    for (const f of saved) {
      if (!all.has(f.events)) all.set(f.events, new Map());
      all.get(f.events)!.set(f.command, f);
    }
    for (const r of rows) {
      if (!all.has(r.events)) all.set(r.events, new Map());
      for (const [name, m] of r.results) all.get(r.events)!.set(name, m);
    }
    const sizesShown = [...all.keys()].sort((a, b) => a - b);
    const n = (x: number) => Math.round(x).toLocaleString('en-GB');
    console.log(
      `\nSide by side: peak RSS; events/s wall-clock; events per CPU second (load average now ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}${saved.length > 0 ? `; figures from ${cache}/figures.json, measured one command at a time` : ''}):`,
    );
    console.log(
      `  ${'links …'.padEnd(22)} ${sizesShown.map((e) => `${n(e)} events`.padStart(36)).join('  ')}${sizesShown.length > 1 ? '  RSS ratio' : ''}`,
    );
    for (const { name } of commands) {
      const cells = sizesShown.map((e) => {
        const m = all.get(e)!.get(name);
        return m
          ? `${m.rssMb.toFixed(0).padStart(6)} MB ${n(e / m.seconds).padStart(9)}/s ${n(e / m.cpu).padStart(9)}/CPU s`
          : '—'.padStart(36);
      });
      const first = all.get(sizesShown[0]!)!.get(name);
      const last = all.get(sizesShown[sizesShown.length - 1]!)!.get(name);
      if (cells.every((c) => c.trim() === '—')) continue;
      const ratio = sizesShown.length > 1 && first && last ? `  ${(last.rssMb / first.rssMb).toFixed(2)}×` : '';
      console.log(`  ${name.padEnd(22)} ${cells.join('  ')}${ratio}`);
    }
    console.log(
      'Targets at 10,000,000 events: ≤ 1,024 MB peak RSS; ≥ 300,000 events/s for report and referral --json.',
    );
  }
} finally {
  if (!cache) rmSync(dir, { recursive: true, force: true });
}
