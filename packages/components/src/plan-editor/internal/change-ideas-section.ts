import { html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { allowedPlanEdits, findPlanEdit, type ChangeIdea } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/format.js';
import { textValue } from '../../internal/form-errors.js';
import '../../pdsa-log/pdsa-log.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The change ideas of one capacity, each with its PDSA cycles
 * (`<links-pdsa-log>`) and, once core allows it (`allowedPlanEdits`: a
 * cycle adopted the change), the record that it has spread across the team.
 * Edit, remove and add ideas through core's operations. A section of
 * `<links-plan-editor>`.
 *
 * @summary Change ideas, PDSA cycles and spread of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - A change idea, cycle or spread changed. Cancelable.
 *
 * @csspart card - One change idea.
 */
@localized()
export class LinksPlanChangeIdeas extends PlanSectionElement {
  private ideaFields(index: number, idea: ChangeIdea | undefined, context: string): TemplateResult {
    return html`
      ${this.field({
        path: this.capacityPath('changeIdeas', index, 'title'),
        label: msg('Change idea'),
        context,
        name: 'title',
        value: idea?.title,
        hint: msg('What change can we make that will result in improvement?'),
      })}
      ${this.field({
        path: this.capacityPath('changeIdeas', index, 'description'),
        label: msg('Description (optional)'),
        context,
        name: 'description',
        kind: 'textarea',
        rows: 2,
        value: idea?.description,
      })}
    `;
  }

  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    const level = this.headingLevel;
    const capacityId = this.capacityId;
    return html`<section class="block" aria-labelledby="ideas-title">
      ${heading(level, html`${msg('Change ideas')}`, { id: 'ideas-title', class: 'block-title' })}
      ${capacity.changeIdeas.length === 0 ? html`<p class="empty">${msg('No change ideas yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.changeIdeas.map(
          (idea, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${idea.title}`, { class: 'card-title' })}
            ${idea.description ? html`<p class="note">${idea.description}</p>` : nothing}
            <details>
              <summary>
                ${msg(html`Change<span class="visually-hidden"> change idea ${formatNumber(index + 1)}</span>`)}
              </summary>
              <form novalidate @submit=${(e: SubmitEvent) => this.onSaveIdea(e, idea.id)}>
                ${this.ideaFields(index, idea, msg(str`of change idea ${formatNumber(index + 1)}`))}
                <div class="button-row">
                  <button type="submit">${msg(str`Save change idea ${formatNumber(index + 1)}`)}</button>
                  <button
                    type="button"
                    class="warning"
                    @click=${(e: Event) =>
                      this.run(
                        e,
                        (ops, plan) => ops.removeChangeIdea(plan, capacityId, idea.id),
                        msg('Change idea removed.'),
                      )}
                  >
                    ${msg(str`Remove change idea ${formatNumber(index + 1)}`)}
                  </button>
                </div>
              </form>
            </details>
            <links-pdsa-log
              .plan=${this.plan}
              capacity=${capacityId}
              change-idea=${idea.id}
              heading-level=${Math.min(level + 2, 7)}
              ?readonly=${this.disabled}
            ></links-pdsa-log>
            ${this.renderSpread(idea, index)}
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add a change idea'),
        this.capacityPath('changeIdeas', capacity.changeIdeas.length),
        this.onAddIdea,
        this.ideaFields(capacity.changeIdeas.length, undefined, msg('for the new change idea')),
        msg('Add change idea'),
      )}
    </section>`;
  }

  private renderSpread(idea: ChangeIdea, index: number): TemplateResult | typeof nothing {
    const capacityId = this.capacityId;
    if (idea.spread) {
      return html`<p>
        ${msg(html`<strong>Spread:</strong> standard practice since ${idea.spread.date}.`)} ${idea.spread.note}
        <button
          type="button"
          class="link"
          @click=${(e: Event) =>
            this.run(
              e,
              (ops, plan) => ops.recordSpread(plan, capacityId, idea.id, undefined),
              msg('Spread withdrawn.'),
            )}
        >
          ${msg(html`Withdraw<span class="visually-hidden"> the spread of ${idea.title}</span>`)}
        </button>
      </p>`;
    }
    // Core decides when a change may be recorded as spread (a cycle adopted it).
    const edits = allowedPlanEdits(this.plan!, { capacityId });
    if (!findPlanEdit(edits, 'record-spread', { changeIdeaId: idea.id })?.allowed) return nothing;
    const p = (name: string) => this.capacityPath('changeIdeas', index, 'spread', name);
    return this.addForm(
      msg('Record that this change has spread across the team'),
      this.capacityPath('changeIdeas', index, 'spread'),
      (e) => this.onSpread(e, idea.id),
      html`${this.field({
        path: p('date'),
        label: msg('Standard practice since'),
        context: msg(str`for ${idea.title}`),
        name: 'date',
        kind: 'date',
      })}
      ${this.field({
        path: p('note'),
        label: msg('How it is now done by the whole team'),
        context: msg(str`for ${idea.title}`),
        name: 'note',
        kind: 'textarea',
        rows: 2,
      })}`,
      msg('Record spread'),
    );
  }

  private onAddIdea = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) =>
        ops.addChangeIdea(plan, this.capacityId, {
          title: textValue(data, 'title') as string,
          description: textValue(data, 'description') as string,
        }),
      msg('Change idea added.'),
      true,
    );
  };

  private onSaveIdea(event: SubmitEvent, ideaId: string): void {
    void this.submit(
      event,
      (data, ops, plan) =>
        ops.updateChangeIdea(plan, this.capacityId, ideaId, {
          title: textValue(data, 'title') as string,
          description: textValue(data, 'description'),
        }),
      msg('Change idea saved.'),
    );
  }

  private onSpread(event: SubmitEvent, ideaId: string): void {
    void this.submit(
      event,
      (data, ops, plan) =>
        ops.recordSpread(plan, this.capacityId, ideaId, {
          date: textValue(data, 'date') as string,
          note: textValue(data, 'note') as string,
        }),
      msg('Spread recorded.'),
    );
  }
}
