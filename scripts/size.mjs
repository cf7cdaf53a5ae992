// Bundle-size budgets (gzip), measured on the built packages with their
// dependencies inlined, minified as a production bundler would.
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { findFiles, writeCounts } from './lib.mjs';

const KB = 1024;

async function bundledSize(entry) {
  const bundle = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [
      nodeResolve({ browser: true }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
      terser({ format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return gzipSync(output.map((chunk) => chunk.code ?? '').join('')).length;
}

const fileSize = (file) => gzipSync(readFileSync(file)).length;

/** Every element's registering module: src/<name>/<name>.ts → dist/<name>/<name>.js. */
const elementEntries = findFiles('packages/components/dist', /[\\/]([a-z-]+)[\\/]\1\.js$/).filter((f) => !f.includes('idb-store'));

const budgets = [
  { name: '@links-approach/core (with zod, immer)', measure: () => bundledSize('packages/core/dist/index.js'), limit: 15 * KB },
  { name: 'components script-tag bundle (everything inlined)', measure: () => fileSize('packages/components/dist/links-components.bundle.min.js'), limit: 50 * KB },
  ...elementEntries.map((file) => ({ name: `element ${file.split('/').at(-1)} (with Lit, core)`, measure: () => bundledSize(file), limit: 20 * KB })),
];

let passed = 0;
let failed = 0;
for (const budget of budgets) {
  if (!budget.name.startsWith('element') && !existsSync(budget.name.includes('core') ? 'packages/core/dist/index.js' : 'packages/components/dist/links-components.bundle.min.js')) {
    console.log(`✗ ${budget.name}: not built (run npm run build)`);
    failed += 1;
    continue;
  }
  const size = await budget.measure();
  const ok = size <= budget.limit;
  console.log(`${ok ? '✓' : '✗'} ${budget.name}: ${(size / KB).toFixed(1)} KB gzip (budget ${(budget.limit / KB).toFixed(0)} KB)`);
  if (ok) passed += 1;
  else failed += 1;
}
writeCounts('size', { passed, failed });
process.exitCode = failed ? 1 : 0;
