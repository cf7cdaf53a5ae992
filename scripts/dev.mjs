// `npm run dev`: for contributors. Serves the repository with @web/dev-server
// from source (TypeScript compiled on the fly, Lit in development mode with
// its warnings) and reloads the page when a file changes. The demo service
// runs beside it as with `npm start`, reached under /api/ on the same origin.
// Options: --offline, --fresh (as for `npm start`). `npm start` serves the
// production build instead: that is the page a newcomer should see.
import { startDevServer } from '@web/dev-server';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devPlugins, nodeResolve } from './dev-plugins.mjs';
import { demoOptions, ensureScriptTagBundle, freePort, startDemoService, stopOnSignals } from './demo-stack.mjs';
import { apiProxyMiddleware } from './static-server.mjs';
import { root } from './lib.mjs';

const options = demoOptions();
await ensureScriptTagBundle();
const service = options.offline ? undefined : await startDemoService({ fresh: options.fresh });
const port = await freePort(Number(process.env.PORT ?? 8000));
const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname: '127.0.0.1',
    nodeResolve,
    plugins: devPlugins,
    middleware: service ? [apiProxyMiddleware(service.url)] : [],
    // Live reload: the page reloads when a file it uses changes.
    watch: true,
    clearTerminalOnReload: false,
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
stopOnSignals(
  () => server.stop(),
  async () => service?.stop(),
);
const address = server.server?.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const base = `http://localhost:${actualPort}`;
const docs = existsSync(join(root, 'docs', 'site', 'index.html'))
  ? `${base}/docs/site/`
  : 'run "npm run docs" to build it, then open /docs/site/';
console.log(`
Links Approach demo, development server (from source, live reload): ${base}/examples/
  Data: ${service ? `the demo service at ${base}/api/` : 'this browser only (--offline: no service)'}
No-build-step page (script tag only, rebuilt by "npm start" or "rollup -c --configBrowser"): ${base}/examples/intranet/
Docs site: ${docs}
Press Ctrl+C to stop.
`);
