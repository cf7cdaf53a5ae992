import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';
import { problem } from '../problem.js';
import { errorResponses, jsonSchema } from '../schemas.js';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  schemaVersion: z.int(),
});

/** `GET /api/health`: 200 while the database answers, 503 with Retry-After while it does not. */
export function healthRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true, rateLimit: false },
        schema: {
          summary: 'Whether the service and its database are up',
          tags: ['service'],
          response: { 200: jsonSchema(healthSchema, 'output'), ...errorResponses(503) },
        },
      },
      async (_request, reply) => {
        try {
          await ctx.db.ping();
        } catch {
          throw problem(
            503,
            'database-unreachable',
            'The database is not answering; the service will recover when it is back.',
            '',
            { headers: { 'retry-after': '5' } },
          );
        }
        reply.header('cache-control', 'no-store');
        return { status: 'ok', database: ctx.db.kind, schemaVersion: ctx.schemaVersion };
      },
    );
  };
}
