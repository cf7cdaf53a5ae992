// `npm start`: serves the examples/ demo (a practice intranet page) with
// @web/dev-server. The packages are served from source, so nothing needs
// building first. It serves the repository root, so the docs site (built by
// `npm run docs` into docs/site/) is reachable too.
import { startDevServer } from '@web/dev-server';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { createServer } from 'node:net';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findFiles, root, runCommand } from './lib.mjs';

// The script-tag example (examples/intranet/) uses the built browser bundle,
// exactly as a page without a build step would: build it when it is missing
// or older than the sources.
const bundleEntry = join(root, 'packages/components/dist/browser/links-autoloader.js');
const newestSource = Math.max(
  ...['packages/components/src', 'packages/core/src'].flatMap((dir) =>
    findFiles(join(root, dir), /\.(ts|css)$/).map((file) => statSync(file).mtimeMs),
  ),
);
if (!existsSync(bundleEntry) || statSync(bundleEntry).mtimeMs < newestSource) {
  console.log('Building the script-tag bundle for examples/intranet/ …');
  const code = await runCommand(process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--configBrowser', '--silent'], { cwd: root });
  if (code !== 0) console.error('The script-tag bundle did not build; examples/intranet/ will not work until it does.');
}

/** The first free port from `start`, so a second demo (or another server on 8000) does not stop this one. */
async function freePort(start) {
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

const port = await freePort(Number(process.env.PORT ?? 8000));
const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname: '127.0.0.1',
    nodeResolve,
    plugins: devPlugins,
    watch: false,
    clearTerminalOnReload: false,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const address = server.server?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const docs = existsSync(join(root, 'docs', 'site', 'index.html'))
  ? `http://localhost:${actualPort}/docs/site/`
  : 'run "npm run docs" to build it, then open /docs/site/';
console.log(`\nLinks Approach demo (practice intranet page): http://localhost:${actualPort}/examples/\nNo-build-step page (script tag only): http://localhost:${actualPort}/examples/intranet/\nDocs site: ${docs}\nPress Ctrl+C to stop.\n`);
