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
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoReferrals } from '@links-approach/core/demo-data';
import { isFinishedStatus, replay } from '@links-approach/core/referral';

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
    if (!last) for (const r of replay(doc.events, { trusted: true }).state.referrals) if (!isFinishedStatus(r.status)) open.add(r.id);
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
const dir = cache ?? mkdtempSync(join(tmpdir(), 'links-cohort-bench-'));
if (cache) mkdirSync(cache, { recursive: true });
try {
  // Practices and plans from the demo generator (the report needs plans); events for its programme practices.
  const demo = existsSync(join(dir, 'cohort', 'practices.json')) ? { status: 0, stderr: '' } : spawnSync(
    process.execPath,
    ['--conditions=@links-approach/source', '--import', 'tsx', cli, 'demo-data', '--practices', '40', '--out', join(dir, 'cohort'), '--json'],
    { cwd: root, encoding: 'utf8' },
  );
  if (demo.status !== 0) throw new Error(`demo-data failed: ${demo.stderr}`);
  rmSync(join(dir, 'cohort', 'referrals.json'), { force: true });
  const practices = (JSON.parse(readFileSync(join(dir, 'cohort', 'practices.json'), 'utf8')) as {
    practices: { id: string; cohort: string }[];
  }).practices;
  const programme = practices.filter((p) => p.cohort === 'programme').map((p) => p.id);

  // The commands timed at each size (BENCH_COMMANDS=referral,report keeps only those whose names start so).
  // FHIR goes to /dev/null: at 10M events it is several GB, written as a stream either way.
  const cohortDir = join(dir, 'cohort');
  const commands: { name: string; args: (file: string) => string[] }[] = [
    { name: 'referral --json', args: (file) => ['referral', file, '--json'] },
    { name: 'report', args: (file) => ['report', cohortDir, file, '--html', join(dir, 'report.html'), '--json'] },
    { name: 'export csv referrals', args: (file) => ['export', 'csv', 'referrals', file, '--out', join(dir, 'referrals.csv'), '--json'] },
    {
      name: 'export csv practices',
      args: (file) => ['export', 'csv', 'practices', join(cohortDir, 'practices.json'), file, '--out', join(dir, 'practices.csv'), '--json'],
    },
    { name: 'fhir', args: (file) => ['fhir', file, '--out', '/dev/null', '--json'] },
    { name: 'fhir --combine', args: (file) => ['fhir', file, '--combine', '--out', '/dev/null', '--json'] },
  ];
  const wanted = process.env.BENCH_COMMANDS?.split(',').map((c) => c.trim()).filter(Boolean);
  const chosen = wanted ? commands.filter((c) => wanted.some((w) => c.name.startsWith(w))) : commands;
  const line = (name: string, events: number, m: Measured) =>
    `  links ${name.padEnd(21)} ${m.seconds.toFixed(1).padStart(7)} s  ${Math.round(events / m.seconds).toLocaleString('en-GB').padStart(9)} events/s wall-clock  (${m.cpu.toFixed(1)} CPU s, ${Math.round(events / m.cpu).toLocaleString('en-GB')} events per CPU second)  peak RSS ${m.rssMb.toFixed(0).padStart(5)} MB`;

  const rows: { events: number; mb: number; results: Map<string, Measured> }[] = [];
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
    console.log(`${events.toLocaleString('en-GB')} events written (${mb.toFixed(0)} MB NDJSON) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (generateOnly) continue;
    if (tiny) {
      // The report must have counted the streamed referrals (a folder alone holds only .json files).
      const check = spawnSync(
        process.execPath,
        ['--conditions=@links-approach/source', '--import', 'tsx', cli, 'report', cohortDir, file, '--html', join(dir, 'r.html'), '--json'],
        { cwd: root, encoding: 'utf8' },
      );
      const summary = JSON.parse(check.stdout) as { referrals: { programme: { referrals: number } } | null };
      if (!summary.referrals || summary.referrals.programme.referrals === 0) throw new Error('links report counted no referrals');
    }
    const results = new Map<string, Measured>();
    // One command at a time (the machine is shared), each output deleted before the next runs.
    for (const command of chosen) {
      const m = measure(command.args(file));
      for (const out of ['report.html', 'referrals.csv', 'practices.csv']) rmSync(join(dir, out), { force: true });
      if (m.exit !== 0) throw new Error(`links ${command.name} exited ${m.exit}`);
      console.log(line(command.name, events, m));
      results.set(command.name, m);
    }
    rows.push({ events, mb, results });
    if (!cache) rmSync(file);
  }
  if (!tiny && rows.length > 0 && !generateOnly) {
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const n = (x: number) => Math.round(x).toLocaleString('en-GB');
    console.log(`\nSide by side (peak RSS MB; events/s wall-clock; events per CPU second), machine load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
    console.log(`  ${'command'.padEnd(22)} ${rows.map((r) => `${n(r.events).padStart(10)} events: RSS, ev/s, ev/CPU s`.padEnd(44)).join('  ')}${rows.length > 1 ? '  RSS ratio' : ''}`);
    for (const { name } of chosen) {
      const cells = rows.map((r) => {
        const m = r.results.get(name)!;
        return `${m.rssMb.toFixed(0).padStart(16)} MB ${n(r.events / m.seconds).padStart(9)} ${n(r.events / m.cpu).padStart(9)}`.padEnd(44);
      });
      const ratio = rows.length > 1 ? `  ${(last.results.get(name)!.rssMb / first.results.get(name)!.rssMb).toFixed(2)}×` : '';
      console.log(`  ${name.padEnd(22)} ${cells.join('  ')}${ratio}`);
    }
    console.log('Targets at 10,000,000 events: ≤ 1,024 MB peak RSS; ≥ 300,000 events/s for report and referral --json.');
  }
} finally {
  if (!cache) rmSync(dir, { recursive: true, force: true });
}
