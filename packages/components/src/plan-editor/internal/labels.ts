import { msg } from '@lit/localize';
import type { Direction, MeasureKind, PlanStatus } from '@links-approach/core/plan';
import { formatDateTime } from '../../internal/format.js';

/** A plan status as a label ("Under review"). */
export const statusLabels = (): Record<PlanStatus, string> => ({
  draft: msg('Draft', { id: 'plan.status.draft' }),
  submitted: msg('Submitted', { id: 'plan.status.submitted' }),
  agreed: msg('Agreed', { id: 'plan.status.agreed' }),
  'under-review': msg('Under review', { id: 'plan.status.under-review' }),
});

/** A plan status inside a sentence ("under review"). */
export const statusInSentence = (): Record<PlanStatus, string> => ({
  draft: msg('draft', { id: 'plan.status-lower.draft' }),
  submitted: msg('submitted', { id: 'plan.status-lower.submitted' }),
  agreed: msg('agreed', { id: 'plan.status-lower.agreed' }),
  'under-review': msg('under review', { id: 'plan.status-lower.under-review' }),
});

/** The button that moves a plan to a status. */
export const statusActions = (): Record<PlanStatus, string> => ({
  draft: msg('Return to draft', { id: 'plan.action.draft' }),
  submitted: msg('Submit the plan', { id: 'plan.action.submitted' }),
  agreed: msg('Mark as agreed', { id: 'plan.action.agreed' }),
  'under-review': msg('Start a review', { id: 'plan.action.under-review' }),
});

/** A measure's kind as a label. */
export const kindLabels = (): Record<MeasureKind, string> => ({
  outcome: msg('Outcome', { id: 'plan.measure-kind.outcome' }),
  process: msg('Process', { id: 'plan.measure-kind.process' }),
  balancing: msg('Balancing', { id: 'plan.measure-kind.balancing' }),
});

/** Which way is better for a measure, as a label. */
export const directionLabels = (): Record<Direction, string> => ({
  increase: msg('Higher is better', { id: 'plan.direction.increase' }),
  decrease: msg('Lower is better', { id: 'plan.direction.decrease' }),
});

/** A stored time for people (the text itself when it is not a time). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDateTime(iso);
}
