// A @web/test-runner plugin that gives browser tests a real Links service:
// the first request to /__links-service starts `links serve --dev-auth` on
// PGlite in a fresh temporary data folder, on a free loopback port, allowing
// the test page's origin (CORS), and answers {"url": "http://127.0.0.1:PORT"}.
// Later requests get the same service; it stops (and its folder is removed)
// when the runner stops. Test files that never ask start nothing.
//
//   const { url } = await (await fetch('/__links-service')).json();
//   const token = (await (await fetch(`${url}/api/dev/token`, { method: 'POST', … })).json()).token;
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const LINKS = join(root, 'packages/cli/bin/links.js');
/** A bound on start-up (a new PGlite folder takes a few seconds; more on a busy machine), not a timing check. */
const START_TIMEOUT_MS = 300_000;

export function linksServicePlugin() {
  let starting;
  let child;
  let dataDir;

  function start(origin) {
    dataDir = mkdtempSync(join(tmpdir(), 'links-test-service-'));
    return new Promise((resolve, reject) => {
      child = spawn(
        process.execPath,
        [
          LINKS,
          'serve',
          '--dev-auth',
          '--port',
          '0',
          '--host',
          '127.0.0.1',
          '--data-dir',
          dataDir,
          '--allow-origin',
          origin,
          '--rate-limit',
          '0',
          '--log-level',
          'warn',
        ],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      const timer = setTimeout(
        () =>
          reject(new Error(`the test service did not start within ${START_TIMEOUT_MS / 1000} s: ${err.slice(-2000)}`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk) => {
        err = (err + chunk).slice(-10_000);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the test service exited (${code}): ${err.slice(-2000)}`));
      });
    });
  }

  return {
    name: 'links-test-service',
    async serve(context) {
      if (context.path !== '/__links-service') return undefined;
      starting ??= start(context.origin);
      const url = await starting;
      return { body: JSON.stringify({ url }), type: 'application/json', headers: { 'cache-control': 'no-store' } };
    },
    async serverStop() {
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
