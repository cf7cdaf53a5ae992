import type { nothing, TemplateResult } from 'lit';
import type { Framework } from '@links-approach/core';
import type {
  ReferralAction,
  ReferralEventType,
  ReferralState,
  ResourceReference,
} from '@links-approach/core/referral';
import type { FieldControl, FieldOption } from '../../internal/field.js';

/** What an action form's field may say besides its path, label and control (see `field()`). */
export interface ActionFieldOptions {
  readonly options?: readonly FieldOption[];
  readonly hint?: string;
  /** `false` marks the field "(optional)". */
  readonly required?: boolean;
  readonly value?: string;
}

/** What an action form's description is given: the referral, the action, and a way to render a field with its errors. */
export interface ActionFormContext {
  readonly referral: ReferralState;
  readonly action: ReferralAction;
  readonly framework: Framework;
  /** The resource chosen in the slotted resource finder ("Link a resource"), if any. */
  readonly picked: ResourceReference | undefined;
  /** Listens for `links-resource-select` from the slotted finder. */
  readonly onResourcePicked: (event: Event) => void;
  /** One field of the form: named and identified by the event field's path, with the errors reported for it. */
  field(path: string, label: string, control: FieldControl, options?: ActionFieldOptions): TemplateResult;
}

/** The submitted form's values, read as the event's fields. */
export interface ActionFormValues {
  /** A text value, trimmed; `undefined` when blank. */
  text(name: string): string | undefined;
  /** A number typed as text: the number, `undefined` when blank, or the text itself for core to refuse. */
  number(name: string): number | undefined;
}

/**
 * One action's form: the fields it shows, and how it builds the event's own
 * fields from them (the element adds id, referral, type, time, actor and
 * any free-text `reason`; core then checks the whole event). Fields left
 * `undefined` are dropped.
 */
export interface ActionForm {
  readonly fields: (context: ActionFormContext) => TemplateResult | typeof nothing;
  readonly build: (values: ActionFormValues, context: ActionFormContext) => Record<string, unknown>;
}

/** The action forms, by the event type each writes. */
export type ActionForms = { readonly [T in ReferralEventType]?: ActionForm };

/** Select options from a list of codes and their labels. */
export function options<T extends string>(values: readonly T[], labels: Record<T, string>): FieldOption[] {
  return values.map((value) => [value, labels[value]] as const);
}
