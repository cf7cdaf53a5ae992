import type * as Operations from './on-demand/plan-operations.js';

/** Core's plan operations, as the on-demand module exports them. */
export type PlanOperations = typeof Operations;

let loading: Promise<PlanOperations> | undefined;
const applying = new Set<Promise<void>>();

/**
 * Starts loading core's plan operations (once; again after a failed load)
 * and resolves with them. The editing elements call it when the person
 * first focuses or presses inside them, so the operations (with zod and
 * immer) are there by the time an edit is submitted, and showing a plan
 * never waits for them.
 */
export function loadPlanOperations(): Promise<PlanOperations> {
  loading ??= import('./on-demand/plan-operations.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

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
