import * as z from 'zod';
import type { core } from 'zod/mini';
import { parseWith, type ValidationIssue } from '@links-approach/core';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Route schemas come from core's zod schemas: one source of truth. Each
 * schema given to a route is the JSON Schema `z.toJSONSchema` derives (for
 * the OpenAPI document), and remembers the zod schema it came from, which
 * validates the request with core's own checks and plain-English messages.
 */
const zodOf = new WeakMap<object, core.$ZodType>();

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) for a zod schema of core or of the server. */
export function jsonSchema(schema: core.$ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const out = z.toJSONSchema(schema as z.ZodType, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as Record<string, unknown>;
  delete out['$schema'];
  zodOf.set(out, schema);
  return out;
}

/** The issues of a request part that failed its schema (the path starts with the part: `body`, `query`, `params`). */
export class RequestValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    super(issues[0]?.message ?? 'invalid request');
    this.issues = issues;
  }
}

/** Fastify's validator: core's `parseWith` on the zod schema behind each route schema. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const zodSchema = zodOf.get(schema as object);
  return (data: unknown) => {
    if (!zodSchema) return { value: data };
    // Fastify builds params and query objects without a prototype; core accepts plain JSON objects only.
    const input =
      httpPart !== 'body' && data !== null && typeof data === 'object'
        ? { ...(data as Record<string, unknown>) }
        : data;
    const parsed = parseWith(zodSchema, input);
    if (parsed.ok) return { value: parsed.value };
    const part = httpPart === 'querystring' ? 'query' : (httpPart ?? 'body');
    return {
      error: new RequestValidationError(
        parsed.errors.map((issue) => ({ path: issue.path ? `${part}.${issue.path}` : part, message: issue.message })),
      ) as unknown as Error,
    };
  };
};

/** An id in a URL: letters, digits, `.`, `_`, `:`, `-`, like core's ids. */
export const idParam = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be an id: letters, digits, ".", "_", ":" or "-"'));

/** A problem document (RFC 9457) as every error response carries it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  errors: z.array(
    z.object({
      path: z.string(),
      message: z.string(),
      code: z.string(),
      /** Core's message code of a validation or rule issue, to render `message` in another language. */
      messageCode: z.optional(z.string()),
      /** The values the message names (a refusal's or an issue's parameters), as core gave them. */
      params: z.optional(z.record(z.string(), z.unknown())),
    }),
  ),
});

/** The JSON Schema of a problem document, for every route's error responses. */
export const problemJson = jsonSchema(problemSchema, 'output');

/** Error responses shared by every route, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, unknown> {
  return Object.fromEntries(statuses.map((s) => [s, problemJson]));
}
