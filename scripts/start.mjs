// `npm start`: serves the examples/ demo (a practice intranet page) with
// @web/dev-server. The packages are served from source, so nothing needs
// building first.
import { startDevServer } from '@web/dev-server';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { createServer } from 'node:net';
import { root } from './lib.mjs';

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
console.log(`\nLinks Approach demo (practice intranet page): http://localhost:${actualPort}/examples/\nPress Ctrl+C to stop.\n`);
