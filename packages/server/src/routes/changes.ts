import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { Change } from '@links-approach/core/service';
import type { RouteContext } from '../app.js';
import { changeVisibleTo, type ChangeHub } from '../changes.js';
import { problem } from '../problem.js';
import { errorResponses } from '../schemas.js';

/** How the change stream behaves; every field has a default fit for production. */
export interface ChangeStreamOptions {
  /** A `: keep-alive` comment this often (ms), so proxies keep the connection and clients notice a dead one. Default 15 000. */
  readonly heartbeatMs?: number;
  /** The most change streams one user may hold open at once (further ones get 429). Default 20. */
  readonly perUser?: number;
  /** A resume further back than this many changes gets `reset` (refetching is cheaper than replaying). Default 10 000. */
  readonly maxReplay?: number;
  /**
   * A stream ends after this long (ms) and the client reconnects, with a fresh
   * token and `Last-Event-ID` (no change is missed): a signed-out or expired
   * user stops hearing of changes within this time. Default 15 min.
   */
  readonly maxLifetimeMs?: number;
  /** A stream whose client reads too slowly is dropped once this much is waiting to be sent (bytes); it resumes with Last-Event-ID. Default 1 MiB. */
  readonly maxBufferedBytes?: number;
}

/** `Last-Event-ID` as the stream accepts it: a whole number (a seq). */
const SEQ = /^\d{1,15}$/;

/** Frames of the wire format (docs/guides/server.md, "Live changes"). */
export const frame = {
  ready: (seq: number) => `event: ready\ndata: ${JSON.stringify({ seq })}\n\n`,
  reset: (seq: number) => `event: reset\ndata: ${JSON.stringify({ seq })}\n\n`,
  change: (change: Change) =>
    `id: ${change.seq}\nevent: change\ndata: ${JSON.stringify({
      seq: change.seq,
      kind: change.kind,
      id: change.id,
      practiceId: change.practiceId,
      version: change.version,
    })}\n\n`,
  keepAlive: ': keep-alive\n\n',
};

interface OpenStream {
  keepAlive(): void;
  end(): void;
}

/**
 * `GET /api/changes`: the change feed as server-sent events, for the
 * signed-in user (bearer token in the Authorization header, never the URL).
 * Replays what the user missed after `Last-Event-ID` from the `changes`
 * table, then goes live from the process's {@link ChangeHub}, with no gap or
 * duplicate across the switch.
 */
export function changeRoutes(
  ctx: RouteContext & { readonly changes: ChangeHub },
  options: ChangeStreamOptions = {},
): FastifyPluginAsync {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const perUser = options.perUser ?? 20;
  const maxReplay = options.maxReplay ?? 10_000;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const maxLifetimeMs = options.maxLifetimeMs ?? 15 * 60_000;
  return async (app) => {
    const open = new Set<OpenStream>();
    const byUser = new Map<string, number>();
    const heartbeat = setInterval(() => {
      for (const stream of open) stream.keepAlive();
    }, heartbeatMs);
    heartbeat.unref();
    // Shutdown: end every stream so in-flight requests finish and SIGTERM completes.
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      for (const stream of Array.from(open)) stream.end();
    });

    app.get(
      '/changes',
      {
        schema: {
          summary: 'What changes, live: server-sent events carrying ids and versions of the records you may read',
          description:
            'A `text/event-stream`. The first frame is `event: ready` with `{"seq":<head>}`. Then one frame per change you may read (the same practice ' +
            'boundaries as reads; an evaluator hears of no referral): `id: <seq>`, `event: change`, `data: {"seq","kind","id","practiceId","version"}` ' +
            '(kind `referral`, `plan`, `network-register` or `outcomes`; the id of a register or outcomes is the practice id). A `: keep-alive` comment ' +
            `comes every ${
              heartbeatMs / 1000
            } s. Send \`Last-Event-ID: <seq>\` to resume: every change after it is replayed, then the stream goes live, ` +
            'with no gap or duplicate. An unknown, malformed or too old Last-Event-ID gets `event: reset` with `{"seq":<head>}`: refetch everything. ' +
            'Pushes never carry content: fetch what changed.',
          tags: ['changes'],
          'x-produces': 'text/event-stream',
          'x-headers': [
            {
              name: 'Last-Event-ID',
              in: 'header',
              required: false,
              schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
            },
          ],
          response: {
            200: { type: 'string', description: 'Server-sent events (see the description)' },
            ...errorResponses(401, 429),
          },
        },
      },
      async (request, reply) => {
        const actor = request.actor!;
        const held = byUser.get(actor.id) ?? 0;
        if (held >= perUser)
          throw problem(
            429,
            'too-many-streams',
            `You have ${held} change streams open already: close one (each page needs only one).`,
            'headers.authorization',
          );
        byUser.set(actor.id, held + 1);

        const hub = ctx.changes;
        const body = new Readable({ read() {} });
        let closed = false;
        let cursor = 0;
        let live = false;
        const waiting: Change[] = [];
        const send = (text: string) => {
          if (closed) return;
          body.push(text);
          // A client that does not read: drop it rather than hold its backlog; it resumes with Last-Event-ID.
          if (body.readableLength > maxBuffered) reply.raw.destroy();
        };
        const deliver = (change: Change) => {
          if (change.seq <= cursor) return;
          cursor = change.seq;
          if (changeVisibleTo(actor, change)) send(frame.change(change));
        };
        const unsubscribe = hub.subscribe((change) => {
          if (live) deliver(change);
          else waiting.push(change);
        });
        const stream: OpenStream = {
          keepAlive: () => send(frame.keepAlive),
          end() {
            if (closed) return;
            cleanup();
            body.push(null);
            // A client that stopped reading would hold shutdown up: it has a moment to take the rest.
            setTimeout(() => reply.raw.destroy(), 1_000).unref();
          },
        };
        const cleanup = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          open.delete(stream);
          const count = (byUser.get(actor.id) ?? 1) - 1;
          if (count > 0) byUser.set(actor.id, count);
          else byUser.delete(actor.id);
        };
        open.add(stream);
        reply.raw.once('close', cleanup);
        const lifetime = setTimeout(() => stream.end(), maxLifetimeMs);
        lifetime.unref();
        reply.raw.once('close', () => clearTimeout(lifetime));

        try {
          const header = request.headers['last-event-id'];
          const resuming = header !== undefined;
          const text = typeof header === 'string' ? header.trim() : '';
          const last = resuming && SEQ.test(text) ? Number(text) : undefined;
          // Catch up first: the hub may be behind the table (it reads nothing while no stream is open), and a
          // resuming client may have heard of a change from another process that this one has not handed out yet.
          await hub.settle();
          const head = hub.head;
          cursor = head;
          send(frame.ready(head));
          if (resuming) {
            const oldest = last === undefined || last >= head ? undefined : await hub.oldest();
            const replayable =
              last !== undefined &&
              last <= head &&
              head - last <= maxReplay &&
              (oldest === undefined || last >= oldest - 1);
            if (!replayable) {
              send(frame.reset(head));
            } else {
              // Replay (last, head] from the table; live changes (> head) wait meanwhile.
              cursor = last;
              for (let pages = 0; cursor < head && !closed && pages <= maxReplay; pages++) {
                const rows = await hub.read(cursor, head);
                if (rows.length === 0) break;
                for (const change of rows) deliver(change);
              }
              cursor = head;
            }
          }
        } catch (error) {
          cleanup();
          throw error;
        }
        live = true;
        for (const change of waiting.splice(0)) deliver(change);

        reply.header('content-type', 'text/event-stream');
        reply.header('cache-control', 'no-store');
        reply.header('x-accel-buffering', 'no');
        // The connection ends with the stream (shutdown, a slow client): never left idle to hold a shutdown up.
        reply.header('connection', 'close');
        return reply.send(body);
      },
    );
  };
}
