import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ReferralAction, ReferralState } from '@links-approach/core/referral';
import { heading } from '../internal/heading.js';
import { actionLabel } from '../internal/referral-labels.js';
import { errorSummary, fieldId, focusField, type FieldError } from '../internal/form-errors.js';
import { ACTION_FORMS, type ActionFormContext } from './action-forms/index.js';

/** What the "What you can do now" section of `<links-referral-detail>` shows, and where its user's actions go. */
export interface ActionsView {
  readonly referral: ReferralState;
  /** Level of the section's heading; the open form's heading sits one below. */
  readonly level: number;
  /** The actions core allows the user now, or `undefined` when the page has not said who the user is. */
  readonly actions: readonly ReferralAction[] | undefined;
  /** The open action's form context, if an action is open. */
  readonly open: ActionFormContext | undefined;
  readonly errors: readonly FieldError[];
  /** Why the last attempt was not recorded, in words, or `''`. */
  readonly refusal: string;
  /** An append to the store is in progress. */
  readonly sending: boolean;
  /** The element's shadow root (the error summary's links focus fields in it). */
  readonly root: ShadowRoot;
  readonly onToggle: (action: ReferralAction) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** Whether two actions are the same (the same event type, and for a status change the same status). */
export function sameAction(a: ReferralAction | undefined, b: ReferralAction): boolean {
  return a?.type === b.type && a.to === b.to;
}

/** The allowed actions as buttons, and the open action's form (fields from `ACTION_FORMS`). */
export function renderActions(view: ActionsView): TemplateResult {
  const { referral: r, level, actions } = view;
  return html`<section class="actions" part="actions" aria-labelledby="actions-heading">
    ${heading(level, html`${msg('What you can do now')}`, { id: 'actions-heading', class: 'section-heading' })}
    ${
      !actions
        ? html`<p>${msg('Actions are not available: the page has not said who you are.')}</p>`
        : actions.length === 0
          ? html`<p>${msg('There is nothing you can record on this referral now.')}</p>`
          : html`<ul class="action-list">
            ${actions.map(
              (action) => html`<li>
                <button
                  type="button"
                  class="secondary"
                  part="action-button"
                  aria-expanded=${sameAction(view.open?.action, action) ? 'true' : 'false'}
                  @click=${() => view.onToggle(action)}
                >
                  ${actionLabel(action, r)}
                </button>
              </li>`,
            )}
          </ul>`
    }
    ${view.open ? renderActionForm(view, view.open, level + 1) : nothing}
  </section>`;
}

/**
 * Focuses the open form's first field. In "Link a resource" that is the
 * slotted finder (whose focus() goes to its search box) when the host
 * gave one that takes focus; otherwise the form's own first field.
 */
export function focusActionForm(root: ShadowRoot): void {
  const slot = root.querySelector<HTMLSlotElement>('.action-form slot[name="resource-finder"]');
  const finder = slot?.assignedElements()[0] as HTMLElement | undefined;
  finder?.focus();
  if (finder?.matches(':focus-within')) return;
  root.querySelector<HTMLElement>('.action-form select, .action-form input, .action-form textarea')?.focus();
}

function renderActionForm(view: ActionsView, context: ActionFormContext, level: number): TemplateResult {
  const { action, referral: r } = context;
  const fallbackLabel = (path: string) =>
    view.root
      .querySelector<HTMLLabelElement>(`label[for="${CSS.escape(fieldId(path))}"]`)
      ?.textContent?.replace(msg('(optional)'), '')
      .trim() ?? '';
  return html`<form class="action-form" part="action-form" novalidate aria-labelledby="action-heading" @submit=${view.onSubmit}>
    ${heading(level, html`${actionLabel(action, r)}`, { id: 'action-heading', class: 'form-heading' })}
    ${
      view.refusal
        ? html`<div class="refusal" role="alert" part="error-summary" tabindex="-1">
          ${heading(level + 1, html`${msg('This was not recorded')}`, { class: 'error-summary-title' })}
          <p>${view.refusal}</p>
        </div>`
        : nothing
    }
    ${errorSummary(view.errors, (path) => focusField(view.root, path), fallbackLabel, level + 1)}
    ${ACTION_FORMS[action.type]?.fields(context) ?? nothing}
    <div class="button-row">
      <button type="submit" ?disabled=${view.sending}>${msg('Record')}</button>
      <button type="button" class="secondary" @click=${view.onCancel}>${msg('Cancel')}</button>
    </div>
  </form>`;
}
