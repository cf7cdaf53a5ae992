// `npm run size`: the bundle budgets (scripts/size-budgets.mjs, issue 16 §7), measured on the
// built packages as a production bundler ships them: dependencies inlined, minified with
// terser, `process.env.NODE_ENV` set to "production", then gzipped. The components' templates
// are minified by the build itself (scripts/minify-templates.mjs).
//
//   node scripts/size.mjs            every budget: figure, budget, pass/fail; core's area entries
//   node scripts/size.mjs --strict   the same, ignoring the interim allowances
//   node scripts/size.mjs --compare  a same-run comparison with Shoelace's sl-select and
//                                    Material Web's md-outlined-select (not a budget)
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import commonjs from '@rollup/plugin-commonjs';
import { root, writeCounts } from './lib.mjs';
import { LIBRARIES, floorEntry } from './size-floor.mjs';
import { BUDGETS, INTERIM } from './size-budgets.mjs';
import { minifyTemplates } from './minify-templates.mjs';

export const KB = 1024;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const at = (path) => resolve(root, path);

const isTranslation = (chunk) => Object.keys(chunk.modules).some((id) => /[\\/]generated[\\/]locales[\\/]/.test(id));

/**
 * Code a page loads only after the person does something (opens a section, submits a form):
 * a chunk whose entry module sits in a folder named `on-demand/`, reached by a dynamic
 * `import()`. Issue 16 §7 reaches the budgets by "sections loaded when opened" and issue 17
 * loads validation "at save or submit time", so such chunks are reported beside the budget
 * figure, not in it. A static import of an on-demand module puts it back in the figure.
 */
export const isOnDemand = (chunk) => Boolean(chunk.facadeModuleId && /[\\/]on-demand[\\/]/.test(chunk.facadeModuleId));

/**
 * Bundles `entry` as a production build would and returns the chunks using it
 * loads, in load order: `loaded`, its own and every chunk it imports, also
 * dynamically, except translations and on-demand chunks (the budget figure);
 * and `onDemand`, the on-demand chunks and what only they import (reported
 * beside the figure). With `sourcemap`, each chunk carries its map.
 */
export async function graphParts(entry, { plugins = [], sourcemap = false } = {}) {
  const bundle = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [
      ...plugins,
      nodeResolve({ browser: true, rootDir: root }),
      commonjs(),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
      terser({ format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', sourcemap });
  await bundle.close();
  const chunks = new Map(output.filter((c) => c.type === 'chunk' && !isTranslation(c)).map((c) => [c.fileName, c]));
  const walk = (skipOnDemand) => {
    const seen = new Set();
    const visit = (chunk) => {
      if (!chunk || seen.has(chunk)) return;
      seen.add(chunk);
      chunk.imports.forEach((name) => visit(chunks.get(name)));
      chunk.dynamicImports.forEach((name) => {
        const target = chunks.get(name);
        if (skipOnDemand && target && isOnDemand(target)) return;
        visit(target);
      });
    };
    visit(output.find((c) => c.type === 'chunk' && c.isEntry));
    return [...seen];
  };
  const loaded = walk(true);
  const all = walk(false);
  return { loaded, onDemand: all.filter((chunk) => !loaded.includes(chunk)), all };
}

/**
 * The chunks `entry` loads (see {@link graphParts}): without on-demand chunks
 * (the budget figure), or with them when `skipOnDemand` is false.
 */
export async function graph(entry, { skipOnDemand = true, ...options } = {}) {
  const { loaded, all } = await graphParts(entry, options);
  return skipOnDemand ? loaded : all;
}

const gzipOf = (chunks) => gzipSync(chunks.map((chunk) => chunk.code).join('')).length;

/** The gzip size of an entry's whole graph, concatenated (as `npm run size` has always measured it). */
export async function graphSize(entry, options) {
  return gzipOf(await graph(entry, options));
}

/**
 * An entry's budget figure (`size`, as {@link graphSize}) and, reported beside
 * it, the gzip size of its on-demand chunks together (`onDemand`, 0 when none).
 */
export async function graphSizes(entry, options) {
  const { loaded, onDemand } = await graphParts(entry, options);
  return { size: gzipOf(loaded), onDemand: onDemand.length ? gzipOf(onDemand) : 0 };
}

/** A built script-tag entry with every chunk it imports statically: what a page downloads for it (each file gzipped, as served). */
function scriptTagSize(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.[^"']+)["']/g))
      visit(resolve(dirname(file), spec));
  };
  visit(resolve(entry));
  return [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
}

/** An element's registering module in the built package: src/<name>/<name>.ts → dist/<name>/<name>.js. */
export const elementFile = (name) => at(`packages/components/dist/${name}/${name}.js`);

/** Every element the components package registers (from its side-effect list: one module per element). */
export function builtElements() {
  const { sideEffects } = JSON.parse(readFileSync(at('packages/components/package.json'), 'utf8'));
  return sideEffects
    .map((path) => /^\.\/dist\/([a-z-]+)\/\1\.js$/.exec(path)?.[1])
    .filter(Boolean)
    .sort();
}

/** The entries that are not elements, by the names the budget table uses. */
const NAMED = {
  autoloader: {
    label: 'script-tag autoloader (links-autoloader.js + the chunks it imports)',
    file: at('packages/components/dist/browser/links-autoloader.js'),
    measure: (file) => scriptTagSize(file),
  },
  bundle: {
    label: 'script-tag bundle (links-components.js + all its chunks)',
    file: at('packages/components/dist/browser/links-components.js'),
    measure: (file) => scriptTagSize(file),
  },
  core: {
    label: '@links-approach/core main entry (with zod)',
    file: at('packages/core/dist/index.js'),
    measure: (file) => graphSize(file),
  },
};

/** Core's area entries from its exports map, for the record: a consumer pays only for the areas it imports. */
export function coreAreas() {
  const { exports } = JSON.parse(readFileSync(at('packages/core/package.json'), 'utf8'));
  return Object.keys(exports)
    .filter((key) => key !== '.' && key !== './package.json')
    .map((key) => ({ area: key.slice(2), file: at(`packages/core/dist/${key.slice(2)}/index.js`) }));
}

/**
 * The rows to measure, one per entry, from the budget table. Throws when an
 * element the package registers has no category, or a category names one that
 * does not exist, so a new element cannot go unbudgeted.
 */
export function budgetRows(elements = builtElements()) {
  const rows = [];
  const placed = new Map();
  for (const { category, budget, elements: names = [], entries = [] } of BUDGETS) {
    for (const name of entries) {
      if (!NAMED[name])
        throw new Error(`size-budgets.mjs: "${name}" is not a measured entry (${Object.keys(NAMED).join(', ')})`);
      rows.push({ category, budget, name, ...NAMED[name] });
    }
    for (const name of names) {
      if (!elements.includes(name))
        throw new Error(`size-budgets.mjs: "${name}" is not an element of the components package`);
      if (placed.has(name))
        throw new Error(`size-budgets.mjs: "${name}" is in two categories (${placed.get(name)}, ${category})`);
      placed.set(name, category);
      rows.push({
        category,
        budget,
        name,
        label: `links-${name}`,
        file: elementFile(name),
        measure: (file) => graphSizes(file),
      });
    }
  }
  const missing = elements.filter((name) => !placed.has(name));
  if (missing.length)
    throw new Error(`size-budgets.mjs: no budget category for ${missing.map((n) => `links-${n}`).join(', ')}`);
  return rows;
}

/** Measures every row; `strict` ignores interim allowances. Returns the rows with size and verdict. */
export async function measureBudgets({ strict = false } = {}) {
  const results = [];
  for (const row of budgetRows()) {
    if (!existsSync(row.file)) {
      results.push({ ...row, size: undefined, verdict: 'fail', note: 'not built (run npm run build)' });
      continue;
    }
    const measured = await row.measure(row.file);
    const { size, onDemand = 0 } = typeof measured === 'number' ? { size: measured } : measured;
    const allowance = strict ? undefined : INTERIM[row.name];
    let verdict = 'report';
    let note = '';
    if (row.budget !== null) {
      const over = size - row.budget * KB;
      if (over <= 0) verdict = 'pass';
      else if (allowance && size <= allowance.allowance * KB) {
        verdict = 'interim';
        note = `over by ${kb(over)}; interim allowance ${allowance.allowance} KB until ${allowance.until}`;
      } else {
        verdict = 'fail';
        note = `over by ${kb(over)}`;
      }
    }
    results.push({ ...row, size, onDemand, verdict, note });
  }
  return results;
}

const MARK = { pass: '✓ pass', fail: '✗ FAIL', interim: '! over (interim)', report: '· reported' };

function printBudgets(results) {
  const width = Math.max(...results.map((r) => r.label.length));
  console.log(`${'entry'.padEnd(width)}  ${'gzip'.padStart(8)}  ${'budget'.padStart(8)}  result`);
  let category;
  for (const r of results) {
    if (r.category !== category) console.log(`— ${(category = r.category)}`);
    const size = r.size === undefined ? '—' : kb(r.size);
    const budget = r.budget === null ? '—' : `${r.budget} KB`;
    const later = r.onDemand ? `  (on demand: ${kb(r.onDemand)})` : '';
    console.log(
      `${r.label.padEnd(width)}  ${size.padStart(8)}  ${budget.padStart(8)}  ${MARK[r.verdict]}${r.note ? ` (${r.note})` : ''}${later}`,
    );
  }
}

/** Libraries' elements measured the same way as ours (whole graph, their templates minified too, terser, gzip). */
export const COMPARISON = [
  {
    label: "Shoelace's sl-select (@shoelace-style/shoelace 2.20.1)",
    entry: '@shoelace-style/shoelace/dist/components/select/select.js',
    package: '@shoelace-style/shoelace',
  },
  {
    label: "Material Web's md-outlined-select (@material/web 2.5.0)",
    entry: '@material/web/select/outlined-select.js',
    package: '@material/web',
  },
];

const thirdPartyTemplates = (id) =>
  /[\\/]node_modules[\\/](@shoelace-style[\\/]shoelace|@material[\\/]web)[\\/].*\.js$/.test(id);

/**
 * The same-run comparison: each library's select, Lit alone, and a few of our
 * elements, measured one after another by the same code. Returns rows of { label, size }.
 */
export async function measureComparison({
  ours = ['framework-overview', 'caseload', 'referral-form', 'plan-editor'],
} = {}) {
  const rows = [];
  for (const { label, entry } of COMPARISON) {
    rows.push({
      label,
      size: await graphSize(entry, { plugins: [minifyTemplates({ filter: thirdPartyTemplates, failOnError: false })] }),
    });
  }
  const { input, plugin } = floorEntry(['lit']);
  rows.push({ label: 'Lit alone (one minimal element)', size: await graphSize(input, { plugins: [plugin] }) });
  for (const name of ours) {
    if (existsSync(elementFile(name)))
      rows.push({ label: `ours: links-${name}`, size: await graphSize(elementFile(name)) });
  }
  return rows;
}

async function main(args) {
  if (args.includes('--compare')) {
    const rows = await measureComparison();
    const width = Math.max(...rows.map((r) => r.label.length));
    console.log('Same-run comparison (gzip, whole graph, templates minified, terser):');
    for (const { label, size } of rows) console.log(`  ${label.padEnd(width)}  ${kb(size).padStart(8)}`);
    return 0;
  }
  const results = await measureBudgets({ strict: args.includes('--strict') });
  printBudgets(results);
  const areas = [];
  for (const { area, file } of coreAreas())
    if (existsSync(file)) areas.push(`${area} ${((await graphSize(file)) / KB).toFixed(1)}`);
  if (areas.length)
    console.log(
      `\ncore's area entries (KB gzip, each with zod and immer as it uses them; reported): ${areas.join(', ')}`,
    );
  // The floor under every budget: the required libraries alone (docs/bundle-size.md).
  const floor = async (names) => {
    const { input, plugin } = floorEntry(names);
    return ((await graphSize(input, { plugins: [plugin] })) / KB).toFixed(1);
  };
  const floors = [];
  for (const name of Object.keys(LIBRARIES)) floors.push(`${name} ${await floor([name])}`);
  console.log(`libraries alone (KB gzip): ${floors.join(', ')}`);
  console.log(
    `floor for links-caseload (lit, localize, context, virtualizer): ${await floor(['lit', '@lit/localize', '@lit/context', '@lit-labs/virtualizer'])} KB; ` +
      `for an editing element (lit, localize, context, zod, immer): ${await floor(['lit', '@lit/localize', '@lit/context', 'zod/mini', 'immer'])} KB`,
  );
  const passed = results.filter((r) => r.verdict !== 'fail').length;
  const failed = results.length - passed;
  const interim = results.filter((r) => r.verdict === 'interim');
  if (interim.length)
    console.log(
      `\n${interim.length} over budget under an interim allowance (scripts/size-budgets.mjs INTERIM): ${interim.map((r) => r.label).join(', ')}`,
    );
  if (failed)
    console.log(
      `\n${failed} over budget: ${results
        .filter((r) => r.verdict === 'fail')
        .map((r) => r.label)
        .join(', ')}`,
    );
  writeCounts('size', { passed, failed });
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`size: ${error.message}`);
    writeCounts('size', { passed: 0, failed: 1 });
    process.exitCode = 1;
  }
}
