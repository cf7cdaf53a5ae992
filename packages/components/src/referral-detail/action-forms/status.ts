import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { OUTCOME_CODES } from '@links-approach/core/referral';
import { outcomeLabels, statusReasonLabels } from '../../internal/referral-labels.js';
import { options, type ActionForms, type ActionFormContext, type ActionFormValues } from './types.js';

const outcomeFields = ({ field }: ActionFormContext, summaryHint?: string) =>
  html`${field('outcome.code', msg('Outcome'), 'select', { options: options(OUTCOME_CODES, outcomeLabels()) })}
  ${field('outcome.summary', msg('What changed for the person'), 'textarea', summaryHint ? { hint: summaryHint } : {})}`;

const outcome = (values: ActionFormValues) => ({
  code: values.text('outcome.code'),
  summary: values.text('outcome.summary') ?? '',
});

/** Moving the referral on (accept, start, hold, finish…) and recording its outcome. */
export const statusForms: ActionForms = {
  'status-changed': {
    fields: (context) => {
      const { action, field } = context;
      return html`${
        action.requires.includes('outcome')
          ? outcomeFields(context, msg('Goes into the message back to the GP and referrer.'))
          : nothing
      }
      ${
        action.reasonCodes
          ? html`${field('reasonCode', msg('Reason'), 'select', {
              options: [
                ['', msg('Choose a reason')],
                ...action.reasonCodes.map((code) => [code, statusReasonLabels()[code]] as const),
              ],
              hint: msg('The reason’s label goes back to the GP and referrer.'),
            })}
          ${field('reason', msg('Details'), 'textarea', {
            required: false,
            hint: msg('Kept in the toolkit. Shared with the GP record only with the person’s consent.'),
          })}`
          : field('reason', msg('Reason'), 'textarea', { required: false })
      }`;
    },
    build: (values, { action }) => ({
      to: action.to,
      reasonCode: values.text('reasonCode'),
      outcome: action.requires.includes('outcome') ? outcome(values) : undefined,
    }),
  },
  'outcome-recorded': {
    fields: (context) => outcomeFields(context),
    build: (values) => ({ outcome: outcome(values) }),
  },
};
