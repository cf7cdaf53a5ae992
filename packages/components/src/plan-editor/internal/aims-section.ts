import { html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Aim } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/format.js';
import { numberValue, textValue } from '../../internal/form-errors.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The aims of one capacity (statement, optional target, unit and date, and
 * the measure that shows progress): edit, remove and add through core's
 * `updateAim`, `removeAim` and `addAim`. A section of `<links-plan-editor>`.
 *
 * @summary Aims of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - An aim was added, saved or removed. Cancelable.
 *
 * @csspart card - One aim.
 */
@localized()
export class LinksPlanAims extends PlanSectionElement {
  private aimFields(index: number, aim: Aim | undefined, context: string): TemplateResult {
    const capacity = this.plan!.capacities[this.capacityId]!;
    const path = (name: string) => this.capacityPath('aims', index, name);
    const measureOptions: [string, string][] = [
      ['', msg('No measure linked')],
      ...capacity.measures.map((m): [string, string] => [m.id, m.name]),
    ];
    return html`
      ${this.field({
        path: path('statement'),
        label: msg('Aim'),
        context,
        name: 'statement',
        kind: 'textarea',
        rows: 2,
        value: aim?.statement,
        hint: msg('What are we trying to accomplish?'),
      })}
      <div class="row">
        ${this.field({
          path: path('target'),
          label: msg('Target (optional)'),
          context,
          name: 'target',
          kind: 'number',
          value: aim?.target,
          width: 'width-10',
        })}
        ${this.field({
          path: path('unit'),
          label: msg('Unit (optional)'),
          context,
          name: 'unit',
          value: aim?.unit,
          width: 'width-10',
          hint: msg('For example, %'),
        })}
        ${this.field({
          path: path('targetDate'),
          label: msg('Target date (optional)'),
          context,
          name: 'targetDate',
          kind: 'date',
          value: aim?.targetDate,
        })}
      </div>
      ${this.field({
        path: path('measureId'),
        label: msg('Measure that shows it'),
        context,
        name: 'measureId',
        kind: 'select',
        options: measureOptions,
        value: aim?.measureId ?? '',
      })}
    `;
  }

  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    const level = this.headingLevel;
    return html`<section class="block" aria-labelledby="aims-title">
      ${heading(level, html`${msg('Aims')}`, { id: 'aims-title', class: 'block-title' })}
      ${capacity.aims.length === 0 ? html`<p class="empty">${msg('No aims yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.aims.map(
          (aim, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${msg(str`Aim ${formatNumber(index + 1)}`)}`, { class: 'card-title' })}
            <form novalidate @submit=${(e: SubmitEvent) => this.onSaveAim(e, aim.id)}>
              ${this.aimFields(index, aim, msg(str`for aim ${formatNumber(index + 1)}`))}
              <div class="button-row">
                <button type="submit">${msg(str`Save aim ${formatNumber(index + 1)}`)}</button>
                <button
                  type="button"
                  class="warning"
                  @click=${(e: Event) => this.run(e, (ops, plan) => ops.removeAim(plan, this.capacityId, aim.id), msg('Aim removed.'))}
                >
                  ${msg(str`Remove aim ${formatNumber(index + 1)}`)}
                </button>
              </div>
            </form>
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add an aim'),
        this.capacityPath('aims', capacity.aims.length),
        this.onAddAim,
        this.aimFields(capacity.aims.length, undefined, msg('for the new aim')),
        msg('Add aim'),
      )}
    </section>`;
  }

  private aimInput(data: FormData) {
    return {
      statement: textValue(data, 'statement') as string,
      target: numberValue(data, 'target'),
      unit: textValue(data, 'unit'),
      targetDate: textValue(data, 'targetDate'),
      measureId: textValue(data, 'measureId'),
    };
  }

  private onAddAim = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) => ops.addAim(plan, this.capacityId, this.aimInput(data)),
      msg('Aim added.'),
      true,
    );
  };

  private onSaveAim(event: SubmitEvent, aimId: string): void {
    void this.submit(
      event,
      (data, ops, plan) => ops.updateAim(plan, this.capacityId, aimId, this.aimInput(data)),
      msg('Aim saved.'),
    );
  }
}
