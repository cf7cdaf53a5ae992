import { OnDemand } from './on-demand.js';
import type * as Operations from './on-demand/plan-operations.js';

/** Core's plan operations, as the on-demand module exports them. */
export type PlanOperations = typeof Operations;

/** Loaded once for every plan-editing element on the page (again after a failed load): see {@link OnDemand}. */
const operations = new OnDemand<PlanOperations>(() => import('./on-demand/plan-operations.js'));
const applying = new Set<Promise<void>>();

/**
 * Loads core's plan operations and resolves with them. The editing elements
 * start it when the person first focuses or presses inside them
 * ({@link prefetchPlanOperations}), so the operations (with zod and immer)
 * are there by the time an edit is submitted, and showing a plan never
 * waits for them.
 */
export function loadPlanOperations(): Promise<PlanOperations> {
  return operations.load();
}

/** Starts loading the plan operations ahead of need, ignoring a failure (the edit that needs them reports it). */
export const prefetchPlanOperations = operations.prefetch;

/**
 * Runs `use` with the plan operations once they are loaded. Until `use`
 * has run, {@link planEditsApplied} waits for it (an element's
 * `updateComplete` does, so an edit is applied before it resolves). `use`
 * must not return a promise.
 */
export function withPlanOperations<T>(use: (operations: PlanOperations) => T): Promise<T> {
  const job = loadPlanOperations().then(use);
  const done = job.then(
    () => undefined,
    () => undefined,
  );
  applying.add(done);
  void done.then(() => applying.delete(done));
  return job;
}

/** Resolves when every edit started with {@link withPlanOperations} has been applied (or has failed). */
export async function planEditsApplied(): Promise<void> {
  while (applying.size > 0) await Promise.all(applying);
}
