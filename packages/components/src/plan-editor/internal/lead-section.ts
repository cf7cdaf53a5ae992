import { html, type TemplateResult } from 'lit';
import { localized, msg } from '@lit/localize';
import { heading } from '../../internal/heading.js';
import { textValue } from '../../internal/form-errors.js';
import { PlanSectionElement } from './plan-section.js';

/**
 * The lead (role and optional name) and team of one capacity, through
 * core's `setOwner` and `setTeam`. A section of `<links-plan-editor>`.
 *
 * @summary Lead and team of a capacity, inside the plan editor.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - The lead or team changed. Cancelable.
 */
@localized()
export class LinksPlanLead extends PlanSectionElement {
  protected override render(): TemplateResult {
    const capacity = this.plan?.capacities[this.capacityId];
    if (!capacity) return html``;
    return html`<section class="block" aria-labelledby="lead-title">
      ${heading(this.headingLevel, html`${msg('Lead and team')}`, { id: 'lead-title', class: 'block-title' })}
      <form novalidate @submit=${this.onLead}>
        <div class="row">
          ${this.field({
            path: this.capacityPath('owner', 'role'),
            label: msg('Lead role'),
            name: 'role',
            value: capacity.owner?.role,
            width: 'width-20',
            hint: msg('For example, Practice manager'),
          })}
          ${this.field({
            path: this.capacityPath('owner', 'name'),
            label: msg('Lead name (optional)'),
            name: 'name',
            value: capacity.owner?.name,
            width: 'width-20',
            hint: msg('A member of staff'),
          })}
        </div>
        ${this.field({
          path: this.capacityPath('team'),
          label: msg('Team'),
          name: 'team',
          kind: 'textarea',
          rows: 3,
          value: capacity.team.join('\n'),
          hint: msg('Roles or staff names, one a line'),
        })}
        <div class="button-row"><button type="submit">${msg('Save lead and team')}</button></div>
      </form>
    </section>`;
  }

  private onLead = (event: SubmitEvent): void => {
    void this.submit(
      event,
      (data, ops, plan) => {
        const role = textValue(data, 'role');
        const name = textValue(data, 'name');
        const owner =
          role === undefined && name === undefined
            ? undefined
            : { role: role as string, ...(name !== undefined ? { name } : {}) };
        const first = ops.setOwner(plan, this.capacityId, owner);
        if (!first.ok) return first;
        const team = String(data.get('team') ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        return ops.setTeam(first.value, this.capacityId, team);
      },
      msg('Lead and team saved.'),
    );
  };
}
