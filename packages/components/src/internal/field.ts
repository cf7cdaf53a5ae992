import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';

/** The control a field renders. `number` is a text input with a numeric keyboard, so core can say what is wrong with text. */
export type FieldControl = 'text' | 'search' | 'number' | 'date' | 'textarea' | 'select';

/** One choice of a `select` field: its value and its label. */
export type FieldOption = readonly [value: string, label: string];

/** A width class of the standard look (`fieldStyles`), or an element's own class for its input. */
export type FieldWidth = 'width-10' | 'width-20' | 'width-full' | (string & Record<never, never>);

/**
 * The look of a field:
 * - `standard`: NHS.UK form group (`.form-group`, `.error-message`), for the
 *   full forms; styled by `formStyles`;
 * - `compact`: a tighter column (`.field`, `.field-error`) for forms inside a
 *   page section (network register, resource finder); styled by
 *   `compactFormStyles`.
 */
export type FieldLook = 'standard' | 'compact';

/** A DOM id for the field at a document path (`capacities.x.aims[0].target` → `f-capacities_2ex…`); stable and unique per path. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`)}`;
}

/** The id of the inline error message of the field at `path`. */
export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** What `field()` renders. Only `label` and either `path` or `id` are needed. */
export interface FieldOptions {
  /** The label text. */
  readonly label: string;
  /**
   * The document path of the value (core's JSON path, e.g. `outcome.code`):
   * the control's `data-path` (so reported errors resolve to it), its
   * default `id` (`fieldId(path)`) and its default `name`.
   */
  readonly path?: string;
  /** The control's id; default `fieldId(path)`. The hint and error ids are `<id>-hint` and `<id>-error`. */
  readonly id?: string;
  /** The name the value is submitted under; default `path`. */
  readonly name?: string;
  /** The control (default `text`). */
  readonly control?: FieldControl;
  /** The starting value (for a select, the chosen option's value). */
  readonly value?: string | number | undefined;
  /** A select's choices. */
  readonly options?: readonly FieldOption[];
  /** Help under the label, tied to the control with `aria-describedby`. */
  readonly hint?: string | undefined;
  /**
   * The field's error messages (already in words), shown under the label
   * with a hidden "Error:" prefix; the control gets `aria-invalid="true"`
   * and is described by them, and the group gets `has-error`.
   */
  readonly errors?: readonly string[];
  /** `false` adds "(optional)" after the label (the required marker of NHS.UK forms, where fields are required unless marked). */
  readonly required?: boolean;
  /** Words after the label for screen readers only (e.g. which aim a repeated "Target" belongs to). */
  readonly context?: string | undefined;
  /** Width class of an input; in the standard look default `width-10` for numbers and dates, else `width-full`. */
  readonly width?: FieldWidth;
  /** Rows of a text area (default 3). */
  readonly rows?: number;
  /** Most characters the control takes. */
  readonly maxlength?: number;
  /** The input's `autocomplete`. */
  readonly autocomplete?: string;
  /** `false` turns spelling checks off (codes, postcodes). */
  readonly spellcheck?: false;
  /** The keyboard of a `number` field (default `decimal`). */
  readonly inputmode?: 'numeric' | 'decimal';
  /** Standard or compact (default `standard`). */
  readonly look?: FieldLook;
  /** A part name for the group (e.g. `field`), when the element exposes one. */
  readonly part?: string;
  /** More classes on the group (e.g. `conditional` for a field revealed by a choice). */
  readonly groupClass?: string;
}

/**
 * An inline error message (GOV.UK/NHS.UK pattern): each message on its own
 * line after a hidden "Error:" prefix. `id` is what the control's
 * `aria-describedby` names.
 */
export function errorMessage(
  id: string,
  messages: readonly string[],
  look: FieldLook = 'standard',
): TemplateResult | typeof nothing {
  if (messages.length === 0) return nothing;
  return html`<p class=${look === 'compact' ? 'field-error' : 'error-message'} id=${id} part="error-message">
    ${messages.map(
      (message, i) =>
        html`${i > 0 ? html`<br />` : nothing}<span class="visually-hidden">${msg('Error:')}</span> ${message}`,
    )}
  </p>`;
}

/**
 * One form field: label (with the optional marker and hidden context), hint,
 * inline error and control, the ids wired together (`for`,
 * `aria-describedby` to the hint and the error, `aria-invalid`). The one
 * field template of every form; style it with `formStyles` (standard look)
 * or `compactFormStyles` (compact look).
 */
export function field(o: FieldOptions): TemplateResult {
  const look = o.look ?? 'standard';
  const id = o.id ?? fieldId(o.path ?? '');
  const name = o.name ?? o.path;
  const errors = o.errors ?? [];
  const invalid = errors.length > 0;
  const hintId = `${id}-hint`;
  const describedby = [o.hint ? hintId : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const value = o.value === undefined ? '' : String(o.value);
  const control = o.control ?? 'text';
  let input: TemplateResult;
  switch (control) {
    case 'textarea':
      input = html`<textarea
        id=${id}
        name=${name ?? nothing}
        rows=${o.rows ?? 3}
        maxlength=${o.maxlength ?? nothing}
        data-path=${o.path ?? nothing}
        aria-describedby=${describedby}
        aria-invalid=${invalid ? 'true' : nothing}
        .value=${value}
      ></textarea>`;
      break;
    case 'select':
      input = html`<select
        id=${id}
        name=${name ?? nothing}
        data-path=${o.path ?? nothing}
        aria-describedby=${describedby}
        aria-invalid=${invalid ? 'true' : nothing}
      >
        ${(o.options ?? []).map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>`;
      break;
    default:
      input = html`<input
        id=${id}
        name=${name ?? nothing}
        type=${control === 'date' || control === 'search' ? control : 'text'}
        inputmode=${control === 'number' ? (o.inputmode ?? 'decimal') : nothing}
        class=${o.width ?? (look === 'compact' ? nothing : control === 'number' || control === 'date' ? 'width-10' : 'width-full')}
        spellcheck=${o.spellcheck === false ? 'false' : nothing}
        maxlength=${o.maxlength ?? nothing}
        autocomplete=${o.autocomplete ?? nothing}
        data-path=${o.path ?? nothing}
        aria-describedby=${describedby}
        aria-invalid=${invalid ? 'true' : nothing}
        .value=${value}
      />`;
  }
  const group = [look === 'compact' ? 'field' : 'form-group', o.groupClass, invalid ? 'has-error' : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class=${group} part=${o.part ?? nothing}>
    <label for=${id}
      >${o.label}${o.context ? html`<span class="visually-hidden"> ${o.context}</span>` : nothing}${
        o.required === false ? html` <span class="optional">${msg('(optional)')}</span>` : nothing
      }</label
    >
    ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing} ${errorMessage(`${id}-error`, errors, look)}
    ${input}
  </div>`;
}
