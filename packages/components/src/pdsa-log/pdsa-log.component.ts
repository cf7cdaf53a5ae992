import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  PDSA_ACTS,
  allowedPlanEdits,
  findPlanEdit,
  isCycleComplete,
  type ChangeIdea,
  type PdsaAct,
  type PdsaCycle,
} from '@links-approach/core/plan';
import { formatPath } from '@links-approach/core';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatDate as formatIsoDate, formatNumber } from '../internal/format.js';
import { errorFor, errorId, fieldId, formStyles, inlineError, textValue } from '../internal/form-errors.js';
import { field } from '../internal/field.js';
import { PlanEditingElement } from '../internal/plan-editing.js';
import { styles } from './pdsa-log.styles.js';

const actLabels = (): Record<PdsaAct, string> => ({
  adopt: msg('Adopt', { id: 'pdsa.act.adopt' }),
  adapt: msg('Adapt', { id: 'pdsa.act.adapt' }),
  abandon: msg('Abandon', { id: 'pdsa.act.abandon' }),
});
const actHints = (): Record<PdsaAct, string> => ({
  adopt: msg('keep the change', { id: 'pdsa.act-hint.adopt' }),
  adapt: msg('change it and test again', { id: 'pdsa.act-hint.adapt' }),
  abandon: msg('stop testing it', { id: 'pdsa.act-hint.abandon' }),
});

function formatDate(date: string | undefined): string {
  return date ? formatIsoDate(date, 'long') : '';
}

/**
 * A change idea's Plan-Do-Study-Act cycles as a timeline, oldest first:
 * each cycle's plan, prediction, what was done, the study and the decision.
 * Starts a new cycle (with its prediction) and completes the open one, each
 * through core's `startPdsaCycle` / `completePdsaCycle` (loaded on demand), showing their
 * errors inline and in an error summary that takes focus.
 *
 * @summary PDSA cycles of one change idea: a timeline, start and complete a cycle.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - A cycle was started or completed; `detail.plan` is the new plan. Cancelable: cancel it to keep the old plan.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The title.
 * @csspart timeline - The list of cycles.
 * @csspart cycle - One cycle.
 * @csspart act - The decision tag of a cycle (or "In progress").
 * @csspart start-form - The form that starts a new cycle.
 * @csspart complete-form - The form that completes the open cycle.
 * @csspart error-summary - The summary of the last refused edit.
 * @csspart error-message - An inline error message.
 * @csspart status - The polite confirmation region.
 *
 * @cssproperty --links-pdsa-log-line-color - Colour of the timeline line and completed markers (default the strong border colour).
 * @cssproperty --links-pdsa-log-open-color - Colour of the open cycle's marker (default the primary colour).
 */
@localized()
export class LinksPdsaLog extends PlanEditingElement {
  static override styles = [PlanEditingElement.styles, formStyles, styles];

  /** Id of the capacity the change idea belongs to. */
  @property({ reflect: true })
  capacity = '';

  /** Id of the change idea whose cycles are shown. */
  @property({ attribute: 'change-idea', reflect: true })
  changeIdea = '';

  /**
   * Level (2–7) of the title heading; each cycle's heading sits one below.
   * Levels past 6 use `role="heading"` with `aria-level`, so the log can sit
   * under a change idea deep inside `<links-plan-editor>`.
   */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel | 6 | 7 = 3;
  static override headingLevels = [2, 3, 4, 5, 6, 7];

  /** Show the timeline only, without the forms. */
  @property({ type: Boolean, reflect: true })
  readonly = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('changeIdea') || changed.has('capacity')) this.errors = [];
  }

  private get located(): { idea: ChangeIdea; index: number } | undefined {
    const ideas = this.plan?.capacities[this.capacity]?.changeIdeas;
    const index = ideas?.findIndex((idea) => idea.id === this.changeIdea) ?? -1;
    return ideas && index >= 0 ? { idea: ideas[index]!, index } : undefined;
  }

  private path(...segments: (string | number)[]): string {
    return formatPath(['capacities', this.capacity, 'changeIdeas', this.located?.index ?? 0, ...segments]);
  }

  protected override render(): TemplateResult {
    const located = this.located;
    if (!located) {
      return html`<div part="base"><p class="empty">${msg('No change idea to show.')}</p></div>`;
    }
    const { idea } = located;
    // Core says which cycle may be completed and whether a new one may start (one open cycle at a time).
    const edits = allowedPlanEdits(this.plan!, { capacityId: this.capacity });
    const canStart = findPlanEdit(edits, 'start-pdsa-cycle', { changeIdeaId: idea.id })?.allowed === true;
    const completable = (cycle: PdsaCycle) =>
      findPlanEdit(edits, 'complete-pdsa-cycle', { changeIdeaId: idea.id, itemId: cycle.id })?.allowed === true;
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(this.headingLevel, msg(html`PDSA cycles<span class="visually-hidden"> for ${idea.title}</span>`), {
          id: 'title',
          class: 'title',
          part: 'heading',
        })}
        ${this.renderErrorSummary(this.headingLevel + 1)}
        ${
          idea.cycles.length === 0
            ? html`<p class="empty">${msg('No cycles yet. Start one to test this change on a small scale.')}</p>`
            : html`<ol class="timeline" part="timeline">
              ${idea.cycles.map((cycle, index) => this.renderCycle(cycle, index, completable(cycle)))}
            </ol>`
        }
        ${!this.readonly && canStart ? this.renderStartForm(idea.cycles.length) : nothing} ${this.renderStatus()}
      </section>
    `;
  }

  /** `canComplete`: core allows completing this cycle now (it is the open one). */
  private renderCycle(cycle: PdsaCycle, index: number, canComplete: boolean): TemplateResult {
    const act = cycle.act;
    return html`
      <li class="cycle ${isCycleComplete(cycle) ? 'complete' : 'open'}" part="cycle">
        ${heading(
          this.headingLevel + 1,
          html`${msg(str`Cycle ${formatNumber(index + 1)}`)}
            <span class="tag ${act ?? 'open'}" part="act"
              >${act ? actLabels()[act] : msg('In progress', { id: 'pdsa.in-progress' })}</span
            >`,
          { class: 'cycle-title' },
        )}
        <dl>
          <dt>${msg('Started')}</dt>
          <dd>${formatDate(cycle.startDate)}</dd>
          <dt>${msg('Plan', { id: 'pdsa.plan' })}</dt>
          <dd>${cycle.plan}</dd>
          <dt>${msg('Prediction')}</dt>
          <dd>${cycle.prediction}</dd>
          ${
            cycle.do
              ? html`<dt>${msg('Do', { id: 'pdsa.do' })}</dt>
                <dd>${cycle.do}</dd>`
              : nothing
          }
          ${
            cycle.study
              ? html`<dt>${msg('Study', { id: 'pdsa.study' })}</dt>
                <dd>${cycle.study}</dd>`
              : nothing
          }
          ${
            act
              ? html`<dt>${msg('Act', { id: 'pdsa.act' })}</dt>
                <dd>${actLabels()[act]}: ${actHints()[act]}</dd>`
              : nothing
          }
          ${
            cycle.completedDate
              ? html`<dt>${msg('Completed', { id: 'pdsa.completed' })}</dt>
                <dd>${formatDate(cycle.completedDate)}</dd>`
              : nothing
          }
        </dl>
        ${canComplete && !this.readonly ? this.renderCompleteForm(cycle, index) : nothing}
      </li>
    `;
  }

  /**
   * A labelled cycle field (a text area, or a date input) with its hint and
   * core's inline error, tied to the plan path core reports errors against.
   */
  private field(
    cycle: number,
    name: string,
    label: string,
    control: { rows: number; value?: string } | 'date',
    hint?: string,
  ): TemplateResult {
    const path = this.path('cycles', cycle, name);
    return field({
      path,
      name,
      label,
      hint,
      ...(control === 'date'
        ? { control: 'date' }
        : { control: 'textarea', rows: control.rows, value: control.value ?? '' }),
      errors: this.errors.filter((e) => e.path === path).map((e) => e.message),
    });
  }

  private renderStartForm(next: number): TemplateResult {
    return html`
      <form part="start-form" class="start-form" novalidate @submit=${this.onStart}>
        ${heading(this.headingLevel + 1, html`${msg(str`Start cycle ${formatNumber(next + 1)}`)}`, {
          class: 'form-title',
        })}
        ${this.field(
          next,
          'plan',
          msg('Plan', { id: 'pdsa.plan' }),
          { rows: 2 },
          msg('What will you try, who will do it, when and where?'),
        )}
        ${this.field(next, 'prediction', msg('Prediction'), { rows: 2 }, msg('What do you expect to happen?'))}
        ${this.field(next, 'startDate', msg('Start date'), 'date')}
        <div class="button-row"><button type="submit">${msg('Start cycle')}</button></div>
      </form>
    `;
  }

  private renderCompleteForm(cycle: PdsaCycle, index: number): TemplateResult {
    const p = (name: string) => this.path('cycles', index, name);
    const actPath = p('act');
    const actError = errorFor(this.errors, actPath);
    return html`
      <details ?open=${this.errors.some((e) => e.path.startsWith(this.path('cycles', index)))}>
        <summary>${msg(str`Complete cycle ${formatNumber(index + 1)}`)}</summary>
        <form
          part="complete-form"
          class="complete-form"
          novalidate
          @submit=${(event: SubmitEvent) => this.onComplete(event, cycle)}
        >
          ${this.field(index, 'do', msg('Do: what happened'), { rows: 2, value: cycle.do ?? '' })}
          ${this.field(index, 'study', msg('Study: what did you learn, against the prediction?'), { rows: 3 })}
          <div class="form-group ${actError ? 'has-error' : ''}">
            <fieldset data-path=${actPath} aria-describedby=${actError ? errorId(actPath) : nothing}>
              <legend>${msg('Act: what will you do with the change?')}</legend>
              ${inlineError(this.errors, actPath)}
              <div class="radios">
                ${PDSA_ACTS.map(
                  (act, i) => html`<label class="radio"
                    ><input
                      type="radio"
                      name="act"
                      .value=${act}
                      id=${i === 0 ? fieldId(actPath) : nothing}
                    />${actLabels()[act]} <span class="hint">(${actHints()[act]})</span></label
                  >`,
                )}
              </div>
            </fieldset>
          </div>
          ${this.field(index, 'completedDate', msg('Date completed'), 'date')}
          <div class="button-row"><button type="submit">${msg('Complete cycle')}</button></div>
        </form>
      </details>
    `;
  }

  private async onStart(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan) return;
    const data = new FormData(form);
    const cycle = {
      plan: textValue(data, 'plan') as string,
      prediction: textValue(data, 'prediction') as string,
      startDate: textValue(data, 'startDate') as string,
    };
    const started = await this.edit(
      form,
      (ops, plan) => ops.startPdsaCycle(plan, this.capacity, this.changeIdea, cycle),
      msg('Cycle started.'),
    );
    if (started) form.reset();
  }

  private async onComplete(event: SubmitEvent, cycle: PdsaCycle): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan) return;
    const data = new FormData(form);
    const doText = textValue(data, 'do');
    const completion = {
      ...(doText !== undefined ? { do: doText } : {}),
      study: textValue(data, 'study') as string,
      act: textValue(data, 'act') as PdsaAct,
      completedDate: textValue(data, 'completedDate') as string,
    };
    await this.edit(
      form,
      (ops, plan) => ops.completePdsaCycle(plan, this.capacity, this.changeIdea, cycle.id, completion),
      msg('Cycle completed.'),
    );
  }
}
