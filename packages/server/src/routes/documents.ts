import * as z from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import { planSchema, type Plan } from '@links-approach/core/plan';
import { networkRegisterSchema } from '@links-approach/core/network';
import { outcomeResponsesDocumentSchema } from '@links-approach/core/outcomes';
import type { StoredDocument } from '@links-approach/core/store';
import type { RouteContext } from '../app.js';
import { NETWORK, OUTCOMES, PLANS, type PracticeDocument } from '../documents.js';
import { etag, ifMatchVersion } from '../http.js';
import { problem } from '../problem.js';
import type { DocumentKind } from '../repository.js';
import { errorResponses, idParam, jsonSchema } from '../schemas.js';

const idParams = z.strictObject({ id: idParam });
const practiceParams = z.strictObject({ practice: idParam });
const listQuery = z.strictObject({ practice: z.optional(idParam) });
const anyObject = z.record(z.string(), z.unknown());

const REVISION_HEADERS = [
  {
    name: 'If-Match',
    in: 'header',
    required: true,
    schema: { type: 'string' },
    description: 'The revision the edit started from ("0" for a new document), as the ETag gave it.',
  },
];

function expectedRevision(header: string | string[] | undefined, ifNoneMatch: string | string[] | undefined): number {
  const version = ifMatchVersion(header);
  if (version !== undefined) return version;
  if (ifNoneMatch === '*') return 0;
  throw problem(
    428,
    'revision-required',
    'Say which revision the edit started from: If-Match with the ETag you read ("0", or If-None-Match: *, for a new document).',
    'headers.if-match',
  );
}

/** The revision fields a client need not send: the store stamps them. */
function unstamped<T extends StoredDocument>(body: Record<string, unknown>): T {
  return { revision: 0, savedAt: '1970-01-01T00:00:00.000Z', savedBy: 'unsaved', ...body } as unknown as T;
}

/** Business plans (ETag / If-Match / 412, every revision kept), network registers and outcome responses (the same rules). */
export function documentRoutes(ctx: RouteContext): FastifyPluginAsync {
  return async (app) => {
    // Plans ---------------------------------------------------------------
    app.get(
      '/plans',
      {
        schema: {
          summary: 'The latest revision of each business plan at your practices',
          tags: ['plans'],
          querystring: jsonSchema(listQuery),
          response: {
            200: jsonSchema(z.object({ plans: z.array(anyObject) }), 'output'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { practice } = request.query as z.infer<typeof listQuery>;
        return { plans: await ctx.repository.listDocuments(request.actor!, PLANS, practice) };
      },
    );
    app.get(
      '/plans/:id',
      {
        schema: {
          summary: 'A business plan (latest revision; the ETag is its revision)',
          tags: ['plans'],
          params: jsonSchema(idParams),
          response: { 200: jsonSchema(planSchema, 'output'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof idParams>;
        const plan = await ctx.repository.getDocument(request.actor!, PLANS, id);
        reply.header('etag', etag(plan.revision));
        return plan;
      },
    );
    app.get(
      '/plans/:id/history',
      {
        schema: {
          summary: 'Every revision of a business plan, oldest first',
          tags: ['plans'],
          params: jsonSchema(idParams),
          response: {
            200: jsonSchema(z.object({ revisions: z.array(anyObject) }), 'output'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const { id } = request.params as z.infer<typeof idParams>;
        return { revisions: await ctx.repository.documentHistory(request.actor!, PLANS, id) };
      },
    );
    app.put(
      '/plans/:id',
      {
        schema: {
          summary:
            'Save a new revision of a business plan (If-Match required; 412 names who saved the current revision and when)',
          tags: ['plans'],
          params: jsonSchema(idParams),
          body: jsonSchema(anyObject),
          'x-headers': REVISION_HEADERS,
          response: {
            200: jsonSchema(planSchema, 'output'),
            ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422, 428),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params as z.infer<typeof idParams>;
        const body = request.body as Record<string, unknown>;
        if (body['id'] !== id) throw problem(400, 'id-mismatch', `must be "${id}", the plan in the address`, 'body.id');
        const saved = await ctx.repository.saveDocument<Plan>(
          request.actor!,
          PLANS,
          unstamped<Plan>(body),
          expectedRevision(request.headers['if-match'], request.headers['if-none-match']),
        );
        reply.header('etag', etag(saved.revision));
        return saved;
      },
    );

    // Network registers and outcome responses: one document per practice ----------
    practiceDocument(app, ctx, '/network', NETWORK, 'network', 'network register', networkRegisterSchema);
    practiceDocument(app, ctx, '/outcomes', OUTCOMES, 'outcomes', 'outcome responses', outcomeResponsesDocumentSchema);
  };
}

function practiceDocument<D>(
  app: Parameters<FastifyPluginAsync>[0],
  ctx: RouteContext,
  base: string,
  kind: DocumentKind<PracticeDocument<D>>,
  tag: string,
  noun: string,
  documentSchema: Parameters<typeof jsonSchema>[0],
): void {
  const stored = z.object({
    id: z.string(),
    practiceId: z.string(),
    revision: z.int(),
    savedAt: z.string(),
    savedBy: z.string(),
    document: anyObject,
  });
  app.get(
    `${base}/:practice`,
    {
      schema: {
        summary: `A practice's ${noun} (latest revision; the ETag is its revision)`,
        tags: [tag],
        params: jsonSchema(practiceParams),
        response: { 200: jsonSchema(stored, 'output'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { practice } = request.params as z.infer<typeof practiceParams>;
      const doc = await ctx.repository.getDocument(request.actor!, kind, practice);
      reply.header('etag', etag(doc.revision));
      return doc;
    },
  );
  app.get(
    `${base}/:practice/history`,
    {
      schema: {
        summary: `Every revision of a practice's ${noun}, oldest first`,
        tags: [tag],
        params: jsonSchema(practiceParams),
        response: {
          200: jsonSchema(z.object({ revisions: z.array(stored) }), 'output'),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { practice } = request.params as z.infer<typeof practiceParams>;
      return { revisions: await ctx.repository.documentHistory(request.actor!, kind, practice) };
    },
  );
  app.put(
    `${base}/:practice`,
    {
      schema: {
        summary: `Save a new revision of a practice's ${noun} (If-Match required; 412 on a stale revision)`,
        tags: [tag],
        params: jsonSchema(practiceParams),
        body: jsonSchema(documentSchema),
        'x-headers': REVISION_HEADERS,
        response: { 200: jsonSchema(stored, 'output'), ...errorResponses(400, 401, 403, 404, 412, 413, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const { practice } = request.params as z.infer<typeof practiceParams>;
      const document = {
        id: practice,
        practiceId: practice,
        revision: 0,
        savedAt: '1970-01-01T00:00:00.000Z',
        savedBy: 'unsaved',
        document: request.body as D,
      };
      const saved = await ctx.repository.saveDocument(
        request.actor!,
        kind,
        document,
        expectedRevision(request.headers['if-match'], request.headers['if-none-match']),
      );
      reply.header('etag', etag(saved.revision));
      return saved;
    },
  );
}
