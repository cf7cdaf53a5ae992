import { statusReasonCodesFor } from '../codes/status-reasons.js';
import type { ValidationIssue } from '../validation/result.js';
import { safeParse } from 'zod/mini';
import {
  GOAL_STATUSES,
  REASON_REQUIRED,
  REFERRAL_STATUSES,
  RESOURCE_LINK_STATUSES,
  STATUS_ROLES,
  FINISHED_STATUSES,
  LATE_ALLOWED_EVENT_TYPES,
  TRANSITIONS,
  type ReferralStatus,
} from './constants.js';
import { pseudonymSchema, referralEventSchema } from './schema.js';
import type { ReferralState } from './types.js';

const FINISHED = new Set<ReferralStatus>(FINISHED_STATUSES);

/**
 * Checks a referral state against the workflow's invariants, independently
 * of the code that builds it: the timeline starts with `created`, no event is
 * dated before it, only events that add to the record (contacts, goals,
 * resource links, follow-ups, notes) are dated before an event received
 * earlier (recorded offline, arriving late), has unique ids and only valid
 * events; its status changes follow the
 * allowed transitions and roles; reasons and outcomes are present where
 * required; the business status matches the contacts; no contact or attempt
 * happened without consent to contact or under do-not-contact; and the
 * derived fields (counts, dates, consent, flags) agree with the timeline.
 * Returns the broken invariants (an empty list for a sound state).
 */
export function checkReferralState(state: ReferralState): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, message });
  if (!REFERRAL_STATUSES.includes(state.status)) bad('status', `is not a referral status: ${String(state.status)}`);
  if (!safeParse(pseudonymSchema, state.person).success) bad('person', 'is not a pseudonymous reference');
  const timeline = state.timeline;
  const first = timeline[0];
  if (!first || first.type !== 'created') {
    bad('timeline[0]', 'must be the "created" event');
    return issues;
  }
  if (state.createdAt !== first.at) bad('createdAt', 'must be the time of the "created" event');

  let status: ReferralStatus = first.status;
  let requestedAt = first.status === 'requested' ? first.at : undefined;
  let respondedAt: string | undefined;
  let finishedAt: string | undefined;
  let firstContactAt: string | undefined;
  let contactConsent = first.consent?.includes('contact') ? 'given' : 'not-asked';
  let doNotContact = false;
  let contacts = 0;
  let attempts = 0;
  let statusReason: string | undefined;
  let statusReasonCode: string | undefined;
  const ids = new Set<string>();
  const createdMs = Date.parse(first.at);
  let latestMs = -Infinity;
  let latestAt = first.at;

  timeline.forEach((event, i) => {
    const path = `timeline[${i}]`;
    if (!safeParse(referralEventSchema, event).success) bad(path, 'is not a valid referral event');
    if (event.referralId !== state.id) bad(`${path}.referralId`, 'must be the referral’s id');
    if (ids.has(event.id)) bad(`${path}.id`, 'repeats an event id');
    ids.add(event.id);
    const at = Date.parse(event.at);
    if (at < createdMs) bad(`${path}.at`, 'is earlier than the "created" event');
    if (at < latestMs && !LATE_ALLOWED_EVENT_TYPES.has(event.type))
      bad(`${path}.at`, 'is earlier than an event before it, and changes a current value');
    if (at < latestMs && event.type !== 'note-added' && respondedAt !== undefined && at < Date.parse(respondedAt))
      bad(`${path}.at`, 'is casework dated before the referral was accepted');
    if (at > latestMs) {
      latestMs = at;
      latestAt = event.at;
    }
    if (i > 0 && event.type === 'created') bad(path, 'is a second "created" event');
    if (i > 0 && status === 'entered-in-error') bad(path, 'follows "entered-in-error"');
    switch (event.type) {
      case 'status-changed':
        if (!TRANSITIONS[status].includes(event.to)) bad(`${path}.to`, `is not a transition allowed from "${status}"`);
        if (!STATUS_ROLES[event.to].includes(event.actor.role)) bad(`${path}.actor.role`, `may not set "${event.to}"`);
        if (REASON_REQUIRED.includes(event.to) && event.reasonCode === undefined && !event.reason?.trim())
          bad(`${path}.reasonCode`, 'is required for this status');
        status = event.to;
        statusReason = event.reason;
        statusReasonCode =
          event.reasonCode ?? (event.reason?.trim() && statusReasonCodesFor(event.to).length > 0 ? 'other' : undefined);
        if (status === 'requested' && requestedAt === undefined) requestedAt = event.at;
        if ((status === 'accepted' || status === 'rejected') && respondedAt === undefined) respondedAt = event.at;
        if (FINISHED.has(status) && finishedAt === undefined) finishedAt = event.at;
        break;
      case 'consent-given':
      case 'consent-withdrawn':
        if (FINISHED.has(status)) bad(path, 'changes a finished referral');
        if (event.scope === 'contact') contactConsent = event.type === 'consent-given' ? 'given' : 'withdrawn';
        break;
      case 'do-not-contact-set':
      case 'do-not-contact-cleared':
        if (FINISHED.has(status)) bad(path, 'changes a finished referral');
        doNotContact = event.type === 'do-not-contact-set';
        break;
      case 'contact-attempted':
      case 'contact-recorded':
        if (status !== 'in-progress') bad(path, 'is a contact outside "in-progress"');
        if (doNotContact) bad(path, 'is a contact under do-not-contact');
        if (contactConsent !== 'given') bad(path, 'is a contact without consent to contact');
        if (event.type === 'contact-recorded') {
          contacts++;
          if (firstContactAt === undefined || at < Date.parse(firstContactAt)) firstContactAt = event.at;
        } else {
          attempts++;
        }
        break;
      case 'created':
        break;
      default:
        if (i > 0 && FINISHED.has(status)) bad(path, 'changes a finished referral');
    }
  });

  if (state.updatedAt !== latestAt) bad('updatedAt', 'must be the time of the latest-dated event');
  if (status !== state.status) bad('status', `is "${state.status}" but the timeline ends in "${status}"`);
  const expectedBusiness = state.status === 'in-progress' ? (contacts > 0 ? 'engaged' : 'contacting') : undefined;
  if (state.businessStatus !== expectedBusiness) bad('businessStatus', `must be ${expectedBusiness ?? 'absent'} here`);
  if (REASON_REQUIRED.includes(state.status) && state.statusReasonCode === undefined)
    bad('statusReasonCode', `is required while "${state.status}"`);
  if (state.statusReason !== statusReason) bad('statusReason', 'must be the reason of the latest status change');
  if (state.statusReasonCode !== statusReasonCode)
    bad('statusReasonCode', 'must be the coded reason of the latest status change');
  if (state.status === 'completed' && state.outcome === undefined)
    bad('outcome', 'is required for a completed referral');
  if (state.requestedAt !== requestedAt) bad('requestedAt', 'must be when the referral was first requested');
  if (state.respondedAt !== respondedAt) bad('respondedAt', 'must be when the CLP first accepted or rejected it');
  if (state.finishedAt !== finishedAt) bad('finishedAt', 'must be when the referral first finished');
  if (state.firstContactAt !== firstContactAt) bad('firstContactAt', 'must be the time of the earliest contact');
  if (state.contacts.length !== contacts) bad('contacts', 'must hold one entry per "contact-recorded" event');
  if (state.contactAttempts.length !== attempts)
    bad('contactAttempts', 'must hold one entry per "contact-attempted" event');
  if (state.consent.contact !== contactConsent) bad('consent.contact', 'must match the latest consent event');
  if (state.doNotContact !== doNotContact) bad('doNotContact', 'must match the latest do-not-contact event');
  const unique = (path: string, values: readonly string[]) => {
    if (new Set(values).size !== values.length) bad(path, 'repeats an id');
  };
  unique(
    'goals',
    state.goals.map((g) => g.id),
  );
  unique(
    'resourceLinks',
    state.resourceLinks.map((l) => l.id),
  );
  unique(
    'followUps',
    state.followUps.map((f) => f.id),
  );
  state.goals.forEach((g, i) => {
    if (!GOAL_STATUSES.includes(g.status)) bad(`goals[${i}].status`, 'is not a goal status');
  });
  state.resourceLinks.forEach((l, i) => {
    if (!RESOURCE_LINK_STATUSES.includes(l.status)) bad(`resourceLinks[${i}].status`, 'is not a resource-link status');
  });
  return issues;
}
