// `npm run docs`: builds the docs site into docs/site/ (git-ignored).
// Regenerates custom-elements.json, builds the packages first if the
// components bundle is missing, then renders every page and checks every
// link. Exits non-zero, with the reasons, if anything is incomplete: an
// element without a summary, an event, CSS part or custom property without a
// description, an exported core symbol without TSDoc, a CLI command without
// an example, a broken link.
//
//   npm run docs                 # the whole site
//   npm run docs -- --no-api     # without the typedoc reference (faster)
//   npm run docs -- --out DIR    # somewhere else
//   npm run docs -- --bundle FILE   # live examples on another build of the components bundle
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFiles, root, runQuiet } from '../lib.mjs';

const CONDITION = '--conditions=@links-approach/source';

// Core and the CLI are used from source (the examples' data, the CLI guide's output): run under tsx.
if (!process.execArgv.includes(CONDITION)) {
  const result = spawnSync(
    process.execPath,
    [CONDITION, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'docs/site');
const api = !args.includes('--no-api');
const bundleIndex = args.indexOf('--bundle');
const bundleOverride = bundleIndex >= 0 ? resolve(root, args[bundleIndex + 1]) : undefined;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

const { buildSite, bundlePath } = await import('./site.mjs');

console.log('docs: custom-elements.json (npm run manifest)');
const manifest = await runQuiet('npm', ['run', '--silent', 'manifest']);
if (manifest.code !== 0) {
  console.error('docs: npm run manifest failed');
  process.exit(1);
}

const bundle = bundleOverride ?? bundlePath(root);
if (!existsSync(bundle)) {
  console.log(`docs: ${relative(root, bundle)} is missing; building the packages (npm run build)`);
  const build = await runQuiet('npm', ['run', '--silent', 'build']);
  if (build.code !== 0) {
    console.error('docs: npm run build failed');
    process.exit(1);
  }
} else {
  const built = statSync(bundle).mtimeMs;
  const sources = [...findFiles('packages/components/src', /\.ts$/), ...findFiles('packages/core/src', /\.ts$/)].filter(
    (f) => !/\.test\.ts$/.test(f),
  );
  const newer = sources.filter((f) => statSync(join(root, f)).mtimeMs > built);
  if (newer.length > 0) {
    console.warn(
      `docs: warning: ${relative(root, bundle)} is older than ${newer.length} source file(s) (e.g. ${newer[0]}); the live examples use the bundle as built. Run "npm run build" to refresh it.`,
    );
  }
}

const result = await buildSite({ root, out, api, bundle: bundleOverride, log: (line) => console.log(`docs: ${line}`) });

if (result.warnings.length > 0) {
  console.log(`\ndocs: ${result.warnings.length} warning(s):`);
  for (const warning of result.warnings) console.log(`  - ${warning}`);
}
if (result.errors.length > 0) {
  console.error(`\ndocs: the site is incomplete (${result.errors.length} problem(s)):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  console.error(`docs: failed after ${seconds()} s`);
  process.exit(1);
}
const shown = relative(root, out).split('\\').join('/');
console.log(
  `\ndocs: built ${shown}/ in ${seconds()} s. View it with "npm start", then open http://localhost:8000/${shown}/ (or the port npm start prints).`,
);
