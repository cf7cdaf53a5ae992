// A throw-away PostgreSQL cluster for the server's tests and benchmarks.
//
//   import { startPostgres } from './postgres.mjs';
//   const pg = await startPostgres();   // { url, dir, port, stop() }
//
// As a command (for .ci/run):
//   node scripts/postgres.mjs start   prints the URL on stdout; the cluster keeps running
//   node scripts/postgres.mjs stop    stops the cluster `start` left running (and removes its folder)
//
// It finds the server under /usr/lib/postgresql/<version>/bin (or PG_BIN), runs
// initdb as the `postgres` user when we are root (the server refuses to run as
// root) in a temporary folder with trust auth for user `links`, and listens on a
// free port on 127.0.0.1 only.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `start` records the running cluster for `stop`. */
const STATE_FILE = join(tmpdir(), 'links-postgres.json');

/** The folder holding initdb and pg_ctl, or undefined when no PostgreSQL server is installed. */
export function findPostgresBin() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')) && existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(command, args) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command.split('/').pop()} failed: ${(result.stderr || result.stdout || result.error?.message || '').trim()}`,
    );
  }
  return result.stdout;
}

/**
 * Starts a throw-away PostgreSQL cluster and resolves when it accepts connections.
 * @returns {Promise<{ url: string, dir: string, port: number, stop: () => void }>}
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error(
      'no PostgreSQL server found under /usr/lib/postgresql (install the Debian package "postgresql", or set PG_BIN)',
    );
  const dir = mkdtempSync(join(tmpdir(), 'links-pg-'));
  chmodSync(dir, 0o700);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'links', '-E', 'UTF8', '--no-sync']);
  let port = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    try {
      asPostgres(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-w',
        '-t',
        '60',
        '-l',
        join(dir, 'log'),
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
        'start',
      ]);
      break;
    } catch (error) {
      if (attempt === 4) {
        const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`${error.message}\n${log}`);
      }
    }
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped (a test may stop it on purpose).
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://links@127.0.0.1:${port}/postgres`, dir, port, bin, data, stop };
}

/** Stops and starts again the cluster `startPostgres` returned (for restart tests), on the same port. */
export function pgCtl(cluster, action) {
  const args =
    action === 'stop'
      ? ['-D', cluster.data, '-m', 'fast', '-w', 'stop']
      : [
          '-D',
          cluster.data,
          '-w',
          '-t',
          '60',
          '-l',
          join(cluster.dir, 'log'),
          '-o',
          `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
          'start',
        ];
  asPostgres(join(cluster.bin, 'pg_ctl'), args);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const action = process.argv[2];
  if (action === 'start') {
    try {
      const cluster = await startPostgres();
      writeFileSync(
        STATE_FILE,
        JSON.stringify({ url: cluster.url, dir: cluster.dir, data: cluster.data, bin: cluster.bin }),
      );
      process.stdout.write(`${cluster.url}\n`);
    } catch (error) {
      console.error(`PostgreSQL could not be started: ${error.message}`);
      process.exitCode = 1;
    }
  } else if (action === 'stop') {
    if (existsSync(STATE_FILE)) {
      const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
      try {
        asPostgres(join(state.bin, 'pg_ctl'), ['-D', state.data, '-m', 'fast', '-w', 'stop']);
      } catch (error) {
        console.error(error.message);
      }
      rmSync(state.dir, { recursive: true, force: true });
      rmSync(STATE_FILE, { force: true });
    }
  } else {
    console.error('usage: node scripts/postgres.mjs start|stop');
    process.exitCode = 2;
  }
}
