// One build for every package: ESM + .d.ts into each package's dist/, and a
// self-contained, minified browser bundle of the components for pages that
// only add a <script type="module">. The components' template HTML and CSS
// are minified in both their builds.
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { findFiles } from './scripts/lib.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const sources = (pkg) =>
  findFiles(`packages/${pkg}/src`, /\.ts$/).filter(
    (file) => !/\.(test|bench)\.ts$|\.d\.ts$|[\\/]test-[^\\/]*\.ts$/.test(file),
  );

const abs = (path) => resolve(process.cwd(), path);

const isExternal = (patterns) => (id) =>
  patterns.some((p) => (typeof p === 'string' ? id === p || id.startsWith(`${p}/`) : p.test(id)));

/** Compiles one package's sources with its own tsconfig, emitting declarations beside the JS. */
function compile(pkg, { declarations = true, outDir = `packages/${pkg}/dist` } = {}) {
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
      outDir: abs(outDir),
      declaration: declarations,
      declarationMap: false,
      ...(declarations ? { declarationDir: abs(`packages/${pkg}/dist`) } : {}),
      sourceMap: true,
    },
  });
}

/** Copies a static file into the output directory as an asset. */
function copyFile(from, fileName) {
  return {
    name: 'copy-file',
    buildStart() {
      this.addWatchFile(from);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
    },
  };
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

const browser = {
  // The script-tag build: Lit, core, zod and immer inlined, no bare imports,
  // split into shared chunks so a page loads each library once. Entries:
  // links-components.js registers every element; links-autoloader.js
  // registers each element when its tag first appears; links-core.js is the
  // domain for pages without a build step.
  input: {
    'links-components': 'packages/components/src/all.ts',
    'links-autoloader': 'packages/components/src/bundle/autoloader.ts',
    'links-core': 'packages/components/src/bundle/core.ts',
  },
  plugins: [
    nodeResolve({ browser: true }),
    compile('components', { declarations: false, outDir: 'packages/components/dist/browser' }),
    // The templates' HTML and CSS, minified after compiling (scripts/minify-templates.mjs).
    minifyTemplates(),
    nodeEnv('production'),
    copyFile('packages/components/src/bundle/links-components.css', 'links-components.css'),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
  ],
  output: {
    dir: 'packages/components/dist/browser',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
};

/** `rollup -c --configBrowser` builds only the script-tag bundle (used by `npm start`). */
export default (args) => (args.configBrowser ? [browser] : all);

const all = [
  {
    input: sources('core'),
    external: isExternal(['zod', 'immer', 'papaparse']),
    plugins: [clean('packages/core/dist'), compile('core')],
    output: esm('core'),
  },
  {
    input: sources('components'),
    external: isExternal(['lit', '@lit', '@lit-labs', 'idb', '@links-approach/core']),
    // Templates minified here too: npm consumers' bundlers do not minify Lit templates by default.
    plugins: [clean('packages/components/dist'), compile('components'), minifyTemplates()],
    output: esm('components'),
  },
  browser,
  // The service before the CLI: `links serve` is typed against its dist/ declarations.
  {
    input: sources('server'),
    external: isExternal([
      '@links-approach/core',
      'fastify',
      '@fastify',
      '@electric-sql',
      'pg',
      'jose',
      'zod',
      ...builtinModules,
      /^node:/,
    ]),
    plugins: [clean('packages/server/dist'), compile('server')],
    output: esm('server'),
  },
  {
    input: sources('cli'),
    external: isExternal(['@links-approach/core', '@links-approach/server', ...builtinModules, /^node:/]),
    plugins: [clean('packages/cli/dist'), compile('cli')],
    output: esm('cli'),
  },
  {
    // React wrappers: one module per element, each importing that element's own entry.
    input: sources('react'),
    external: isExternal(['react', '@lit/react', '@links-approach/components', '@links-approach/core']),
    plugins: [clean('packages/react/dist'), compile('react')],
    output: esm('react'),
  },
];
