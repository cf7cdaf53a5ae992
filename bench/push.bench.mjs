// The live push channel (GET /api/changes, issue 15): how long from an append
// until another signed-in client hears of it, with 1 and with 50 clients
// connected. The service runs as `links serve --dev-auth` on PGlite in a
// process of its own, on 127.0.0.1. Two kinds of client, same service, same
// run:
// - Node: core's createChangeFeed in this process; the latency runs from
//   sending the append to the client's receipt of the change.
// - Browser: the team test page (test/team/, the elements on
//   <links-provider service-url>, production Lit) in Chromium, one browser
//   context per client (its own connections, as on separate devices), each
//   showing <links-referral-detail> of the referral; the latency runs from
//   sending the append to the moment the other browser's element shows the new
//   event in its timeline (the element gathers changes for 100 ms, then fetches
//   the referral, then renders: all included). Times are read in the page
//   (performance.timeOrigin + now, the same clock as this process's).
// Each append is sent alone (the next waits until every client has it).
// Printed beside it, same run: the append's own round trip, and the ratio.
// Figures only: asserts nothing. Target (issue 15): within one second. The
// machine is shared and loaded: compare the ratios, not the absolute times.
//
//   npm run bench -- push                  full run (a few minutes)
//   node --conditions=@links-approach/source --import tsx bench/push.bench.mjs --tiny
// Environment: BENCH_SAMPLES (appends per Node client count),
// BENCH_BROWSER_SAMPLES (appends per browser client count).
/* global document, MutationObserver, window -- in functions run in the browser pages */
import { performance } from 'node:perf_hooks';
import { createChangeFeed } from '@links-approach/core/service';
import { append, createdEvent, devToken, noteEvent, uid } from '../packages/server/test/process/helpers.mjs';
import { startTeam } from '../test/team/harness.mjs';
import { median, percentile } from './stats.mjs';

const TINY = process.env.BENCH_TINY === '1' || process.argv.includes('--tiny');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? (TINY ? 5 : 200));
const CLIENTS = TINY ? [1, 5] : [1, 50];
const BROWSER_SAMPLES = Number(process.env.BENCH_BROWSER_SAMPLES ?? (TINY ? 3 : 40));
const BROWSER_CLIENTS = TINY ? [1, 2] : [1, 50];
const PRACTICE = 'practice-ash';
// The demo users who may read practice-ash referrals; clients are spread over them (a user holds at most 20 streams).
const READERS = ['clp-ash', 'pm-ash', 'gp-ash', 'pm-ash-2'];
const WAIT_MS = 10_000;

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const say = (line) => console.log(line);

async function until(check, what) {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const team = await startTeam();
const server = { url: team.serviceUrl };
try {
  const writer = await devToken(server.url, 'gp-ash');
  const tokens = new Map();
  for (const user of READERS) tokens.set(user, await devToken(server.url, user));
  say(
    `push channel: ${SAMPLES} appends per client count, service on PGlite in its own process, clients in this one (Node), loopback`,
  );
  say('clients  push median  push p99    append median  append p99   push/append (median)');
  for (const count of CLIENTS) {
    const feeds = [];
    const waiting = new Map(); // referral id → { started, pending }
    const latencies = [];
    for (let i = 0; i < count; i++) {
      const token = tokens.get(READERS[i % READERS.length]);
      const feed = createChangeFeed({ baseUrl: server.url, getToken: () => token });
      feed.subscribe((change) => {
        const sample = waiting.get(`${change.id}@${change.version}`);
        if (!sample) return;
        latencies.push(performance.now() - sample.started);
        sample.pending -= 1;
      });
      feeds.push(feed);
    }
    await until(() => feeds.every((f) => f.status.state === 'live'), `${count} clients to connect`);
    const id = uid('push');
    const created = await append(server.url, writer, createdEvent(id, PRACTICE), { expectedVersion: 0 });
    if (created.status !== 201) throw new Error(`append failed: ${created.status}`);
    const appendTimes = [];
    for (let n = 0; n < SAMPLES; n++) {
      const version = n + 2;
      const sample = { started: performance.now(), pending: count };
      waiting.set(`${id}@${version}`, sample);
      const response = await append(server.url, writer, noteEvent(id), { expectedVersion: version - 1 });
      appendTimes.push(performance.now() - sample.started);
      if (response.status !== 201) throw new Error(`append failed: ${response.status}`);
      await until(() => sample.pending === 0, `every client to hear of version ${version}`);
      waiting.delete(`${id}@${version}`);
    }
    for (const feed of feeds) feed.close();
    const pushMedian = median(latencies);
    say(
      `${String(count).padStart(7)}  ${fmt(pushMedian).padStart(11)}  ${fmt(percentile(latencies, 0.99)).padStart(
        10,
      )}  ${fmt(median(appendTimes)).padStart(14)}  ${fmt(percentile(appendTimes, 0.99)).padStart(10)}   ${(
        pushMedian / median(appendTimes)
      ).toFixed(2)}×`,
    );
  }
  await browserClients(writer);
} finally {
  await team.close();
}

/**
 * In each page: resolves `until(n)` with the time (ms since the epoch, sub-millisecond) at which
 * <links-referral-detail>'s timeline first showed n events, watched by a MutationObserver.
 */
function watchTimeline() {
  const detail = document.querySelector('links-referral-detail');
  const seen = new Map();
  const waiters = new Map();
  const count = () => detail.shadowRoot?.querySelectorAll('[part="timeline"] > li').length ?? 0;
  const check = () => {
    const n = count();
    if (!seen.has(n)) seen.set(n, performance.timeOrigin + performance.now());
    for (const [wanted, resolve] of waiters) {
      if (n >= wanted) {
        waiters.delete(wanted);
        resolve(seen.get(wanted) ?? seen.get(n));
      }
    }
  };
  new MutationObserver(check).observe(detail.shadowRoot, { childList: true, subtree: true, characterData: true });
  window.__push = {
    until: (n) =>
      new Promise((resolve) => {
        waiters.set(n, resolve);
        check();
      }),
  };
  return count();
}

async function browserClients(writer) {
  say('');
  say(
    `browser clients: ${BROWSER_SAMPLES} appends per client count; each client a Chromium browser context showing <links-referral-detail>; from the append to the element showing it`,
  );
  say('clients  update median  update p99  append median  append p99   update/append (median)');
  for (const count of BROWSER_CLIENTS) {
    const id = uid('push-browser');
    const created = await append(server.url, writer, createdEvent(id, PRACTICE), { expectedVersion: 0 });
    if (created.status !== 201) throw new Error(`append failed: ${created.status}`);
    const people = [];
    // A few pages at a time: opening 50 at once on a loaded two-core machine only slows every one of them.
    for (let i = 0; i < count; i += 5) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(5, count - i) }, (_, j) =>
          team.person(READERS[(i + j) % READERS.length], { show: 'detail', referral: id }),
        ),
      );
      for (const person of batch) people.push(person);
    }
    for (const person of people) {
      await person.page.waitForFunction(
        () => {
          const detail = document.querySelector('links-referral-detail');
          const line = detail?.shadowRoot?.querySelector('[part="connection"]')?.textContent ?? '';
          return detail?.referral !== undefined && line.trim().startsWith('Up to date');
        },
        { timeout: WAIT_MS, polling: 50 },
      );
    }
    let shown = 0;
    for (const person of people) shown = await person.page.evaluate(watchTimeline);
    const latencies = [];
    const appendTimes = [];
    for (let n = 0; n < BROWSER_SAMPLES; n++) {
      shown += 1;
      const waits = people.map((person) => person.page.evaluate((wanted) => window.__push.until(wanted), shown));
      const started = performance.timeOrigin + performance.now();
      const response = await append(server.url, writer, noteEvent(id), { expectedVersion: n + 1 });
      appendTimes.push(performance.timeOrigin + performance.now() - started);
      if (response.status !== 201) throw new Error(`append failed: ${response.status}`);
      const seenAt = await Promise.race([
        Promise.all(waits),
        new Promise((_, reject) =>
          setTimeout(
            () => reject(new Error(`timed out waiting for ${count} browsers to show event ${shown}`)),
            WAIT_MS,
          ),
        ),
      ]);
      for (const at of seenAt) latencies.push(at - started);
    }
    await Promise.all(people.map((person) => person.context.close()));
    const updateMedian = median(latencies);
    say(
      `${String(count).padStart(7)}  ${fmt(updateMedian).padStart(13)}  ${fmt(percentile(latencies, 0.99)).padStart(
        10,
      )}  ${fmt(median(appendTimes)).padStart(13)}  ${fmt(percentile(appendTimes, 0.99)).padStart(10)}   ${(
        updateMedian / median(appendTimes)
      ).toFixed(2)}×`,
    );
  }
}
