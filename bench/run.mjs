// `npm run bench`: runs every benchmark in this folder in turn. Each prints its
// own figures and same-run ratios; none asserts a time.
import { readdirSync } from 'node:fs';
import { runCommand } from '../scripts/lib.mjs';

const only = process.argv.slice(2);
const benches = readdirSync(new URL('.', import.meta.url))
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (benches.length === 0) console.log('No benchmarks match.');
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file} ━━`);
  const code = await runCommand(process.execPath, ['--conditions=@links-approach/source', '--import', 'tsx', `bench/${file}`]);
  if (code !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
