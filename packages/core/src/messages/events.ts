/**
 * A referral event's one-line description as a code with parameters, and
 * its English. {@link eventMessage} decides what to say (which fields
 * changed, which goal or resource an update names); `describeEvent` renders
 * it in English and the elements render the same code in the page's
 * language. Parameters hold ids (statuses, routes, outcomes…) and the
 * names people wrote or the framework gives, never interface English.
 */
import {
  REFERRAL_LABELS,
  type ConsentScope,
  type ContactAttemptOutcome,
  type ContactMethod,
  type ContactSetting,
  type GoalStatus,
  type OutcomeCode,
  type ReferralRoute,
  type ReferralStatus,
  type ResourceLinkStatus,
  type ResourceMode,
  type Urgency,
} from '../referral/constants.js';
import type { CodedMessage, MessageRenderers } from './types.js';

/** A field a `details-updated` event changed, as {@link EventMessageParams} name it. */
export type ChangedDetail = 'route' | 'reasons' | 'urgency' | 'clp';

/** The parameters of each event description code. */
export interface EventMessageParams {
  readonly 'event.drafted': {
    readonly route: ReferralRoute;
    readonly urgency: Urgency;
    readonly themes: readonly string[];
  };
  readonly 'event.made': {
    readonly route: ReferralRoute;
    readonly urgency: Urgency;
    readonly themes: readonly string[];
  };
  readonly 'event.details-updated': { readonly fields: readonly ChangedDetail[]; readonly urgency?: Urgency };
  readonly 'event.status-changed': { readonly to: ReferralStatus };
  readonly 'event.status-changed-outcome': { readonly to: ReferralStatus; readonly outcome: OutcomeCode };
  readonly 'event.clp-assigned': { readonly clpId: string };
  readonly 'event.consent-given': { readonly scope: ConsentScope };
  readonly 'event.consent-withdrawn': { readonly scope: ConsentScope };
  readonly 'event.do-not-contact-set': Record<string, never>;
  readonly 'event.do-not-contact-cleared': Record<string, never>;
  readonly 'event.contact-attempted': { readonly method: ContactMethod; readonly outcome: ContactAttemptOutcome };
  readonly 'event.contact-recorded': { readonly setting: ContactSetting; readonly minutes: number };
  readonly 'event.goal-added': { readonly statement: string; readonly theme: string };
  readonly 'event.goal-updated': { readonly name: string };
  readonly 'event.goal-updated-status': { readonly name: string; readonly status: GoalStatus };
  readonly 'event.resource-linked': { readonly mode: ResourceMode; readonly name: string };
  readonly 'event.resource-updated': {
    readonly name: string;
    readonly mode?: ResourceMode;
    readonly status?: ResourceLinkStatus;
  };
  readonly 'event.follow-up-scheduled': { readonly due: string };
  readonly 'event.follow-up-done-due': { readonly due: string };
  readonly 'event.follow-up-done': Record<string, never>;
  readonly 'event.outcome-recorded': { readonly outcome: OutcomeCode };
  readonly 'event.note-added': Record<string, never>;
}

/** An event description code. */
export type EventMessageCode = keyof EventMessageParams;

/** An event description: one of {@link EventMessageCode} with its parameters. */
export type EventMessage = {
  [C in EventMessageCode]: CodedMessage<C, EventMessageParams[C]>;
}[EventMessageCode];

const L = REFERRAL_LABELS;
const lower = (text: string): string => text.toLowerCase();

/** The English of every event description (what `describeEvent` returns). */
export const EVENT_MESSAGES_EN: MessageRenderers<EventMessageParams> = {
  'event.drafted': (p) =>
    `Referral drafted (${L.route[p.route]}, ${lower(L.urgency[p.urgency])}): ${p.themes.join(', ')}`,
  'event.made': (p) => `Referral made (${L.route[p.route]}, ${lower(L.urgency[p.urgency])}): ${p.themes.join(', ')}`,
  'event.details-updated': (p) =>
    `Details updated: ${p.fields
      .map((f) =>
        f === 'urgency'
          ? `urgency (${lower(L.urgency[p.urgency!])})`
          : f === 'clp'
            ? 'Community Links Practitioner'
            : f,
      )
      .join(', ')}`,
  'event.status-changed': (p) => `Status changed to ${lower(L.status[p.to])}`,
  'event.status-changed-outcome': (p) =>
    `Status changed to ${lower(L.status[p.to])}, outcome: ${lower(L.outcome[p.outcome])}`,
  'event.clp-assigned': (p) => `Assigned to Community Links Practitioner ${p.clpId}`,
  'event.consent-given': (p) => `Consent given: ${lower(L.consentScope[p.scope])}`,
  'event.consent-withdrawn': (p) => `Consent withdrawn: ${lower(L.consentScope[p.scope])}`,
  'event.do-not-contact-set': () => 'Do not contact set',
  'event.do-not-contact-cleared': () => 'Do not contact lifted',
  'event.contact-attempted': (p) =>
    `Contact attempt by ${lower(L.contactMethod[p.method])}: ${lower(L.contactAttemptOutcome[p.outcome])}`,
  'event.contact-recorded': (p) => `Contact ${lower(L.contactSetting[p.setting])} (${p.minutes} minutes)`,
  'event.goal-added': (p) => `Goal added: ${p.statement} (${p.theme})`,
  'event.goal-updated': (p) => `Goal updated: ${p.name}`,
  'event.goal-updated-status': (p) => `Goal updated: ${p.name}, ${lower(L.goalStatus[p.status])}`,
  'event.resource-linked': (p) => `Resource ${lower(L.resourceMode[p.mode])}: ${p.name}`,
  'event.resource-updated': (p) =>
    `Resource updated: ${p.name}, ${[
      p.mode ? lower(L.resourceMode[p.mode]) : '',
      p.status ? lower(L.resourceLinkStatus[p.status]) : '',
    ]
      .filter(Boolean)
      .join(', ')}`,
  'event.follow-up-scheduled': (p) => `Follow-up scheduled for ${p.due}`,
  'event.follow-up-done-due': (p) => `Follow-up due ${p.due} done`,
  'event.follow-up-done': () => 'Follow-up done',
  'event.outcome-recorded': (p) => `Outcome recorded: ${lower(L.outcome[p.outcome])}`,
  'event.note-added': () => 'Note added',
};

/** Renders an event description with `renderers` (English by default). */
export function renderEventMessage(
  message: EventMessage,
  renderers: MessageRenderers<EventMessageParams> = EVENT_MESSAGES_EN,
): string {
  return (renderers[message.code] as (p: typeof message.params) => string)(message.params);
}
