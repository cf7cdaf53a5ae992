import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';
import { problem } from '../problem.js';
import { errorResponses, jsonSchema } from '../schemas.js';

const query = z.strictObject({
  after: z.optional(z.string().check(z.regex(/^\d{1,15}$/, 'must be a whole number'))),
  limit: z.optional(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number from 1 to 500'))),
});
const entry = z.object({
  seq: z.int(),
  at: z.string(),
  userId: z.string(),
  role: z.string(),
  practiceId: z.nullable(z.string()),
  action: z.string(),
  resource: z.string(),
  targetId: z.nullable(z.string()),
  outcome: z.int(),
});

/** `GET /api/audit` (administrators) and `GET /api/practices` (everyone signed in). */
export function auditRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          summary: 'The audit trail: every person-level read and every write (administrators only)',
          tags: ['audit'],
          querystring: jsonSchema(query),
          response: {
            200: jsonSchema(z.object({ entries: z.array(entry), next: z.nullable(z.int()) }), 'output'),
            ...errorResponses(400, 401, 403, 429),
          },
        },
      },
      async (request) => {
        const q = request.query as z.infer<typeof query>;
        const limit = q.limit === undefined ? undefined : Number(q.limit);
        if (limit !== undefined && (limit < 1 || limit > 500))
          throw problem(400, 'invalid-limit', 'must be a whole number from 1 to 500', 'query.limit');
        return ctx.repository.listAudit(request.actor!, {
          ...(q.after !== undefined ? { after: Number(q.after) } : {}),
          ...(limit !== undefined ? { limit } : {}),
        });
      },
    );
    app.get(
      '/practices',
      {
        schema: {
          summary: 'The practices the service serves (id, name, list size, cohort)',
          tags: ['practices'],
          response: {
            200: jsonSchema(z.object({ practices: z.array(z.record(z.string(), z.unknown())) }), 'output'),
            ...errorResponses(401, 429),
          },
        },
      },
      async (request) => ({
        practices: await ctx.repository.listPractices(request.actor!),
      }),
    );
  };
}
