// The shared service (@links-approach/server) under load, on PostgreSQL and
// on PGlite, with autocannon over loopback. Prints, for each database:
//   - event appends per second and p50/p99 latency at 1, 16 and 64
//     connections, beside the raw INSERT transaction rate of the same
//     database at the same concurrency (the ceiling), as a ratio; then, to
//     show where the rest goes, two more ceilings at the same concurrency:
//     the same HTTP request refused before the database is asked (sign-in,
//     parsing, schema check, problem answer: the HTTP layer alone) and the
//     repository's appends in-process with no HTTP (core + SQL alone);
//   - caseload list latency for a practice with 10,000 referrals while the
//     database holds 1,000,000 events across 500 practices, beside the same
//     query on a 10,000-event database, as a ratio.
// Same warm-up for subject and baseline; each figure is the median of the
// runs, with best-vs-best beside it. Figures and ratios only: asserts nothing.
// Targets (issue 14, 2-core machine): appends ≥ 0.5× raw and ≥ 1,000/s on
// PostgreSQL; p99 ≤ 50 ms at 16 connections; caseload ratio ≤ 1.5×.
//
//   npm run bench -- server                 full run (several minutes)
//   BENCH_TINY=1 npm run bench -- server    a few seconds, a handful of items (smoke run)
//   node --conditions=@links-approach/source --import tsx bench/server.bench.mjs --tiny
// Environment: BENCH_SECONDS (per run), BENCH_RUNS, BENCH_EVENTS (large DB),
// BENCH_DATABASE_URL (a PostgreSQL to use instead of a throw-away cluster),
// BENCH_ONLY=postgres|pglite, BENCH_CASELOAD=0 (appends only: skip both caseload seedings),
// BENCH_PGLITE_CASELOAD=0 (skip seeding PGlite, about 2 min).
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '@links-approach/server';
import {
  append,
  createdEvent,
  devToken,
  removeDir,
  request,
  sql,
  startServer,
  tempDir,
} from '../packages/server/test/process/helpers.mjs';
import { best, most } from './stats.mjs';
import { median, rawInsertPglite, rawInsertPostgres, repositoryAppends, runAppends, runGets } from './server-load.mjs';
import { countEvents, seedStreams } from './server-seed.mjs';

const TINY = process.env.BENCH_TINY === '1' || process.argv.includes('--tiny');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (TINY ? 1 : 5));
const WARMUP = TINY ? 0.5 : 2;
const RUNS = Number(process.env.BENCH_RUNS ?? (TINY ? 1 : 3));
const LEVELS = TINY ? [1, 4] : [1, 16, 64];
const BIG_EVENTS = Number(process.env.BENCH_EVENTS ?? (TINY ? 2_000 : 1_000_000));
const PRACTICES = TINY ? 5 : 500;
const CASELOAD = TINY ? 200 : 10_000;
const PAGE = 500;
const TARGET_PRACTICE = 'practice-ash';
const LAUNCHER = fileURLToPath(new URL('./server-process.mjs', import.meta.url));

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const say = (line) => console.log(line);

// ── Databases ────────────────────────────────────────────────────────────────

/** A PostgreSQL server for the run: BENCH_DATABASE_URL, else a throw-away cluster. */
async function postgresServer() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop() {} };
  const { startPostgres } = await import('../scripts/postgres.mjs');
  return startPostgres();
}

/** A fresh database in that server; resolves its URL and a drop(). */
async function freshPostgresDatabase(serverUrl) {
  const name = `links_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await sql(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => sql(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

// ── Appends ──────────────────────────────────────────────────────────────────

async function appendBench(kind, target) {
  say(
    `\n${kind}: event appends (POST /api/referrals/{id}/events, one stream per connection) vs raw INSERT transactions`,
  );
  const server = await startServer({ ...target, script: LAUNCHER });
  const pgliteRawDir = kind === 'PGlite' ? tempDir('links-bench-raw-') : undefined;
  try {
    const token = await devToken(server.url, 'gp-ash');
    const streams = [];
    for (let i = 0; i < most(LEVELS) * 2; i++) {
      const id = `bench-${process.pid}-${i}`;
      const r = await append(server.url, token, createdEvent(id, TARGET_PRACTICE), { expectedVersion: 0 });
      if (r.status !== 201) throw new Error(`creating a referral: ${r.status} ${JSON.stringify(r.body)}`);
      streams.push({ id, version: 1 });
    }
    const raw = (connections, seconds) =>
      kind === 'PostgreSQL'
        ? rawInsertPostgres({ databaseUrl: target.databaseUrl, connections, seconds })
        : rawInsertPglite({ dataDir: pgliteRawDir, seconds });
    say(
      'connections | appends/s median (best) | p50 ms | p99 ms | raw INSERT tx/s median (best) | ratio median (best-vs-best) | non-2xx',
    );
    const rows = [];
    const ceilings = [];
    for (const connections of LEVELS) {
      // The same warm-up for both.
      await runAppends({ url: server.url, token, streams, connections, seconds: WARMUP });
      await raw(connections, WARMUP);
      const subject = [];
      const baseline = [];
      for (let run = 0; run < RUNS; run++) {
        subject.push(await runAppends({ url: server.url, token, streams, connections, seconds: SECONDS }));
        baseline.push(await raw(connections, SECONDS));
      }
      const s = median(subject.map((r) => r.perSecond));
      const sBest = most(subject.map((r) => r.perSecond));
      const b = median(baseline.map((r) => r.perSecond));
      const bBest = most(baseline.map((r) => r.perSecond));
      const p50 = median(subject.map((r) => r.p50));
      const p99 = median(subject.map((r) => r.p99));
      const bad = subject.reduce((n, r) => n + r.non2xx + r.errors, 0);
      const why = subject.reduce((o, r) => {
        for (const [k, v] of Object.entries({ 409: r.conflicts, ...r.other, errors: r.errors }))
          if (v) o[k] = (o[k] ?? 0) + v;
        return o;
      }, {});
      rows.push({ connections, s, p99 });
      say(
        `${String(connections).padStart(11)} | ${fmt(s).padStart(8)} (${fmt(sBest)}) | ${fmt(p50, 1).padStart(6)} | ${fmt(p99, 1).padStart(6)} | ${fmt(b).padStart(8)} (${fmt(bBest)}) | ${ratio(s, b)} (${ratio(sBest, bBest)}) | ${bad}${bad ? ` ${JSON.stringify(why)}` : ''}`,
      );
      // Why a target is missed: two more ceilings at the same concurrency, run after the figures above.
      // HTTP: the same request (size, sign-in, parsing, schema check) refused before the database is asked.
      const http = await runAppends({ url: server.url, token, streams, connections, seconds: SECONDS, refuse: true });
      // Repository: the same appends in-process, with no HTTP (PostgreSQL only: PGlite's folder belongs to the server process).
      const repo =
        kind === 'PostgreSQL'
          ? await repositoryAppends({ databaseUrl: target.databaseUrl, connections, seconds: SECONDS })
          : undefined;
      ceilings.push({ connections, s, http, repo });
    }
    say('ceilings at the same concurrency (one run each, after the rows above):');
    say(
      'connections | HTTP only: same request refused before the database, req/s (p50 ms) | repository only: appends in-process without HTTP, /s (p50 ms) | appends ÷ HTTP-only | appends ÷ repository-only',
    );
    for (const c of ceilings) {
      say(
        `${String(c.connections).padStart(11)} | ${fmt(c.http.perSecond).padStart(8)} (${fmt(c.http.p50, 1)}) | ${c.repo ? `${fmt(c.repo.perSecond).padStart(8)} (${fmt(c.repo.p50, 1)})` : 'n/a (PGlite)'} | ${ratio(c.s, c.http.perSecond)} | ${c.repo ? ratio(c.s, c.repo.perSecond) : 'n/a'}`,
      );
    }
    return rows;
  } finally {
    await server.stop();
    if (pgliteRawDir) removeDir(pgliteRawDir);
  }
}

// ── Caseload list on a small and a large database ─────────────────────────────

/**
 * Seeds a database: the target practice's CASELOAD referrals (one `created`
 * event each), and, for the large one, other practices' streams up to
 * `events` in total. Opens it with the server package's own database layer
 * and migrations, so the schema is the real one.
 */
async function seed(databaseOptions, events) {
  const db = await openDatabase(databaseOptions);
  try {
    await migrate(db);
    const started = performance.now();
    await seedStreams(db, { practiceId: TARGET_PRACTICE, referrals: CASELOAD, eventsPerReferral: 1 });
    const rest = events - CASELOAD;
    if (rest > 0) {
      const others = PRACTICES - 1;
      const perStream = 4;
      const perPractice = Math.max(1, Math.round(rest / others / perStream));
      // Chunks of practices per statement keep each INSERT … SELECT moderate.
      const chunk = 25;
      for (let from = 1; from <= others; from += chunk) {
        await seedStreams(db, {
          prefix: 'bench-practice-',
          from,
          to: Math.min(others, from + chunk - 1),
          referrals: perPractice,
          eventsPerReferral: perStream,
        });
      }
    }
    await db.query('ANALYZE');
    const total = await countEvents(db);
    return { total, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.close();
  }
}

/** Latency of the caseload's first page, and of walking the whole caseload page by page. */
async function caseloadLatency(target) {
  const server = await startServer({ ...target, script: LAUNCHER });
  try {
    const token = await devToken(server.url, 'gp-ash');
    const path = `/api/referrals?practice=${TARGET_PRACTICE}&limit=${PAGE}`;
    const check = await request(`${server.url}${path}`, { token });
    if (check.status !== 200 || check.body.referrals.length !== Math.min(PAGE, CASELOAD)) {
      throw new Error(`caseload list: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    }
    // A fixed number of requests per run (not a duration), so a slow database still gives every run its figures.
    const amount = TINY ? 3 : 40;
    await runGets({ url: server.url, token, path, connections: 1, amount: TINY ? 1 : 5 });
    const pages = [];
    const walks = [];
    for (let run = 0; run < RUNS; run++) {
      pages.push(await runGets({ url: server.url, token, path, connections: 1, amount }));
      const t = performance.now();
      let after = null;
      let rows = 0;
      for (let page = 0; page < 1 + CASELOAD / PAGE; page++) {
        const r = await request(`${server.url}${path}${after ? `&after=${after}` : ''}`, { token });
        rows += r.body.referrals.length;
        after = r.body.next;
        if (!after) break;
      }
      if (rows !== CASELOAD) throw new Error(`walked ${rows} referrals, expected ${CASELOAD}`);
      walks.push(performance.now() - t);
    }
    return {
      p50: median(pages.map((p) => p.p50)),
      p50Best: best(pages.map((p) => p.p50)),
      p99: median(pages.map((p) => p.p99)),
      walk: median(walks),
      walkBest: best(walks),
    };
  } finally {
    await server.stop();
  }
}

async function caseloadBench(kind, makeTarget) {
  say(
    `\n${kind}: caseload list of a practice with ${fmt(CASELOAD)} referrals (GET /api/referrals?practice=…&limit=${PAGE}), small vs large database`,
  );
  const results = {};
  for (const [label, events] of [
    ['small', CASELOAD],
    ['large', BIG_EVENTS],
  ]) {
    const target = await makeTarget();
    try {
      const seeded = await seed(target.databaseOptions, events);
      say(
        `  ${label} database: ${fmt(seeded.total)} events across ${label === 'small' ? 1 : PRACTICES} practice(s), seeded in ${seeded.seconds.toFixed(1)} s`,
      );
      results[label] = await caseloadLatency(target.serve);
    } finally {
      await target.cleanup();
    }
  }
  const { small, large } = results;
  say('database | first page p50 ms median (best) | p99 ms | whole caseload walk ms median (best)');
  for (const [label, r] of Object.entries(results)) {
    say(
      `${label.padEnd(8)} | ${fmt(r.p50, 1).padStart(6)} (${fmt(r.p50Best, 1)}) | ${fmt(r.p99, 1).padStart(6)} | ${fmt(r.walk, 0).padStart(6)} (${fmt(r.walkBest, 0)})`,
    );
  }
  say(
    `large ÷ small: first page ${ratio(large.p50, small.p50)} (best-vs-best ${ratio(large.p50Best, small.p50Best)}), whole caseload ${ratio(large.walk, small.walk)} (best-vs-best ${ratio(large.walkBest, small.walkBest)}); target ≤ 1.50×`,
  );
}

// ── Main ─────────────────────────────────────────────────────────────────────

const only = process.env.BENCH_ONLY;
say(
  `server bench${TINY ? ' (tiny)' : ''}: ${SECONDS} s per run after ${WARMUP} s warm-up, ${RUNS} run(s) each; connections ${LEVELS.join(', ')}; loopback only`,
);

if (only !== 'pglite') {
  let pg;
  try {
    pg = await postgresServer();
  } catch (error) {
    say(`\nPostgreSQL: skipped (${String(error.message).split('\n')[0]})`);
  }
  if (pg) {
    try {
      const db = await freshPostgresDatabase(pg.url);
      try {
        await appendBench('PostgreSQL', { databaseUrl: db.url });
      } finally {
        await db.drop();
      }
      if (process.env.BENCH_CASELOAD === '0') say('\nPostgreSQL caseload: skipped (BENCH_CASELOAD=0)');
      else
        await caseloadBench('PostgreSQL', async () => {
          const fresh = await freshPostgresDatabase(pg.url);
          return {
            databaseOptions: { databaseUrl: fresh.url },
            serve: { databaseUrl: fresh.url },
            cleanup: fresh.drop,
          };
        });
    } finally {
      pg.stop();
    }
  }
}

if (only !== 'postgres') {
  const dir = tempDir('links-bench-pglite-');
  try {
    await appendBench('PGlite', { dataDir: dir });
  } finally {
    removeDir(dir);
  }
  if (process.env.BENCH_PGLITE_CASELOAD === '0' || process.env.BENCH_CASELOAD === '0') {
    say('\nPGlite caseload: skipped (BENCH_CASELOAD=0 or BENCH_PGLITE_CASELOAD=0)');
  } else {
    await caseloadBench('PGlite', async () => {
      const d = tempDir('links-bench-pglite-');
      return { databaseOptions: { dataDir: d }, serve: { dataDir: d }, cleanup: async () => removeDir(d) };
    });
  }
}
