// The production build of the example pages that have scripts of their own
// (examples/index.html, the team demo; examples/react/; examples/gp-system/), as a real site
// would serve them: each page's scripts bundled by rollup with Lit in
// production mode, minified, shared code split into chunks, into
// .links-demo/site/examples/. The page's HTML is copied with its
// `<script src="….ts">` pointing at the built files and the shared chunks
// preloaded. `npm start` runs this when a source is newer than the build;
// `node scripts/build-demo.mjs` builds it on its own.
//
// Files the pages fetch or link (examples/data/, demo.css, the themes, the
// script-tag bundle for examples/intranet/) are not copied: scripts/static-server.mjs
// serves the build folder first and the repository after it.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import ts from 'typescript';
import { findFiles, root } from './lib.mjs';

/** Where the built site goes (gitignored). */
export const siteDir = join(root, '.links-demo', 'site');

/** The pages built: each page's HTML and the folder its scripts are written to (beside the page). */
const PAGES = [
  { html: 'examples/index.html', scriptsDir: 'examples/demo' },
  { html: 'examples/react/index.html', scriptsDir: 'examples/react' },
  { html: 'examples/gp-system/index.html', scriptsDir: 'examples/gp-system' },
];

const STAMP = join(siteDir, '.built');

/** Whether the build is missing or older than any source it is made from. */
export function demoBuildIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  const sources = [
    // findFiles takes and returns paths relative to the repository root.
    ...['packages/components/src', 'packages/core/src', 'packages/react/src', 'examples'].flatMap((dir) =>
      findFiles(dir, /\.(ts|css|html)$/).map((file) => join(root, file)),
    ),
    join(root, 'scripts/build-demo.mjs'),
    join(root, 'package-lock.json'),
  ];
  return sources.some((file) => statSync(file).mtimeMs > built);
}

/** TypeScript to JavaScript file by file (types were checked by `npm run typecheck`), with Lit's decorator settings. */
function transpileTypeScript() {
  return {
    name: 'links-transpile-typescript',
    transform(code, id) {
      if (!id.endsWith('.ts') || id.endsWith('.d.ts')) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          useDefineForClassFields: false,
          verbatimModuleSyntax: true,
          sourceMap: true,
        },
      });
      return { code: out.outputText, map: out.sourceMapText ? JSON.parse(out.sourceMapText) : null };
    },
  };
}

/** The `<script type="module" src="./x.ts">` tags of a page, as paths from the repository root. */
function pageScripts(htmlFile) {
  const html = readFileSync(join(root, htmlFile), 'utf8');
  const scripts = [];
  for (const match of html.matchAll(/<script type="module" src="([^"]+\.ts)"><\/script>/g)) {
    scripts.push(
      relative(root, join(root, dirname(htmlFile), match[1]))
        .split('\\')
        .join('/'),
    );
  }
  return scripts;
}

/** Builds every page into .links-demo/site/; returns the files written, by page. */
export async function buildDemo({ log = console.log } = {}) {
  const started = Date.now();
  rmSync(siteDir, { recursive: true, force: true });
  for (const page of PAGES) {
    const entries = pageScripts(page.html);
    const outDir = join(siteDir, page.scriptsDir);
    const bundle = await rollup({
      input: Object.fromEntries(entries.map((file) => [file.split('/').pop().replace(/\.ts$/, ''), join(root, file)])),
      plugins: [
        // Lit, immer and React in production mode: no "development" export condition.
        nodeResolve({
          browser: true,
          exportConditions: ['@links-approach/source', 'browser', 'production'],
          extensions: ['.ts', '.mjs', '.js', '.json'],
        }),
        commonjs({ include: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }),
        transpileTypeScript(),
        replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      ],
      onwarn(warning, warn) {
        // Noise: Lit's `this` at module level, cycles inside zod, sourcemap lookups for warnings, comments zod places where rollup cannot keep them.
        if (
          ['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'SOURCEMAP_ERROR', 'INVALID_ANNOTATION'].includes(warning.code)
        )
          return;
        warn(warning);
      },
    });
    const { output } = await bundle.write({
      dir: outDir,
      format: 'es',
      // One flat folder beside the page, so `new URL('../data/…', import.meta.url)` finds examples/data/ as in the source.
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
      plugins: [terser({ format: { comments: false }, compress: { passes: 2 } })],
    });
    await bundle.close();

    // The page: scripts point at the built files; the chunks every entry needs are preloaded, so the browser
    // fetches them in parallel with the entry instead of one after the other.
    const shared = new Set();
    for (const chunk of output)
      if (chunk.type === 'chunk' && chunk.isEntry) for (const file of chunk.imports) shared.add(file);
    const pageDir = dirname(page.html);
    const prefix = relative(pageDir, page.scriptsDir).split('\\').join('/') || '.';
    let html = readFileSync(join(root, page.html), 'utf8').replace(
      /<script type="module" src="([^"]+)\.ts"><\/script>/g,
      (_, src) => `<script type="module" src="${src}.js"></script>`,
    );
    const preloads = [...shared]
      .map((file) => `    <link rel="modulepreload" href="./${prefix}/${file}" />`)
      .join('\n');
    html = html.replace(/(\s*)<\/head>/, `\n${preloads}$1</head>`);
    mkdirSync(join(siteDir, pageDir), { recursive: true });
    writeFileSync(join(siteDir, page.html), html);
    const js = output.filter((o) => o.type === 'chunk');
    const bytes = js.reduce((sum, o) => sum + Buffer.byteLength(o.code), 0);
    log(`  ${page.html}: ${js.length} scripts, ${(bytes / 1024).toFixed(0)} KB minified`);
  }
  writeFileSync(STAMP, new Date().toISOString());
  log(`Built the example pages for production in ${((Date.now() - started) / 1000).toFixed(1)} s (.links-demo/site/).`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await buildDemo();
}
