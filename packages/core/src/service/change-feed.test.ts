import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createChangeFeed, SseParser, type StreamFetchInit, type StreamResponseLike } from './change-feed.js';
import type { Change, FeedReset, FeedStatus } from './types.js';

describe('server-sent events parser', () => {
  test('frames split anywhere, with LF, CRLF or CR line ends, comments, multi-line data and a leading BOM', () => {
    const events: { event: string; data: string; id: string | undefined }[] = [];
    const comments: string[] = [];
    const parser = new SseParser(
      (e) => events.push(e),
      (c) => comments.push(c),
    );
    const text =
      '\uFEFFevent: ready\ndata: {"seq":3}\n\n: keep-alive\r\n\r\nid: 4\revent: change\rdata: a\rdata: b\r\rdata:no-space\n\n';
    for (let i = 0; i < text.length; i += 3) parser.push(text.slice(i, i + 3));
    assert.deepEqual(events, [
      { event: 'ready', data: '{"seq":3}', id: undefined },
      { event: 'change', data: 'a\nb', id: '4' },
      { event: 'message', data: 'no-space', id: '4' },
    ]);
    assert.deepEqual(comments, ['keep-alive']);
  });

  test('a CRLF split across two chunks ends one line, not two', () => {
    const events: string[] = [];
    const parser = new SseParser((e) => events.push(e.data));
    parser.push('data: x\r');
    parser.push('\ndata: y\r\n\r\n');
    assert.deepEqual(events, ['x\ny']);
  });
});

/** A scripted `/api/changes`: each call answers with the next script's frames, then ends (or stays open). */
function scriptedFetch(scripts: ({ status?: number; frames: string[]; hold?: boolean } | 'network-error')[]) {
  const calls: { url: string; init: StreamFetchInit }[] = [];
  const fetch = async (url: string, init: StreamFetchInit): Promise<StreamResponseLike> => {
    calls.push({ url, init });
    const script = scripts.shift() ?? { frames: [], hold: true };
    if (script === 'network-error') throw new TypeError('fetch failed');
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const frame of script.frames) controller.enqueue(encoder.encode(frame));
        if (!script.hold) controller.close();
        (init.signal as AbortSignal).addEventListener('abort', () => {
          try {
            controller.error(new Error('aborted'));
          } catch {
            // closed already
          }
        });
      },
    });
    return new Response(body, {
      status: script.status ?? 200,
      headers: { 'content-type': 'text/event-stream' },
    }) as unknown as StreamResponseLike;
  };
  return { fetch, calls };
}

const change = (seq: number, id = `r${seq}`) =>
  `id: ${seq}\nevent: change\ndata: ${JSON.stringify({ seq, kind: 'referral', id, practiceId: 'p1', version: 1 })}\n\n`;
const ready = (seq: number) => `event: ready\ndata: {"seq":${seq}}\n\n`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(check(), `timed out waiting for ${what}`);
}

describe('createChangeFeed', () => {
  test('the token goes in the Authorization header, never the URL; after a drop it resumes with Last-Event-ID and hears nothing twice', async () => {
    const { fetch, calls } = scriptedFetch([
      { frames: [ready(10), change(11), change(12)] },
      // The service replays from 12 on; a duplicate of 12 is ignored.
      { frames: [ready(14), change(12), change(13), change(14)], hold: true },
    ]);
    let token = 0;
    const feed = createChangeFeed({
      baseUrl: 'https://links.example/',
      getToken: () => `token-${++token}`,
      fetch,
      retry: { initialMs: 5, maxMs: 20 },
    });
    const heard: Change[] = [];
    const stop = feed.subscribe((c) => heard.push(c));
    await until(() => heard.length === 4, 'four changes');
    assert.deepEqual(
      heard.map((c) => c.seq),
      [11, 12, 13, 14],
    );
    assert.equal(calls[0]!.url, 'https://links.example/api/changes');
    assert.equal(calls[0]!.init.headers['authorization'], 'Bearer token-1');
    assert.equal(calls[0]!.init.headers['last-event-id'], undefined);
    assert.equal(calls[1]!.init.headers['authorization'], 'Bearer token-2', 'a fresh token for each connection');
    assert.equal(calls[1]!.init.headers['last-event-id'], '12');
    for (const call of calls) assert.doesNotMatch(call.url, /token/);
    assert.equal(feed.lastSeq, 14);
    assert.equal(feed.status.state, 'live');
    stop();
    assert.equal(feed.status.state, 'offline');
  });

  test('a reset goes to onReset (not to change listeners) and the feed carries on from the head', async () => {
    const { fetch, calls } = scriptedFetch([
      { frames: [ready(50), 'event: reset\ndata: {"seq":50}\n\n', change(51)], hold: true },
    ]);
    const feed = createChangeFeed({ baseUrl: 'http://127.0.0.1:1', getToken: () => 't', fetch, since: 7 });
    const heard: number[] = [];
    const resets: FeedReset[] = [];
    feed.onReset((r) => resets.push(r));
    feed.subscribe((c) => heard.push(c.seq));
    await until(() => heard.length === 1, 'the change after the reset');
    assert.equal(calls[0]!.init.headers['last-event-id'], '7', 'since is sent on the first connection');
    assert.deepEqual(resets, [{ seq: 50 }]);
    assert.deepEqual(heard, [51]);
    feed.close();
  });

  test('status: live with upToDateAt, reconnecting after a drop, offline after repeated failures, live again on return', async () => {
    const { fetch, calls } = scriptedFetch([
      { frames: [ready(1)] },
      'network-error',
      { status: 503, frames: [] },
      'network-error',
      { frames: [ready(1), ': keep-alive\n\n'], hold: true },
    ]);
    const feed = createChangeFeed({
      baseUrl: 'http://127.0.0.1:1',
      getToken: () => undefined,
      fetch,
      retry: { initialMs: 2, maxMs: 8 },
      offlineAfter: 2,
    });
    const states: FeedStatus[] = [];
    feed.onStatus((s) => states.push(s));
    feed.subscribe(() => undefined);
    await until(() => calls.length === 5 && feed.status.state === 'live', 'the fifth connection');
    const sequence = states.map((s) => s.state).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    assert.deepEqual(sequence, ['live', 'reconnecting', 'offline', 'live']);
    assert.ok(states.every((s) => s.state !== 'live' || (s.upToDateAt && !Number.isNaN(Date.parse(s.upToDateAt)))));
    const offline = states.find((s) => s.state === 'offline')!;
    assert.ok(offline.upToDateAt, 'offline still says when the data was last current');
    assert.equal(calls[0]!.init.headers['authorization'], undefined, 'no token, no header');
    feed.close();
  });

  test('nothing connects before the first listener, and the last one leaving stops reconnecting', async () => {
    const { fetch, calls } = scriptedFetch([]);
    const feed = createChangeFeed({ baseUrl: 'http://127.0.0.1:1', getToken: () => 't', fetch });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(calls.length, 0);
    const stop = feed.subscribe(() => undefined);
    await until(() => calls.length === 1, 'a connection');
    stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(calls.length, 1);
  });
});
