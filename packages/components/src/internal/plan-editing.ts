import { html, type nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Plan, PlanIssue } from '@links-approach/core/plan';
import type { Result } from '@links-approach/core';
import { LinksElement } from './links-element.js';
import { errorSummary, fieldPathsOf, focusField, resolveErrors, type FieldError } from './form-errors.js';
import {
  planEditsApplied,
  prefetchPlanOperations,
  withPlanOperations,
  type PlanOperations,
} from './plan-operations.js';

/** Detail of the `links-plan-change` event. */
export interface PlanChangeDetail {
  /** The new plan, made by a core operation (the previous plan is untouched). */
  readonly plan: Plan;
  /** The plan before the change. */
  readonly previous: Plan;
}

/**
 * Base of the elements that edit a plan through core operations. Each user
 * action runs one operation; a refused one shows core's errors inline and in
 * an error summary that takes focus; an accepted one fires a cancelable
 * `links-plan-change` and, unless the host cancels it, shows the new plan.
 *
 * The operations (with zod and immer) load on demand: when the person first
 * focuses or presses inside the element, and at the latest when an edit is
 * made ({@link edit}); showing a plan never loads them. `updateComplete`
 * also waits for an edit in progress to be applied.
 */
export class PlanEditingElement extends LinksElement {
  /** The plan being edited. Never mutated: each edit produces a new plan. */
  @property({ attribute: false })
  plan: Plan | undefined;

  /** The problems of the last refused edit. */
  @state()
  protected errors: FieldError[] = [];

  /** The last confirmation for the polite status region. */
  @state()
  protected statusMessage = '';

  constructor() {
    super();
    // Start loading the operations as soon as the person reaches for a control (focus, pointer, key).
    for (const type of ['focusin', 'pointerdown', 'keydown'])
      this.addEventListener(type, prefetchPlanOperations, { once: true });
  }

  /** Also waits for an edit in progress (its operation loading) to be applied. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await planEditsApplied();
    return super.getUpdateComplete();
  }

  /**
   * Runs one core operation (`make`, given the loaded operations and the
   * plan as it is then) and handles its result as {@link applyResult} does.
   * If the operations cannot be loaded (no connection), the edit is refused
   * with a message saying so.
   */
  protected edit(
    form: HTMLElement | null,
    make: (operations: PlanOperations, plan: Plan) => Result<Plan, PlanIssue>,
    success: string,
  ): Promise<Plan | undefined> {
    let applied: Promise<Plan | undefined> = Promise.resolve(undefined);
    return withPlanOperations((operations) => {
      if (this.plan) applied = this.applyResult(form, make(operations, this.plan), success);
    }).then(
      () => applied,
      () =>
        this.applyResult(
          form,
          {
            ok: false,
            errors: [
              {
                path: '',
                code: 'invalid',
                message: msg('Not changed: the editing code could not be loaded. Check the connection and try again.'),
              },
            ],
          },
          '',
        ),
    );
  }

  /**
   * Handles an operation's result for the form the user submitted. Returns
   * the new plan when the change was accepted (and not cancelled by the host).
   */
  protected async applyResult(
    form: HTMLElement | null,
    result: Result<Plan, PlanIssue>,
    success: string,
  ): Promise<Plan | undefined> {
    if (!result.ok) {
      const paths = form ? fieldPathsOf(form) : new Set<string>();
      const fallback = [...paths][0] ?? '';
      await this.showRefusal(resolveErrors(result.errors, paths, fallback));
      return undefined;
    }
    const previous = this.plan;
    if (previous === undefined) {
      this.errors = [];
      return undefined;
    }
    if (!this.commitPlan(result.value, previous)) {
      this.showOutcome('');
      return undefined;
    }
    this.showOutcome(success);
    return result.value;
  }

  /** Shows a refused edit: its problems inline and in the error summary, which takes focus. */
  protected async showRefusal(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    this.statusMessage = '';
    await this.updateComplete;
    this.focusErrorSummary();
  }

  /** Shows an accepted (or host-vetoed, with an empty message) edit: no problems, and the confirmation. */
  protected showOutcome(status: string): void {
    this.errors = [];
    this.statusMessage = status;
  }

  /** Fires `links-plan-change`; applies the plan unless the host cancelled. Subclasses extend it (autosave). */
  protected commitPlan(plan: Plan, previous: Plan): boolean {
    const accepted = this.emit<PlanChangeDetail>('links-plan-change', { plan, previous }, { cancelable: true });
    if (accepted) this.plan = plan;
    return accepted;
  }

  /** Moves focus to the error summary (after a refused edit). */
  protected focusErrorSummary(): void {
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** Focuses the field an error-summary link points at. */
  protected followError = (path: string): void => {
    focusField(this.renderRoot as ShadowRoot, path);
  };

  /** The label text of the field at `path`, for the error summary. */
  protected labelFor = (path: string): string => {
    const root = this.renderRoot as ShadowRoot;
    const field = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (!field) return '';
    const label = field.id ? root.querySelector(`label[for="${CSS.escape(field.id)}"]`) : null;
    const legend = field.closest('fieldset')?.querySelector('legend');
    const text =
      (label ?? (field.tagName === 'FIELDSET' ? legend : null))?.textContent ?? field.getAttribute('aria-label') ?? '';
    return text.replace(/\s+/g, ' ').trim();
  };

  /** The error summary (or nothing), with its heading at `level`. */
  protected renderErrorSummary(level = 2): TemplateResult | typeof nothing {
    return errorSummary(this.errors, this.followError, this.labelFor, level);
  }

  /** The polite live region with the last confirmation. */
  protected renderStatus(): TemplateResult {
    return html`<p class="status" role="status" part="status">${this.statusMessage}</p>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'links-plan-change': CustomEvent<PlanChangeDetail>;
  }
}
