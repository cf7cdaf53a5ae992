// The live push channel (GET /api/changes, issue 15): how long from an append
// until another signed-in client hears of it, with 1 and with 50 clients
// connected. The service runs as `links serve --dev-auth` on PGlite in a
// process of its own, on 127.0.0.1; the clients are core's createChangeFeed
// in this Node process (Node clients stand in for "the other browser" for
// now: a browser adds its own event loop and rendering on top). Each append
// is sent alone (the next waits until every client has heard of the last),
// and each latency runs from sending the append to a client's receipt.
// Printed beside it, same run: the append's own round trip, and the ratio.
// Figures only: asserts nothing. Target (issue 15): within one second.
//
//   npm run bench -- push                  full run (about a minute)
//   node --conditions=@links-approach/source --import tsx bench/push.bench.mjs --tiny
// Environment: BENCH_SAMPLES (appends per client count).
import { performance } from 'node:perf_hooks';
import { createChangeFeed } from '@links-approach/core/service';
import {
  append,
  createdEvent,
  devToken,
  noteEvent,
  removeDir,
  startServer,
  tempDir,
  uid,
} from '../packages/server/test/process/helpers.mjs';
import { median, percentile } from './stats.mjs';

const TINY = process.env.BENCH_TINY === '1' || process.argv.includes('--tiny');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? (TINY ? 5 : 200));
const CLIENTS = TINY ? [1, 5] : [1, 50];
const PRACTICE = 'practice-ash';
// The demo users who may read practice-ash referrals; clients are spread over them (a user holds at most 20 streams).
const READERS = ['clp-ash', 'pm-ash', 'gp-ash'];
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

const dir = tempDir('links-push-bench-');
const server = await startServer({ dataDir: dir });
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
} finally {
  await server.stop();
  removeDir(dir);
}
