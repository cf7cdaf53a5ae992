import { consentForms } from './consent.js';
import { contactForms } from './contacts.js';
import { detailsForms } from './details.js';
import { followUpForms } from './follow-ups.js';
import { goalForms } from './goals.js';
import { resourceForms } from './resources.js';
import { statusForms } from './status.js';
import type { ActionForms } from './types.js';

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
