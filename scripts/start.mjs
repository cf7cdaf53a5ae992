// `npm start`: serves the examples/ demo (a practice intranet page) with
// @web/dev-server. The packages are served from source, so nothing needs
// building first.
import { startDevServer } from '@web/dev-server';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { root } from './lib.mjs';

const port = Number(process.env.PORT ?? 8000);
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
