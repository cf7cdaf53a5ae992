/**
 * `@links-approach/core/referral`: Referrals to the Community Links Practitioner as audited events: the workflow, replay, allowed actions, overdue checks and caseload metrics.
 *
 * @packageDocumentation
 */
export {
  REFERRAL_STATUSES,
  BUSINESS_STATUSES,
  OPEN_STATUSES,
  FINISHED_STATUSES,
  ACTIVE_STATUSES,
  LIVE_STATUSES,
  TRANSITIONS,
  ACTOR_ROLES,
  STATUS_ROLES,
  REASON_REQUIRED,
  REFERRAL_ROUTES,
  URGENCIES,
  CONSENT_SCOPES,
  CONTACT_METHODS,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_SETTINGS,
  GOAL_STATUSES,
  RESOURCE_MODES,
  RESOURCE_LINK_STATUSES,
  RESOURCE_UPTAKE_STATUSES,
  OUTCOME_CODES,
  REFERRAL_LABELS,
  DEFAULT_RESPONSE_WINDOW_DAYS,
  DEFAULT_RESPONSE_WINDOWS,
  CREATE_RULES,
  ENGAGED_OUTCOMES,
  GOALS_ACHIEVED_OUTCOMES,
  type ResponseWindowSetting,
  type ResponseWindowUnit,
  type ReferralStatus,
  type BusinessStatus,
  type ActorRole,
  type ReferralRoute,
  type Urgency,
  type ConsentScope,
  type ConsentState,
  type ContactMethod,
  type ContactAttemptOutcome,
  type ContactSetting,
  type GoalStatus,
  type ResourceMode,
  type ResourceLinkStatus,
  type OutcomeCode,
} from './constants.js';
export {
  MAX_EVENTS_PER_DOCUMENT,
  REFERRAL_EVENT_TYPES,
  referralIdSchema,
  pseudonymSchema,
  actorSchema,
  referralReasonSchema,
  referralOutcomeSchema,
  resourceReferenceSchema,
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
  referralEventSchema,
  referralEventsDocumentSchema,
} from './schema.js';
export type * from './types.js';
export { applyEvent, replay, findReferral, type ApplyOptions, type ReplayOptions } from './apply.js';
export { CONTENT_RULES, isFinishedStatus, isOpenStatus } from './workflow.js';
export { checkReferralState } from './invariants.js';
export {
  STATUS_REASON_LABELS,
  STATUS_REASON_CODES,
  STATUS_REASONS_BY_STATUS,
  statusReasonCodesFor,
  isStatusReasonCode,
  type StatusReasonCode,
  type ReasonedStatus,
} from '../codes/status-reasons.js';
export {
  responseWindow,
  responseWindowFor,
  responseDueAt,
  isOverdue,
  followUpsDue,
  findDuplicates,
  duplicateWarning,
  allowedActions,
  type ResponseWindowOptions,
  type ResponseWindowStatus,
  type DueFollowUp,
  type DuplicateGroup,
  type DuplicateWarning,
  type ReferralAction,
} from './rules.js';
export { messageBack, type MessageBack, type MessageBackData } from './message-back.js';
export {
  caseloadMetrics,
  cohortReferralFigures,
  type CaseloadMetrics,
  type CaseloadMetricsOptions,
  type MetricsPractice,
  type PracticeMetrics,
  type MetricShare,
  type DaysMedian,
} from './metrics.js';
export {
  caseloadRows,
  filterCaseload,
  sortCaseload,
  type CaseloadRow,
  type CaseloadFilter,
  type CaseloadSort,
  type CaseloadSortKey,
} from './caseload.js';
export {
  parseReferralEvents,
  validateReferralEvent,
  validateOwnedReferralEvent,
  validateReferralEventsDocument,
  referralEventsDocument,
  toNdjson,
  detectReferralEventsFormat,
  type ReferralEventsFormat,
} from './document.js';
export { describeEvent, eventMessage, resourceReferenceFrom } from './describe.js';
export {
  EVENT_MESSAGES_EN,
  renderEventMessage,
  type EventMessage,
  type EventMessageCode,
  type EventMessageParams,
  type ChangedDetail,
} from '../messages/events.js';
export { ACTION_LABELS_EN, type ActionLabelCode } from '../messages/actions.js';
export { WARNING_MESSAGES_EN, type WarningMessageCode, type WarningMessageParams } from '../messages/warnings.js';
export {
  REFUSAL_MESSAGES_EN,
  CONTENT_NOUNS_EN,
  refusalReason,
  type RefusalParams,
  type ContentEventType,
} from '../messages/refusals.js';
/**
 * Kept for code written against earlier versions: the demo referral generator now lives in `@links-approach/core/demo-data`.
 * @deprecated Import `generateDemoReferrals` from `@links-approach/core/demo-data`.
 */
export { generateDemoReferrals, type DemoPractice, type DemoReferralOptions } from '../demo-data/referrals.js';
export { randomId } from '../shared/random.js';
export {
  ReferralFold,
  CaseloadTally,
  CohortReferralTally,
  PracticeCaseloadTally,
  MemoryReferralStore,
  type TalliedPractice,
  type ReferralFoldOptions,
  type ReferralObserver,
  type ReleasedReferralStore,
} from './stream.js';
export {
  REFERRAL_ITEM_ID_PREFIXES,
  REFUSAL_FIELDS,
  isFollowUpOverdue,
  newReferralItemId,
  refusalField,
  type ReferralItemKind,
} from './casework.js';
