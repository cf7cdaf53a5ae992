import type { Framework } from '../framework/types.js';
import { validatePlan } from '../plan/document.js';
import { PLAN_KIND } from '../plan/schema.js';
import type { Plan } from '../plan/types.js';
import { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
import type { DocumentStore, StoreCodec } from './types.js';

/** A store of business plans and their revisions. */
export type PlanStore = DocumentStore<Plan>;

/** Options for the plan codec. */
export interface PlanCodecOptions {
  /** The framework plans are checked against; defaults to `LINKS_FRAMEWORK`, `null` skips framework checks. */
  readonly framework?: Framework | null;
}

/** The codec that lets any {@link DocumentStore} implementation keep plans: kind `links.plan`, validated with `validatePlan`. */
export function planCodec(options: PlanCodecOptions = {}): StoreCodec<Plan> {
  return {
    kind: PLAN_KIND,
    validate: (input) => validatePlan(input, options.framework === undefined ? {} : { framework: options.framework }),
  };
}

/**
 * A plan store in memory.
 *
 * @example
 * const store = createMemoryPlanStore();
 * const saved = await store.save(plan, { expectedRevision: 0, author: 'Practice manager' });
 * if (!saved.ok && saved.errors[0].code === 'conflict') reload(saved.errors[0].currentRevision);
 */
export function createMemoryPlanStore(options: MemoryStoreOptions & PlanCodecOptions = {}): PlanStore {
  return createMemoryStore(planCodec(options), options);
}
