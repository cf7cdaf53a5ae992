import { html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Direction, Measure, MeasureKind } from '@links-approach/core/plan';
import { heading } from '../../internal/heading.js';
import { formatNumber } from '../../internal/format.js';
import { numberValue, textValue } from '../../internal/form-errors.js';
import { directionLabels, kindLabels } from './labels.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The measures of one capacity with their data points: edit, remove and add
 * measures (`updateMeasure`, `removeMeasure`, `addMeasure`), a table of each
 * measure's points, and record or remove a point (`recordDataPoint`,
 * `removeDataPoint`). A section of `<links-plan-editor>`.
 *
 * @summary Measures and data points of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - A measure or data point changed. Cancelable.
 *
 * @csspart card - One measure.
 * @csspart scroll-region - The focusable, labelled region a measure's data table scrolls in sideways.
 */
@localized()
export class LinksPlanMeasures extends PlanSectionElement {
  private measureFields(index: number, m: Measure | undefined, context: string): TemplateResult {
    const path = (...names: string[]) => this.capacityPath('measures', index, ...names);
    return html`
      ${this.field({
        path: path('name'),
        label: msg('Measure'),
        context,
        name: 'name',
        value: m?.name,
        hint: msg('For example, referrals to the CLP per month'),
      })}
      <div class="row">
        ${this.field({
          path: path('kind'),
          label: msg('Type'),
          context,
          name: 'kind',
          kind: 'select',
          value: m?.kind ?? 'outcome',
          options: Object.entries(kindLabels()),
        })}
        ${this.field({ path: path('unit'), label: msg('Unit'), context, name: 'unit', value: m?.unit, width: 'width-10' })}
        ${this.field({
          path: path('direction'),
          label: msg('Better when'),
          context,
          name: 'direction',
          kind: 'select',
          value: m?.direction ?? 'increase',
          options: Object.entries(directionLabels()),
        })}
      </div>
      <div class="row">
        ${this.field({
          path: path('baseline', 'value'),
          label: msg('Baseline (optional)'),
          context,
          name: 'baseline',
          kind: 'number',
          value: m?.baseline?.value,
          width: 'width-10',
        })}
        ${this.field({
          path: path('baseline', 'date'),
          label: msg('Baseline date (optional)'),
          context,
          name: 'baselineDate',
          kind: 'date',
          value: m?.baseline?.date,
        })}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    const level = this.headingLevel;
    return html`<section class="block" aria-labelledby="measures-title">
      ${heading(level, html`${msg('Measures')}`, { id: 'measures-title', class: 'block-title' })}
      ${capacity.measures.length === 0 ? html`<p class="empty">${msg('No measures yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.measures.map(
          (m, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${m.name}`, { class: 'card-title' })}
            <details>
              <summary>
                ${msg(html`Change<span class="visually-hidden"> measure ${formatNumber(index + 1)}</span>`)}
              </summary>
              <form novalidate @submit=${(e: SubmitEvent) => this.onSaveMeasure(e, m.id)}>
                ${this.measureFields(index, m, msg(str`of measure ${formatNumber(index + 1)}`))}
                <div class="button-row">
                  <button type="submit">${msg(str`Save measure ${formatNumber(index + 1)}`)}</button>
                  <button
                    type="button"
                    class="warning"
                    @click=${(e: Event) =>
                      this.run(
                        e,
                        (ops, plan) => ops.removeMeasure(plan, this.capacityId, m.id),
                        msg('Measure removed.'),
                      )}
                  >
                    ${msg(str`Remove measure ${formatNumber(index + 1)}`)}
                  </button>
                </div>
              </form>
            </details>
            ${this.renderPoints(m, index)}
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add a measure'),
        this.capacityPath('measures', capacity.measures.length),
        this.onAddMeasure,
        this.measureFields(capacity.measures.length, undefined, msg('of the new measure')),
        msg('Add measure'),
      )}
    </section>`;
  }

  private renderPoints(m: Measure, index: number): TemplateResult {
    const capacityId = this.capacityId;
    const next = (name: string) => this.capacityPath('measures', index, 'points', m.points.length, name);
    const context = msg(str`for ${m.name}`);
    return html`
      ${
        m.points.length === 0
          ? html`<p class="empty">
            ${msg('No data points yet.')}
            ${m.baseline ? msg(str`Baseline ${formatNumber(m.baseline.value)} ${m.unit}.`) : ''}
          </p>`
          : html`<details ?open=${m.points.length <= 6}>
            <summary>
              ${msg(html`Data points (${formatNumber(m.points.length)})<span class="visually-hidden"> of ${m.name}</span>`)}
            </summary>
            <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby=${`points-${capacityId}-${m.id}`}>
            <table>
              <caption id=${`points-${capacityId}-${m.id}`}>
                ${
                  m.baseline
                    ? msg(str`Data points: ${m.name} (${m.unit}), baseline ${formatNumber(m.baseline.value)}`)
                    : msg(str`Data points: ${m.name} (${m.unit})`)
                }
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Date')}</th>
                  <th scope="col" class="number">${msg('Value')}</th>
                  <th scope="col">${msg('Note')}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${m.points.map(
                  (p) => html`<tr>
                    <td>${p.date}</td>
                    <td class="number">${formatNumber(p.value)}</td>
                    <td>${p.note ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        class="link"
                        @click=${(e: Event) =>
                          this.run(
                            e,
                            (ops, plan) => ops.removeDataPoint(plan, capacityId, m.id, p.date),
                            msg('Data point removed.'),
                          )}
                      >
                        ${msg(html`Remove<span class="visually-hidden"> the point of ${p.date}</span>`)}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
            </div>
          </details>`
      }
      ${this.addForm(
        msg('Record a data point'),
        this.capacityPath('measures', index, 'points'),
        (e) => this.onAddPoint(e, m.id),
        html`<div class="row">
            ${this.field({ path: next('date'), label: msg('Date'), context, name: 'date', kind: 'date' })}
            ${this.field({
              path: next('value'),
              label: msg('Value'),
              context,
              name: 'value',
              kind: 'number',
              width: 'width-10',
            })}
          </div>
          ${this.field({ path: next('note'), label: msg('Note (optional)'), context, name: 'note' })}`,
        msg('Record data point'),
      )}
    `;
  }

  private measureInput(data: FormData) {
    const value = numberValue(data, 'baseline');
    const date = textValue(data, 'baselineDate');
    return {
      name: textValue(data, 'name') as string,
      kind: textValue(data, 'kind') as MeasureKind,
      unit: textValue(data, 'unit') as string,
      direction: textValue(data, 'direction') as Direction,
      // A baseline date without a value is passed on, so core says the value is required.
      baseline:
        value === undefined && date === undefined
          ? undefined
          : { value: value as number, ...(date !== undefined ? { date } : {}) },
    };
  }

  private onAddMeasure = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) => ops.addMeasure(plan, this.capacityId, this.measureInput(data)),
      msg('Measure added.'),
      true,
    );
  };

  private onSaveMeasure(event: SubmitEvent, measureId: string): void {
    void this.submit(
      event,
      (data, ops, plan) => ops.updateMeasure(plan, this.capacityId, measureId, this.measureInput(data)),
      msg('Measure saved.'),
    );
  }

  private onAddPoint(event: SubmitEvent, measureId: string): void {
    void this.submit(
      event,
      (data, ops, plan) => {
        const note = textValue(data, 'note');
        return ops.recordDataPoint(plan, this.capacityId, measureId, {
          date: textValue(data, 'date') as string,
          value: numberValue(data, 'value') as number,
          ...(note !== undefined ? { note } : {}),
        });
      },
      msg('Data point recorded.'),
      true,
    );
  }
}
