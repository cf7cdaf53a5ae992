import {
  applyEvent,
  validateReferralEvent,
  type CreatedEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import type { Framework, ValidationIssue } from '@links-approach/core';
import { refusalText } from '../../internal/messages.js';

/*
 * What `<links-referral-form>` loads when the person first focuses the form
 * (at the latest when they send it): core's checks of the `created` event
 * (its schema, then the workflow), with zod and immer. The form renders
 * without them (internal/on-demand.ts).
 */

/** What sending the form came to. */
export type ReferralCheck =
  | { readonly kind: 'invalid'; readonly errors: readonly ValidationIssue[] }
  | { readonly kind: 'refused'; readonly refusal: string }
  | { readonly kind: 'accepted'; readonly event: CreatedEvent; readonly state: ReferralState };

/** Checks a `created` event built from the form with core: the schema, then the workflow. */
export function checkReferral(
  draft: Record<string, unknown>,
  options: { readonly framework: Framework; readonly previous: ReferralState | undefined },
): ReferralCheck {
  const checked = validateReferralEvent(draft);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const result = applyEvent(undefined, checked.value, {
    trusted: true,
    framework: options.framework,
    ...(options.previous ? { previous: options.previous } : {}),
  });
  if (!result.ok) return { kind: 'refused', refusal: refusalText(result.rejection) };
  return { kind: 'accepted', event: checked.value as CreatedEvent, state: result.state };
}
