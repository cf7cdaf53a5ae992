// Where the script-tag bundle's bytes come from: each built file's gzip size
// shared out among its sources in proportion to the minified bytes the source
// map attributes to them. Run after a build:
//   npm run size:breakdown            (grouped by folder, 3 path segments)
//   npm run size:breakdown -- 4 80    (deeper grouping, 80 rows)
// The Gaelic translation chunk is left out: it loads only on a language switch.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const DIR = 'packages/components/dist/browser/';
const depth = Number(process.argv[2] ?? 3);
const rows = Number(process.argv[3] ?? 50);

if (!existsSync(`${DIR}links-components.js`)) {
  console.error('size:breakdown: build first (npm run build)');
  process.exit(1);
}

/** A source path grouped: a package name for dependencies, the first `depth` segments for ours. */
function group(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  if (path.includes('node_modules/')) {
    const parts = path.split('node_modules/').at(-1).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return path.split('/').slice(0, depth).join('/');
}

const files = [
  'links-components.js',
  ...readdirSync(`${DIR}chunks`)
    .filter((f) => f.endsWith('.js') && !/^gd-/.test(f))
    .map((f) => `chunks/${f}`),
];
const totals = new Map();
let gzipTotal = 0;
for (const file of files) {
  const code = readFileSync(DIR + file, 'utf8');
  const gzip = gzipSync(code).length;
  gzipTotal += gzip;
  const lines = code.split('\n');
  const mappings = [];
  const consumer = await new SourceMapConsumer(JSON.parse(readFileSync(`${DIR}${file}.map`, 'utf8')));
  consumer.eachMapping((m) => mappings.push(m));
  consumer.destroy();
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const bytes = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end =
      next && next.generatedLine === m.generatedLine ? next.generatedColumn : lines[m.generatedLine - 1].length;
    const key = m.source ? group(m.source) : '(unmapped)';
    bytes.set(key, (bytes.get(key) ?? 0) + end - m.generatedColumn);
  });
  const sum = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
  for (const [key, n] of bytes) totals.set(key, (totals.get(key) ?? 0) + (gzip * n) / sum);
}
for (const [key, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
  console.log(`${(size / 1024).toFixed(1).padStart(6)} KB  ${key}`);
}
console.log(`${(gzipTotal / 1024).toFixed(1).padStart(6)} KB  in all (${files.length} files, each gzipped)`);
