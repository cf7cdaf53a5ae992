import { msg } from '@lit/localize';
import { PLAN_KIND, quickValidatePlan, type Plan } from '@links-approach/core/plan';
import type { StoreCodec } from '@links-approach/core/store';
import type * as Checks from '../on-demand/plan-checks.js';

/** Core's plan checks, as the on-demand module exports them. */
export type PlanChecks = typeof Checks;

let loading: Promise<PlanChecks> | undefined;
let loaded: PlanChecks | undefined;

/** Loads (once; again after a failed load) core's plan codec and document parser. */
export function loadPlanChecks(): Promise<PlanChecks> {
  loading ??= import('../on-demand/plan-checks.js').then(
    (checks) => (loaded = checks),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Core's plan codec (`planCodec()`), whose checks load on demand: a store
 * validates with it only when saving, and the editor loads the checks
 * ({@link loadPlanChecks}) before each save. A save through the same store
 * before they have loaded (a host seeding a provider's store) is checked by
 * core's `quickValidatePlan`, which answers as `validatePlan` would for a
 * plan whose shape its fast path accepts; any other plan is refused, and
 * nothing is written, with a message to try again (the checks start
 * loading then).
 */
export function deferredPlanCodec(): StoreCodec<Plan> {
  let codec: StoreCodec<Plan> | undefined;
  return {
    kind: PLAN_KIND,
    validate(input) {
      codec ??= loaded?.planCodec();
      if (codec) return codec.validate(input);
      const quick = quickValidatePlan(input);
      if (quick) return quick;
      void loadPlanChecks().catch(() => undefined);
      return {
        ok: false,
        errors: [{ path: '', message: msg('Not saved: the plan checks are still loading. Try again.') }],
      };
    },
  };
}
