import { html, type TemplateResult } from 'lit';
import { localized, msg } from '@lit/localize';
import { MATURITY_LEVELS } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatFixed } from '../../internal/format.js';
import { textValue } from '../../internal/form-errors.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The team's self-assessed level of one capacity, chosen from core's
 * `MATURITY_LEVELS` and saved through `setSelfAssessedLevel`. A section of
 * `<links-plan-editor>`.
 *
 * @summary Self-assessed level of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - The level was saved. Cancelable.
 */
@localized()
export class LinksPlanSelfAssessment extends PlanSectionElement {
  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    const options: [string, string][] = [
      ['', msg('Not assessed')],
      ...MATURITY_LEVELS.map((l): [string, string] => [String(l), formatFixed(l, 1)]),
    ];
    return html`<section class="block" aria-labelledby="self-title">
      ${heading(this.headingLevel, html`${msg('Self-assessed level')}`, { id: 'self-title', class: 'block-title' })}
      <p class="note">
        ${msg("The team's own view, from 0 to 5. It is kept beside the evidence-based level and never replaces it.")}
      </p>
      <form novalidate @submit=${this.onSelfAssess}>
        ${this.field({
          path: this.capacityPath('selfAssessedLevel'),
          label: msg('Level'),
          name: 'level',
          kind: 'select',
          options,
          value: capacity.selfAssessedLevel === undefined ? '' : String(capacity.selfAssessedLevel),
        })}
        <div class="button-row"><button type="submit">${msg('Save level')}</button></div>
      </form>
    </section>`;
  }

  private onSelfAssess = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) => {
        const level = textValue(data, 'level');
        return ops.setSelfAssessedLevel(plan, this.capacityId, level === undefined ? undefined : Number(level));
      },
      msg('Self-assessed level saved.'),
    );
  };
}
