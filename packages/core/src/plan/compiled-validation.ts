import { fastParsePlan } from './fast-validation.js';
import type { Plan } from './types.js';

let fastPath = true;

/**
 * Turns the plan schema's fast path on (the default) or, with `false`, off.
 * Applies to `validatePlan`, `parsePlanDocument`, `migratePlanDocument` and
 * everything built on them, such as plan stores and revisions.
 *
 * The fast path is plain hand-written code (no `eval` or `new Function`), so
 * it runs everywhere, browsers under a Content Security Policy without
 * `unsafe-eval` included. It accepts a plan only when the schema certainly
 * would, with the very value the schema returns; anything else goes to the
 * interpreted zod schema, so results, errors, messages and paths are the
 * same either way. Checking a plan's shape then costs a fraction of
 * `JSON.parse` of it. Turning it off is only for comparison (the benchmark
 * times both).
 *
 * Kept under its old name: it used to switch on zod's compiler, which
 * needed `new Function`.
 *
 * @example
 * import { enableCompiledPlanValidation } from '@links-approach/core/plan';
 * enableCompiledPlanValidation(false); // interpreted schema only, e.g. to compare timings
 */
export function enableCompiledPlanValidation(enabled = true): void {
  fastPath = enabled;
}

/** The fast path's answer for a plan shape when it is on: the parsed plan, or `undefined` (run the schema). @internal */
export function fastPlanShape(input: unknown): Plan | undefined {
  return fastPath ? fastParsePlan(input) : undefined;
}
