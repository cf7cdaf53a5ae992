import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LinksElement } from './links-element.js';

// Modelled on Material Web's `labs/behaviors/form-associated.ts`: the
// element takes part in a host `<form>` through `ElementInternals`; the
// subclass says what it submits and whether that is valid, and how it
// resets and restores.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;

/** Why a form-associated element is not valid: the flags, the message the browser shows, the control it points at. */
export interface FormValidity {
  readonly flags: ValidityStateFlags;
  readonly message: string;
  readonly anchor?: HTMLElement | undefined;
}

/**
 * What `FormAssociated` adds to an element: the public face of a native
 * control (`form`, `name`, `disabled`, `validity`, `validationMessage`,
 * `checkValidity()`, `reportValidity()`), and the hooks a subclass fills in.
 */
export declare class FormAssociatedElement {
  /** Lets the element take part in a host `<form>`. */
  static formAssociated: boolean;

  /** Name under which a host `<form>` submits the element's value. */
  name: string;

  /** Disables the element. A disabled ancestor `<fieldset>` disables it too, without changing this. */
  disabled: boolean;

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null;

  /** The validity state (as for a native control). */
  get validity(): ValidityState;

  /** Why the value is not valid, or `''`. */
  get validationMessage(): string;

  /** Whether the value would let the form submit. */
  checkValidity(): boolean;

  /** Like `checkValidity`, and lets the browser show the problem. */
  reportValidity(): boolean;

  /** Form reset: back to the value first given. */
  formResetCallback(): void;

  /** Disabled by an ancestor `<fieldset disabled>` (kept apart from `disabled`, whose attribute would otherwise stay set). */
  formDisabledCallback(disabled: boolean): void;

  /** Restores the value after back/forward navigation or autofill. */
  formStateRestoreCallback(state: unknown, mode: 'restore' | 'autocomplete'): void;

  /** The element's `ElementInternals`. */
  protected readonly internals: ElementInternals;

  /** Set by a disabled ancestor `<fieldset>` (see `formDisabledCallback`). */
  protected formDisabled: boolean;

  /** Whether the controls are disabled now: `disabled`, or a disabled ancestor `<fieldset>`. */
  protected get controlsDisabled(): boolean;

  /** The value the form submits under `name` (e.g. JSON), or `null` for none. */
  protected formValue(): string | null;

  /** Why the value is not valid, or `undefined` when it is (the default). */
  protected formValidity(): FormValidity | undefined;

  /**
   * Whether a change means the form value and validity must be set again
   * (default: any change). Narrow it to the properties the value depends on.
   */
  protected formValueChanged(changed: PropertyValues): boolean;

  /** Sets the form value and validity from `formValue()` and `formValidity()` now. */
  protected syncForm(): void;
}

/**
 * Makes a `LinksElement` form-associated (`static formAssociated = true`,
 * `attachInternals()`), with the public face of a native control. After
 * each update in which `formValueChanged` says so, the value from
 * `formValue()` and the validity from `formValidity()` go to the form. A
 * subclass overrides `formResetCallback` and `formStateRestoreCallback`,
 * and may override `formDisabledCallback` (call `super`).
 *
 * @example
 * export class LinksOutcomeForm extends FormAssociated(LinksElement) {
 *   protected override formValue() { return JSON.stringify(this.value); }
 * }
 */
export function FormAssociated<T extends Constructor<LinksElement>>(base: T): Constructor<FormAssociatedElement> & T {
  abstract class FormAssociatedMixin extends base {
    static formAssociated = true;

    @property({ reflect: true })
    name = '';

    @property({ type: Boolean, reflect: true })
    disabled = false;

    @state()
    protected formDisabled = false;

    protected readonly internals: ElementInternals = this.attachInternals();

    get form(): HTMLFormElement | null {
      return this.internals.form;
    }

    get validity(): ValidityState {
      return this.internals.validity;
    }

    get validationMessage(): string {
      return this.internals.validationMessage;
    }

    checkValidity(): boolean {
      return this.internals.checkValidity();
    }

    reportValidity(): boolean {
      return this.internals.reportValidity();
    }

    formResetCallback(): void {}

    formDisabledCallback(disabled: boolean): void {
      this.formDisabled = disabled;
    }

    formStateRestoreCallback(_state: unknown, _mode: 'restore' | 'autocomplete'): void {}

    protected get controlsDisabled(): boolean {
      return this.disabled || this.formDisabled;
    }

    protected formValue(): string | null {
      return null;
    }

    protected formValidity(): FormValidity | undefined {
      return undefined;
    }

    protected formValueChanged(_changed: PropertyValues): boolean {
      return true;
    }

    protected syncForm(): void {
      this.internals.setFormValue(this.formValue());
      const invalid = this.formValidity();
      if (invalid) this.internals.setValidity(invalid.flags, invalid.message, invalid.anchor);
      else this.internals.setValidity({});
    }

    protected override updated(changed: PropertyValues): void {
      super.updated(changed);
      if (this.formValueChanged(changed)) this.syncForm();
    }
  }
  return FormAssociatedMixin as unknown as Constructor<FormAssociatedElement> & T;
}
