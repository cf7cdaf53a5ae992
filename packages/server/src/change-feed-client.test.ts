// core's createChangeFeed against the real service: connections dropped by
// the server mid-stream lose no change and hear none twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import { createChangeFeed } from '@links-approach/core/service';
import type { Change, FeedStatus } from '@links-approach/core/service';
import { as, createdEvent, forEachBackend, laterEvent } from './test-support.js';

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), `timed out waiting for ${what}`);
}

forEachBackend(
  'core change feed client against the service',
  ({ service }) => {
    test('connections dropped by the server mid-stream lose no change and hear none twice; the status says reconnecting, then live', async () => {
      const sockets = new Set<Socket>();
      service().app.server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      const base = await service().app.listen({ host: '127.0.0.1', port: 0 });
      const token = (await as(service(), 'clp-ash')).authorization.slice('Bearer '.length);
      const feed = createChangeFeed({ baseUrl: base, getToken: () => token, retry: { initialMs: 20, maxMs: 200 } });
      const heard: Change[] = [];
      const states: FeedStatus['state'][] = [];
      feed.onStatus((s) => {
        if (states[states.length - 1] !== s.state) states.push(s.state);
      });
      const stop = feed.subscribe((c) => heard.push(c));
      await until(() => feed.status.state === 'live', 'the feed to go live');
      const start = feed.lastSeq!;

      const headers = await as(service(), 'gp-ash');
      const birch = await as(service(), 'gp-birch');
      const ids: string[] = [];
      for (let round = 0; round < 4; round++) {
        // Writes the client may see, and one it may not (another practice).
        for (let i = 0; i < 3; i++) {
          const id = `live-${round}-${i}`;
          const created = await service().app.inject({
            method: 'POST',
            url: `/api/referrals/${id}/events`,
            headers: { ...headers, 'if-match': '"0"' },
            payload: { event: createdEvent(id, 'practice-ash') },
          });
          assert.equal(created.statusCode, 201, created.body);
          ids.push(id);
          const noted = await service().app.inject({
            method: 'POST',
            url: `/api/referrals/${id}/events`,
            headers: { ...headers, 'if-match': '"1"' },
            payload: { event: laterEvent(id, { type: 'note-added', text: 'x' }) },
          });
          assert.equal(noted.statusCode, 201, noted.body);
        }
        const other = `live-${round}-birch`;
        await service().app.inject({
          method: 'POST',
          url: `/api/referrals/${other}/events`,
          headers: { ...birch, 'if-match': '"0"' },
          payload: { event: createdEvent(other, 'practice-birch') },
        });
        // The server drops every connection, with changes in flight.
        for (const socket of sockets) socket.destroy();
      }
      await service().changes.settle();
      const expected = (
        await service().db.query<{ seq: number | string; id: string; version: number }>(
          "SELECT seq, id, version FROM changes WHERE seq > $1 AND kind = 'referral' AND practice_id = 'practice-ash' ORDER BY seq",
          [start],
        )
      ).map((r) => [Number(r.seq), r.id, r.version]);
      assert.equal(expected.length, ids.length * 2);
      await until(
        () => heard.length >= expected.length && feed.status.state === 'live',
        `all ${expected.length} changes`,
      );
      assert.deepEqual(
        heard.map((c) => [c.seq, c.id, c.version]),
        expected,
        'every visible change, in order, once',
      );
      assert.ok(states.includes('reconnecting'), `states: ${states.join(' → ')}`);
      assert.equal(states[states.length - 1], 'live');
      stop();
      await until(() => service().changes.listenerCount === 0, 'the server to let go of the stream');
    });

    test('a stream ends after its lifetime; the client reconnects with a fresh token and misses nothing', async () => {
      const base = await service()
        .app.listen({ host: '127.0.0.1', port: 0 })
        .catch(() => `http://127.0.0.1:${(service().app.server.address() as { port: number }).port}`);
      let tokens = 0;
      const feed = createChangeFeed({
        baseUrl: base,
        getToken: async () => {
          tokens += 1;
          return (await as(service(), 'clp-ash')).authorization.slice('Bearer '.length);
        },
        retry: { initialMs: 20, maxMs: 200 },
      });
      const heard: Change[] = [];
      const stop = feed.subscribe((c) => heard.push(c));
      await until(() => feed.status.state === 'live', 'the feed to go live');
      const start = feed.lastSeq!;
      const headers = await as(service(), 'gp-ash');
      const ids: string[] = [];
      // Appends spread over several stream lifetimes (600 ms in this suite).
      for (let i = 0; i < 6; i++) {
        const id = `lifetime-${i}`;
        const created = await service().app.inject({
          method: 'POST',
          url: `/api/referrals/${id}/events`,
          headers: { ...headers, 'if-match': '"0"' },
          payload: { event: createdEvent(id, 'practice-ash') },
        });
        assert.equal(created.statusCode, 201, created.body);
        ids.push(id);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await until(() => heard.filter((c) => c.seq > start).length === ids.length, 'every change');
      assert.deepEqual(
        heard.filter((c) => c.seq > start).map((c) => c.id),
        ids,
      );
      assert.ok(tokens >= 3, `a token per connection: ${tokens} connections`);
      stop();
    });
  },
  { changeStreams: { maxLifetimeMs: 600 } },
);
