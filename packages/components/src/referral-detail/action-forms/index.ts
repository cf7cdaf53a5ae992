import { consentForms } from './consent.js';
import { contactForms } from './contacts.js';
import { detailsForms } from './details.js';
import { followUpForms } from './follow-ups.js';
import { goalForms } from './goals.js';
import { resourceForms } from './resources.js';
import { statusForms } from './status.js';
import type { ReferralEvent } from '@links-approach/core/referral';
import { numberValue, textValue } from '../../internal/form-errors.js';
import type { ActionFormContext, ActionForms, ActionFormValues } from './types.js';

export { pickedResource } from './resources.js';
export type { ActionFieldOptions, ActionForm, ActionFormContext, ActionForms, ActionFormValues } from './types.js';

/**
 * Every action `<links-referral-detail>` can record, by event type: the
 * fields its form shows and how the event is built from them. An action
 * core offers with no entry here shows no fields (and builds only the
 * common ones).
 */
export const ACTION_FORMS: ActionForms = {
  ...statusForms,
  ...detailsForms,
  ...consentForms,
  ...contactForms,
  ...goalForms,
  ...resourceForms,
  ...followUpForms,
};

/** What every recorded event carries besides its action's own fields: its id, time and actor. */
export interface ActionEventCommon {
  readonly id: string;
  readonly at: string;
  readonly actor: Readonly<Record<string, unknown>>;
}

/**
 * Builds the event the open action form describes (unchecked: core checks
 * it): the common fields, the free-text `reason`, then the fields its
 * `ACTION_FORMS` entry builds. Fields left `undefined` are dropped.
 */
export function buildActionEvent(
  form: HTMLFormElement,
  context: ActionFormContext,
  common: ActionEventCommon,
): ReferralEvent {
  const data = new FormData(form);
  const values: ActionFormValues = { text: (name) => textValue(data, name), number: (name) => numberValue(data, name) };
  const event: Record<string, unknown> = {
    id: common.id,
    referralId: context.referral.id,
    type: context.action.type,
    at: common.at,
    actor: common.actor,
    reason: values.text('reason'),
    ...ACTION_FORMS[context.action.type]?.build(values, context),
  };
  for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
  return event as unknown as ReferralEvent;
}
