import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { LINKS_FRAMEWORK, formatPath, type Framework } from '@links-approach/core';
import type { FocusArea, FocusAreaInput } from '@links-approach/core/plan';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { errorFor, errorId, fieldId, formStyles, inlineError, textValue } from '../internal/form-errors.js';
import { PlanEditingElement } from '../internal/plan-editing.js';
import { styles } from './theme-focus.styles.js';

/**
 * The focus areas a practice agrees under each of the self-management
 * themes, each linked to the capacities it draws on. Adds, edits and
 * removes focus areas through core's `setThemeFocus` (loaded on demand), showing its errors
 * inline and in an error summary that takes focus.
 *
 * @summary Agree focus areas under the 5 self-management themes.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - Focus areas changed; `detail.plan` is the new plan. Cancelable: cancel it to keep the old plan.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The title.
 * @csspart coverage - The line saying how many themes have focus areas.
 * @csspart theme - One theme's card.
 * @csspart area - One focus area.
 * @csspart add-form - A theme's "add a focus area" form.
 * @csspart error-summary - The summary of the last refused edit.
 * @csspart error-message - An inline error message.
 * @csspart status - The polite confirmation region.
 *
 * @cssproperty --links-theme-focus-accent - Colour of each theme card's top border (default the success green).
 */
@localized()
export class LinksThemeFocus extends PlanEditingElement {
  static override styles = [PlanEditingElement.styles, formStyles, styles];

  /** The framework that names the themes and capacities. Defaults to the Links framework. */
  @property({ attribute: false })
  framework: Framework = LINKS_FRAMEWORK;

  /** Level (2–5) of the title heading; theme headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Show the focus areas only, without the forms. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  /** The plan's themes in framework order, then any others the plan has. */
  private get themeIds(): string[] {
    const inPlan = Object.keys(this.plan?.themes ?? {});
    const ordered = this.framework.themes.map((t) => t.id).filter((id) => inPlan.includes(id));
    return [...ordered, ...inPlan.filter((id) => !ordered.includes(id))];
  }

  private capacityName(id: string): string {
    return this.framework.capacities.find((c) => c.id === id)?.name ?? id;
  }

  protected override render(): TemplateResult {
    const plan = this.plan;
    if (!plan) return html`<div part="base"><p class="empty">${msg('No plan to show.')}</p></div>`;
    const ids = this.themeIds;
    const covered = ids.filter((id) => (plan.themes[id]?.focusAreas.length ?? 0) > 0).length;
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(this.headingLevel, html`${msg('Focus areas under the self-management themes')}`, {
          id: 'title',
          class: 'title',
          part: 'heading',
        })}
        <p class="coverage" part="coverage">
          ${msg(str`Focus areas agreed under ${formatNumber(covered)} of ${formatNumber(ids.length)} themes.`)}
        </p>
        ${this.renderErrorSummary(this.headingLevel + 1)} ${ids.map((id) => this.renderTheme(id))}
        ${this.renderStatus()}
      </section>
    `;
  }

  private renderTheme(themeId: string): TemplateResult {
    const theme = this.framework.themes.find((t) => t.id === themeId);
    const areas = this.plan!.themes[themeId]!.focusAreas;
    const level = this.headingLevel + 1;
    return html`
      <section class="theme" part="theme" aria-labelledby=${`theme-${themeId}`}>
        ${heading(level, html`${theme?.name ?? themeId}`, { id: `theme-${themeId}`, class: 'theme-name' })}
        ${theme ? html`<p class="theme-description">${theme.description}</p>` : nothing}
        ${areas.length === 0 ? html`<p class="empty">${msg('No focus areas agreed yet.')}</p>` : nothing}
        ${
          areas.length > 0
            ? html`<ul class="areas" aria-label=${msg(str`Focus areas: ${theme?.name ?? themeId}`)}>
              ${areas.map((area, index) => this.renderArea(themeId, area, index))}
            </ul>`
            : nothing
        }
        ${this.readonly ? nothing : this.renderAddForm(themeId, areas.length)}
      </section>
    `;
  }

  private renderArea(themeId: string, area: FocusArea, index: number): TemplateResult {
    const linked = area.capacities.map((id) => this.capacityName(id)).join(', ');
    const base = formatPath(['themes', themeId, 'focusAreas', index]);
    const hasErrors = this.errors.some((e) => e.path.startsWith(base));
    return html`<li class="area" part="area">
      <p class="area-text">${area.text}</p>
      <p class="linked">${linked ? msg(str`Capacities: ${linked}`) : msg('No capacities linked')}</p>
      ${
        this.readonly
          ? nothing
          : html`<details ?open=${hasErrors}>
            <summary>${msg(html`Change<span class="visually-hidden"> focus area "${area.text}"</span>`)}</summary>
            <form novalidate class="area-form" @submit=${(e: SubmitEvent) => this.onSave(e, themeId, index)}>
              ${this.renderFields(themeId, index, area)}
              <div class="button-row">
                <button type="submit">${msg('Save focus area')}</button>
                <button type="button" class="warning" @click=${(e: Event) => this.onRemove(e, themeId, index)}>
                  ${msg('Remove focus area')}
                </button>
              </div>
            </form>
          </details>`
      }
    </li>`;
  }

  private renderFields(themeId: string, index: number, area?: FocusArea): TemplateResult {
    const textPath = formatPath(['themes', themeId, 'focusAreas', index, 'text']);
    const capsPath = formatPath(['themes', themeId, 'focusAreas', index, 'capacities']);
    const textError = errorFor(this.errors, textPath);
    const capsError = this.errors.find((e) => e.path === capsPath);
    return html`
      <div class="form-group ${textError ? 'has-error' : ''}">
        <label for=${fieldId(textPath)}>${msg('Focus area')}</label>
        ${inlineError(this.errors, textPath)}
        <textarea
          id=${fieldId(textPath)}
          name="text"
          rows="2"
          data-path=${textPath}
          aria-invalid=${textError ? 'true' : nothing}
          aria-describedby=${textError ? errorId(textPath) : nothing}
          .value=${area?.text ?? ''}
        ></textarea>
      </div>
      <div class="form-group ${capsError ? 'has-error' : ''}">
        <fieldset data-path=${capsPath} aria-describedby=${capsError ? errorId(capsPath) : nothing}>
          <legend>${msg('Capacities it draws on')} <span class="hint">${msg('(optional)')}</span></legend>
          ${inlineError(this.errors, capsPath)}
          <div class="checkboxes">
            ${Object.keys(this.plan!.capacities).map((id, i) => {
              const boxId = i === 0 ? fieldId(capsPath) : `${fieldId(capsPath)}-${id}`;
              return html`<label class="checkbox" for=${boxId}
                ><input
                  type="checkbox"
                  id=${boxId}
                  name="capacities"
                  .value=${id}
                  .checked=${area?.capacities.includes(id) ?? false}
                />${this.capacityName(id)}</label
              >`;
            })}
          </div>
        </fieldset>
      </div>
    `;
  }

  private renderAddForm(themeId: string, next: number): TemplateResult {
    const theme = this.framework.themes.find((t) => t.id === themeId);
    const open = this.errors.some((e) => e.path.startsWith(formatPath(['themes', themeId, 'focusAreas', next])));
    return html`<details ?open=${open}>
      <summary>
        ${msg(html`Add a focus area<span class="visually-hidden"> under ${theme?.name ?? themeId}</span>`)}
      </summary>
      <form novalidate part="add-form" class="add-form" @submit=${(e: SubmitEvent) => this.onAdd(e, themeId)}>
        ${this.renderFields(themeId, next)}
        <div class="button-row"><button type="submit">${msg('Add focus area')}</button></div>
      </form>
    </details>`;
  }

  private read(form: HTMLFormElement): { text: string; capacities: string[] } {
    const data = new FormData(form);
    return { text: textValue(data, 'text') as string, capacities: data.getAll('capacities').map(String) };
  }

  private areasOf(themeId: string): FocusAreaInput[] {
    return this.plan!.themes[themeId]!.focusAreas.map((area) => ({
      id: area.id,
      text: area.text,
      capacities: [...area.capacities],
    }));
  }

  private async onAdd(event: SubmitEvent, themeId: string): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan) return;
    const areas = [...this.areasOf(themeId), this.read(form)];
    const added = await this.edit(
      form,
      (ops, plan) => ops.setThemeFocus(plan, themeId, areas),
      msg('Focus area added.'),
    );
    if (added) form.reset();
  }

  private async onSave(event: SubmitEvent, themeId: string, index: number): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan) return;
    const areas = this.areasOf(themeId);
    areas[index] = { id: areas[index]!.id, ...this.read(form) };
    await this.edit(form, (ops, plan) => ops.setThemeFocus(plan, themeId, areas), msg('Focus area saved.'));
  }

  private async onRemove(event: Event, themeId: string, index: number): Promise<void> {
    const form = (event.currentTarget as HTMLElement).closest('form');
    if (!this.plan) return;
    const areas = this.areasOf(themeId).filter((_, i) => i !== index);
    await this.edit(form, (ops, plan) => ops.setThemeFocus(plan, themeId, areas), msg('Focus area removed.'));
  }
}
