// What `npm start` (production pages) and `npm run dev` (live-reloading dev
// server) share: a free port, the script-tag bundle for examples/intranet/,
// and the demo service (scripts/demo-service.ts) as a child process.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findFiles, root, runCommand } from './lib.mjs';

/** The demo service's PGlite folder (gitignored); `--fresh` starts it again from the seed. */
export const demoDataDir = process.env.LINKS_DEMO_DATA_DIR ?? join(root, '.links-demo', 'data');

/** The options both commands take. */
export function demoOptions(argv = process.argv.slice(2)) {
  return {
    /** No service: the pages keep their data in the browser only (IndexedDB). */
    offline: argv.includes('--offline') || process.env.LINKS_DEMO_OFFLINE === '1',
    /** Delete the service's data folder first, so it is seeded again. */
    fresh: argv.includes('--fresh'),
  };
}

/** The first free port from `start`, so a second demo (or another server on 8000) does not stop this one. */
export async function freePort(start) {
  for (let port = start; port < start + 50; port += 1) {
    const free = await new Promise((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)))
        .listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${start} and ${start + 49}`);
}

/** The newest modification time of the sources in `dirs` (the element and domain sources by default). */
function newestSource(dirs = ['packages/components/src', 'packages/core/src']) {
  let newest = 0;
  for (const dir of dirs) {
    // findFiles takes and returns paths relative to the repository root.
    for (const file of findFiles(dir, /\.(ts|css)$/)) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

/**
 * The script-tag example (examples/intranet/) uses the built browser bundle,
 * exactly as a page without a build step would: build it when it is missing
 * or older than the sources.
 */
export async function ensureScriptTagBundle() {
  const bundleEntry = join(root, 'packages/components/dist/browser/links-autoloader.js');
  if (existsSync(bundleEntry) && statSync(bundleEntry).mtimeMs >= newestSource()) return;
  // The bundle's TypeScript step resolves core through its built dist/ (types and modules), which a fresh clone
  // does not have yet: compile core there first (what `npm run build` puts there, less its source maps).
  const coreEntry = join(root, 'packages/core/dist/index.js');
  if (!existsSync(coreEntry) || statSync(coreEntry).mtimeMs < newestSource(['packages/core/src'])) {
    console.log('Compiling @links-approach/core into packages/core/dist/ for the script-tag bundle …');
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const built = await runCommand(
      process.execPath,
      [
        tsc,
        '-p',
        'packages/core/tsconfig.json',
        '--noEmit',
        'false',
        '--declaration',
        '--outDir',
        'packages/core/dist',
      ],
      { cwd: root },
    );
    if (built !== 0) console.error('@links-approach/core did not compile; the script-tag bundle will not build.');
  }
  console.log('Building the script-tag bundle for examples/intranet/ …');
  const code = await runCommand(
    process.execPath,
    [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--configBrowser', '--silent'],
    { cwd: root },
  );
  if (code !== 0) console.error('The script-tag bundle did not build; examples/intranet/ will not work until it does.');
}

/**
 * Starts the demo service (`links serve --dev-auth` on PGlite in `dataDir`,
 * seeded on first start) as a child process; resolves with its URL once it
 * accepts requests. The child stops when this process exits.
 */
export async function startDemoService({ dataDir = demoDataDir, fresh = false } = {}) {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  const firstStart = !existsSync(dataDir);
  if (firstStart)
    console.log('Starting the demo service on a new database and seeding it with demo data (about a minute, once) …');
  const child = spawn(
    process.execPath,
    [
      '--conditions=@links-approach/source',
      '--import',
      'tsx',
      join(root, 'scripts/demo-service.ts'),
      '--data-dir',
      dataDir,
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const stop = () => {
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line);
        if (typeof parsed.url === 'string') resolve(parsed.url);
      } catch {
        console.log(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`the demo service stopped before it was ready (exit code ${code})`)));
  });
  return { url, child, stop };
}

/** Stops the service and exits on Ctrl+C or SIGTERM. */
export function stopOnSignals(...closers) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    Promise.allSettled(closers.map((close) => close())).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
