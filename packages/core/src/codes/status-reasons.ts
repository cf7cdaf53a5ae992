/**
 * Coded reasons for a referral's status changes (FHIR `Task.statusReason`).
 * A small list per status that needs a reason, each code with a standard
 * label. Without the person's consent to share the outcome with the GP
 * record, only the code and this label ever leave the toolkit — never the
 * free text written beside it — so the labels are deliberately neutral: none
 * says anything about the person's health or circumstances.
 *
 * These codes are ours (no national code list covers them); in FHIR they are
 * in the host's `<systemBase>/CodeSystem/referral-status-reason`.
 *
 * @module
 */

/** Every status reason code, with its standard label (the FHIR `display`). */
export const STATUS_REASON_LABELS = Object.freeze({
  'not-suitable': 'Not suitable for the Community Links service',
  'needs-other-service': 'Needs another service',
  'already-supported': 'Already supported elsewhere',
  'person-declined': 'The person declined',
  duplicate: 'Duplicate referral',
  'no-longer-needed': 'Support no longer needed',
  'moved-away': 'Moved away or left the practice',
  'draft-not-sent': 'Draft not sent',
  'person-asked-to-pause': 'The person asked to pause',
  'person-unavailable': 'The person is unavailable for now',
  'clp-unavailable': 'Community Links Practitioner unavailable',
  'no-contact': 'Could not make contact',
  'stopped-engaging': 'The person stopped engaging',
  'wrong-person': 'Recorded for the wrong person',
  'recording-error': 'Recorded in error',
  other: 'Other reason',
} as const);

/** A status reason code. */
export type StatusReasonCode = keyof typeof STATUS_REASON_LABELS;

/** Every status reason code, in the order of {@link STATUS_REASON_LABELS}. */
export const STATUS_REASON_CODES = Object.freeze(Object.keys(STATUS_REASON_LABELS)) as readonly StatusReasonCode[] &
  readonly [StatusReasonCode, ...StatusReasonCode[]];

/** The statuses that are entered with a reason (the keys of {@link STATUS_REASONS_BY_STATUS}). */
export type ReasonedStatus = 'rejected' | 'cancelled' | 'on-hold' | 'failed' | 'entered-in-error';

/**
 * The codes allowed for each status that needs a reason. `other` is always
 * allowed; a legacy event that gave only free text is read as `other`.
 */
export const STATUS_REASONS_BY_STATUS: Readonly<Record<ReasonedStatus, readonly StatusReasonCode[]>> = Object.freeze({
  rejected: ['not-suitable', 'needs-other-service', 'already-supported', 'person-declined', 'duplicate', 'other'],
  cancelled: ['person-declined', 'no-longer-needed', 'moved-away', 'duplicate', 'draft-not-sent', 'other'],
  'on-hold': ['person-asked-to-pause', 'person-unavailable', 'clp-unavailable', 'other'],
  failed: ['no-contact', 'stopped-engaging', 'person-declined', 'moved-away', 'other'],
  'entered-in-error': ['wrong-person', 'duplicate', 'recording-error', 'other'],
});

/** The reason codes allowed when moving to `status` (empty for a status that takes no coded reason). */
export function statusReasonCodesFor(status: string): readonly StatusReasonCode[] {
  return (STATUS_REASONS_BY_STATUS as Readonly<Record<string, readonly StatusReasonCode[]>>)[status] ?? [];
}

/** Whether a text is a status reason code. */
export function isStatusReasonCode(value: unknown): value is StatusReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_REASON_LABELS, value);
}
