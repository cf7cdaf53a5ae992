import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/** A registered route and its schemas, as the OpenAPI document describes it. */
export interface RouteRecord {
  readonly method: string;
  readonly url: string;
  readonly schema: Record<string, unknown> | undefined;
  readonly isPublic: boolean;
}

/** Records every route registered from now on (for the OpenAPI document and 405 answers). */
export function collectRoutes(app: FastifyInstance): RouteRecord[] {
  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        method: String(method),
        url: route.url,
        schema: route.schema as Record<string, unknown> | undefined,
        isPublic: route.config?.public === true,
      });
    }
  });
  return routes;
}

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '400': 'Bad request',
  '401': 'Not signed in',
  '403': 'Forbidden',
  '404': 'Not found',
  '409': 'Version conflict',
  '412': 'Precondition failed',
  '413': 'Body too large',
  '415': 'Unsupported media type',
  '422': 'Refused by the domain rules',
  '428': 'Precondition required',
  '429': 'Too many requests',
  '503': 'Unavailable',
};

function parameters(schema: Record<string, unknown> | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const properties = (schema['properties'] ?? {}) as Record<string, unknown>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}

/** The OpenAPI 3.1 document of the routes recorded. */
export function openApiDocument(routes: readonly RouteRecord[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (route.method === 'HEAD' || route.method === 'OPTIONS' || route.schema?.['hide'] === true) continue;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const schema = route.schema ?? {};
    const responses: Record<string, unknown> = {};
    for (const [status, body] of Object.entries((schema['response'] ?? {}) as Record<string, unknown>)) {
      const problem = Number(status) >= 400;
      const type = problem
        ? 'application/problem+json'
        : ((schema['x-produces'] as string | undefined) ?? 'application/json');
      responses[status] = { description: STATUS_TEXT[status] ?? 'Response', content: { [type]: { schema: body } } };
    }
    if (Object.keys(responses).length === 0) responses['200'] = { description: 'OK' };
    const operation: Record<string, unknown> = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: schema['summary'] ?? path,
      ...(schema['description'] ? { description: schema['description'] } : {}),
      tags: schema['tags'] ?? ['service'],
      parameters: [
        ...parameters(schema['params'] as Record<string, unknown> | undefined, 'path'),
        ...parameters(schema['querystring'] as Record<string, unknown> | undefined, 'query'),
        ...((schema['x-headers'] as unknown[]) ?? []),
      ],
      responses,
      ...(route.isPublic ? { security: [] } : {}),
    };
    if (schema['body'])
      operation['requestBody'] = { required: true, content: { 'application/json': { schema: schema['body'] } } };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Links Approach service',
      version: '0.0.0',
      description:
        'Referral event streams, business plans, network registers, outcome responses, reports and FHIR exports for the Links Approach, with practice boundaries and an audit trail. Errors are RFC 9457 problem details.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/** `GET /api/openapi.json`. */
export function openApiRoutes(routes: readonly RouteRecord[]): FastifyPluginAsync {
  return async (app) => {
    let cached: Record<string, unknown> | undefined;
    app.get(
      '/openapi.json',
      { config: { public: true }, schema: { summary: 'This OpenAPI 3.1 document', tags: ['service'] } },
      async () => (cached ??= openApiDocument(routes)),
    );
  };
}
