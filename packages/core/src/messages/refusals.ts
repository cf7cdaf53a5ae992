/**
 * The referral workflow's refusals as codes with parameters, and their
 * English. `check` (referral/workflow.ts) returns `{ code, params }`; the
 * English `reason` beside them is rendered here, so it is written once.
 * The parameters hold ids (statuses, roles, event types, outcome codes),
 * never English, so another language can render the whole sentence.
 */
import { STATUS_REASON_LABELS, type StatusReasonCode } from '../codes/status-reasons.js';
import { REFERRAL_LABELS, type ActorRole, type OutcomeCode, type ReferralStatus } from '../referral/constants.js';
import type { ReferralEventType, RejectionCode } from '../referral/types.js';
import { listOr, type MessageRenderers } from './types.js';

/** An event type that records content (everything but `created` and `status-changed`). */
export type ContentEventType = Exclude<ReferralEventType, 'created' | 'status-changed'>;

/** The parameters of each refusal code. */
export interface RefusalParams {
  readonly 'invalid-event': { readonly issues: readonly string[] };
  readonly 'unknown-referral': { readonly referralId: string };
  readonly 'referral-exists': { readonly referralId: string };
  readonly 'wrong-referral': { readonly referralId: string; readonly expected: string };
  readonly 'duplicate-event-id': { readonly eventId: string };
  /**
   * An event dated earlier than what it must follow (`previous`): the
   * referral's creation (`before-created`), its latest event when the event
   * would overwrite a later change (`overwrites-later`, with `eventType`),
   * its acceptance (`before-accepted`), a goal's or resource link's last
   * change (`goal`, `resource-link`, with `id`), or a follow-up's scheduled
   * time (`follow-up`, with `id`).
   */
  readonly 'out-of-order':
    | { readonly kind: 'before-created' | 'before-accepted'; readonly at: string; readonly previous: string }
    | {
        readonly kind: 'overwrites-later';
        readonly at: string;
        readonly previous: string;
        readonly eventType: ContentEventType | 'status-changed';
      }
    | {
        readonly kind: 'goal' | 'resource-link' | 'follow-up';
        readonly at: string;
        readonly previous: string;
        readonly id: string;
      };
  /**
   * `kind` says what was refused: making a referral (`create`), a status
   * change (`status`, with `to`), cancelling a draft as the CLP
   * (`cancel-draft`) or recording content (`content`, with `eventType`).
   */
  readonly 'role-not-allowed':
    | { readonly kind: 'create'; readonly actor: ActorRole }
    | {
        readonly kind: 'status';
        readonly to: ReferralStatus;
        readonly roles: readonly ActorRole[];
        readonly actor: ActorRole;
      }
    | { readonly kind: 'cancel-draft' }
    | {
        readonly kind: 'content';
        readonly eventType: ContentEventType;
        readonly roles: readonly ActorRole[];
        readonly actor: ActorRole;
      };
  readonly 'not-assigned-clp': { readonly clpId: string };
  readonly 'transition-not-allowed': {
    readonly from: ReferralStatus;
    readonly to: ReferralStatus;
    readonly next: readonly ReferralStatus[];
  };
  /** `eventType` is set when content was refused; `to` when a status change was. */
  readonly 'referral-finished': {
    readonly status: ReferralStatus;
    readonly eventType?: ContentEventType;
    readonly to?: ReferralStatus;
  };
  readonly 'not-allowed-in-status': {
    readonly eventType: ContentEventType;
    readonly status: ReferralStatus;
    readonly statuses: readonly ReferralStatus[];
  };
  readonly 'reason-required': { readonly to: ReferralStatus; readonly codes: readonly StatusReasonCode[] };
  readonly 'reason-code-not-allowed': {
    readonly to: ReferralStatus;
    readonly reasonCode: string;
    readonly codes: readonly StatusReasonCode[];
  };
  readonly 'other-practice': {
    readonly practiceId: string;
    readonly actor: ActorRole;
    readonly actorId: string;
    readonly practices: readonly string[];
  };
  /** `field` is what a CLP got wrong: the route (not `self`) or the status (a draft). */
  readonly 'self-referral-only': { readonly field: 'route' | 'status' };
  /** `needs` is what the record lacks for the outcome: an achieved goal, or a contact. */
  readonly 'outcome-contradicts-record': { readonly outcome: OutcomeCode; readonly needs: 'achieved-goal' | 'contact' };
  readonly 'outcome-required': Record<string, never>;
  readonly 'do-not-contact': Record<string, never>;
  readonly 'no-consent-to-contact': { readonly consent: 'withdrawn' | 'not-asked' };
  readonly 'no-consent-to-share': Record<string, never>;
  readonly 'unknown-theme': {
    readonly themeId: string;
    readonly framework: string;
    readonly themes: readonly string[];
  };
  readonly 'unknown-goal': { readonly goalId: string };
  readonly 'duplicate-goal': { readonly goalId: string };
  readonly 'unknown-resource-link': { readonly linkId: string };
  readonly 'duplicate-resource-link': { readonly linkId: string };
  readonly 'unknown-follow-up': { readonly followUpId: string };
  readonly 'duplicate-follow-up': { readonly followUpId: string };
  readonly 'follow-up-already-done': { readonly followUpId: string };
  readonly 'previous-not-finished': { readonly referralId: string; readonly status: ReferralStatus };
  readonly 'previous-other-person': { readonly referralId: string };
  readonly 'previous-is-self': Record<string, never>;
}

// Every refusal code has parameters (a compile-time check that the two lists agree).
type Missing = Exclude<RejectionCode, keyof RefusalParams> | Exclude<keyof RefusalParams, RejectionCode>;
const everyCodeHasParams: [Missing] extends [never] ? true : Missing = true;
void everyCodeHasParams;

/** What each content event records, as an English noun phrase. */
export const CONTENT_NOUNS_EN: Readonly<Record<ContentEventType, string>> = {
  'details-updated': 'a change to the referral details',
  'clp-assigned': 'a change of Community Links Practitioner',
  'consent-given': 'consent',
  'consent-withdrawn': 'a withdrawal of consent',
  'do-not-contact-set': 'a do-not-contact request',
  'do-not-contact-cleared': 'the lifting of do-not-contact',
  'contact-attempted': 'a contact attempt',
  'contact-recorded': 'a contact',
  'goal-added': 'a new goal',
  'goal-updated': 'a change to a goal',
  'resource-linked': 'a resource link',
  'resource-updated': 'a change to a resource link',
  'follow-up-scheduled': 'a follow-up',
  'follow-up-done': 'a completed follow-up',
  'outcome-recorded': 'an outcome',
  'note-added': 'a note',
};

const STATUS_VERB: Readonly<Record<ReferralStatus, string>> = {
  draft: 'save a referral as a draft',
  requested: 'send a referral to the Community Links Practitioner',
  accepted: 'accept a referral',
  rejected: 'reject a referral',
  'in-progress': 'start or resume work on a referral',
  'on-hold': 'put a referral on hold',
  completed: 'complete a referral',
  failed: 'close a referral as failed',
  cancelled: 'cancel a referral',
  'entered-in-error': 'mark a referral as entered in error',
};

const ROLE_NAME: Readonly<Record<ActorRole, string>> = {
  referrer: 'the referrer',
  clp: 'the Community Links Practitioner',
  'practice-manager': 'a practice manager',
  system: 'the system',
};

const statusName = (status: ReferralStatus): string => `"${REFERRAL_LABELS.status[status].toLowerCase()}"`;
const noun = (type: ContentEventType): string => CONTENT_NOUNS_EN[type];
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const HELD =
  'This referral is held by another Community Links Practitioner ({clpId}); only they may act on it, unless a practice manager reassigns it.';

/** The English of every refusal: the `reason` core gives beside the code. */
export const REFUSAL_MESSAGES_EN: MessageRenderers<RefusalParams> = {
  'invalid-event': (p) => `The event is not valid: ${p.issues.join('; ')}`,
  'unknown-referral': (p) => `There is no referral "${p.referralId}": a referral starts with a "created" event.`,
  'referral-exists': (p) =>
    `Referral "${p.referralId}" already exists: a "created" event can only start a new referral.`,
  'wrong-referral': (p) => `This event belongs to referral "${p.referralId}", not "${p.expected}".`,
  'duplicate-event-id': (p) => `An event with id "${p.eventId}" has already been applied: each event is applied once.`,
  'out-of-order': (p) => {
    const hint = 'If it still applies, record it again now.';
    switch (p.kind) {
      case 'before-created':
        return `This event is dated ${p.at}, before the referral was created (${p.previous}).`;
      case 'overwrites-later': {
        const what = p.eventType === 'status-changed' ? 'a status change' : noun(p.eventType);
        return `This event is dated ${p.at}, earlier than the referral's latest event (${p.previous}): ${what} dated earlier would overwrite a later change, so it must be dated no earlier than the latest event. ${hint}`;
      }
      case 'before-accepted':
        return `This event is dated ${p.at}, before the referral was accepted (${p.previous}): casework cannot come before the acceptance.`;
      case 'goal':
        return `This change to goal "${p.id}" is dated ${p.at}, earlier than the goal's last change (${p.previous}): it would overwrite a later change. ${hint}`;
      case 'resource-link':
        return `This change to resource link "${p.id}" is dated ${p.at}, earlier than the link's last change (${p.previous}): it would overwrite a later change. ${hint}`;
      case 'follow-up':
        return `Follow-up "${p.id}" is marked done at ${p.at}, before it was scheduled (${p.previous}).`;
    }
  },
  'role-not-allowed': (p) => {
    switch (p.kind) {
      case 'create':
        return `Only the referrer (or, for a self-referral, the Community Links Practitioner) may create a referral; this event came from ${ROLE_NAME[p.actor]}.`;
      case 'status':
        return `Only ${listOr(p.roles.map((r) => ROLE_NAME[r]))} may ${STATUS_VERB[p.to]}; this event came from ${ROLE_NAME[p.actor]}.`;
      case 'cancel-draft':
        return 'Only the referrer or a practice manager may cancel a draft: it has not been sent to the Community Links Practitioner.';
      case 'content':
        return `Only ${listOr(p.roles.map((r) => ROLE_NAME[r]))} may record ${noun(p.eventType)}; this event came from ${ROLE_NAME[p.actor]}.`;
    }
  },
  'not-assigned-clp': (p) => HELD.replace('{clpId}', p.clpId),
  'transition-not-allowed': (p) =>
    `A referral cannot go from ${statusName(p.from)} to ${statusName(p.to)}. From ${statusName(p.from)} it can go to ${listOr(
      p.next.map(statusName),
    )}.`,
  'referral-finished': (p) =>
    p.status === 'entered-in-error'
      ? 'The referral was entered in error and accepts no more events.'
      : p.eventType !== undefined
        ? `The referral is ${statusName(p.status)}: finished referrals are never changed, so ${noun(p.eventType)} cannot be added.`
        : `The referral is ${statusName(
            p.status,
          )}: finished referrals are never changed. To reopen it, create a new referral that references it (previousReferralId).`,
  'not-allowed-in-status': (p) =>
    `${capitalise(noun(p.eventType))} cannot be recorded while the referral is ${statusName(p.status)}; only when it is ${listOr(
      p.statuses.map(statusName),
    )}.`,
  'reason-required': (p) =>
    `A reason is required to mark a referral ${statusName(p.to)}: choose one of ${p.codes.join(', ')}.`,
  'reason-code-not-allowed': (p) =>
    p.codes.length === 0
      ? `A change to ${statusName(p.to)} takes no coded reason ("${p.reasonCode}" given).`
      : `"${p.reasonCode}" is not a reason for ${statusName(p.to)}; use one of: ${p.codes
          .map((c) => `${c} (${STATUS_REASON_LABELS[c]})`)
          .join(', ')}.`,
  'other-practice': (p) =>
    `This referral belongs to practice ${p.practiceId}, and ${ROLE_NAME[p.actor]} (${p.actorId}) acts only for ${listOr(
      p.practices,
    )}.`,
  'self-referral-only': (p) =>
    p.field === 'route'
      ? 'A Community Links Practitioner may create only a self-referral (route "self"): other referrals come from the practice.'
      : 'A Community Links Practitioner records a self-referral as requested, not as a draft: there is no one else to send it.',
  'outcome-contradicts-record': (p) => {
    const label = `"${REFERRAL_LABELS.outcome[p.outcome].toLowerCase()}"`;
    return p.needs === 'achieved-goal'
      ? `The outcome ${label} needs at least one achieved goal, and no goal on this referral is marked achieved: update the goal, or choose another outcome.`
      : `The outcome ${label} needs at least one contact with the person, and none is recorded: record the contact, or choose another outcome.`;
  },
  'outcome-required': () =>
    'A referral cannot be completed without an outcome: record the outcome first, or give it with the completion.',
  'do-not-contact': () => 'The person asked not to be contacted: do-not-contact is set on this referral.',
  'no-consent-to-contact': (p) =>
    p.consent === 'withdrawn'
      ? 'The person has withdrawn their consent to be contacted.'
      : 'The person has not given consent to be contacted: record their consent first.',
  'no-consent-to-share': () =>
    'Referring the person to a community organisation shares their details, and they have not given consent to share with a community organisation: signpost instead, or record their consent first.',
  'unknown-theme': (p) =>
    `"${p.themeId}" is not a theme of the framework (${p.framework}); use one of: ${p.themes.join(', ')}.`,
  'unknown-goal': (p) => `There is no goal "${p.goalId}" on this referral.`,
  'duplicate-goal': (p) => `Goal "${p.goalId}" already exists on this referral: update it instead.`,
  'unknown-resource-link': (p) => `There is no resource link "${p.linkId}" on this referral.`,
  'duplicate-resource-link': (p) => `Resource link "${p.linkId}" already exists on this referral: update it instead.`,
  'unknown-follow-up': (p) => `There is no follow-up "${p.followUpId}" on this referral.`,
  'duplicate-follow-up': (p) => `Follow-up "${p.followUpId}" already exists on this referral.`,
  'follow-up-already-done': (p) => `Follow-up "${p.followUpId}" is already done.`,
  'previous-not-finished': (p) =>
    p.status === 'entered-in-error'
      ? `Referral "${p.referralId}" was entered in error, so it cannot be reopened.`
      : `Referral "${p.referralId}" is still ${statusName(p.status)}: only a finished referral can be reopened by a new one.`,
  'previous-other-person': (p) =>
    `Referral "${p.referralId}" is for another person: a re-referral must be for the same person.`,
  'previous-is-self': () => 'A referral cannot reopen itself: previousReferralId must name an earlier referral.',
};

/** The English reason for a refusal code and its parameters. */
export function refusalReason<C extends RejectionCode>(code: C, params: RefusalParams[C]): string {
  return (REFUSAL_MESSAGES_EN[code] as (p: RefusalParams[C]) => string)(params);
}
