import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { CONTACT_ATTEMPT_OUTCOMES, CONTACT_METHODS, CONTACT_SETTINGS } from '@links-approach/core/referral';
import {
  contactAttemptOutcomeLabels,
  contactMethodLabels,
  contactSettingLabels,
} from '../../internal/referral-labels.js';
import { formatNumber } from '../../internal/format.js';
import { options, type ActionForms } from './types.js';

/** Attempts to make contact, and contacts made. */
export const contactForms: ActionForms = {
  'contact-attempted': {
    fields: ({ field }) =>
      html`${field('method', msg('How', { id: 'referral.field.contact-method' }), 'select', {
        options: options(CONTACT_METHODS, contactMethodLabels()),
      })}
      ${field('outcome', msg('What happened'), 'select', {
        options: options(CONTACT_ATTEMPT_OUTCOMES, contactAttemptOutcomeLabels()),
      })}`,
    build: (values) => ({ method: values.text('method'), outcome: values.text('outcome') }),
  },
  'contact-recorded': {
    fields: ({ field }) =>
      html`${field('setting', msg('Where', { id: 'referral.field.contact-setting' }), 'select', {
        options: options(CONTACT_SETTINGS, contactSettingLabels()),
      })}
      ${field('durationMinutes', msg('Length in minutes'), 'number', { hint: msg(str`For example, ${formatNumber(45)}`) })}`,
    build: (values) => ({ setting: values.text('setting'), durationMinutes: values.number('durationMinutes') }),
  },
};
