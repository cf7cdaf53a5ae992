import { msg, str } from '@lit/localize';
import type { Framework, MessageRenderers } from '@links-approach/core';
import { eventMessage, renderEventMessage } from '@links-approach/core/referral';
import type {
  ActionLabelCode,
  ActorRole,
  EventMessageParams,
  BusinessStatus,
  ConsentScope,
  ConsentState,
  ContactAttemptOutcome,
  ContactMethod,
  ContactSetting,
  GoalStatus,
  OutcomeCode,
  ReferralAction,
  ReferralEvent,
  ReferralRoute,
  ReferralState,
  ReferralStatus,
  ResourceLinkStatus,
  ResourceMode,
  StatusReasonCode,
  Urgency,
} from '@links-approach/core/referral';
import { formatNumber } from './format.js';

/*
 * Localised labels for the referral workflow's closed lists. Core names each
 * value with a stable id and an English label (`REFERRAL_LABELS`); the
 * elements show these instead, so the labels follow the page's locale. The
 * English here is exactly core's.
 */

/** A referral status's label, e.g. `in-progress` → "In progress". */
export const statusLabels = (): Record<ReferralStatus, string> => ({
  draft: msg('Draft', { id: 'referral.status.draft' }),
  requested: msg('Requested', { id: 'referral.status.requested' }),
  accepted: msg('Accepted', { id: 'referral.status.accepted' }),
  rejected: msg('Rejected', { id: 'referral.status.rejected' }),
  'in-progress': msg('In progress', { id: 'referral.status.in-progress' }),
  'on-hold': msg('On hold', { id: 'referral.status.on-hold' }),
  completed: msg('Completed', { id: 'referral.status.completed' }),
  failed: msg('Failed', { id: 'referral.status.failed' }),
  cancelled: msg('Cancelled', { id: 'referral.status.cancelled' }),
  'entered-in-error': msg('Entered in error', { id: 'referral.status.entered-in-error' }),
});

/** A status written inside a sentence ("Status changed to …"). */
export const statusInSentence = (): Record<ReferralStatus, string> => ({
  draft: msg('draft', { id: 'referral.status-lower.draft' }),
  requested: msg('requested', { id: 'referral.status-lower.requested' }),
  accepted: msg('accepted', { id: 'referral.status-lower.accepted' }),
  rejected: msg('rejected', { id: 'referral.status-lower.rejected' }),
  'in-progress': msg('in progress', { id: 'referral.status-lower.in-progress' }),
  'on-hold': msg('on hold', { id: 'referral.status-lower.on-hold' }),
  completed: msg('completed', { id: 'referral.status-lower.completed' }),
  failed: msg('failed', { id: 'referral.status-lower.failed' }),
  cancelled: msg('cancelled', { id: 'referral.status-lower.cancelled' }),
  'entered-in-error': msg('entered in error', { id: 'referral.status-lower.entered-in-error' }),
});

/** The CLP's progress within `in-progress`. */
export const businessStatusLabels = (): Record<BusinessStatus, string> => ({
  contacting: msg('Contacting', { id: 'referral.business-status.contacting' }),
  engaged: msg('Engaged', { id: 'referral.business-status.engaged' }),
});

/** Who wrote an event. */
export const roleLabels = (): Record<ActorRole, string> => ({
  referrer: msg('Referrer', { id: 'referral.role.referrer' }),
  clp: msg('Community Links Practitioner', { id: 'referral.role.clp' }),
  'practice-manager': msg('Practice manager', { id: 'referral.role.practice-manager' }),
  system: msg('System', { id: 'referral.role.system' }),
});

/** How the person came to be referred. */
export const routeLabels = (): Record<ReferralRoute, string> => ({
  gp: msg('GP', { id: 'referral.route.gp' }),
  nurse: msg('Nurse', { id: 'referral.route.nurse' }),
  'practice-staff': msg('Practice staff', { id: 'referral.route.practice-staff' }),
  self: msg('Self-referral', { id: 'referral.route.self' }),
  other: msg('Other', { id: 'referral.route.other' }),
});

/** How soon the referrer asks the CLP to respond. */
export const urgencyLabels = (): Record<Urgency, string> => ({
  routine: msg('Routine', { id: 'referral.urgency.routine' }),
  soon: msg('Soon', { id: 'referral.urgency.soon' }),
  urgent: msg('Urgent', { id: 'referral.urgency.urgent' }),
});

const urgencyInSentence = (): Record<Urgency, string> => ({
  routine: msg('routine', { id: 'referral.urgency-lower.routine' }),
  soon: msg('soon', { id: 'referral.urgency-lower.soon' }),
  urgent: msg('urgent', { id: 'referral.urgency-lower.urgent' }),
});

/** What a person's consent covers. */
export const consentScopeLabels = (): Record<ConsentScope, string> => ({
  contact: msg('Contact', { id: 'referral.consent-scope.contact' }),
  'share-outcome-with-gp-record': msg('Share outcome with the GP record', {
    id: 'referral.consent-scope.share-outcome-with-gp-record',
  }),
  'share-with-community-organisation': msg('Share details with a community organisation', {
    id: 'referral.consent-scope.share-with-community-organisation',
  }),
});

const consentScopeInSentence = (): Record<ConsentScope, string> => ({
  contact: msg('contact', { id: 'referral.consent-scope-lower.contact' }),
  'share-outcome-with-gp-record': msg('share outcome with the GP record', {
    id: 'referral.consent-scope-lower.share-outcome-with-gp-record',
  }),
  'share-with-community-organisation': msg('share details with a community organisation', {
    id: 'referral.consent-scope-lower.share-with-community-organisation',
  }),
});

/** Where the person stands on one consent scope. */
export const consentStateLabels = (): Record<ConsentState, string> => ({
  'not-asked': msg('not asked', { id: 'referral.consent-state.not-asked' }),
  given: msg('given', { id: 'referral.consent-state.given' }),
  withdrawn: msg('withdrawn', { id: 'referral.consent-state.withdrawn' }),
});

/** How the CLP tried to reach the person. */
export const contactMethodLabels = (): Record<ContactMethod, string> => ({
  phone: msg('Phone', { id: 'referral.contact-method.phone' }),
  text: msg('Text message', { id: 'referral.contact-method.text' }),
  letter: msg('Letter', { id: 'referral.contact-method.letter' }),
  email: msg('Email', { id: 'referral.contact-method.email' }),
  visit: msg('Visit', { id: 'referral.contact-method.visit' }),
});

const contactMethodInSentence = (): Record<ContactMethod, string> => ({
  phone: msg('phone', { id: 'referral.contact-method-lower.phone' }),
  text: msg('text message', { id: 'referral.contact-method-lower.text' }),
  letter: msg('letter', { id: 'referral.contact-method-lower.letter' }),
  email: msg('email', { id: 'referral.contact-method-lower.email' }),
  visit: msg('visit', { id: 'referral.contact-method-lower.visit' }),
});

/** What came of an attempt to reach the person. */
export const contactAttemptOutcomeLabels = (): Record<ContactAttemptOutcome, string> => ({
  'no-answer': msg('No answer', { id: 'referral.attempt-outcome.no-answer' }),
  'left-message': msg('Left a message', { id: 'referral.attempt-outcome.left-message' }),
  'wrong-number': msg('Wrong number', { id: 'referral.attempt-outcome.wrong-number' }),
  declined: msg('Declined', { id: 'referral.attempt-outcome.declined' }),
  arranged: msg('Appointment arranged', { id: 'referral.attempt-outcome.arranged' }),
});

const contactAttemptOutcomeInSentence = (): Record<ContactAttemptOutcome, string> => ({
  'no-answer': msg('no answer', { id: 'referral.attempt-outcome-lower.no-answer' }),
  'left-message': msg('left a message', { id: 'referral.attempt-outcome-lower.left-message' }),
  'wrong-number': msg('wrong number', { id: 'referral.attempt-outcome-lower.wrong-number' }),
  declined: msg('declined', { id: 'referral.attempt-outcome-lower.declined' }),
  arranged: msg('appointment arranged', { id: 'referral.attempt-outcome-lower.arranged' }),
});

/** Where a contact took place. */
export const contactSettingLabels = (): Record<ContactSetting, string> => ({
  practice: msg('At the practice', { id: 'referral.contact-setting.practice' }),
  home: msg('At home', { id: 'referral.contact-setting.home' }),
  community: msg('In the community', { id: 'referral.contact-setting.community' }),
  phone: msg('By phone', { id: 'referral.contact-setting.phone' }),
  video: msg('By video', { id: 'referral.contact-setting.video' }),
});

/** A contact setting inside a sentence ("Contact at home (45 minutes)"). */
export const contactSettingInSentence = (): Record<ContactSetting, string> => ({
  practice: msg('at the practice', { id: 'referral.contact-setting-lower.practice' }),
  home: msg('at home', { id: 'referral.contact-setting-lower.home' }),
  community: msg('in the community', { id: 'referral.contact-setting-lower.community' }),
  phone: msg('by phone', { id: 'referral.contact-setting-lower.phone' }),
  video: msg('by video', { id: 'referral.contact-setting-lower.video' }),
});

/** A goal's status. */
export const goalStatusLabels = (): Record<GoalStatus, string> => ({
  proposed: msg('Proposed', { id: 'referral.goal-status.proposed' }),
  active: msg('Active', { id: 'referral.goal-status.active' }),
  achieved: msg('Achieved', { id: 'referral.goal-status.achieved' }),
  'not-achieved': msg('Not achieved', { id: 'referral.goal-status.not-achieved' }),
  cancelled: msg('Cancelled', { id: 'referral.goal-status.cancelled' }),
});

const goalStatusInSentence = (): Record<GoalStatus, string> => ({
  proposed: msg('proposed', { id: 'referral.goal-status-lower.proposed' }),
  active: msg('active', { id: 'referral.goal-status-lower.active' }),
  achieved: msg('achieved', { id: 'referral.goal-status-lower.achieved' }),
  'not-achieved': msg('not achieved', { id: 'referral.goal-status-lower.not-achieved' }),
  cancelled: msg('cancelled', { id: 'referral.goal-status-lower.cancelled' }),
});

/** How the CLP connected the person with a resource. */
export const resourceModeLabels = (): Record<ResourceMode, string> => ({
  signposted: msg('Signposted', { id: 'referral.resource-mode.signposted' }),
  referred: msg('Referred', { id: 'referral.resource-mode.referred' }),
  accompanied: msg('Accompanied', { id: 'referral.resource-mode.accompanied' }),
});

const resourceModeInSentence = (): Record<ResourceMode, string> => ({
  signposted: msg('signposted', { id: 'referral.resource-mode-lower.signposted' }),
  referred: msg('referred', { id: 'referral.resource-mode-lower.referred' }),
  accompanied: msg('accompanied', { id: 'referral.resource-mode-lower.accompanied' }),
});

/** Where the person stands with a linked resource. */
export const resourceLinkStatusLabels = (): Record<ResourceLinkStatus, string> => ({
  suggested: msg('Suggested', { id: 'referral.resource-status.suggested' }),
  contacted: msg('Contacted', { id: 'referral.resource-status.contacted' }),
  attending: msg('Attending', { id: 'referral.resource-status.attending' }),
  attended: msg('Attended', { id: 'referral.resource-status.attended' }),
  declined: msg('Declined', { id: 'referral.resource-status.declined' }),
  'not-suitable': msg('Not suitable', { id: 'referral.resource-status.not-suitable' }),
});

const resourceLinkStatusInSentence = (): Record<ResourceLinkStatus, string> => ({
  suggested: msg('suggested', { id: 'referral.resource-status-lower.suggested' }),
  contacted: msg('contacted', { id: 'referral.resource-status-lower.contacted' }),
  attending: msg('attending', { id: 'referral.resource-status-lower.attending' }),
  attended: msg('attended', { id: 'referral.resource-status-lower.attended' }),
  declined: msg('declined', { id: 'referral.resource-status-lower.declined' }),
  'not-suitable': msg('not suitable', { id: 'referral.resource-status-lower.not-suitable' }),
});

/** The outcome of a journey. */
export const outcomeLabels = (): Record<OutcomeCode, string> => ({
  'goals-achieved': msg('Goals achieved', { id: 'referral.outcome.goals-achieved' }),
  'some-goals-achieved': msg('Some goals achieved', { id: 'referral.outcome.some-goals-achieved' }),
  'connected-to-support': msg('Connected to community support', { id: 'referral.outcome.connected-to-support' }),
  'support-no-longer-needed': msg('Support no longer needed', { id: 'referral.outcome.support-no-longer-needed' }),
  other: msg('Other outcome', { id: 'referral.outcome.other' }),
});

/** The standard labels of the status reason codes (core's `STATUS_REASON_LABELS`). */
export const statusReasonLabels = (): Record<StatusReasonCode, string> => ({
  'not-suitable': msg('Not suitable for the Community Links service', { id: 'referral.status-reason.not-suitable' }),
  'needs-other-service': msg('Needs another service', { id: 'referral.status-reason.needs-other-service' }),
  'already-supported': msg('Already supported elsewhere', { id: 'referral.status-reason.already-supported' }),
  'person-declined': msg('The person declined', { id: 'referral.status-reason.person-declined' }),
  duplicate: msg('Duplicate referral', { id: 'referral.status-reason.duplicate' }),
  'no-longer-needed': msg('Support no longer needed', { id: 'referral.status-reason.no-longer-needed' }),
  'moved-away': msg('Moved away or left the practice', { id: 'referral.status-reason.moved-away' }),
  'draft-not-sent': msg('Draft not sent', { id: 'referral.status-reason.draft-not-sent' }),
  'person-asked-to-pause': msg('The person asked to pause', { id: 'referral.status-reason.person-asked-to-pause' }),
  'person-unavailable': msg('The person is unavailable for now', { id: 'referral.status-reason.person-unavailable' }),
  'clp-unavailable': msg('Community Links Practitioner unavailable', { id: 'referral.status-reason.clp-unavailable' }),
  'no-contact': msg('Could not make contact', { id: 'referral.status-reason.no-contact' }),
  'stopped-engaging': msg('The person stopped engaging', { id: 'referral.status-reason.stopped-engaging' }),
  'wrong-person': msg('Recorded for the wrong person', { id: 'referral.status-reason.wrong-person' }),
  'recording-error': msg('Recorded in error', { id: 'referral.status-reason.recording-error' }),
  other: msg('Other reason', { id: 'referral.status-reason.other' }),
});

export const outcomeInSentence = (): Record<OutcomeCode, string> => ({
  'goals-achieved': msg('goals achieved', { id: 'referral.outcome-lower.goals-achieved' }),
  'some-goals-achieved': msg('some goals achieved', { id: 'referral.outcome-lower.some-goals-achieved' }),
  'connected-to-support': msg('connected to community support', { id: 'referral.outcome-lower.connected-to-support' }),
  'support-no-longer-needed': msg('support no longer needed', {
    id: 'referral.outcome-lower.support-no-longer-needed',
  }),
  other: msg('other outcome', { id: 'referral.outcome-lower.other' }),
});

/** The button labels of core's actions (`ACTION_LABELS_EN`), by label code. */
const actionLabels = (): Record<ActionLabelCode, string> => ({
  'action.created': msg('Make a referral', { id: 'referral.action.created' }),
  'action.created-self': msg('Record a self-referral', { id: 'referral.action.created-self' }),
  'action.resume': msg('Resume', { id: 'referral.action.resume' }),
  'action.cancel-draft': msg('Cancel draft', { id: 'referral.action.cancel-draft' }),
  'action.draft': msg('Save as draft', { id: 'referral.action.draft' }),
  'action.requested': msg('Send to the Community Links Practitioner', { id: 'referral.action.requested' }),
  'action.accepted': msg('Accept', { id: 'referral.action.accepted' }),
  'action.rejected': msg('Reject', { id: 'referral.action.rejected' }),
  'action.in-progress': msg('Start work', { id: 'referral.action.in-progress' }),
  'action.on-hold': msg('Put on hold', { id: 'referral.action.on-hold' }),
  'action.completed': msg('Complete', { id: 'referral.action.completed' }),
  'action.failed': msg('Close as failed', { id: 'referral.action.failed' }),
  'action.cancelled': msg('Cancel referral', { id: 'referral.action.cancelled' }),
  'action.entered-in-error': msg('Mark as entered in error', { id: 'referral.action.entered-in-error' }),
  'action.details-updated': msg('Edit details', { id: 'referral.action.details-updated' }),
  'action.clp-assigned': msg('Assign a Community Links Practitioner', { id: 'referral.action.clp-assigned' }),
  'action.consent-given': msg('Record consent', { id: 'referral.action.consent-given' }),
  'action.consent-withdrawn': msg('Record withdrawal of consent', { id: 'referral.action.consent-withdrawn' }),
  'action.do-not-contact-set': msg('Set do not contact', { id: 'referral.action.do-not-contact-set' }),
  'action.do-not-contact-cleared': msg('Lift do not contact', { id: 'referral.action.do-not-contact-cleared' }),
  'action.contact-attempted': msg('Record a contact attempt', { id: 'referral.action.contact-attempted' }),
  'action.contact-recorded': msg('Record a contact', { id: 'referral.action.contact-recorded' }),
  'action.goal-added': msg('Add a goal', { id: 'referral.action.goal-added' }),
  'action.goal-updated': msg('Update a goal', { id: 'referral.action.goal-updated' }),
  'action.resource-linked': msg('Link a resource', { id: 'referral.action.resource-linked' }),
  'action.resource-updated': msg('Update a resource link', { id: 'referral.action.resource-updated' }),
  'action.follow-up-scheduled': msg('Schedule a follow-up', { id: 'referral.action.follow-up-scheduled' }),
  'action.follow-up-done': msg('Mark a follow-up done', { id: 'referral.action.follow-up-done' }),
  'action.outcome-recorded': msg('Record the outcome', { id: 'referral.action.outcome-recorded' }),
  'action.note-added': msg('Add a note', { id: 'referral.action.note-added' }),
});

/**
 * The button label of an action core's `allowedActions` offers, in the
 * page's locale: its `labelCode` (core decides which label fits, e.g.
 * "Resume" from on hold), else core's English `label`.
 */
export function actionLabel(action: ReferralAction, _referral?: ReferralState): string {
  return (action.labelCode && actionLabels()[action.labelCode]) || action.label;
}

/**
 * How the elements say each of core's event descriptions (`eventMessage`),
 * in the page's locale: the same codes and parameters as core's English
 * (`EVENT_MESSAGES_EN`), which decides what to say.
 */
const EVENT_MESSAGES: MessageRenderers<EventMessageParams> = {
  'event.drafted': (p) => {
    const [route, urgency, themes] = [routeLabels()[p.route], urgencyInSentence()[p.urgency], p.themes.join(', ')];
    return msg(str`Referral drafted (${route}, ${urgency}): ${themes}`, { id: 'referral.event.drafted' });
  },
  'event.made': (p) => {
    const [route, urgency, themes] = [routeLabels()[p.route], urgencyInSentence()[p.urgency], p.themes.join(', ')];
    return msg(str`Referral made (${route}, ${urgency}): ${themes}`, { id: 'referral.event.made' });
  },
  'event.details-updated': (p) => {
    const fields = p.fields.map((field) =>
      field === 'route'
        ? msg('route', { id: 'referral.field.route' })
        : field === 'reasons'
          ? msg('reasons', { id: 'referral.field.reasons' })
          : field === 'urgency'
            ? msg(str`urgency (${urgencyInSentence()[p.urgency!]})`, { id: 'referral.field.urgency' })
            : msg('Community Links Practitioner', { id: 'referral.role.clp' }),
    );
    return msg(str`Details updated: ${fields.join(', ')}`, { id: 'referral.event.details-updated' });
  },
  'event.status-changed': (p) => {
    const status = statusInSentence()[p.to];
    return msg(str`Status changed to ${status}`, { id: 'referral.event.status-changed' });
  },
  'event.status-changed-outcome': (p) => {
    const status = statusInSentence()[p.to];
    return msg(str`Status changed to ${status}, outcome: ${outcomeInSentence()[p.outcome]}`, {
      id: 'referral.event.status-changed-outcome',
    });
  },
  'event.clp-assigned': (p) =>
    msg(str`Assigned to Community Links Practitioner ${p.clpId}`, { id: 'referral.event.clp-assigned' }),
  'event.consent-given': (p) =>
    msg(str`Consent given: ${consentScopeInSentence()[p.scope]}`, { id: 'referral.event.consent-given' }),
  'event.consent-withdrawn': (p) =>
    msg(str`Consent withdrawn: ${consentScopeInSentence()[p.scope]}`, { id: 'referral.event.consent-withdrawn' }),
  'event.do-not-contact-set': () => msg('Do not contact set', { id: 'referral.event.do-not-contact-set' }),
  'event.do-not-contact-cleared': () => msg('Do not contact lifted', { id: 'referral.event.do-not-contact-cleared' }),
  'event.contact-attempted': (p) =>
    msg(
      str`Contact attempt by ${contactMethodInSentence()[p.method]}: ${contactAttemptOutcomeInSentence()[p.outcome]}`,
      { id: 'referral.event.contact-attempted' },
    ),
  'event.contact-recorded': (p) =>
    msg(str`Contact ${contactSettingInSentence()[p.setting]} (${formatNumber(p.minutes)} minutes)`, {
      id: 'referral.event.contact-recorded',
    }),
  'event.goal-added': (p) => msg(str`Goal added: ${p.statement} (${p.theme})`, { id: 'referral.event.goal-added' }),
  'event.goal-updated': (p) => msg(str`Goal updated: ${p.name}`, { id: 'referral.event.goal-updated' }),
  'event.goal-updated-status': (p) =>
    msg(str`Goal updated: ${p.name}, ${goalStatusInSentence()[p.status]}`, {
      id: 'referral.event.goal-updated-status',
    }),
  'event.resource-linked': (p) =>
    msg(str`Resource ${resourceModeInSentence()[p.mode]}: ${p.name}`, { id: 'referral.event.resource-linked' }),
  'event.resource-updated': (p) => {
    const changes = [
      p.mode ? resourceModeInSentence()[p.mode] : '',
      p.status ? resourceLinkStatusInSentence()[p.status] : '',
    ].filter(Boolean);
    return msg(str`Resource updated: ${p.name}, ${changes.join(', ')}`, { id: 'referral.event.resource-updated' });
  },
  'event.follow-up-scheduled': (p) =>
    msg(str`Follow-up scheduled for ${p.due}`, { id: 'referral.event.follow-up-scheduled' }),
  'event.follow-up-done-due': (p) => msg(str`Follow-up due ${p.due} done`, { id: 'referral.event.follow-up-done-due' }),
  'event.follow-up-done': () => msg('Follow-up done', { id: 'referral.event.follow-up-done' }),
  'event.outcome-recorded': (p) =>
    msg(str`Outcome recorded: ${outcomeInSentence()[p.outcome]}`, { id: 'referral.event.outcome-recorded' }),
  'event.note-added': () => msg('Note added', { id: 'referral.event.note-added' }),
};

/**
 * One line for a timeline entry, e.g. "Contact at the practice (45
 * minutes)": core's `eventMessage`, rendered in the page's locale. Pass the
 * referral to name goals and resources that later events refer to by id.
 */
export function describeReferralEvent(
  event: ReferralEvent,
  options: { readonly referral?: ReferralState; readonly framework?: Framework } = {},
): string {
  return renderEventMessage(eventMessage(event, options), EVENT_MESSAGES);
}
