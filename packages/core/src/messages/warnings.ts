/**
 * The referral form's warnings, by code, and their English. A
 * `DuplicateWarning` carries both: `messageCode` and `params` for the
 * elements (which say it in the page's language) and `message` in English.
 */
import type { ReferralStatus } from '../referral/constants.js';
import type { MessageRenderers } from './types.js';

/** Each warning code's parameters. */
export interface WarningMessageParams {
  /** The person has one live referral: its id, its status and the day it was made (`YYYY-MM-DD`). */
  readonly 'referral.duplicate-open': { readonly id: string; readonly status: ReferralStatus; readonly since: string };
  /** The person has `count` live referrals, with these ids. */
  readonly 'referral.duplicates-open': { readonly count: number; readonly ids: readonly string[] };
}

/** A warning's code. */
export type WarningMessageCode = keyof WarningMessageParams;

const CHECK_FIRST = 'Check with the Community Links Practitioner before referring again.';

/** The English of every warning. */
export const WARNING_MESSAGES_EN: MessageRenderers<WarningMessageParams> = {
  'referral.duplicate-open': (p) =>
    `This person already has an open referral (${p.id}, ${p.status}, since ${p.since}). ${CHECK_FIRST}`,
  'referral.duplicates-open': (p) =>
    `This person already has ${p.count} open referrals (${p.ids.join(', ')}). ${CHECK_FIRST}`,
};
