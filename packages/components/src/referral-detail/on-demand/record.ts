import type { Framework, ValidationIssue } from '@links-approach/core';
import {
  applyEvent,
  refusalField,
  validateReferralEvent,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import { refusalText } from '../../internal/messages.js';

/*
 * What `<links-referral-detail>` loads when the person first focuses an
 * action (at the latest when they record it): core's checks of the event
 * (its schema, then the workflow), with zod and immer. The referral renders
 * without them (internal/on-demand.ts).
 */

/** What recording an action came to. */
export type ActionCheck =
  | { readonly kind: 'invalid'; readonly errors: readonly ValidationIssue[] }
  /** Refused by the workflow: `field` is the form field the refusal belongs to, if any. */
  | { readonly kind: 'refused'; readonly field: string | undefined; readonly refusal: string }
  | { readonly kind: 'accepted'; readonly event: ReferralEvent; readonly state: ReferralState };

/** Checks an event built from an action form with core: the schema, then the workflow on `previous`. */
export function checkAction(
  previous: ReferralState,
  draft: ReferralEvent,
  options: { readonly framework: Framework; readonly fieldPaths: ReadonlySet<string> },
): ActionCheck {
  const checked = validateReferralEvent(draft);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const result = applyEvent(previous, checked.value, { trusted: true, framework: options.framework });
  if (!result.ok) {
    return {
      kind: 'refused',
      field: refusalField(result.rejection.code, options.fieldPaths),
      refusal: refusalText(result.rejection),
    };
  }
  return { kind: 'accepted', event: checked.value, state: result.state };
}
