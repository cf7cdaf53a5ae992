// `npm run bench`: runs every benchmark in this folder in turn. Each prints its
// own figures and same-run ratios; none asserts a time.
import { readdirSync } from 'node:fs';
import { runCommand } from '../scripts/lib.mjs';

// `--tiny` (npm run bench:smoke): every bench once with a handful of items, to prove it still runs; any that
// throws or exits non-zero fails the run. No figure is judged.
const tiny = process.argv.includes('--tiny');
const only = process.argv.slice(2).filter((a) => a !== '--tiny');
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (benches.length === 0) console.log('No benchmarks match.');
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file} ━━`);
  const code = await runCommand(process.execPath, [
    '--conditions=@links-approach/source',
    '--import',
    'tsx',
    `bench/${file}`,
    ...(tiny ? ['--tiny'] : []),
  ]);
  if (code !== 0) {
    failed += 1;
    console.error(`✘ ${file} failed (exit ${code})`);
  }
}
if (tiny) console.log(`\nbench smoke: ${benches.length - failed} of ${benches.length} benchmarks ran`);
process.exitCode = failed ? 1 : 0;
