import { html } from 'lit';
import { msg } from '@lit/localize';
import { GOAL_STATUSES, newReferralItemId } from '@links-approach/core/referral';
import { goalStatusLabels } from '../../internal/referral-labels.js';
import { options, type ActionForms } from './types.js';

/** Goals in the person's words under a theme, and their progress. */
export const goalForms: ActionForms = {
  'goal-added': {
    fields: ({ field, framework }) =>
      html`${field('statement', msg('Goal, in the person’s words'), 'textarea')}
      ${field('themeId', msg('Theme'), 'select', { options: framework.themes.map((t) => [t.id, t.name] as const) })}
      ${field('status', msg('Status'), 'select', {
        options: [
          ['active', goalStatusLabels().active],
          ['proposed', goalStatusLabels().proposed],
        ],
      })}`,
    build: (values) => ({
      goalId: newReferralItemId('goal'),
      statement: values.text('statement'),
      themeId: values.text('themeId'),
      status: values.text('status'),
    }),
  },
  'goal-updated': {
    fields: ({ field, referral }) =>
      html`${field('goalId', msg('Goal'), 'select', { options: referral.goals.map((g) => [g.id, g.statement] as const) })}
      ${field('status', msg('New status'), 'select', { options: options(GOAL_STATUSES, goalStatusLabels()) })}`,
    build: (values) => ({ goalId: values.text('goalId'), status: values.text('status') }),
  },
};
