import * as z from 'zod/mini';
import { slugSchema } from '../framework/framework-schema.js';
import { LIMITS } from '../validation/limits.js';
import {
  ACTOR_ROLES,
  CONSENT_SCOPES,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_SETTINGS,
  GOAL_STATUSES,
  OUTCOME_CODES,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  URGENCIES,
} from './constants.js';
import { STATUS_REASON_CODES } from '../codes/status-reasons.js';
import { customMessage } from '../messages/validation.js';

/** Most events a referral events document may hold (event streams are exempt from `LIMITS.listItems`). */
export const MAX_EVENTS_PER_DOCUMENT = 1_000_000;

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const CHI_LIKE = /\d{10}/;

/** An id for an event, a referral, a goal, a resource link or a follow-up: an opaque token. */
export const referralIdSchema = z.string().check(z.regex(TOKEN, customMessage('opaque-reference', {})));

/**
 * A pseudonymous reference to a person or a member of staff, issued by the
 * host system. It must be opaque: no spaces (so no names) and no run of 10
 * digits (so no CHI or NHS number, with or without a prefix). We cannot prove
 * a token is not identifying; these checks stop the common mistakes.
 */
export const pseudonymSchema = z.string().check(
  z.regex(TOKEN, customMessage('pseudonym', {})),
  z.refine((value) => !CHI_LIKE.test(value), { message: customMessage('chi-like', {}) }),
);

/** A closed choice that says "is required" when missing (zod would list the choices). */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined ? 'is required' : undefined) });

const reasonText = z.string().check(z.maxLength(LIMITS.longText));
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.longText));
const shortText = z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.shortText));

/**
 * Who wrote an event: a role, the staff member's pseudonym and, optionally,
 * the practices they act for (practice ids). With `practices`, the workflow
 * lets a referrer or practice manager act only on their own practices'
 * referrals and a CLP only on the practices they serve. Without it (older
 * events, hosts that do not say) the practice is not checked, so stored
 * events replay exactly as before.
 */
export const actorSchema = z.strictObject({
  role: choice(ACTOR_ROLES),
  id: pseudonymSchema,
  practices: z.optional(z.array(referralIdSchema).check(z.minLength(1), z.maxLength(LIMITS.listItems))),
});

/** One reason for referral, mapped to a self-management theme of the framework. */
export const referralReasonSchema = z.strictObject({
  themeId: slugSchema,
  text: z.optional(z.string().check(z.maxLength(LIMITS.longText))),
});

/** The outcome of a journey: a code and a short summary in plain words. */
export const referralOutcomeSchema = z.strictObject({
  code: choice(OUTCOME_CODES),
  summary: z.string().check(z.maxLength(LIMITS.longText)),
});

/** A community resource as a referral refers to it (from ALISS, an Open Referral UK feed or the host's list). */
export const resourceReferenceSchema = z.strictObject({
  /** The resource's id in its directory (a `CommunityResource` id is `<source>:<sourceId>`, up to 400 characters). */
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.shortText * 2)),
  name: shortText,
  source: z.optional(shortText),
});

const base = {
  id: referralIdSchema,
  referralId: referralIdSchema,
  at: z.iso.datetime({ offset: true }),
  actor: actorSchema,
  reason: z.optional(reasonText),
};

const reasonsSchema = z.array(referralReasonSchema).check(z.minLength(1), z.maxLength(20));

const atLeastOne = (fields: readonly string[]) =>
  z.refine<Record<string, unknown>>((event) => fields.some((field) => event[field] !== undefined), {
    message: customMessage('change-at-least-one', { fields }),
  });

/** Opens a referral, as a draft or straight away as requested. */
export const createdEventSchema = z.strictObject({
  ...base,
  type: z.literal('created'),
  status: choice(['draft', 'requested']),
  person: pseudonymSchema,
  practiceId: referralIdSchema,
  clpId: z.optional(pseudonymSchema),
  route: choice(REFERRAL_ROUTES),
  routeDetail: z.optional(shortText),
  reasons: reasonsSchema,
  urgency: choice(URGENCIES),
  consent: z.optional(z.array(choice(CONSENT_SCOPES)).check(z.maxLength(CONSENT_SCOPES.length))),
  previousReferralId: z.optional(referralIdSchema),
  note: z.optional(text),
});

/** Changes a draft's details (only while the referral is a draft). */
export const detailsUpdatedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal('details-updated'),
    route: z.optional(choice(REFERRAL_ROUTES)),
    routeDetail: z.optional(shortText),
    reasons: z.optional(reasonsSchema),
    urgency: z.optional(choice(URGENCIES)),
    clpId: z.optional(pseudonymSchema),
  })
  .check(atLeastOne(['route', 'routeDetail', 'reasons', 'urgency', 'clpId']));

/**
 * Moves the referral to another status; `outcome` may come with completion.
 * Statuses that need a reason take a coded `reasonCode` (from the status's
 * list in `STATUS_REASONS_BY_STATUS`) and, optionally, free text in
 * `reason`. An older event with free text only is read as code `other`.
 */
export const statusChangedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal('status-changed'),
    to: choice(REFERRAL_STATUSES),
    reasonCode: z.optional(choice(STATUS_REASON_CODES)),
    outcome: z.optional(referralOutcomeSchema),
  })
  .check(
    z.refine((event) => event.outcome === undefined || event.to === 'completed', {
      message: customMessage('outcome-only-when-completed', {}),
      path: ['outcome'],
    }),
  );

/** Assigns (or reassigns) the Community Links Practitioner who holds the referral. */
export const clpAssignedEventSchema = z.strictObject({
  ...base,
  type: z.literal('clp-assigned'),
  clpId: pseudonymSchema,
});

/** The person gave consent for one scope. */
export const consentGivenEventSchema = z.strictObject({
  ...base,
  type: z.literal('consent-given'),
  scope: choice(CONSENT_SCOPES),
});

/** The person withdrew consent for one scope. */
export const consentWithdrawnEventSchema = z.strictObject({
  ...base,
  type: z.literal('consent-withdrawn'),
  scope: choice(CONSENT_SCOPES),
});

/** The person asked not to be contacted. */
export const doNotContactSetEventSchema = z.strictObject({ ...base, type: z.literal('do-not-contact-set') });

/** The do-not-contact flag was lifted. */
export const doNotContactClearedEventSchema = z.strictObject({ ...base, type: z.literal('do-not-contact-cleared') });

/** The CLP tried to reach the person. */
export const contactAttemptedEventSchema = z.strictObject({
  ...base,
  type: z.literal('contact-attempted'),
  method: choice(CONTACT_METHODS),
  outcome: choice(CONTACT_ATTEMPT_OUTCOMES),
});

/** The CLP met or spoke with the person (a contact). */
export const contactRecordedEventSchema = z.strictObject({
  ...base,
  type: z.literal('contact-recorded'),
  setting: choice(CONTACT_SETTINGS),
  durationMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(600)),
});

/** A goal the person set with the CLP. */
export const goalAddedEventSchema = z.strictObject({
  ...base,
  type: z.literal('goal-added'),
  goalId: referralIdSchema,
  statement: text,
  themeId: slugSchema,
  status: z.optional(choice(GOAL_STATUSES)),
});

/** A goal's status or wording changed. */
export const goalUpdatedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal('goal-updated'),
    goalId: referralIdSchema,
    statement: z.optional(text),
    status: z.optional(choice(GOAL_STATUSES)),
  })
  .check(atLeastOne(['statement', 'status']));

/** The CLP connected the person with a community resource. */
export const resourceLinkedEventSchema = z.strictObject({
  ...base,
  type: z.literal('resource-linked'),
  linkId: referralIdSchema,
  resource: resourceReferenceSchema,
  mode: choice(RESOURCE_MODES),
  status: z.optional(choice(RESOURCE_LINK_STATUSES)),
});

/** A resource link's mode or status changed. */
export const resourceUpdatedEventSchema = z
  .strictObject({
    ...base,
    type: z.literal('resource-updated'),
    linkId: referralIdSchema,
    mode: z.optional(choice(RESOURCE_MODES)),
    status: z.optional(choice(RESOURCE_LINK_STATUSES)),
  })
  .check(atLeastOne(['mode', 'status']));

/** A follow-up is due on a date. */
export const followUpScheduledEventSchema = z.strictObject({
  ...base,
  type: z.literal('follow-up-scheduled'),
  followUpId: referralIdSchema,
  due: z.iso.date(),
  note: z.optional(text),
});

/** A follow-up was done. */
export const followUpDoneEventSchema = z.strictObject({
  ...base,
  type: z.literal('follow-up-done'),
  followUpId: referralIdSchema,
});

/** The journey's outcome, recorded before completion (a later one replaces it). */
export const outcomeRecordedEventSchema = z.strictObject({
  ...base,
  type: z.literal('outcome-recorded'),
  outcome: referralOutcomeSchema,
});

/** A free-text note on the referral. */
export const noteAddedEventSchema = z.strictObject({ ...base, type: z.literal('note-added'), text });

/** Every event type, in the order the docs list them. */
export const REFERRAL_EVENT_TYPES = [
  'created',
  'details-updated',
  'status-changed',
  'clp-assigned',
  'consent-given',
  'consent-withdrawn',
  'do-not-contact-set',
  'do-not-contact-cleared',
  'contact-attempted',
  'contact-recorded',
  'goal-added',
  'goal-updated',
  'resource-linked',
  'resource-updated',
  'follow-up-scheduled',
  'follow-up-done',
  'outcome-recorded',
  'note-added',
] as const;

/** One referral event: a discriminated union on `type`. */
export const referralEventSchema = z.discriminatedUnion(
  'type',
  [
    createdEventSchema,
    detailsUpdatedEventSchema,
    statusChangedEventSchema,
    clpAssignedEventSchema,
    consentGivenEventSchema,
    consentWithdrawnEventSchema,
    doNotContactSetEventSchema,
    doNotContactClearedEventSchema,
    contactAttemptedEventSchema,
    contactRecordedEventSchema,
    goalAddedEventSchema,
    goalUpdatedEventSchema,
    resourceLinkedEventSchema,
    resourceUpdatedEventSchema,
    followUpScheduledEventSchema,
    followUpDoneEventSchema,
    outcomeRecordedEventSchema,
    noteAddedEventSchema,
  ],
  { error: customMessage('event-type', { types: REFERRAL_EVENT_TYPES }) },
);

/** A referral events document: `{ "kind": "links.referral-events", "schemaVersion": 1, "events": [...] }`. */
export const referralEventsDocumentSchema = z.strictObject({
  kind: z.literal('links.referral-events'),
  schemaVersion: z.literal(1),
  events: z.array(referralEventSchema).check(z.maxLength(MAX_EVENTS_PER_DOCUMENT)),
});
