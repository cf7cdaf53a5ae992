/**
 * The button labels of the actions `allowedActions` offers, by code, and
 * their English. A `ReferralAction` carries both: `labelCode` for the
 * elements (which say it in the page's language) and `label` in English.
 */
import type { ReferralStatus } from '../referral/constants.js';
import type { ContentEventType } from './refusals.js';

/**
 * An action's label code: `action.<status>` for a status change,
 * `action.<event type>` for content, and four special cases (making a
 * referral, recording a self-referral, resuming from on hold, cancelling a
 * draft).
 */
export type ActionLabelCode =
  | 'action.created'
  | 'action.created-self'
  | 'action.resume'
  | 'action.cancel-draft'
  | `action.${ReferralStatus}`
  | `action.${ContentEventType}`;

/** The English label of every action. */
export const ACTION_LABELS_EN: Readonly<Record<ActionLabelCode, string>> = {
  'action.created': 'Make a referral',
  'action.created-self': 'Record a self-referral',
  'action.resume': 'Resume',
  'action.cancel-draft': 'Cancel draft',
  'action.draft': 'Save as draft',
  'action.requested': 'Send to the Community Links Practitioner',
  'action.accepted': 'Accept',
  'action.rejected': 'Reject',
  'action.in-progress': 'Start work',
  'action.on-hold': 'Put on hold',
  'action.completed': 'Complete',
  'action.failed': 'Close as failed',
  'action.cancelled': 'Cancel referral',
  'action.entered-in-error': 'Mark as entered in error',
  'action.details-updated': 'Edit details',
  'action.clp-assigned': 'Assign a Community Links Practitioner',
  'action.consent-given': 'Record consent',
  'action.consent-withdrawn': 'Record withdrawal of consent',
  'action.do-not-contact-set': 'Set do not contact',
  'action.do-not-contact-cleared': 'Lift do not contact',
  'action.contact-attempted': 'Record a contact attempt',
  'action.contact-recorded': 'Record a contact',
  'action.goal-added': 'Add a goal',
  'action.goal-updated': 'Update a goal',
  'action.resource-linked': 'Link a resource',
  'action.resource-updated': 'Update a resource link',
  'action.follow-up-scheduled': 'Schedule a follow-up',
  'action.follow-up-done': 'Mark a follow-up done',
  'action.outcome-recorded': 'Record the outcome',
  'action.note-added': 'Add a note',
};
