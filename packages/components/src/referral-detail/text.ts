import { msg, str } from '@lit/localize';
import type { StatusReasonCode } from '@links-approach/core/referral';
import type { AppendError } from '@links-approach/core/service';
import {
  businessStatusLabels,
  consentScopeLabels,
  goalStatusLabels,
  resourceLinkStatusLabels,
  resourceModeLabels,
  roleLabels,
  routeLabels,
  statusLabels,
  statusReasonLabels,
  urgencyLabels,
} from '../internal/referral-labels.js';
import { issueText, refusalText } from '../internal/messages.js';

/** The workflow's labels in the page's locale, read when rendering. */
export const L = {
  get status() {
    return statusLabels();
  },
  get businessStatus() {
    return businessStatusLabels();
  },
  get role() {
    return roleLabels();
  },
  get route() {
    return routeLabels();
  },
  get urgency() {
    return urgencyLabels();
  },
  get consentScope() {
    return consentScopeLabels();
  },
  get goalStatus() {
    return goalStatusLabels();
  },
  get resourceMode() {
    return resourceModeLabels();
  },
  get resourceLinkStatus() {
    return resourceLinkStatusLabels();
  },
};

/** An ISO date-time as `YYYY-MM-DD HH:MM` (as recorded, UTC). */
export const dateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * A status reason as the toolkit's own screens show it: the code's label,
 * then the free text. (The free text is the practice's own record; what
 * leaves the toolkit is decided by core's message back and exports.)
 */
export function reasonText(code: StatusReasonCode | undefined, text: string | undefined): string {
  return [code ? statusReasonLabels()[code] : '', text?.trim() ?? ''].filter(Boolean).join(': ');
}

/** A store's refusal of an append, in plain words for the person recording it. */
export function explainAppendError(error: AppendError): string {
  switch (error.code) {
    case 'conflict':
      return msg(
        'Someone else changed this referral while you were recording. It has been reloaded: check it, then record again.',
      );
    case 'forbidden':
      return msg(str`Your role may not record this. ${issueText(error)}`);
    case 'refused':
      return refusalText({
        code: error.refusal,
        reason: error.message,
        ...(error.params ? { params: error.params } : {}),
      });
    case 'unreachable':
      return error.message
        ? msg(str`The service cannot be reached. ${issueText(error)}`)
        : msg('The service cannot be reached, and this could not be kept to send later. Nothing was recorded.');
    default:
      return msg(str`This could not be recorded. ${issueText(error)}`);
  }
}
