/**
 * The vocabulary of the referral workflow: statuses, roles and the other
 * closed lists a referral's events use. Aligned with the FHIR R4 Task states
 * of the HL7 Gravity SDOH Clinical Care referral pattern (`ready` and
 * `received` are not used).
 */
import { STATUS_REASON_LABELS } from '../codes/status-reasons.js';

/** FHIR Task statuses a referral can be in. */
export const REFERRAL_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
] as const;

/** A referral's status (FHIR Task.status). */
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Business status within `in-progress` (FHIR Task.businessStatus): first-contact attempts, then engaged. */
export const BUSINESS_STATUSES = ['contacting', 'engaged'] as const;

/** A referral's business status while `in-progress`. */
export type BusinessStatus = (typeof BUSINESS_STATUSES)[number];

/** Statuses from which the journey is still going on: content events are accepted here. */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['draft', 'requested', 'accepted', 'in-progress', 'on-hold'];

/** Finished statuses: the referral is never rewritten; only `entered-in-error` may still follow. */
export const FINISHED_STATUSES: readonly ReferralStatus[] = [
  'rejected',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
];

/** Statuses in which the CLP is working with the person (the "active caseload"). */
export const ACTIVE_STATUSES: readonly ReferralStatus[] = ['accepted', 'in-progress', 'on-hold'];

/** Open statuses past the draft: the referral has reached the CLP (it counts as the person's open referral for duplicate warnings, and a CLP may be assigned). */
export const LIVE_STATUSES: readonly ReferralStatus[] = ['requested', 'accepted', 'in-progress', 'on-hold'];

/**
 * The allowed status transitions, from → to, exactly as DOMAIN.md §4:
 * draft → requested | cancelled (FHIR R4 allows a draft Task to be cancelled:
 * an abandoned draft is closed with a reason code, and no longer counts in
 * duplicate checks); requested → accepted | rejected | cancelled;
 * accepted → in-progress | on-hold | cancelled | completed | failed;
 * in-progress ↔ on-hold; in-progress and on-hold → cancelled | completed | failed;
 * any status except entered-in-error itself → entered-in-error.
 */
export const TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = Object.freeze({
  draft: ['requested', 'cancelled', 'entered-in-error'],
  requested: ['accepted', 'rejected', 'cancelled', 'entered-in-error'],
  accepted: ['in-progress', 'on-hold', 'cancelled', 'completed', 'failed', 'entered-in-error'],
  'in-progress': ['on-hold', 'cancelled', 'completed', 'failed', 'entered-in-error'],
  'on-hold': ['in-progress', 'cancelled', 'completed', 'failed', 'entered-in-error'],
  rejected: ['entered-in-error'],
  completed: ['entered-in-error'],
  failed: ['entered-in-error'],
  cancelled: ['entered-in-error'],
  'entered-in-error': [],
});

/** Roles of the people (and the host system) that write referral events. */
export const ACTOR_ROLES = ['referrer', 'clp', 'practice-manager', 'system'] as const;

/** Who wrote an event: the referrer, the Community Links Practitioner, a practice manager, or the host system. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Which roles may move a referral into each status. The referrer sets
 * draft, requested and entered-in-error; the CLP (the referral's target)
 * sets accepted, rejected, in-progress, on-hold, failed and completed; either
 * may cancel. A practice manager may cancel and mark entered-in-error (our
 * decision: the practice manager handles the practice's records and
 * governance, never the CLP's casework). The system role sets no status.
 */
export const STATUS_ROLES: Readonly<Record<ReferralStatus, readonly ActorRole[]>> = Object.freeze({
  draft: ['referrer'],
  requested: ['referrer'],
  accepted: ['clp'],
  rejected: ['clp'],
  'in-progress': ['clp'],
  'on-hold': ['clp'],
  failed: ['clp'],
  completed: ['clp'],
  cancelled: ['referrer', 'clp', 'practice-manager'],
  'entered-in-error': ['referrer', 'practice-manager'],
});

/**
 * Who may create a referral, with which routes and in which starting
 * status: the referrer any route, as a draft or requested; the CLP only a
 * self-referral (route `self`), recorded as requested (there is no one else
 * to send it); nobody else.
 */
export const CREATE_RULES: Readonly<
  Record<
    ActorRole,
    { readonly routes: readonly ReferralRoute[]; readonly statuses: readonly ('draft' | 'requested')[] }
  >
> = Object.freeze({
  referrer: { routes: ['gp', 'nurse', 'practice-staff', 'self', 'other'], statuses: ['draft', 'requested'] },
  clp: { routes: ['self'], statuses: ['requested'] },
  'practice-manager': { routes: [], statuses: [] },
  system: { routes: [], statuses: [] },
});

/** Statuses that may only be entered with a reason (FHIR Task.statusReason). */
export const REASON_REQUIRED: readonly ReferralStatus[] = [
  'rejected',
  'cancelled',
  'on-hold',
  'failed',
  'entered-in-error',
];

/** How the person came to be referred. */
export const REFERRAL_ROUTES = ['gp', 'nurse', 'practice-staff', 'self', 'other'] as const;
/** A referral route. */
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

/** How soon the referrer asks the CLP to respond. */
export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
/** A referral's urgency. */
export type Urgency = (typeof URGENCIES)[number];

/** What a person's consent covers. */
export const CONSENT_SCOPES = ['contact', 'share-outcome-with-gp-record', 'share-with-community-organisation'] as const;
/** A consent scope. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Where the person stands on one consent scope. */
export type ConsentState = 'not-asked' | 'given' | 'withdrawn';

/** How the CLP tried to reach the person. */
export const CONTACT_METHODS = ['phone', 'text', 'letter', 'email', 'visit'] as const;
/** A contact-attempt method. */
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** What came of an attempt to reach the person. */
export const CONTACT_ATTEMPT_OUTCOMES = ['no-answer', 'left-message', 'wrong-number', 'declined', 'arranged'] as const;
/** A contact-attempt outcome. */
export type ContactAttemptOutcome = (typeof CONTACT_ATTEMPT_OUTCOMES)[number];

/** Where a contact (a session with the person) took place. */
export const CONTACT_SETTINGS = ['practice', 'home', 'community', 'phone', 'video'] as const;
/** A contact setting. */
export type ContactSetting = (typeof CONTACT_SETTINGS)[number];

/** A goal's status. */
export const GOAL_STATUSES = ['proposed', 'active', 'achieved', 'not-achieved', 'cancelled'] as const;
/** A goal status. */
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** How the CLP connected the person with a resource. */
export const RESOURCE_MODES = ['signposted', 'referred', 'accompanied'] as const;
/** A resource-link mode. */
export type ResourceMode = (typeof RESOURCE_MODES)[number];

/** Where the person stands with a linked resource. */
export const RESOURCE_LINK_STATUSES = [
  'suggested',
  'contacted',
  'attending',
  'attended',
  'declined',
  'not-suitable',
] as const;
/** A resource-link status. */
export type ResourceLinkStatus = (typeof RESOURCE_LINK_STATUSES)[number];

/** Resource-link statuses that count as the person taking the resource up. */
export const RESOURCE_UPTAKE_STATUSES: readonly ResourceLinkStatus[] = ['attending', 'attended'];

/**
 * The outcome of a journey, recorded before completion. These codes are
 * ours (no national code list exists for Links outcomes).
 */
export const OUTCOME_CODES = [
  'goals-achieved',
  'some-goals-achieved',
  'connected-to-support',
  'support-no-longer-needed',
  'other',
] as const;
/** An outcome code. */
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** How a response window is counted: calendar days, or working days (Monday to Friday, less the host's holidays). */
export type ResponseWindowUnit = 'days' | 'working-days';

/** How long the CLP has to respond to a requested referral of one urgency. */
export interface ResponseWindowSetting {
  /** How many days (a whole number, 0 or more). */
  readonly days: number;
  readonly unit: ResponseWindowUnit;
}

/**
 * The default response window per urgency: urgent 2 working days, soon 7
 * days, routine 14 days. Our defaults, not a national standard (a two-week
 * window is common for routine referrals); a host sets its own through the
 * `responseWindows` option of the rules, metrics and caseload functions.
 */
export const DEFAULT_RESPONSE_WINDOWS: Readonly<Record<Urgency, ResponseWindowSetting>> = Object.freeze({
  urgent: Object.freeze({ days: 2, unit: 'working-days' }),
  soon: Object.freeze({ days: 7, unit: 'days' }),
  routine: Object.freeze({ days: 14, unit: 'days' }),
});

/** Plain-English labels for everything above, for text output and the components. */
export const REFERRAL_LABELS = Object.freeze({
  status: {
    draft: 'Draft',
    requested: 'Requested',
    accepted: 'Accepted',
    rejected: 'Rejected',
    'in-progress': 'In progress',
    'on-hold': 'On hold',
    completed: 'Completed',
    failed: 'Failed',
    cancelled: 'Cancelled',
    'entered-in-error': 'Entered in error',
  } satisfies Record<ReferralStatus, string>,
  businessStatus: { contacting: 'Contacting', engaged: 'Engaged' } satisfies Record<BusinessStatus, string>,
  role: {
    referrer: 'Referrer',
    clp: 'Community Links Practitioner',
    'practice-manager': 'Practice manager',
    system: 'System',
  } satisfies Record<ActorRole, string>,
  route: {
    gp: 'GP',
    nurse: 'Nurse',
    'practice-staff': 'Practice staff',
    self: 'Self-referral',
    other: 'Other',
  } satisfies Record<ReferralRoute, string>,
  urgency: { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' } satisfies Record<Urgency, string>,
  consentScope: {
    contact: 'Contact',
    'share-outcome-with-gp-record': 'Share outcome with the GP record',
    'share-with-community-organisation': 'Share details with a community organisation',
  } satisfies Record<ConsentScope, string>,
  contactMethod: {
    phone: 'Phone',
    text: 'Text message',
    letter: 'Letter',
    email: 'Email',
    visit: 'Visit',
  } satisfies Record<ContactMethod, string>,
  contactAttemptOutcome: {
    'no-answer': 'No answer',
    'left-message': 'Left a message',
    'wrong-number': 'Wrong number',
    declined: 'Declined',
    arranged: 'Appointment arranged',
  } satisfies Record<ContactAttemptOutcome, string>,
  contactSetting: {
    practice: 'At the practice',
    home: 'At home',
    community: 'In the community',
    phone: 'By phone',
    video: 'By video',
  } satisfies Record<ContactSetting, string>,
  goalStatus: {
    proposed: 'Proposed',
    active: 'Active',
    achieved: 'Achieved',
    'not-achieved': 'Not achieved',
    cancelled: 'Cancelled',
  } satisfies Record<GoalStatus, string>,
  resourceMode: { signposted: 'Signposted', referred: 'Referred', accompanied: 'Accompanied' } satisfies Record<
    ResourceMode,
    string
  >,
  resourceLinkStatus: {
    suggested: 'Suggested',
    contacted: 'Contacted',
    attending: 'Attending',
    attended: 'Attended',
    declined: 'Declined',
    'not-suitable': 'Not suitable',
  } satisfies Record<ResourceLinkStatus, string>,
  statusReason: STATUS_REASON_LABELS,
  outcome: {
    'goals-achieved': 'Goals achieved',
    'some-goals-achieved': 'Some goals achieved',
    'connected-to-support': 'Connected to community support',
    'support-no-longer-needed': 'Support no longer needed',
    other: 'Other outcome',
  } satisfies Record<OutcomeCode, string>,
});

/**
 * Default number of days the CLP has to respond to a routine referral (see
 * {@link DEFAULT_RESPONSE_WINDOWS} for every urgency).
 */
export const DEFAULT_RESPONSE_WINDOW_DAYS = 14;

/**
 * Outcomes that say the person worked with the CLP: completing with one of
 * them needs at least one recorded contact.
 */
export const ENGAGED_OUTCOMES: readonly OutcomeCode[] = [
  'goals-achieved',
  'some-goals-achieved',
  'connected-to-support',
];

/** Outcomes that say goals were achieved: completing with one of them needs at least one achieved goal. */
export const GOALS_ACHIEVED_OUTCOMES: readonly OutcomeCode[] = ['goals-achieved', 'some-goals-achieved'];

/**
 * Events that add to the record rather than overwrite a current value: they
 * may arrive after later events (recorded offline, sent when the line
 * returns). Every other event (a status change, consent, do-not-contact,
 * assignment, details, the outcome) sets a value a later event may have set
 * since, so it must not be dated before the referral's latest event.
 */
export const LATE_ALLOWED_EVENT_TYPES: ReadonlySet<string> = new Set<string>([
  'contact-attempted',
  'contact-recorded',
  'goal-added',
  'goal-updated',
  'resource-linked',
  'resource-updated',
  'follow-up-scheduled',
  'follow-up-done',
  'note-added',
]);
