import { msg } from '@lit/localize';
import { CONSENT_SCOPES } from '@links-approach/core/referral';
import { consentScopeLabels } from '../../internal/referral-labels.js';
import type { ActionForm, ActionForms } from './types.js';

const reasonOnly: ActionForm = {
  fields: ({ field }) => field('reason', msg('Reason'), 'textarea', { required: false }),
  build: () => ({}),
};

/** Consent given or withdrawn (only the scopes that can change), and "do not contact" set or cleared. */
export const consentForms: ActionForms = {
  'consent-given': {
    fields: ({ field, referral }) =>
      field('scope', msg('Consent given for'), 'select', {
        options: CONSENT_SCOPES.filter((s) => referral.consent[s] !== 'given').map(
          (s) => [s, consentScopeLabels()[s]] as const,
        ),
      }),
    build: (values) => ({ scope: values.text('scope') }),
  },
  'consent-withdrawn': {
    fields: ({ field, referral }) =>
      field('scope', msg('Consent withdrawn for'), 'select', {
        options: CONSENT_SCOPES.filter((s) => referral.consent[s] === 'given').map(
          (s) => [s, consentScopeLabels()[s]] as const,
        ),
      }),
    build: (values) => ({ scope: values.text('scope') }),
  },
  'do-not-contact-set': reasonOnly,
  'do-not-contact-cleared': reasonOnly,
};
