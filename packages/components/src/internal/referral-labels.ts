import { msg, str } from '@lit/localize';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import type {
  ActorRole,
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
const statusInSentence = (): Record<ReferralStatus, string> => ({
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

const outcomeInSentence = (): Record<OutcomeCode, string> => ({
  'goals-achieved': msg('goals achieved', { id: 'referral.outcome-lower.goals-achieved' }),
  'some-goals-achieved': msg('some goals achieved', { id: 'referral.outcome-lower.some-goals-achieved' }),
  'connected-to-support': msg('connected to community support', { id: 'referral.outcome-lower.connected-to-support' }),
  'support-no-longer-needed': msg('support no longer needed', {
    id: 'referral.outcome-lower.support-no-longer-needed',
  }),
  other: msg('other outcome', { id: 'referral.outcome-lower.other' }),
});

/**
 * The button label of an action core's `allowedActions` offers, by its event
 * type (and, for a status change, the status it moves to). The same words as
 * core's `ReferralAction.label`.
 */
export function actionLabel(action: ReferralAction, referral: ReferralState | undefined): string {
  if (action.type === 'status-changed' && action.to) {
    if (action.to === 'in-progress' && referral?.status === 'on-hold') return msg('Resume', { id: 'referral.action.resume' });
    if (action.to === 'cancelled' && referral?.status === 'draft')
      return msg('Cancel draft', { id: 'referral.action.cancel-draft' });
    switch (action.to) {
      case 'draft':
        return msg('Save as draft', { id: 'referral.action.draft' });
      case 'requested':
        return msg('Send to the Community Links Practitioner', { id: 'referral.action.requested' });
      case 'accepted':
        return msg('Accept', { id: 'referral.action.accepted' });
      case 'rejected':
        return msg('Reject', { id: 'referral.action.rejected' });
      case 'in-progress':
        return msg('Start work', { id: 'referral.action.in-progress' });
      case 'on-hold':
        return msg('Put on hold', { id: 'referral.action.on-hold' });
      case 'completed':
        return msg('Complete', { id: 'referral.action.completed' });
      case 'failed':
        return msg('Close as failed', { id: 'referral.action.failed' });
      case 'cancelled':
        return msg('Cancel referral', { id: 'referral.action.cancelled' });
      case 'entered-in-error':
        return msg('Mark as entered in error', { id: 'referral.action.entered-in-error' });
    }
  }
  switch (action.type) {
    case 'created':
      return action.label === 'Record a self-referral'
        ? msg('Record a self-referral', { id: 'referral.action.created-self' })
        : msg('Make a referral', { id: 'referral.action.created' });
    case 'details-updated':
      return msg('Edit details', { id: 'referral.action.details-updated' });
    case 'clp-assigned':
      return msg('Assign a Community Links Practitioner', { id: 'referral.action.clp-assigned' });
    case 'consent-given':
      return msg('Record consent', { id: 'referral.action.consent-given' });
    case 'consent-withdrawn':
      return msg('Record withdrawal of consent', { id: 'referral.action.consent-withdrawn' });
    case 'do-not-contact-set':
      return msg('Set do not contact', { id: 'referral.action.do-not-contact-set' });
    case 'do-not-contact-cleared':
      return msg('Lift do not contact', { id: 'referral.action.do-not-contact-cleared' });
    case 'contact-attempted':
      return msg('Record a contact attempt', { id: 'referral.action.contact-attempted' });
    case 'contact-recorded':
      return msg('Record a contact', { id: 'referral.action.contact-recorded' });
    case 'goal-added':
      return msg('Add a goal', { id: 'referral.action.goal-added' });
    case 'goal-updated':
      return msg('Update a goal', { id: 'referral.action.goal-updated' });
    case 'resource-linked':
      return msg('Link a resource', { id: 'referral.action.resource-linked' });
    case 'resource-updated':
      return msg('Update a resource link', { id: 'referral.action.resource-updated' });
    case 'follow-up-scheduled':
      return msg('Schedule a follow-up', { id: 'referral.action.follow-up-scheduled' });
    case 'follow-up-done':
      return msg('Mark a follow-up done', { id: 'referral.action.follow-up-done' });
    case 'outcome-recorded':
      return msg('Record the outcome', { id: 'referral.action.outcome-recorded' });
    case 'note-added':
      return msg('Add a note', { id: 'referral.action.note-added' });
    default:
      return action.label;
  }
}

/**
 * One line for a timeline entry, e.g. "Contact at the practice (45
 * minutes)": core's `describeEvent`, in the page's locale. Pass the referral
 * to name goals and resources that later events refer to by id.
 */
export function describeReferralEvent(
  event: ReferralEvent,
  options: { readonly referral?: ReferralState; readonly framework?: Framework } = {},
): string {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const theme = (id: string) => framework.themes.find((t) => t.id === id)?.name ?? id;
  switch (event.type) {
    case 'created': {
      const route = routeLabels()[event.route];
      const urgency = urgencyInSentence()[event.urgency];
      const themes = event.reasons.map((r) => theme(r.themeId)).join(', ');
      return event.status === 'draft'
        ? msg(str`Referral drafted (${route}, ${urgency}): ${themes}`, { id: 'referral.event.drafted' })
        : msg(str`Referral made (${route}, ${urgency}): ${themes}`, { id: 'referral.event.made' });
    }
    case 'details-updated': {
      const fields = [
        event.route !== undefined || event.routeDetail !== undefined ? msg('route', { id: 'referral.field.route' }) : '',
        event.reasons !== undefined ? msg('reasons', { id: 'referral.field.reasons' }) : '',
        event.urgency !== undefined
          ? msg(str`urgency (${urgencyInSentence()[event.urgency]})`, { id: 'referral.field.urgency' })
          : '',
        event.clpId !== undefined ? msg('Community Links Practitioner', { id: 'referral.role.clp' }) : '',
      ].filter(Boolean);
      return msg(str`Details updated: ${fields.join(', ')}`, { id: 'referral.event.details-updated' });
    }
    case 'status-changed': {
      const status = statusInSentence()[event.to];
      return event.outcome
        ? msg(str`Status changed to ${status}, outcome: ${outcomeInSentence()[event.outcome.code]}`, {
            id: 'referral.event.status-changed-outcome',
          })
        : msg(str`Status changed to ${status}`, { id: 'referral.event.status-changed' });
    }
    case 'clp-assigned':
      return msg(str`Assigned to Community Links Practitioner ${event.clpId}`, { id: 'referral.event.clp-assigned' });
    case 'consent-given':
      return msg(str`Consent given: ${consentScopeInSentence()[event.scope]}`, { id: 'referral.event.consent-given' });
    case 'consent-withdrawn':
      return msg(str`Consent withdrawn: ${consentScopeInSentence()[event.scope]}`, {
        id: 'referral.event.consent-withdrawn',
      });
    case 'do-not-contact-set':
      return msg('Do not contact set', { id: 'referral.event.do-not-contact-set' });
    case 'do-not-contact-cleared':
      return msg('Do not contact lifted', { id: 'referral.event.do-not-contact-cleared' });
    case 'contact-attempted':
      return msg(
        str`Contact attempt by ${contactMethodInSentence()[event.method]}: ${contactAttemptOutcomeInSentence()[event.outcome]}`,
        { id: 'referral.event.contact-attempted' },
      );
    case 'contact-recorded':
      return msg(
        str`Contact ${contactSettingInSentence()[event.setting]} (${formatNumber(event.durationMinutes)} minutes)`,
        { id: 'referral.event.contact-recorded' },
      );
    case 'goal-added':
      return msg(str`Goal added: ${event.statement} (${theme(event.themeId)})`, { id: 'referral.event.goal-added' });
    case 'goal-updated': {
      const goal = options.referral?.goals.find((g) => g.id === event.goalId);
      const name = event.statement ?? goal?.statement ?? event.goalId;
      return event.status
        ? msg(str`Goal updated: ${name}, ${goalStatusInSentence()[event.status]}`, {
            id: 'referral.event.goal-updated-status',
          })
        : msg(str`Goal updated: ${name}`, { id: 'referral.event.goal-updated' });
    }
    case 'resource-linked':
      return msg(str`Resource ${resourceModeInSentence()[event.mode]}: ${event.resource.name}`, {
        id: 'referral.event.resource-linked',
      });
    case 'resource-updated': {
      const link = options.referral?.resourceLinks.find((l) => l.id === event.linkId);
      const changes = [
        event.mode ? resourceModeInSentence()[event.mode] : '',
        event.status ? resourceLinkStatusInSentence()[event.status] : '',
      ].filter(Boolean);
      return msg(str`Resource updated: ${link?.resource.name ?? event.linkId}, ${changes.join(', ')}`, {
        id: 'referral.event.resource-updated',
      });
    }
    case 'follow-up-scheduled':
      return msg(str`Follow-up scheduled for ${event.due}`, { id: 'referral.event.follow-up-scheduled' });
    case 'follow-up-done': {
      const followUp = options.referral?.followUps.find((f) => f.id === event.followUpId);
      return followUp
        ? msg(str`Follow-up due ${followUp.due} done`, { id: 'referral.event.follow-up-done-due' })
        : msg('Follow-up done', { id: 'referral.event.follow-up-done' });
    }
    case 'outcome-recorded':
      return msg(str`Outcome recorded: ${outcomeInSentence()[event.outcome.code]}`, {
        id: 'referral.event.outcome-recorded',
      });
    case 'note-added':
      return msg('Note added', { id: 'referral.event.note-added' });
  }
}
