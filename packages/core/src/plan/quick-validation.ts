import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Result } from '../validation/result.js';
import { fastPlanShape } from './compiled-validation.js';
import type { ParsePlanOptions } from './document.js';
import { checkPlanRules } from './rules.js';
import type { Plan, PlanIssue } from './types.js';

/**
 * `validatePlan`'s answer when it can be given without the zod schema: when
 * the fast path (see `enableCompiledPlanValidation`) accepts the plan's
 * shape, the plan after the rules that span fields, exactly as
 * `validatePlan` returns it; otherwise `undefined` (only `validatePlan` can
 * tell what is wrong). This module loads no zod, so an element can check a
 * plan before its validation code has loaded.
 *
 * @example
 * const checked = quickValidatePlan(input) ?? validatePlan(input);
 */
export function quickValidatePlan(input: unknown, options: ParsePlanOptions = {}): Result<Plan, PlanIssue> | undefined {
  const shape = fastPlanShape(input);
  if (shape === undefined) return undefined;
  const rules = checkPlanRules(shape, {
    framework: options.framework === undefined ? LINKS_FRAMEWORK : options.framework,
  });
  return rules.length > 0 ? { ok: false, errors: rules } : { ok: true, value: shape };
}
