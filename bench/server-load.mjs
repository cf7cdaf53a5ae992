// Load helpers for bench/server.bench.mjs: autocannon runs of event appends
// and caseload reads against a running `links serve`, and the raw INSERT
// transaction rate of the same database engine as the ceiling.
// Loopback only. Prints nothing itself; returns figures.
import autocannon from 'autocannon';

import { median } from './stats.mjs';

export { median };

let serial = 0;
const nextId = (prefix) => `${prefix}-${process.pid}-${(serial += 1).toString(36)}`;

/**
 * Appends note events for `seconds` over `connections` connections. Each
 * in-flight request holds its own referral stream from `streams` (so no two
 * requests conflict), with `If-Match` set to the stream's known version and a
 * fresh idempotency key. Resolves `{ perSecond, p50, p99, ok, non2xx, errors }`.
 *
 * @param {{ url: string, token: string, streams: { id: string, version: number }[], connections: number, seconds: number }} o
 */
export function runAppends({ url, token, streams, connections, seconds, refuse = false }) {
  if (streams.length < connections) throw new Error('need at least one referral stream per connection');
  const free = [...streams];
  let conflicts = 0;
  const other = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest(request, context) {
              const stream = free.shift();
              if (!stream) throw new Error('no free referral stream');
              context.stream = stream;
              const event = {
                id: nextId('ev'),
                // `refuse`: a referral id other than the address's, refused (400) before the database is asked.
                referralId: refuse ? `${stream.id}-elsewhere` : stream.id,
                type: 'note-added',
                at: new Date().toISOString(),
                text: 'Spoke with the person about the walking group',
              };
              return {
                ...request,
                path: `/api/referrals/${stream.id}/events`,
                headers: { ...request.headers, 'if-match': `"${stream.version}"`, 'idempotency-key': nextId('key') },
                body: JSON.stringify({ event }),
              };
            },
            onResponse(status, body, context) {
              const stream = context.stream;
              if (!stream) return;
              context.stream = undefined;
              try {
                const parsed = JSON.parse(body);
                const v = parsed.version ?? parsed.currentVersion;
                if (Number.isInteger(v)) stream.version = v;
              } catch {
                // Keep the version we had.
              }
              if (status === 409) conflicts += 1;
              else if (status >= 300 && !(refuse && status === 400)) other[status] = (other[status] ?? 0) + 1;
              free.push(stream);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const done = refuse ? result['4xx'] : result['2xx'];
        resolve({
          perSecond: done / seconds,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok: done,
          non2xx: refuse ? result.non2xx - result['4xx'] : result.non2xx,
          conflicts,
          other,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('error', reject);
  });
}

/**
 * GETs one path over `connections` connections for `seconds` (or `amount`
 * requests). Resolves `{ perSecond, p50, p99, ok, non2xx }`.
 */
export function runGets({ url, token, path, connections = 1, seconds, amount }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${path}`,
        connections,
        ...(amount ? { amount } : { duration: seconds }),
        headers: { authorization: `Bearer ${token}` },
        timeout: 60,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          perSecond: result['2xx'] / (result.duration || seconds || 1),
          p50: result.latency.p50,
          p99: result.latency.p99,
          mean: result.latency.mean,
          ok: result['2xx'],
          non2xx: result.non2xx,
          // autocannon reports 0 ms when no request finished: say so (NaN prints as "NaN") rather than 0.
          ...(result['2xx'] === 0 ? { p50: NaN, p99: NaN, mean: NaN } : {}),
        });
      },
    );
    instance.on('error', reject);
  });
}

/**
 * The repository's own appends, in this process, with no HTTP: the same
 * `Repository.appendReferralEvent` the route calls (core's rules, the read
 * and the one-statement write) from `connections` concurrent callers, each on
 * its own referral stream, over a pool of `poolSize` connections (the
 * server's). The ceiling the service could reach with a free HTTP layer.
 */
export async function repositoryAppends({ databaseUrl, connections, seconds, poolSize = 10 }) {
  const { openDatabase, Repository } = await import('@links-approach/server');
  const db = await openDatabase({ databaseUrl, poolSize });
  const repository = new Repository(db);
  const actor = { id: 'gp-ash', role: 'referrer', practices: ['practice-ash'] };
  const latencies = [];
  let count = 0;
  try {
    const streams = [];
    for (let c = 0; c < connections; c++) {
      const id = nextId('repo');
      await repository.appendReferralEvent(actor, {
        referralId: id,
        event: {
          id: `${id}-c`,
          referralId: id,
          type: 'created',
          at: new Date().toISOString(),
          status: 'requested',
          person: `person-${id}`,
          practiceId: 'practice-ash',
          route: 'gp',
          reasons: [{ themeId: 'living-well-day-to-day' }],
          urgency: 'routine',
        },
        expectedVersion: 0,
      });
      streams.push({ id, version: 1 });
    }
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      streams.map(async (stream) => {
        while (performance.now() < deadline) {
          const t = performance.now();
          const result = await repository.appendReferralEvent(actor, {
            referralId: stream.id,
            event: {
              id: nextId('ev'),
              referralId: stream.id,
              type: 'note-added',
              at: new Date().toISOString(),
              text: 'Spoke with the person about the walking group',
            },
            expectedVersion: stream.version,
            idempotencyKey: nextId('key'),
          });
          stream.version = result.body.version;
          latencies.push(performance.now() - t);
          count += 1;
        }
      }),
    );
  } finally {
    await db.close();
  }
  return { perSecond: count / seconds, p50: median(latencies), count };
}

const RAW_TABLE = 'bench_raw_insert';
const RAW_BODY = JSON.stringify({
  id: 'ev-raw',
  referralId: 'ref-raw',
  type: 'note-added',
  at: '2025-03-31T12:00:00.000Z',
  actor: { role: 'referrer', id: 'gp-1' },
  text: 'Spoke with the person about the walking group',
});

/**
 * The raw INSERT transaction rate of a PostgreSQL database: `connections`
 * clients each running `BEGIN; INSERT one event row; COMMIT` back to back for
 * `seconds`. The ceiling an append (which also validates, applies core's
 * rules, updates the projection and records the idempotency key) can reach.
 */
export async function rawInsertPostgres({ databaseUrl, connections, seconds }) {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${RAW_TABLE} (seq bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream, version))`,
    );
    let count = 0;
    const latencies = [];
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        const client = await pool.connect();
        const stream = nextId(`raw${c}`);
        let version = 0;
        try {
          while (performance.now() < deadline) {
            const t = performance.now();
            await client.query('BEGIN');
            await client.query(`INSERT INTO ${RAW_TABLE} (stream, version, body) VALUES ($1, $2, $3)`, [
              stream,
              (version += 1),
              RAW_BODY,
            ]);
            await client.query('COMMIT');
            latencies.push(performance.now() - t);
            count += 1;
          }
        } finally {
          client.release();
        }
      }),
    );
    return { perSecond: count / seconds, p50: median(latencies), count };
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${RAW_TABLE}`).catch(() => {});
    await pool.end();
  }
}

/**
 * The raw INSERT transaction rate of PGlite (one connection, transactions
 * serialised, as the server must use it), in a data folder of its own.
 */
export async function rawInsertPglite({ dataDir, seconds }) {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir);
  try {
    await db.exec(
      `CREATE TABLE IF NOT EXISTS ${RAW_TABLE} (seq bigserial PRIMARY KEY, stream text NOT NULL, version int NOT NULL, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream, version))`,
    );
    let count = 0;
    const latencies = [];
    const deadline = performance.now() + seconds * 1000;
    const stream = nextId('raw');
    while (performance.now() < deadline) {
      const t = performance.now();
      await db.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${RAW_TABLE} (stream, version, body) VALUES ($1, $2, $3)`, [
          stream,
          count + 1,
          RAW_BODY,
        ]);
      });
      latencies.push(performance.now() - t);
      count += 1;
    }
    return { perSecond: count / seconds, p50: median(latencies), count };
  } finally {
    await db.close();
  }
}
