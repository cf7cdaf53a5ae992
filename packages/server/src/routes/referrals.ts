import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import { REFERRAL_STATUSES, referralEventSchema } from '@links-approach/core/referral';
import type { RouteContext } from '../app.js';
import { etag, idempotencyKey, ifMatchVersion } from '../http.js';
import { problem } from '../problem.js';
import { errorResponses, idParam, jsonSchema } from '../schemas.js';

const params = z.strictObject({ id: idParam });
const listQuery = z.strictObject({
  practice: z.optional(idParam),
  status: z.optional(z.enum(REFERRAL_STATUSES)),
  after: z.optional(idParam),
  limit: z.optional(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number from 1 to 500'))),
});
const appendBody = z.strictObject({
  /** The stream version the event was written against (or send If-Match). */
  expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000))),
  /** A key unique to this event: a retry with the same key returns the first answer. (Or send Idempotency-Key.) */
  idempotencyKey: z.optional(z.string()),
  /** The event, without `actor`: the actor is the signed-in user. */
  event: z.looseObject({ id: z.string(), referralId: z.string(), type: z.string() }),
});

const storedReferral = z.object({
  id: z.string(),
  practiceId: z.string(),
  status: z.string(),
  version: z.int(),
  updatedAt: z.string(),
  state: z.record(z.string(), z.unknown()),
});

function appendBodySchema(): Record<string, unknown> {
  const schema = jsonSchema(appendBody);
  const event = z.toJSONSchema(referralEventSchema as unknown as z.ZodType, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  delete event['$schema'];
  for (const option of (event['oneOf'] ?? event['anyOf'] ?? []) as Record<string, unknown>[]) {
    option['required'] = ((option['required'] ?? []) as string[]).filter((name) => name !== 'actor');
    delete (option['properties'] as Record<string, unknown>)['actor'];
  }
  (schema['properties'] as Record<string, unknown>)['event'] = event;
  return schema;
}

/** Referral event streams: list (projection), read (state and events), append. */
export function referralRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/referrals',
      {
        schema: {
          summary: 'The current state of the referrals at your practices (a caseload), by id',
          tags: ['referrals'],
          querystring: jsonSchema(listQuery),
          response: {
            200: jsonSchema(z.object({ referrals: z.array(storedReferral), next: z.nullable(z.string()) }), 'output'),
            ...errorResponses(400, 401, 403, 429),
          },
        },
      },
      async (request) => {
        const query = request.query as z.infer<typeof listQuery>;
        const limit = query.limit === undefined ? undefined : Number(query.limit);
        if (limit !== undefined && (limit < 1 || limit > 500))
          throw problem(400, 'invalid-limit', 'must be a whole number from 1 to 500', 'query.limit');
        const { limit: _text, ...filter } = query;
        return ctx.repository.listReferrals(request.actor!, { ...filter, ...(limit !== undefined ? { limit } : {}) });
      },
    );
    app.get(
      '/referrals/:id',
      {
        schema: {
          summary: 'One referral: its state, stream version (also the ETag) and every event',
          tags: ['referrals'],
          params: jsonSchema(params),
          response: {
            200: jsonSchema(
              z.object({ referral: storedReferral, events: z.array(z.record(z.string(), z.unknown())) }),
              'output',
            ),
            ...errorResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof params>;
        const result = await ctx.repository.getReferral(request.actor!, id);
        reply.header('etag', etag(result.referral.version));
        return result;
      },
    );
    app.post(
      '/referrals/:id/events',
      {
        schema: {
          summary: 'Append one event to a referral (the `created` event starts it, at version 0)',
          description:
            'Send the stream version the event was written against in If-Match ("3") or expectedVersion, and a unique Idempotency-Key. ' +
            'A stale version gives 409 with currentVersion; an event the referral workflow refuses gives 422 with its code and reason; ' +
            'a retried key returns the first answer and writes nothing. The actor is the signed-in user.',
          tags: ['referrals'],
          params: jsonSchema(params),
          body: appendBodySchema(),
          'x-headers': [
            { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
          ],
          response: {
            201: jsonSchema(
              z.object({ referral: z.record(z.string(), z.unknown()), version: z.int(), eventId: z.string() }),
              'output',
            ),
            ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof params>;
        const body = request.body as z.infer<typeof appendBody>;
        const headerVersion = ifMatchVersion(request.headers['if-match']);
        if (
          headerVersion !== undefined &&
          body.expectedVersion !== undefined &&
          headerVersion !== body.expectedVersion
        ) {
          throw problem(
            400,
            'version-mismatch',
            'If-Match and expectedVersion name different versions: send one.',
            'body.expectedVersion',
          );
        }
        const expectedVersion = headerVersion ?? body.expectedVersion;
        if (expectedVersion === undefined) {
          throw problem(
            428,
            'version-required',
            'Say which version the event was written against: If-Match ("0" for a new referral) or expectedVersion.',
            'headers.if-match',
          );
        }
        const key = idempotencyKey(request.headers['idempotency-key'], body.idempotencyKey);
        if (body.event.referralId !== id)
          throw problem(
            400,
            'referral-mismatch',
            `must be "${id}", the referral in the address`,
            'body.event.referralId',
          );
        const forged = (body.event as Record<string, unknown>)['actor'];
        if (forged !== undefined) {
          const claimed = forged as { id?: unknown };
          if (typeof forged !== 'object' || forged === null || claimed.id !== request.actor!.id) {
            throw problem(
              403,
              'forged-actor',
              'The actor of an event is the signed-in user; leave "actor" out.',
              'body.event.actor',
            );
          }
        }
        const { actor: _ignored, ...event } = body.event as Record<string, unknown>;
        const result = await ctx.repository.appendReferralEvent(request.actor!, {
          referralId: id,
          event,
          expectedVersion,
          ...(key !== undefined ? { idempotencyKey: key } : {}),
        });
        reply.header('etag', etag(result.body.version));
        reply.header('location', `/api/referrals/${encodeURIComponent(id)}`);
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.code(201).send(result.body);
      },
    );
  };
}
