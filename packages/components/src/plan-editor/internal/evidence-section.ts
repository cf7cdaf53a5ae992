import { html, type TemplateResult } from 'lit';
import { localized, msg } from '@lit/localize';
import { heading } from '../../internal/heading.js';
import { textValue } from '../../internal/form-errors.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The dated evidence notes of one capacity: add and remove them through
 * core's `addEvidence` and `removeEvidence`. A section of `<links-plan-editor>`.
 *
 * @summary Evidence notes of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - A note was added or removed. Cancelable.
 *
 * @csspart card - One evidence note.
 */
@localized()
export class LinksPlanEvidence extends PlanSectionElement {
  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    const capacityId = this.capacityId;
    const next = (name: string) => this.capacityPath('evidence', capacity.evidence.length, name);
    return html`<section class="block" aria-labelledby="evidence-title">
      ${heading(this.headingLevel, html`${msg('Evidence')}`, { id: 'evidence-title', class: 'block-title' })}
      ${
        capacity.evidence.length === 0
          ? html`<p class="empty">${msg('No evidence notes yet.')}</p>`
          : html`<ul class="items">
            ${capacity.evidence.map(
              (e) => html`<li class="card" part="card">
                <p><strong>${e.date}</strong>: ${e.text}</p>
                <button
                  type="button"
                  class="link"
                  @click=${(ev: Event) =>
                    this.run(
                      ev,
                      (ops, plan) => ops.removeEvidence(plan, capacityId, e.id),
                      msg('Evidence note removed.'),
                    )}
                >
                  ${msg(html`Remove<span class="visually-hidden"> the evidence note of ${e.date}</span>`)}
                </button>
              </li>`,
            )}
          </ul>`
      }
      ${this.addForm(
        msg('Add an evidence note'),
        this.capacityPath('evidence', capacity.evidence.length),
        this.onAddEvidence,
        html`${this.field({
          path: next('date'),
          label: msg('Date'),
          context: msg('of the evidence note'),
          name: 'date',
          kind: 'date',
        })}
        ${this.field({ path: next('text'), label: msg('Evidence'), name: 'text', kind: 'textarea', rows: 3 })}`,
        msg('Add evidence note'),
      )}
    </section>`;
  }

  private onAddEvidence = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) =>
        ops.addEvidence(plan, this.capacityId, {
          date: textValue(data, 'date') as string,
          text: textValue(data, 'text') as string,
        }),
      msg('Evidence note added.'),
      true,
    );
  };
}
