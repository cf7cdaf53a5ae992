// Shared by the server's tests (not published): a fresh service per test
// file on PGlite, and on PostgreSQL when LINKS_TEST_DATABASE_URL is set (a
// fresh schema per file). With CI=true a missing PostgreSQL fails the run.
import { randomBytes } from 'node:crypto';
import { describe, after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildService, type LinksService, type ServerOptions } from './app.js';
import { loadMigrations, migrate } from './db/database.js';

export type Backend = 'pglite' | 'postgres';

/** The backends this run tests: PGlite always; PostgreSQL when a URL is given (required under CI). */
export function backends(): { backend: Backend; skip: string | false }[] {
  const url = process.env['LINKS_TEST_DATABASE_URL'];
  const missing =
    'LINKS_TEST_DATABASE_URL is not set (scripts/test-server.mjs starts a throw-away PostgreSQL when it can)';
  if (!url && process.env['CI'] === 'true') {
    test('PostgreSQL is available for the server tests under CI', () => {
      assert.fail(`${missing}: CI must never skip the PostgreSQL tests`);
    });
  }
  return [
    { backend: 'pglite', skip: false },
    { backend: 'postgres', skip: url ? false : missing },
  ];
}

/** Options for a test service on a backend: a fresh in-memory PGlite, or a fresh schema on the test PostgreSQL. */
export async function databaseFor(backend: Backend): Promise<ServerOptions['database']> {
  if (backend === 'pglite') return { dataDir: 'memory://', pgliteTemplate: await pgliteTemplate() };
  return {
    databaseUrl: process.env['LINKS_TEST_DATABASE_URL']!,
    schema: `t_${randomBytes(6).toString('hex')}`,
    poolSize: 20,
  };
}

/**
 * Runs `suite` once per backend, each with its own service
 * (`--dev-auth` demo users unless `options` say otherwise).
 */
export function forEachBackend(
  name: string,
  suite: (ctx: { service: () => LinksService; backend: Backend }) => void,
  options: Partial<ServerOptions> = {},
): void {
  for (const { backend, skip } of backends()) {
    describe(`${name} (${backend})`, { skip }, () => {
      let service: LinksService | undefined;
      let database: ServerOptions['database'] | undefined;
      before(async () => {
        database = await databaseFor(backend);
        service = await buildService({ devAuth: true, rateLimit: false, ...options, database });
      });
      after(async () => {
        await service?.close();
        if (database?.schema) await dropSchema(database.databaseUrl!, database.schema);
      });
      suite({ service: () => service!, backend });
    });
  }
}

/** A `--dev-auth` bearer header for a demo user. */
export async function as(service: LinksService, user: string): Promise<{ authorization: string }> {
  const signed = await service.devAuth!.sign(user);
  assert.ok(signed, `no demo user ${user}`);
  return { authorization: `Bearer ${signed.token}` };
}

/** The parsed JSON body of an inject() response. */
export function body<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** Asserts a problem+json answer with this status (and code, when given). */
export function assertProblem(
  response: LightMyRequestResponse,
  status: number,
  code?: string,
): Record<string, unknown> {
  assert.equal(response.statusCode, status, response.body);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = body(response);
  assert.equal(problem['status'], status);
  assert.ok(Array.isArray(problem['errors']) && (problem['errors'] as unknown[]).length > 0);
  assert.doesNotMatch(response.body, /\bat .+\.(ts|js):\d+/, 'no stack trace');
  if (code) assert.equal((problem['errors'] as { code: string }[])[0]!.code, code, response.body);
  return problem;
}

let counter = 0;

/** A `created` event (without actor: the server sets it) for a referral at a practice. */
export function createdEvent(
  referralId: string,
  practiceId: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: `${referralId}-e${++counter}`,
    referralId,
    at: '2025-03-03T09:00:00Z',
    type: 'created',
    status: 'requested',
    person: 'pt-7f3a9c',
    practiceId,
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day' }],
    urgency: 'routine',
    consent: ['contact', 'share-outcome-with-gp-record'],
    ...extra,
  };
}

/** Any later event for a referral. */
export function laterEvent(
  referralId: string,
  fields: Record<string, unknown>,
  at = '2025-03-04T09:00:00Z',
): Record<string, unknown> {
  return { id: `${referralId}-e${++counter}`, referralId, at, ...fields };
}

/** Removes a test schema from the test PostgreSQL. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * A dump of an empty PGlite database with every migration applied, made
 * once and kept in node_modules/.cache (keyed by the migrations), so each
 * test file starts from a fresh copy without running initdb again.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const key = loadMigrations()
    .map((m) => `${m.version}-${m.sql.length}`)
    .join('_');
  const dir = fileURLToPath(new URL('../../../node_modules/.cache/links-server/', import.meta.url));
  const file = join(dir, `pglite-${key}.tar.gz`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.waitReady;
  const { openDatabaseOn } = await import('./db/database.js');
  await migrate(openDatabaseOn(db));
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  const bytes = Buffer.from(await dump.arrayBuffer());
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, bytes);
  renameSync(temp, file);
  return new Blob([bytes]);
}
