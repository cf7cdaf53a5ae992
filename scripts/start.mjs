// `npm start`: the team demo as a real site would serve it.
//  - The example pages' scripts are production builds (scripts/build-demo.mjs:
//    bundled by rollup, Lit in production mode, minified), rebuilt when a
//    source is newer; examples/intranet/ uses the script-tag bundle
//    (`rollup -c --configBrowser`), built the same way.
//  - The demo service (`links serve --dev-auth` on PGlite in .links-demo/data/,
//    seeded with demo data for the demo practices and users) runs beside it,
//    reached by the page on the same origin under /api/.
//  - A small static server (scripts/static-server.mjs) serves it all: no
//    transforms, gzip, one origin.
// Options: --offline (no service: the pages keep data in the browser only),
// --fresh (start the service's data again from the seed). PORT picks the port.
// Contributors editing the sources want `npm run dev` (scripts/dev.mjs) instead.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDemo, demoBuildIsStale, siteDir } from './build-demo.mjs';
import {
  demoDataDir,
  demoOptions,
  ensureScriptTagBundle,
  freePort,
  startDemoService,
  stopOnSignals,
} from './demo-stack.mjs';
import { startStaticServer } from './static-server.mjs';
import { root } from './lib.mjs';

const options = demoOptions();
await ensureScriptTagBundle();
if (demoBuildIsStale()) {
  console.log('Building the example pages for production (a minute or two, only when sources changed) …');
  await buildDemo();
}
const service = options.offline ? undefined : await startDemoService({ fresh: options.fresh });
const port = await freePort(Number(process.env.PORT ?? 8000));
const server = await startStaticServer({ roots: [siteDir, root], port, serviceUrl: service?.url });
stopOnSignals(
  () => new Promise((resolve) => server.close(resolve)),
  async () => service?.stop(),
);

const base = `http://localhost:${port}`;
const docs = existsSync(join(root, 'docs', 'site', 'index.html'))
  ? `${base}/docs/site/`
  : 'run "npm run docs" to build it, then open /docs/site/';
console.log(`
Links Approach team demo (practice intranet page, production build): ${base}/examples/
  Data: ${service ? `the demo service (links serve --dev-auth, PGlite in ${relative(root, demoDataDir) || demoDataDir}) at ${base}/api/` : 'this browser only (--offline: no service)'}
No-build-step page (script tag only): ${base}/examples/intranet/
GP-system page on the service (a patient record with the referral elements): ${base}/examples/gp-system/
React example: ${base}/examples/react/
Docs site: ${docs}
Editing the sources? "npm run dev" serves them with live reload.
Press Ctrl+C to stop.
`);
