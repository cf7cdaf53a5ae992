import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  answerIssues,
  ONS4,
  unansweredItems,
  type Instrument,
  type InstrumentItem,
  type OutcomeAnswers,
} from '@links-approach/core/outcomes';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { formStyles } from '../internal/form-errors.js';
import { errorMessage } from '../internal/field.js';
import { issueText, type CodedIssue } from '../internal/messages.js';
import { FormAssociated, type FormValidity } from '../internal/form-associated.js';
import { styles } from './outcome-form.styles.js';

/** Detail of the `links-outcome-change` event. */
export interface OutcomeChangeDetail {
  readonly instrumentId: string;
  /** Every answer so far: item id → the chosen option's value, or `null` when not answered. */
  readonly answers: OutcomeAnswers;
  /** The item just answered (or cleared). */
  readonly itemId: string;
  /** Whether every item is answered. */
  readonly complete: boolean;
}

/**
 * Answers an outcome instrument (by default the ONS4 personal well-being
 * questions): one group of radio buttons per item, each a `<fieldset>` with
 * the question as its `<legend>` and any hint linked to it. Native radio
 * buttons, so Tab moves between questions and the arrow keys between
 * answers. The element is form-associated: inside a host `<form>` it submits
 * its answers as JSON under `name`, and with `required` it keeps the form
 * from submitting until every item is answered (validity from core's
 * `answerIssues`), then shows what is missing beside each question.
 *
 * @summary Answer an outcome measure (e.g. ONS4) with accessible radio groups, inside any form.
 *
 * @fires {CustomEvent<OutcomeChangeDetail>} links-outcome-change - The person chose or cleared an answer.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart preamble - The instrument's introduction.
 * @csspart item - One question's fieldset.
 * @csspart legend - A question.
 * @csspart hint - A question's hint.
 * @csspart option - One answer (its label).
 * @csspart error-message - What is missing on a question.
 * @csspart source - The instrument's source and terms of use.
 *
 * @cssproperty --links-outcome-form-accent - Colour of a chosen answer (default the primary colour).
 * @cssproperty --links-outcome-form-option-size - Size of an answer button (default 2.75rem, at least 24px for WCAG 2.2 target size).
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 */
@localized()
export class LinksOutcomeForm extends FormAssociated(LinksElement) {
  static override styles = [LinksElement.styles, formStyles, styles];

  /** The instrument to answer. Default: ONS4. Validate a host's with `validateInstrument` first. */
  @property({ attribute: false })
  instrument: Instrument = ONS4;

  /** The answers: item id → chosen value (or `null`). Never mutated; each answer makes a new object. */
  @property({ attribute: false })
  value: OutcomeAnswers = {};

  /** Name under which a host `<form>` submits the answers (as JSON). */
  @property({ reflect: true })
  override name = '';

  /** Every item must be answered before the form can submit. */
  @property({ type: Boolean, reflect: true })
  required = false;

  /** Disables every answer. A disabled ancestor `<fieldset>` disables them too, without changing this. */
  @property({ type: Boolean, reflect: true })
  override disabled = false;

  /** The title; defaults to the instrument's name. */
  @property()
  label = '';

  /** Level (2–5) of the title. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Show what is missing beside each question (after an attempt to submit, or `reportValidity()`). */
  @state()
  private showErrors = false;

  /** Prefix of the ids in the shadow root (the root scopes them, so no per-element counter is needed). */
  private readonly uid = 'links-outcome-form';
  private defaultValue: OutcomeAnswers | undefined;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      this.showErrors = true;
    });
  }

  /** Like `checkValidity`, and shows what is missing. */
  override reportValidity(): boolean {
    this.showErrors = !this.internals.validity.valid;
    return super.reportValidity();
  }

  /** Form reset: back to the answers first given. */
  override formResetCallback(): void {
    this.value = this.defaultValue ?? {};
    this.showErrors = false;
  }

  /** Restores the answers after back/forward navigation. */
  override formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const parsed: unknown = JSON.parse(state);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const answers = parsed as Record<string, number | null>;
        if (answerIssues(this.instrument, answers).length === 0) this.value = answers;
      }
    } catch {
      // Not our answers: keep the current ones.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.defaultValue === undefined) this.defaultValue = this.value;
  }

  protected override formValueChanged(changed: PropertyValues<this>): boolean {
    return changed.has('value') || changed.has('instrument') || changed.has('required') || changed.has('name');
  }

  /** Problems with the current answers, from core. */
  private get issues() {
    return answerIssues(this.instrument, this.value, { requireAll: this.required });
  }

  /** The answers as JSON once any is given. */
  protected override formValue(): string | null {
    const answered = unansweredItems(this.instrument, this.value).length < this.instrument.items.length;
    return answered ? JSON.stringify(this.value) : null;
  }

  /** Missing answers (`valueMissing`) or answers core refuses (`customError`), pointing at the first item concerned. */
  protected override formValidity(): FormValidity | undefined {
    const issues = this.issues;
    if (issues.length === 0) return undefined;
    const first = this.instrument.items.find((item) => issues.some((i) => i.path === item.id));
    const anchor = first
      ? (this.renderRoot.querySelector<HTMLElement>(`input[name="${CSS.escape(first.id)}"]`) ?? undefined)
      : undefined;
    const unanswered = new Set(unansweredItems(this.instrument, this.value));
    const missing = issues.every((i) => unanswered.has(i.path));
    return {
      flags: missing ? { valueMissing: true } : { customError: true },
      message:
        issues.length === 1
          ? this.messageFor(issues[0]!.path, issues[0]!)
          : msg(str`Answer every question: ${formatNumber(issues.length)} still need an answer.`),
      anchor,
    };
  }

  /** The text shown for a problem on one item: missing answers in plain words, anything else as core says it (in the page's language). */
  private messageFor(itemId: string, issue: CodedIssue): string {
    const message = issueText(issue);
    const item = this.instrument.items.find((i) => i.id === itemId);
    if (item && typeof this.value[itemId] !== 'number') return msg(str`Choose an answer to: ${item.shortName}`);
    return item ? `${item.shortName} ${message}` : message;
  }

  private choose(item: InstrumentItem, value: number | null): void {
    const answers: Record<string, number | null> = { ...this.value, [item.id]: value };
    this.value = answers;
    const complete = unansweredItems(this.instrument, answers).length === 0;
    this.emit<OutcomeChangeDetail>('links-outcome-change', {
      instrumentId: this.instrument.id,
      answers,
      itemId: item.id,
      complete,
    });
  }

  protected override render(): TemplateResult {
    const instrument = this.instrument;
    const errors = this.showErrors
      ? new Map(this.issues.map((i) => [i.path, this.messageFor(i.path, i)]))
      : new Map<string, string>();
    return html`
      <div part="base" role="group" aria-labelledby="${this.uid}-title">
        ${heading(this.headingLevel, html`${this.label || instrument.name}`, { id: `${this.uid}-title`, class: 'title', part: 'heading' })}
        ${instrument.preamble ? html`<p class="preamble" part="preamble">${instrument.preamble}</p>` : nothing}
        ${instrument.items.map((item, index) => this.renderItem(item, index, errors.get(item.id)))}
        <p class="source" part="source">
          ${instrument.source.citation}${instrument.source.licence ? html` ${instrument.source.licence}.` : nothing}
        </p>
      </div>
    `;
  }

  private renderItem(item: InstrumentItem, index: number, error: string | undefined): TemplateResult {
    const id = `${this.uid}-${index}`;
    const chosen = this.value[item.id];
    const describedBy = [item.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`
      <fieldset
        part="item"
        class="form-group ${error ? 'has-error' : ''}"
        aria-describedby=${describedBy || nothing}
        ?disabled=${this.controlsDisabled}
      >
        <legend part="legend">${item.text}</legend>
        ${item.hint ? html`<span class="hint" part="hint" id="${id}-hint">${item.hint}</span>` : nothing}
        ${errorMessage(`${id}-error`, error ? [error] : [])}
        <div class="options ${item.options.some((o) => o.description) ? 'anchored' : ''}">
          ${item.options.map(
            (option, o) => html`<div class="option">
              <input
                type="radio"
                id="${id}-${o}"
                name=${item.id}
                .value=${String(option.value)}
                .checked=${chosen === option.value}
                ?required=${this.required}
                aria-describedby=${option.description ? `${id}-${o}-anchor` : nothing}
                @change=${() => this.choose(item, option.value)}
              />
              <label part="option" for="${id}-${o}">${option.label}</label>
              ${
                option.description
                  ? html`<span class="anchor ${o === 0 ? 'start' : o === item.options.length - 1 ? 'end' : ''}" id="${id}-${o}-anchor"
                    >${option.description}</span
                  >`
                  : nothing
              }
            </div>`,
          )}
        </div>
        ${
          typeof chosen === 'number' && !this.required
            ? html`<button type="button" class="clear" @click=${() => this.choose(item, null)}>
              ${msg(html`Clear the answer<span class="visually-hidden"> to: ${item.shortName}</span>`)}
            </button>`
            : nothing
        }
      </fieldset>
    `;
  }
}
