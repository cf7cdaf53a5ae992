import * as z from 'zod/mini';
import { PLAN_SCHEMA_VERSION, planSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of the current plan document format,
 * generated from {@link planSchema}. It describes the shape only: the rules
 * that span fields (unique ids, aim–measure links, dates in order, framework
 * ids) are checked by `parsePlanDocument`, not by JSON Schema validators.
 * Published as `docs/schemas/plan.schema.json` by `scripts/gen-schemas.mjs`.
 */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `https://example.invalid/links-approach/schemas/plan.v${PLAN_SCHEMA_VERSION}.schema.json`,
    title: `Links Approach business plan (schemaVersion ${PLAN_SCHEMA_VERSION})`,
    description:
      'A GP practice’s Links Approach business plan: per capacity its owner, team, aims, measures with dated data points, ' +
      'change ideas with PDSA cycles, evidence and self-assessed level; per theme the agreed focus areas. ' +
      'Generated from the zod schema in @links-approach/core. Shape only: ids unique per list, aim–measure links, ' +
      'data points in ascending date order and framework ids are checked by parsePlanDocument.',
    ...rest,
  };
}
