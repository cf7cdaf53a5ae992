import type * as z from 'zod/mini';
import type { StatusReasonCode } from '../codes/status-reasons.js';
import type { MessageParams } from '../messages/types.js';
import type {
  ActorRole,
  BusinessStatus,
  ConsentScope,
  ConsentState,
  ContactAttemptOutcome,
  ContactMethod,
  ContactSetting,
  GoalStatus,
  ReferralRoute,
  ReferralStatus,
  ResourceLinkStatus,
  ResourceMode,
  Urgency,
} from './constants.js';
import type {
  actorSchema,
  clpAssignedEventSchema,
  consentGivenEventSchema,
  consentWithdrawnEventSchema,
  contactAttemptedEventSchema,
  contactRecordedEventSchema,
  createdEventSchema,
  detailsUpdatedEventSchema,
  doNotContactClearedEventSchema,
  doNotContactSetEventSchema,
  followUpDoneEventSchema,
  followUpScheduledEventSchema,
  goalAddedEventSchema,
  goalUpdatedEventSchema,
  noteAddedEventSchema,
  outcomeRecordedEventSchema,
  referralEventSchema,
  referralEventsDocumentSchema,
  referralOutcomeSchema,
  referralReasonSchema,
  resourceLinkedEventSchema,
  resourceReferenceSchema,
  resourceUpdatedEventSchema,
  statusChangedEventSchema,
} from './schema.js';

/** Who wrote an event. */
export type Actor = z.infer<typeof actorSchema>;
/** A reason for referral mapped to a theme. */
export type ReferralReason = z.infer<typeof referralReasonSchema>;
/** The outcome of a journey. */
export type ReferralOutcome = z.infer<typeof referralOutcomeSchema>;
/** A community resource as a referral refers to it. */
export type ResourceReference = z.infer<typeof resourceReferenceSchema>;

/** `created`: opens a referral. */
export type CreatedEvent = z.infer<typeof createdEventSchema>;
/** `details-updated`: changes a draft's details. */
export type DetailsUpdatedEvent = z.infer<typeof detailsUpdatedEventSchema>;
/** `status-changed`: a status transition. */
export type StatusChangedEvent = z.infer<typeof statusChangedEventSchema>;
/** `clp-assigned`: the CLP holding the referral. */
export type ClpAssignedEvent = z.infer<typeof clpAssignedEventSchema>;
/** `consent-given`. */
export type ConsentGivenEvent = z.infer<typeof consentGivenEventSchema>;
/** `consent-withdrawn`. */
export type ConsentWithdrawnEvent = z.infer<typeof consentWithdrawnEventSchema>;
/** `do-not-contact-set`. */
export type DoNotContactSetEvent = z.infer<typeof doNotContactSetEventSchema>;
/** `do-not-contact-cleared`. */
export type DoNotContactClearedEvent = z.infer<typeof doNotContactClearedEventSchema>;
/** `contact-attempted`. */
export type ContactAttemptedEvent = z.infer<typeof contactAttemptedEventSchema>;
/** `contact-recorded`. */
export type ContactRecordedEvent = z.infer<typeof contactRecordedEventSchema>;
/** `goal-added`. */
export type GoalAddedEvent = z.infer<typeof goalAddedEventSchema>;
/** `goal-updated`. */
export type GoalUpdatedEvent = z.infer<typeof goalUpdatedEventSchema>;
/** `resource-linked`. */
export type ResourceLinkedEvent = z.infer<typeof resourceLinkedEventSchema>;
/** `resource-updated`. */
export type ResourceUpdatedEvent = z.infer<typeof resourceUpdatedEventSchema>;
/** `follow-up-scheduled`. */
export type FollowUpScheduledEvent = z.infer<typeof followUpScheduledEventSchema>;
/** `follow-up-done`. */
export type FollowUpDoneEvent = z.infer<typeof followUpDoneEventSchema>;
/** `outcome-recorded`. */
export type OutcomeRecordedEvent = z.infer<typeof outcomeRecordedEventSchema>;
/** `note-added`. */
export type NoteAddedEvent = z.infer<typeof noteAddedEventSchema>;

/** Any referral event (a discriminated union on `type`). */
export type ReferralEvent = z.infer<typeof referralEventSchema>;
/** The `type` of a referral event. */
export type ReferralEventType = ReferralEvent['type'];
/** A referral events document. */
export type ReferralEventsDocument = z.infer<typeof referralEventsDocumentSchema>;

/** A contact attempt as the state keeps it. */
export interface ContactAttempt {
  /** The id of the event that recorded it. */
  readonly eventId: string;
  readonly at: string;
  readonly clpId: string;
  readonly method: ContactMethod;
  readonly outcome: ContactAttemptOutcome;
}

/** A contact (a session with the person) as the state keeps it. */
export interface Contact {
  /** The id of the event that recorded it. */
  readonly eventId: string;
  readonly at: string;
  readonly clpId: string;
  readonly setting: ContactSetting;
  readonly durationMinutes: number;
}

/** A goal as the state keeps it. */
export interface Goal {
  readonly id: string;
  readonly statement: string;
  readonly themeId: string;
  readonly status: GoalStatus;
  readonly addedAt: string;
  readonly updatedAt: string;
}

/** A link between the person and a community resource. */
export interface ResourceLink {
  readonly id: string;
  readonly resource: ResourceReference;
  readonly mode: ResourceMode;
  readonly status: ResourceLinkStatus;
  readonly linkedAt: string;
  readonly updatedAt: string;
}

/** A follow-up with its due date. */
export interface FollowUp {
  readonly id: string;
  /** Due date, `YYYY-MM-DD`. */
  readonly due: string;
  readonly note?: string;
  readonly scheduledAt: string;
  readonly done: boolean;
  readonly doneAt?: string;
}

/** A note as the state keeps it. */
export interface ReferralNote {
  readonly eventId: string;
  readonly at: string;
  readonly actor: Actor;
  readonly text: string;
}

/**
 * A referral's state: the fold of its accepted events. Never edit it; apply
 * events with {@link applyEvent}. `timeline` is the complete audit trail.
 */
export interface ReferralState {
  readonly id: string;
  readonly status: ReferralStatus;
  /** Only while `in-progress`: `contacting` until the first contact, then `engaged`. */
  readonly businessStatus?: BusinessStatus;
  /**
   * The free text given with the latest status change (FHIR
   * Task.statusReason.text). It never leaves the toolkit without the
   * person's consent to share the outcome with the GP record.
   */
  readonly statusReason?: string;
  /**
   * The coded reason of the latest status change that needed one (FHIR
   * Task.statusReason.coding). An older event with free text only is read
   * as `other`.
   */
  readonly statusReasonCode?: StatusReasonCode;
  /** Pseudonymous reference to the person, from the host. */
  readonly person: string;
  readonly practiceId: string;
  /** Pseudonym of the staff member who created the referral. */
  readonly referrerId: string;
  /** The Community Links Practitioner holding the referral, once known. */
  readonly clpId?: string;
  readonly route: ReferralRoute;
  readonly routeDetail?: string;
  readonly reasons: readonly ReferralReason[];
  readonly urgency: Urgency;
  /** The finished referral this one reopens. */
  readonly previousReferralId?: string;
  readonly consent: Readonly<Record<ConsentScope, ConsentState>>;
  readonly doNotContact: boolean;
  readonly contactAttempts: readonly ContactAttempt[];
  readonly contacts: readonly Contact[];
  readonly goals: readonly Goal[];
  readonly resourceLinks: readonly ResourceLink[];
  readonly followUps: readonly FollowUp[];
  readonly notes: readonly ReferralNote[];
  readonly outcome?: ReferralOutcome;
  /** When the referral was created. */
  readonly createdAt: string;
  /** When it was (first) requested; the response window runs from here. */
  readonly requestedAt?: string;
  /** When the CLP first accepted or rejected it. */
  readonly respondedAt?: string;
  /** When the first contact took place. */
  readonly firstContactAt?: string;
  /** When it reached a finished status. */
  readonly finishedAt?: string;
  /** When its latest event happened. */
  readonly updatedAt: string;
  /** Every accepted event, in order: the audit trail. */
  readonly timeline: readonly ReferralEvent[];
}

/** Why an event was refused. The codes are stable; the reasons are plain English. */
export type RejectionCode =
  | 'invalid-event'
  | 'unknown-referral'
  | 'referral-exists'
  | 'wrong-referral'
  | 'duplicate-event-id'
  | 'out-of-order'
  | 'role-not-allowed'
  | 'not-assigned-clp'
  | 'transition-not-allowed'
  | 'referral-finished'
  | 'not-allowed-in-status'
  | 'reason-required'
  | 'reason-code-not-allowed'
  | 'other-practice'
  | 'self-referral-only'
  | 'outcome-contradicts-record'
  | 'outcome-required'
  | 'do-not-contact'
  | 'no-consent-to-contact'
  | 'no-consent-to-share'
  | 'unknown-theme'
  | 'unknown-goal'
  | 'duplicate-goal'
  | 'unknown-resource-link'
  | 'duplicate-resource-link'
  | 'unknown-follow-up'
  | 'duplicate-follow-up'
  | 'follow-up-already-done'
  | 'previous-not-finished'
  | 'previous-other-person'
  | 'previous-is-self';

/** A refused event: what, why, and which event. */
export interface Rejection {
  readonly code: RejectionCode;
  /** Plain English, fit to show the user: the code and its {@link Rejection.params} rendered in English. */
  readonly reason: string;
  /**
   * The values the reason names (ids, never English), by name: see
   * `RefusalParams` for each code's. With the code, they render the reason in
   * any language (`REFUSAL_MESSAGES_EN` is the English). Absent on rejections
   * from older stores and servers: show `reason` then.
   */
  readonly params?: MessageParams;
  readonly eventId: string;
}

/** The result of {@link applyEvent}: the new state, or a rejection (and nothing changed). */
export type ApplyResult =
  { readonly ok: true; readonly state: ReferralState } | { readonly ok: false; readonly rejection: Rejection };

/** An event that {@link replay} refused, with its position in the stream. */
export interface RejectedEvent {
  readonly event: ReferralEvent;
  /** Index in the stream given to replay. */
  readonly index: number;
  readonly code: RejectionCode;
  readonly reason: string;
  /** The reason's values, as on {@link Rejection.params}. */
  readonly params?: MessageParams;
}

/** The referrals a stream of events describes, in the order they were created. */
export interface ReferralsState {
  readonly referrals: readonly ReferralState[];
}

/** The result of {@link replay}. */
export interface ReplayResult {
  readonly state: ReferralsState;
  /** How many events were accepted. */
  readonly applied: number;
  readonly rejected: readonly RejectedEvent[];
}

/** Who is asking, for {@link allowedActions}. */
export interface ActingUser {
  readonly role: ActorRole;
  /** Their pseudonym; when given, CLP actions are offered only to the CLP holding the referral. */
  readonly id?: string;
  /** The practices they act for; when given, actions are offered only on those practices' referrals. */
  readonly practices?: readonly string[];
}
