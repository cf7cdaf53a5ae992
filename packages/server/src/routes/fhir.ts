import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import { toFhirBundle } from '@links-approach/core/fhir';
import type { RouteContext } from '../app.js';
import { errorResponses, idParam, jsonSchema } from '../schemas.js';

const query = z.strictObject({ referral: idParam });

/**
 * `GET /api/fhir/Bundle?referral=…`: core's FHIR R4 exporter with the CLI's
 * default consent rule (goals and outcomes only with the person's consent
 * to share them with the GP record; there is no "full" detail over HTTP).
 */
export function fhirRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/fhir/Bundle',
      {
        schema: {
          summary: 'A referral as a FHIR R4 collection Bundle (consented detail only)',
          tags: ['fhir'],
          querystring: jsonSchema(query),
          response: {
            200: jsonSchema(z.record(z.string(), z.unknown()), 'output'),
            ...errorResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const { referral } = request.query as z.infer<typeof query>;
        const state = await ctx.repository.referralForExport(request.actor!, referral);
        reply.type('application/fhir+json; charset=utf-8');
        return toFhirBundle(state);
      },
    );
  };
}
