// One build for every package: ESM + .d.ts into each package's dist/, and a
// self-contained, minified browser bundle of the components for pages that
// only add a <script type="module">.
import { builtinModules } from 'node:module';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { findFiles } from './scripts/lib.mjs';

const sources = (pkg) =>
  findFiles(`packages/${pkg}/src`, /\.ts$/).filter((file) => !/\.(test|bench)\.ts$|\.d\.ts$|[\\/]test-[^\\/]*\.ts$/.test(file));

const abs = (path) => resolve(process.cwd(), path);

const isExternal = (patterns) => (id) => patterns.some((p) => (typeof p === 'string' ? id === p || id.startsWith(`${p}/`) : p.test(id)));

/** Compiles one package's sources with its own tsconfig, emitting declarations beside the JS. */
function compile(pkg, { declarations = true } = {}) {
  return typescript({
    tsconfig: `packages/${pkg}/tsconfig.json`,
    include: [`packages/${pkg}/src/**/*.ts`, 'packages/core/src/**/*.ts'],
    exclude: ['**/*.test.ts'],
    filterRoot: process.cwd(),
    outputToFilesystem: true,
    noEmitOnError: true,
    compilerOptions: {
      noEmit: false,
      // Resolve sibling packages through their built dist/ types, not their source.
      customConditions: [],
      rootDir: abs(`packages/${pkg}/src`),
      outDir: abs(`packages/${pkg}/dist`),
      declaration: declarations,
      declarationMap: false,
      ...(declarations ? { declarationDir: abs(`packages/${pkg}/dist`) } : {}),
      sourceMap: true,
    },
  });
}

function clean(dir) {
  return { name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) };
}

const nodeEnv = (value) =>
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify(value) } });

const esm = (pkg) => ({
  dir: `packages/${pkg}/dist`,
  format: 'es',
  sourcemap: true,
  preserveModules: true,
  preserveModulesRoot: `packages/${pkg}/src`,
});

export default [
  {
    input: sources('core'),
    external: isExternal(['zod', 'immer', 'papaparse']),
    plugins: [clean('packages/core/dist'), compile('core')],
    output: esm('core'),
  },
  {
    input: sources('components'),
    external: isExternal(['lit', '@lit', '@lit-labs', 'idb', '@links-approach/core']),
    plugins: [clean('packages/components/dist'), compile('components')],
    output: esm('components'),
  },
  {
    // Everything inlined: Lit, core, zod, immer. One file a page can load with no build step.
    input: 'packages/components/src/all.ts',
    plugins: [
      nodeResolve({ browser: true }),
      compile('components', { declarations: false }),
      nodeEnv('production'),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: {
      file: 'packages/components/dist/links-components.bundle.min.js',
      format: 'es',
      inlineDynamicImports: true,
      sourcemap: true,
    },
  },
  {
    input: sources('cli'),
    external: isExternal(['@links-approach/core', ...builtinModules, /^node:/]),
    plugins: [clean('packages/cli/dist'), compile('cli')],
    output: esm('cli'),
  },
];
