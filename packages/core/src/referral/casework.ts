import { randomId } from '../shared/random.js';
import { toDateString, type Instant } from './rules.js';
import type { FollowUp, RejectionCode } from './types.js';

/** The items a CLP adds to a referral, each with an id of its own: goals, resource links and follow-ups. */
export type ReferralItemKind = 'goal' | 'resource-link' | 'follow-up';

/** The prefix of each kind of item's id (`g-…`, `l-…`, `f-…`). */
export const REFERRAL_ITEM_ID_PREFIXES: Readonly<Record<ReferralItemKind, string>> = {
  goal: 'g',
  'resource-link': 'l',
  'follow-up': 'f',
};

/**
 * A new id for a goal, resource link or follow-up: the kind's prefix and a
 * random UUID ({@link randomId}). Random rather than counted, so items added
 * on two devices while offline never share an id.
 */
export function newReferralItemId(kind: ReferralItemKind): string {
  return randomId(REFERRAL_ITEM_ID_PREFIXES[kind]);
}

/**
 * Whether a follow-up is overdue on `asOf`: not done, and due on an earlier
 * (UTC) day. Due today is not overdue. The same rule as `followUpsDue`'s
 * `overdue`.
 */
export function isFollowUpOverdue(followUp: Pick<FollowUp, 'due' | 'done'>, asOf: Instant): boolean {
  const today = toDateString(asOf);
  return !followUp.done && today !== '' && followUp.due < today;
}

/**
 * The refusals that concern one field of the event the user filled in, with
 * that field's path, most specific first: a missing or unusable reason
 * belongs to the reason code (where the action offers codes), else to the
 * free-text reason; a missing outcome to its summary.
 */
export const REFUSAL_FIELDS: Readonly<Partial<Record<RejectionCode, readonly string[]>>> = {
  'reason-required': ['reasonCode', 'reason'],
  'reason-code-not-allowed': ['reasonCode', 'reason'],
  'outcome-required': ['outcome.summary'],
};

/**
 * Which field a refusal belongs to, among the fields a form shows
 * (`shown`, by path): the first of {@link REFUSAL_FIELDS} for the code that
 * is shown, or `undefined` when the refusal concerns the action as a whole.
 */
export function refusalField(code: RejectionCode, shown: ReadonlySet<string>): string | undefined {
  return REFUSAL_FIELDS[code]?.find((path) => shown.has(path));
}
