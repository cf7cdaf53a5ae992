import { html, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { allowedPlanEdits } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/format.js';
import { fieldId, textValue } from '../../internal/form-errors.js';
import { formatTime, statusActions, statusInSentence, statusLabels } from './labels.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The plan's practice, framework and revision, its title (`setTitle`) and
 * the status changes core allows now (`allowedPlanEdits`, `changeStatus`).
 * A section of `<links-plan-editor>`; its heading level is the panel title's.
 *
 * @summary Plan details, title and status, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - The title or status changed. Cancelable.
 */
@localized()
export class LinksPlanDetails extends PlanSectionElement {
  protected override render(): TemplateResult {
    const plan = this.plan;
    if (!plan) return html``;
    const level = this.headingLevel;
    const statuses = allowedPlanEdits(plan).filter((e) => e.edit === 'change-status' && e.allowed);
    return html`<div>
      ${heading(level, html`${msg('Plan details and status')}`, { id: 'panel-title', class: 'panel-title' })}
      <dl>
        <dt>${msg('Practice')}</dt>
        <dd>
          ${plan.practice.name}
          (${
            plan.practice.cohort === 'programme'
              ? msg(str`programme practice, list size ${formatNumber(plan.practice.listSize)}`)
              : msg(str`comparison practice, list size ${formatNumber(plan.practice.listSize)}`)
          })${plan.practice.locality ? `, ${plan.practice.locality}` : ''}
        </dd>
        <dt>${msg('Framework')}</dt>
        <dd>${plan.framework.id} ${plan.framework.version}</dd>
        <dt>${msg('Revision')}</dt>
        <dd>
          ${msg(str`${formatNumber(plan.revision)}, saved ${formatTime(plan.savedAt)} by ${plan.savedBy}`)}
        </dd>
      </dl>
      <section class="block" aria-labelledby="title-title">
        ${heading(level + 1, html`${msg('Title')}`, { id: 'title-title', class: 'block-title' })}
        <form novalidate @submit=${this.onTitle}>
          ${this.field({ path: 'title', label: msg('Plan title'), name: 'title', value: plan.title })}
          <div class="button-row"><button type="submit">${msg('Save title')}</button></div>
        </form>
      </section>
      <section class="block" aria-labelledby="status-title">
        ${heading(level + 1, html`${msg(str`Status: ${statusLabels()[plan.status]}`)}`, {
          id: 'status-title',
          class: 'block-title',
        })}
        <div class="button-row" data-path="status" id=${fieldId('status')} tabindex="-1">
          ${statuses.map(
            ({ to }) => html`<button
              type="button"
              class=${to === 'draft' ? 'secondary' : ''}
              @click=${(e: Event) =>
                this.run(
                  e,
                  (ops, current) => ops.changeStatus(current, to!),
                  msg(str`Status changed to ${statusInSentence()[to!]}.`),
                )}
            >
              ${statusActions()[to!]}
            </button>`,
          )}
        </div>
      </section>
    </div>`;
  }

  private onTitle = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) => ops.setTitle(plan, textValue(data, 'title') as string),
      msg('Title saved.'),
    );
  };
}
