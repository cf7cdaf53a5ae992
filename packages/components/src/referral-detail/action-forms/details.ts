import { msg } from '@lit/localize';
import { URGENCIES } from '@links-approach/core/referral';
import { urgencyLabels } from '../../internal/referral-labels.js';
import { options, type ActionForms } from './types.js';

/** The referral's own details: urgency, the CLP it is assigned to, notes. */
export const detailsForms: ActionForms = {
  'details-updated': {
    fields: ({ field, referral }) =>
      field('urgency', msg('Urgency'), 'select', {
        options: options(URGENCIES, urgencyLabels()),
        value: referral.urgency,
      }),
    build: (values) => ({ urgency: values.text('urgency') }),
  },
  'clp-assigned': {
    fields: ({ field }) => field('clpId', msg('Community Links Practitioner (staff reference)'), 'text'),
    build: (values) => ({ clpId: values.text('clpId') }),
  },
  'note-added': {
    fields: ({ field }) => field('text', msg('Note'), 'textarea'),
    build: (values) => ({ text: values.text('text') }),
  },
};
