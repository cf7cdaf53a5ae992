import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteContext } from '../app.js';
import { problem } from '../problem.js';
import { errorResponses, idParam, jsonSchema } from '../schemas.js';

const tokenRequest = z.strictObject({ user: idParam });
const tokenResponse = z.object({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), name: z.string(), role: z.string(), practices: z.array(z.string()) }),
});
const usersResponse = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), practices: z.array(z.string()) })),
});

/** `--dev-auth` only: tokens for the fixed demo users. */
export function devRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/dev/users',
      {
        config: { public: true },
        schema: {
          summary: 'The demo users of --dev-auth',
          tags: ['dev-auth'],
          response: { 200: jsonSchema(usersResponse, 'output') },
        },
      },
      async () => ({
        users: [...ctx.people.values()].map((p) => ({
          id: p.id,
          name: p.name,
          role: p.role,
          practices: [...p.practices],
        })),
      }),
    );
    app.post(
      '/dev/token',
      {
        config: { public: true },
        schema: {
          summary: 'A short-lived token for a demo user (--dev-auth only)',
          tags: ['dev-auth'],
          body: jsonSchema(tokenRequest),
          response: { 200: jsonSchema(tokenResponse, 'output'), ...errorResponses(400, 404, 413, 415) },
        },
      },
      async (request) => {
        const { user } = request.body as z.infer<typeof tokenRequest>;
        const signed = await ctx.devAuth!.sign(user);
        const person = ctx.people.get(user);
        if (!signed || !person)
          throw problem(
            404,
            'unknown-user',
            `There is no demo user "${user}"; GET /api/dev/users lists them.`,
            'body.user',
          );
        return {
          token: signed.token,
          tokenType: 'Bearer',
          expiresAt: signed.expiresAt,
          user: { id: person.id, name: person.name, role: person.role, practices: [...person.practices] },
        };
      },
    );
  };
}
