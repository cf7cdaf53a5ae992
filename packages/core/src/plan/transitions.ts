import { planMessage } from '../messages/plan.js';
import { formatPath } from '../validation/path.js';
import type { PlanIssue, PlanStatus } from './types.js';

// The plan lifecycle, apart from the operations (which validate with zod and apply with immer), so that
// what reads it at render time (`allowedPlanEdits`, an editor's status buttons) loads neither.

/**
 * The lifecycle of a plan: which status may follow which.
 * - `draft` → `submitted` (sent for agreement);
 * - `submitted` → `agreed`, or back to `draft` (returned for changes);
 * - `agreed` → `under-review` (the periodic review starts);
 * - `under-review` → `agreed` (confirmed unchanged), `submitted` (revised and resubmitted) or `draft` (reworked).
 */
export const PLAN_STATUS_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = Object.freeze({
  draft: Object.freeze(['submitted'] as PlanStatus[]),
  submitted: Object.freeze(['agreed', 'draft'] as PlanStatus[]),
  agreed: Object.freeze(['under-review'] as PlanStatus[]),
  'under-review': Object.freeze(['agreed', 'submitted', 'draft'] as PlanStatus[]),
});

/** Whether a plan in status `from` may move to status `to` (see {@link PLAN_STATUS_TRANSITIONS}). */
export function canChangeStatus(from: PlanStatus, to: PlanStatus): boolean {
  return PLAN_STATUS_TRANSITIONS[from]?.includes(to) ?? false;
}

/**
 * Why a plan in status `from` cannot move to status `to` (code `transition`, at `status`), or
 * `undefined` when it can: what `changeStatus` refuses with, for `allowedPlanEdits` to report.
 */
export function statusTransitionRefusal(from: PlanStatus, to: PlanStatus): PlanIssue | undefined {
  if (canChangeStatus(from, to)) return undefined;
  const params = { from, to, next: PLAN_STATUS_TRANSITIONS[from] };
  return {
    path: formatPath(['status']),
    message: planMessage('plan.status-transition', params),
    messageCode: 'plan.status-transition',
    params,
    code: 'transition',
  };
}
