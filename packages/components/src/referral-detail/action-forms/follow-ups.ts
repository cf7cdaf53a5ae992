import { html } from 'lit';
import { msg } from '@lit/localize';
import { newReferralItemId } from '@links-approach/core/referral';
import type { ActionForms } from './types.js';

/** Follow-ups: scheduling one, and marking one done. */
export const followUpForms: ActionForms = {
  'follow-up-scheduled': {
    fields: ({ field }) =>
      html`${field('due', msg('Due on'), 'date')} ${field('note', msg('What to follow up'), 'textarea', { required: false })}`,
    build: (values) => ({
      followUpId: newReferralItemId('follow-up'),
      due: values.text('due'),
      note: values.text('note'),
    }),
  },
  'follow-up-done': {
    fields: ({ field, referral }) =>
      field('followUpId', msg('Follow-up'), 'select', {
        options: referral.followUps
          .filter((f) => !f.done)
          .map((f) => [f.id, `${f.due}${f.note ? `: ${f.note}` : ''}`] as const),
      }),
    build: (values) => ({ followUpId: values.text('followUpId') }),
  },
};
