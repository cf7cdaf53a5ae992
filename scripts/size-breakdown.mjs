// Where the bytes come from, source by source: each built file's gzip size shared
// out among its sources in proportion to the minified bytes the source map
// attributes to them. Run after a build:
//   npm run size:breakdown                      the script-tag bundle, grouped by folder (3 path segments)
//   npm run size:breakdown -- 4 80              deeper grouping, 80 rows
//   npm run size:breakdown -- --element plan-editor [--depth 4] [--rows 40]
//                                               one element's whole graph, as npm run size measures it
//   npm run size:breakdown -- --element plan-editor --defer 'core/dist/plan/fast-check'
//                                               …and what it would load up front if the modules whose path
//                                               matches each --defer pattern loaded later (a dynamic import
//                                               at save or when a section opens): those modules and whatever
//                                               only they import are left out of the first load
// The Gaelic translation chunk is left out: it loads only on a language switch.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const DIR = 'packages/components/dist/browser/';
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const element = option('--element');
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const depth = Number(option('--depth') ?? positional[0] ?? (element ? 4 : 3));
const rows = Number(option('--rows') ?? positional[1] ?? (element ? 40 : 50));

/** A source path grouped: a package name for dependencies, the first `depth` segments for ours. */
function group(source) {
  const path = source.replace(/^(\.\.\/)+/, '');
  if (path.includes('node_modules/')) {
    const parts = path.split('node_modules/').at(-1).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  // Our built modules: packages/<pkg>/dist/<area>/<file>.js → <pkg>/<area>/<file>.js
  const ours = /(?:^|\/)packages\/([^/]+)\/dist\/(.*)$/.exec(path);
  return (ours ? `${ours[1]}/${ours[2]}` : path).split('/').slice(0, depth).join('/');
}

/** Adds each source group's share of `gzip` bytes for one file (code + map) into `totals`. */
async function attribute(code, map, gzip, totals) {
  const lines = code.split('\n');
  const mappings = [];
  const consumer = await new SourceMapConsumer(map);
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

function print(totals, total, what) {
  for (const [key, size] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${(size / 1024).toFixed(1).padStart(6)} KB  ${key}`);
  }
  console.log(`${(total / 1024).toFixed(1).padStart(6)} KB  in all (${what})`);
}

/**
 * A rollup plugin that replaces every module whose resolved path matches one
 * of `patterns` with an empty stand-in, as if it were imported dynamically:
 * what is left is what the element loads up front.
 */
function deferPlugin(patterns) {
  const matches = (id) => patterns.some((p) => p.test(id.replaceAll('\\', '/')));
  const deferred = new Set();
  return {
    deferred,
    plugin: {
      name: 'size-defer',
      async resolveId(source, importer, options) {
        if (!importer || source.startsWith('\0')) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || !matches(resolved.id)) return null;
        deferred.add(resolved.id);
        return { id: `\0deferred:${resolved.id}`, syntheticNamedExports: true, moduleSideEffects: false };
      },
      load: (id) => (id.startsWith('\0deferred:') ? 'export default {};' : null),
    },
  };
}

if (element) {
  const { graph, elementFile } = await import('./size.mjs');
  const file = elementFile(element);
  if (!existsSync(file)) {
    console.error(`size:breakdown: ${file} is not built (npm run build), or there is no element "${element}"`);
    process.exit(1);
  }
  const patterns = args.flatMap((a, i) => (args[i - 1] === '--defer' ? [new RegExp(a)] : []));
  const measure = async (plugins) => {
    const chunks = await graph(file, { sourcemap: true, plugins });
    const total = gzipSync(chunks.map((c) => c.code).join('')).length;
    const totals = new Map();
    const perChunk = chunks.map((c) => gzipSync(c.code).length);
    const scale = total / perChunk.reduce((a, b) => a + b, 0);
    for (const [i, chunk] of chunks.entries()) await attribute(chunk.code, chunk.map, perChunk[i] * scale, totals);
    return { total, totals, chunks: chunks.length };
  };
  const whole = await measure([]);
  if (!patterns.length) {
    print(whole.totals, whole.total, `links-${element}, ${whole.chunks} chunks, as npm run size measures it`);
  } else {
    const { deferred, plugin } = deferPlugin(patterns);
    const upFront = await measure([plugin]);
    print(upFront.totals, upFront.total, `links-${element} loaded up front with the deferred modules left out`);
    if (!deferred.size) console.log('no module matched the --defer patterns');
    for (const name of new Set([...deferred].map(group).sort())) console.log(`  deferred: ${name}`);
    console.log(
      `links-${element}: ${(whole.total / 1024).toFixed(1)} KB whole graph → ${(upFront.total / 1024).toFixed(1)} KB up front` +
        ` (${((whole.total - upFront.total) / 1024).toFixed(1)} KB would load later, on demand)`,
    );
  }
  process.exit(0);
}

if (!existsSync(`${DIR}links-components.js`)) {
  console.error('size:breakdown: build first (npm run build)');
  process.exit(1);
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
  await attribute(code, JSON.parse(readFileSync(`${DIR}${file}.map`, 'utf8')), gzip, totals);
}
print(totals, gzipTotal, `${files.length} files, each gzipped`);
