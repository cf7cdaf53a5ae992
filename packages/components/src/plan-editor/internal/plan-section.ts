import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatPath, type Result } from '@links-approach/core';
import type { Plan, PlanIssue } from '@links-approach/core/plan';
import { field } from '../../internal/field.js';
import type { FieldError } from '../../internal/form-errors.js';
import { PlanEditingElement } from '../../internal/plan-editing.js';
import type { PlanOperations } from '../../internal/plan-operations.js';

/** Detail of the internal `plan-section-report` event: what a section's last edit came to. */
export interface PlanSectionReport {
  /** Core's problems with the edit, resolved to the section's fields (empty when accepted). */
  readonly errors: FieldError[];
  /** The confirmation for the editor's polite status region (empty when refused or vetoed). */
  readonly status: string;
}

/** One labelled field of a plan section (text, date, number typed as text, textarea or select). */
export interface FieldOptions {
  readonly path: string;
  readonly label: string;
  readonly context?: string;
  readonly name: string;
  readonly value?: string | number | undefined;
  readonly kind?: 'text' | 'date' | 'textarea' | 'select' | 'number';
  readonly options?: readonly (readonly [string, string])[];
  readonly hint?: string;
  readonly width?: 'width-10' | 'width-20' | 'width-full';
  readonly rows?: number;
}

/**
 * Base of the sections of `<links-plan-editor>` (lead and team, aims,
 * measures, change ideas, evidence, self-assessment, plan details). Each
 * section runs its own core operations, as `<links-pdsa-log>` does, and
 * fires a cancelable `links-plan-change` that the editor turns into its own.
 *
 * A section renders into the editor's shadow root (it has none of its own):
 * the editor's styles, ids, `::part()` names and the one error summary at
 * the top of the editor apply to its fields exactly as when the editor drew
 * them itself. So a section reports the outcome of an edit to the editor
 * (`plan-section-report`, which does not leave the editor's shadow root)
 * instead of showing its own summary, and shows the editor's `errors`
 * inline. Internal: not registered for host pages.
 */
export class PlanSectionElement extends PlanEditingElement {
  /** Id of the capacity the section edits (unused by the plan-level sections). */
  @property({ attribute: false })
  capacityId = '';

  /** The editor's current problems, shown inline at their fields. */
  @property({ attribute: false })
  override errors: FieldError[] = [];

  /** Level of the section's heading (items sit one below); past 6 headings use `role="heading"`. */
  @property({ attribute: false })
  headingLevel = 3;
  static override headingLevels = [2, 3, 4, 5, 6, 7];

  /** Whether the editor is disabled (its fieldset disables the controls; this stops submits too). */
  @property({ attribute: false })
  disabled = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override async showRefusal(errors: FieldError[]): Promise<void> {
    this.report({ errors, status: '' });
  }

  protected override showOutcome(status: string): void {
    this.report({ errors: [], status });
  }

  private report(detail: PlanSectionReport): void {
    this.dispatchEvent(new CustomEvent<PlanSectionReport>('plan-section-report', { detail, bubbles: true }));
  }

  /** JSON path of a field of this section's capacity. */
  protected capacityPath(...segments: (string | number)[]): string {
    return formatPath(['capacities', this.capacityId, ...segments]);
  }

  /** Runs an operation from a button: its form (or the editor's panel) resolves the problems. */
  protected run(
    event: Event,
    make: (operations: PlanOperations, plan: Plan) => Result<Plan, PlanIssue>,
    success: string,
  ): void {
    const form =
      (event.currentTarget as HTMLElement).closest('form') ?? this.closest<HTMLElement>('fieldset.panel') ?? this;
    void this.edit(form, make, success);
  }

  /** Runs an operation from a submitted form; `reset` clears and closes an add form once accepted. */
  protected async submit(
    event: SubmitEvent,
    make: (data: FormData, operations: PlanOperations, plan: Plan) => Result<Plan, PlanIssue>,
    success: string,
    reset = false,
  ): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan || this.disabled) return;
    const data = new FormData(form);
    const accepted = await this.edit(form, (operations, plan) => make(data, operations, plan), success);
    if (accepted && reset) {
      form.reset();
      const details = form.closest('details');
      if (details) details.open = false;
    }
  }

  /** An "add" disclosure with its form; open while it has a problem. */
  protected addForm(
    summary: string,
    basePath: string,
    onSubmit: (e: SubmitEvent) => void,
    fields: TemplateResult,
    button: string,
  ): TemplateResult {
    const open = this.errors.some((e) => e.path.startsWith(basePath));
    return html`<details ?open=${open}>
      <summary>${summary}</summary>
      <form novalidate class="add-form" @submit=${onSubmit}>
        ${fields}
        <div class="button-row"><button type="submit">${button}</button></div>
      </form>
    </details>`;
  }

  /** A labelled field (the form kit's `field()`) with core's inline errors for its path. */
  protected field(o: FieldOptions): TemplateResult {
    return field({
      path: o.path,
      label: o.label,
      context: o.context,
      name: o.name,
      value: o.value,
      control: o.kind ?? 'text',
      ...(o.options ? { options: o.options } : {}),
      hint: o.hint,
      ...(o.width ? { width: o.width } : {}),
      ...(o.rows ? { rows: o.rows } : {}),
      errors: this.errors.filter((e) => e.path === o.path).map((e) => e.message),
    });
  }
}

declare global {
  interface HTMLElementEventMap {
    'plan-section-report': CustomEvent<PlanSectionReport>;
  }
}
