// Helpers for the process-level tests: real `links serve` processes on
// 127.0.0.1 (free ports), a PostgreSQL database per test, dev-auth tokens and
// event appends over HTTP. Every loop here is bounded; every process and
// database a helper starts is stopped by the `cleanup` it registers.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL, fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI_MAIN = join(ROOT, 'packages/cli/src/main.ts');

/** True in CI, where a PostgreSQL suite must fail rather than skip. */
export const IN_CI = process.env.CI === 'true';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A temporary folder removed by `cleanup`. */
export function tempDir(prefix = 'links-server-test-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Spawns `links serve --dev-auth` directly (node + tsx on the CLI's source, no
 * wrapper process, so a signal reaches the server itself) and resolves once it
 * prints `Links service listening on http://HOST:PORT`.
 *
 * `options.script` runs another script with `<port> --database-url URL | --data-dir DIR`
 * instead (the benchmark's launcher, bench/server-process.mjs).
 *
 * @param {{ databaseUrl?: string, dataDir?: string, port?: number, env?: Record<string,string>, args?: string[], script?: string }} options
 */
export async function startServer(options = {}) {
  const port = options.port ?? (await freePort());
  const args = [
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--dev-auth',
    '--rate-limit',
    '0',
    '--log-level',
    'warn',
  ];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  if (options.dataDir) args.push('--data-dir', options.dataDir);
  for (const arg of options.args ?? []) args.push(arg);
  const env = { ...process.env, ...options.env };
  delete env.DATABASE_URL;
  if (options.env?.DATABASE_URL) env.DATABASE_URL = options.env.DATABASE_URL;
  const argv = options.script
    ? [
        options.script,
        String(port),
        ...(options.databaseUrl ? ['--database-url', options.databaseUrl] : ['--data-dir', options.dataDir]),
      ]
    : [CLI_MAIN, ...args];
  const child = spawn(process.execPath, ['--conditions=@links-approach/source', '--import', 'tsx', ...argv], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`links serve did not start within 300 s:\n${output.slice(-3000)}`));
    }, 300_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Links service listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`links serve exited (${code ?? signal}) before listening:\n${output.slice(-3000)}`));
    });
  });
  return {
    url,
    port,
    child,
    exited,
    output: () => output,
    /** Sends a signal and waits for the process to exit (at most 30 s, then SIGKILL). */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/**
 * A PostgreSQL database for one test: a fresh database in the cluster named
 * by `LINKS_TEST_DATABASE_URL`, else in a throw-away cluster from
 * scripts/postgres.mjs. Resolves `{ url, cluster?, cleanup }`, or `{ skip }`
 * with the reason when no PostgreSQL can be had (never in CI: there it throws).
 *
 * @param {{ ownCluster?: boolean }} options ownCluster: always start a cluster
 *   this test may stop and start (the restart test).
 */
export async function postgresDatabase(options = {}) {
  let cluster;
  let baseUrl = options.ownCluster ? undefined : process.env.LINKS_TEST_DATABASE_URL;
  if (!baseUrl) {
    try {
      const { startPostgres } = await import(join(ROOT, 'scripts/postgres.mjs'));
      cluster = await startPostgres();
      baseUrl = cluster.url;
    } catch (error) {
      const reason = `no PostgreSQL could be started: ${String(error?.message ?? error).split('\n')[0]}`;
      if (IN_CI) throw new Error(`${reason} (CI=true: PostgreSQL tests must not be skipped)`);
      return { skip: reason };
    }
  }
  const { default: pg } = await import('pg');
  const name = `links_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cluster,
    async cleanup() {
      if (cluster) {
        cluster.stop();
        return;
      }
      const drop = new pg.Client({ connectionString: baseUrl });
      try {
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await drop.end().catch(() => {});
      }
    },
  };
}

/** Runs one SQL query against a PostgreSQL URL with a short-lived client. */
export async function sql(databaseUrl, text, params = []) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** JSON over HTTP with a bearer token; resolves `{ status, headers, body }` (body parsed when JSON). */
export async function request(url, { method = 'GET', token, body, headers = {}, timeoutMs = 30_000 } = {}) {
  const init = { method, headers: { ...headers }, signal: AbortSignal.timeout(timeoutMs) };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['content-type'] ??= 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The dev-auth demo users (`GET /api/dev/users`). */
export async function devUsers(base) {
  const { status, body } = await request(`${base}/api/dev/users`);
  if (status !== 200) throw new Error(`GET /api/dev/users → ${status} ${JSON.stringify(body)}`);
  return Array.isArray(body) ? body : body.users;
}

/** A dev-auth token for a demo user (`POST /api/dev/token`). */
export async function devToken(base, user) {
  const { status, body } = await request(`${base}/api/dev/token`, { method: 'POST', body: { user } });
  if (status !== 200 && status !== 201) throw new Error(`POST /api/dev/token → ${status} ${JSON.stringify(body)}`);
  return body.token ?? body.access_token;
}

/** The first demo user with a role (`referrer`, `clp`, …), optionally at a practice. */
export function userWith(users, role, practice) {
  const found = users.find(
    (u) =>
      u.role === role && (practice === undefined || (u.practices ?? [u.practiceId ?? u.practice]).includes(practice)),
  );
  if (!found)
    throw new Error(`no dev user with role ${role}${practice ? ` at ${practice}` : ''}: ${JSON.stringify(users)}`);
  return found;
}

/** The practices a demo user belongs to. */
export function practicesOf(user) {
  return user.practices ?? [user.practiceId ?? user.practice].filter(Boolean);
}

let counter = 0;
/** A unique opaque id (valid as a referral, event or idempotency id). */
export function uid(prefix = 'x') {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** The event that opens a referral (the server fills in the actor from the token). */
export function createdEvent(referralId, practiceId, id = uid('ev')) {
  return {
    id,
    referralId,
    type: 'created',
    at: new Date().toISOString(),
    status: 'requested',
    person: `person-${referralId}`.slice(0, 120),
    practiceId,
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day' }],
    urgency: 'routine',
  };
}

/** A note on a referral: the simplest event any role may add while it is open. */
export function noteEvent(referralId, text = 'Checked in', id = uid('ev')) {
  return { id, referralId, type: 'note-added', at: new Date().toISOString(), text };
}

/**
 * Appends one event: `POST /api/referrals/{id}/events` with the expected
 * stream version in `If-Match` and an idempotency key. Resolves the response.
 */
export function append(base, token, event, { expectedVersion, key = uid('key'), timeoutMs } = {}) {
  const headers = { 'idempotency-key': key };
  if (expectedVersion !== undefined) headers['if-match'] = `"${expectedVersion}"`;
  return request(`${base}/api/referrals/${encodeURIComponent(event.referralId)}/events`, {
    method: 'POST',
    token,
    headers,
    body: { event },
    timeoutMs,
  });
}

/** `GET /api/referrals/{id}`: the referral's state, version and events. */
export async function readReferral(base, token, referralId) {
  const response = await request(`${base}/api/referrals/${encodeURIComponent(referralId)}`, { token });
  if (response.status !== 200)
    throw new Error(`GET referral ${referralId} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Removes a folder, ignoring errors. */
export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
