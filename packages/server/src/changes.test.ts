import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createNetworkRegister } from '@links-approach/core/network';
import { DEMO_PRACTICES } from './config.js';
import type { LinksService } from './app.js';
import { as, assertProblem, createdEvent, forEachBackend, laterEvent } from './test-support.js';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** One server-sent event as the wire carries it. */
interface Frame {
  readonly comment?: string;
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
}

/** A raw `GET /api/changes` over real HTTP: the frames exactly as sent. */
interface RawStream {
  readonly status: number;
  readonly headers: Headers;
  readonly frames: Frame[];
  /** Resolves with the first frame from index `from` on that matches (at most 10 s). */
  next(match: (frame: Frame) => boolean, from?: number): Promise<{ frame: Frame; index: number }>;
  close(): void;
}

function parseFrame(block: string): Frame {
  const frame: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame['comment'] = line.slice(1).trim();
    else {
      const colon = line.indexOf(':');
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      frame[field] = field === 'data' && frame['data'] !== undefined ? `${frame['data']}\n${value}` : value;
    }
  }
  return frame;
}

async function openStream(base: string, headers: Record<string, string>): Promise<RawStream> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/changes`, { headers, signal: controller.signal });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  if (response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            frames.push(parseFrame(buffer.slice(0, cut)));
            buffer = buffer.slice(cut + 2);
          }
          for (const wake of Array.from(waiters)) wake();
        }
      } catch {
        // aborted
      }
      ended = true;
      for (const wake of Array.from(waiters)) wake();
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    frames,
    async next(match, from = 0) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const index = frames.findIndex((f, i) => i >= from && match(f));
        if (index >= 0) return { frame: frames[index]!, index };
        if (ended) throw new Error(`the stream ended without the frame; got ${JSON.stringify(frames)}`);
        if (Date.now() > deadline) throw new Error(`no such frame within 10 s; got ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 200);
          waiters.add(wake);
        });
      }
    },
    close: () => controller.abort(),
  };
}

const changesIn = (frames: readonly Frame[]) =>
  frames
    .filter((f) => f.event === 'change')
    .map((f) => JSON.parse(f.data!) as { seq: number; kind: string; id: string; practiceId: string; version: number });

forEachBackend(
  'change feed (GET /api/changes)',
  ({ service }) => {
    let base = '';
    let n = 0;
    const listen = async (s: LinksService) => {
      if (!base) base = await s.app.listen({ host: '127.0.0.1', port: 0 });
      return base;
    };
    const auth = async (user: string) => ({ ...(await as(service(), user)) });
    const refer = async (user: string, practice: string) => {
      const id = `chg-${++n}-${practice}`;
      const response = await service().app.inject({
        method: 'POST',
        url: `/api/referrals/${id}/events`,
        headers: { ...(await auth(user)), 'if-match': '"0"' },
        payload: { event: createdEvent(id, practice) },
      });
      assert.equal(response.statusCode, 201, response.body);
      return id;
    };
    const note = async (user: string, id: string, version: number) => {
      const response = await service().app.inject({
        method: 'POST',
        url: `/api/referrals/${id}/events`,
        headers: { ...(await auth(user)), 'if-match': `"${version}"` },
        payload: { event: laterEvent(id, { type: 'note-added', text: 'Called back' }) },
      });
      assert.equal(response.statusCode, 201, response.body);
    };
    /** Waits until every stream has been handed every change committed so far, then for one keep-alive after it: nothing else is coming. */
    const quiet = async (stream: RawStream) => {
      await service().changes.settle();
      const from = stream.frames.length;
      await stream.next((f) => f.comment === 'keep-alive', from);
    };

    test('no token is 401 problem+json, before any stream opens', async () => {
      assertProblem(await service().app.inject({ method: 'GET', url: '/api/changes' }), 401, 'no-token');
    });

    test('the stream is text/event-stream, no-store, and starts with ready at the head of the feed', async () => {
      const url = await listen(service());
      // Changes while no stream is open: the hub reads nothing then, and catches up when a stream opens.
      const id = await refer('gp-ash', 'practice-ash');
      await note('gp-ash', id, 1);
      const tableHead = await service().changes.headInTable();
      const stream = await openStream(url, await auth('gp-ash'));
      try {
        assert.equal(stream.status, 200);
        assert.equal(stream.headers.get('content-type'), 'text/event-stream');
        assert.equal(stream.headers.get('cache-control'), 'no-store');
        const { frame, index } = await stream.next((f) => f.event !== undefined);
        assert.equal(index, 0);
        assert.equal(frame.event, 'ready');
        assert.deepEqual(JSON.parse(frame.data!), { seq: tableHead });
        assert.equal(service().changes.head, tableHead);
      } finally {
        stream.close();
      }
    });

    test('changes arrive in order, with ids and versions only, for referral events and saved plans', async () => {
      const url = await listen(service());
      const stream = await openStream(url, await auth('pm-ash'));
      try {
        await stream.next((f) => f.event === 'ready');
        const id = await refer('gp-ash', 'practice-ash');
        await note('clp-ash', id, 1);
        const saved = await service().app.inject({
          method: 'PUT',
          url: '/api/plans/plan-ash',
          headers: { ...(await auth('pm-ash')), 'if-match': '"0"' },
          payload: { ...SAMPLE, id: 'plan-ash', practice: DEMO_PRACTICES[0], title: 'Live' },
        });
        assert.equal(saved.statusCode, 200, saved.body);
        await stream.next((f) => f.event === 'change' && f.data!.includes('"plan"'));
        const changes = changesIn(stream.frames);
        assert.deepEqual(
          changes.map((c) => [c.kind, c.id, c.practiceId, c.version]),
          [
            ['referral', id, 'practice-ash', 1],
            ['referral', id, 'practice-ash', 2],
            ['plan', 'plan-ash', 'practice-ash', 1],
          ],
        );
        assert.ok(
          changes.every((c, i) => i === 0 || c.seq > changes[i - 1]!.seq),
          'seq increases',
        );
        const frames = stream.frames.filter((f) => f.event === 'change');
        assert.deepEqual(
          frames.map((f) => f.id),
          changes.map((c) => String(c.seq)),
          'each frame carries its seq as the event id',
        );
        for (const c of changes)
          assert.deepEqual(
            Object.keys(c).sort(),
            ['id', 'kind', 'practiceId', 'seq', 'version'],
            'no content is pushed',
          );
      } finally {
        stream.close();
      }
    });

    test('a saved network register and outcome responses are changes of their practice, by practice id and revision', async () => {
      const url = await listen(service());
      const stream = await openStream(url, await auth('pm-ash'));
      try {
        await stream.next((f) => f.event === 'ready');
        const register = await service().app.inject({
          method: 'PUT',
          url: '/api/network/practice-ash',
          headers: { ...(await auth('clp-ash')), 'if-match': '"0"' },
          payload: createNetworkRegister('practice-ash') as unknown as Record<string, unknown>,
        });
        assert.equal(register.statusCode, 200, register.body);
        const outcomes = await service().app.inject({
          method: 'PUT',
          url: '/api/outcomes/practice-ash',
          headers: { ...(await auth('clp-ash')), 'if-match': '"0"' },
          payload: { kind: 'links.outcome-responses', schemaVersion: 1, responses: [] },
        });
        assert.equal(outcomes.statusCode, 200, outcomes.body);
        await stream.next((f) => f.event === 'change' && f.data!.includes('"outcomes"'));
        assert.deepEqual(
          changesIn(stream.frames).map((c) => [c.kind, c.id, c.practiceId, c.version]),
          [
            ['network-register', 'practice-ash', 'practice-ash', 1],
            ['outcomes', 'practice-ash', 'practice-ash', 1],
          ],
        );
      } finally {
        stream.close();
      }
    });

    test("a user hears only of their practices' changes; the evaluator hears of no referral, the administrator of plans but no referral", async () => {
      const url = await listen(service());
      const birch = await openStream(url, await auth('gp-birch'));
      const evaluator = await openStream(url, await auth('evaluator'));
      const admin = await openStream(url, await auth('admin'));
      try {
        await Promise.all([birch, evaluator, admin].map((s) => s.next((f) => f.event === 'ready')));
        const ash = await refer('gp-ash', 'practice-ash');
        const birchId = await refer('gp-birch', 'practice-birch');
        const saved = await service().app.inject({
          method: 'PUT',
          url: '/api/plans/plan-ash-2',
          headers: { ...(await auth('pm-ash')), 'if-match': '"0"' },
          payload: { ...SAMPLE, id: 'plan-ash-2', practice: DEMO_PRACTICES[0], title: 'Seen by the administrator' },
        });
        assert.equal(saved.statusCode, 200, saved.body);
        await Promise.all([quiet(birch), quiet(evaluator), quiet(admin)]);
        assert.deepEqual(
          changesIn(birch.frames).map((c) => c.id),
          [birchId],
          `not ${ash}, at practice-ash`,
        );
        assert.deepEqual(
          changesIn(evaluator.frames),
          [],
          'the evaluator hears of nothing person-level (nor plans: its role reads aggregates only)',
        );
        assert.deepEqual(
          changesIn(admin.frames).map((c) => [c.kind, c.id]),
          [['plan', 'plan-ash-2']],
        );
      } finally {
        for (const s of [birch, evaluator, admin]) s.close();
      }
    });

    test('a dropped stream resumed with Last-Event-ID replays exactly what was missed, then goes live: no gap, no duplicate', async () => {
      const url = await listen(service());
      const first = await openStream(url, await auth('clp-ash'));
      const id = await refer('gp-ash', 'practice-ash');
      const seen = await first.next((f) => f.event === 'change' && f.data!.includes(id));
      first.close();
      const lastId = seen.frame.id!;
      // Written while the client is away.
      await note('clp-ash', id, 1);
      await note('clp-ash', id, 2);
      const other = await refer('gp-ash', 'practice-ash');
      await service().changes.settle();
      const resumed = await openStream(url, { ...(await auth('clp-ash')), 'last-event-id': lastId });
      try {
        await resumed.next((f) => f.event === 'change' && f.data!.includes(other));
        // And live after the replay.
        await note('clp-ash', id, 3);
        await resumed.next((f) => f.event === 'change' && f.data!.includes('"version":4'));
        assert.equal(resumed.frames[0]!.event, 'ready');
        const replayed = changesIn(resumed.frames);
        assert.deepEqual(
          replayed.map((c) => [c.id, c.version]),
          [
            [id, 2],
            [id, 3],
            [other, 1],
            [id, 4],
          ],
        );
        assert.ok(replayed[0]!.seq > Number(lastId));
        assert.equal(new Set(replayed.map((c) => c.seq)).size, replayed.length, 'no duplicate');
      } finally {
        resumed.close();
      }
    });

    test('a malformed, unknown (future) or too old Last-Event-ID gets reset with the head, then live changes', async () => {
      const url = await listen(service());
      // '0' is further back than this suite's replay window (5 changes) by now.
      for (const lastId of ['abc', '-1', '99999999', '0']) {
        const stream = await openStream(url, { ...(await auth('gp-ash')), 'last-event-id': lastId });
        try {
          const ready = await stream.next((f) => f.event === 'ready');
          const reset = await stream.next((f) => f.event === 'reset');
          assert.deepEqual(JSON.parse(reset.frame.data!), JSON.parse(ready.frame.data!), lastId);
          assert.equal(reset.index, 1);
          const id = await refer('gp-ash', 'practice-ash');
          await stream.next((f) => f.event === 'change' && f.data!.includes(id));
        } finally {
          stream.close();
        }
      }
    });

    test('a closed stream leaves no listener behind', async () => {
      const url = await listen(service());
      // The streams of earlier tests were closed by their clients: the server lets go of them all.
      const settled = Date.now() + 10_000;
      while (service().changes.listenerCount !== 0 && Date.now() < settled)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const before = service().changes.listenerCount;
      assert.equal(before, 0);
      const streams = await Promise.all([1, 2, 3].map(async () => openStream(url, await auth('gp-ash'))));
      await Promise.all(streams.map((s) => s.next((f) => f.event === 'ready')));
      assert.equal(service().changes.listenerCount, before + 3);
      for (const s of streams) s.close();
      const deadline = Date.now() + 10_000;
      while (service().changes.listenerCount !== before && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(service().changes.listenerCount, before);
    });

    // Last: it closes the service.
    test('closing the service ends open streams, so shutdown finishes', async () => {
      const url = await listen(service());
      const stream = await openStream(url, await auth('gp-ash'));
      await stream.next((f) => f.event === 'ready');
      await service().close();
      await assert.rejects(
        stream.next(() => false),
        /the stream ended/,
      );
      assert.equal(service().changes.listenerCount, 0);
    });
  },
  { changeStreams: { heartbeatMs: 150, maxReplay: 5 } },
);
