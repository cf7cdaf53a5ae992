import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import type { Plan } from '@links-approach/core/plan';
import type { ConflictError, PlanStore } from '@links-approach/core/store';
import { ProvidedStore } from '../internal/provided.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { formStyles } from '../internal/form-errors.js';
import { PlanEditingElement, type PlanChangeDetail } from '../internal/plan-editing.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { FormAssociated, type FormValidity } from '../internal/form-associated.js';
import { withPlanOperations } from '../internal/plan-operations.js';
import '../theme-focus/theme-focus.js';
import { SECTION_SELECTOR } from './internal/sections.js';
import type { PlanSectionElement, PlanSectionReport } from './internal/plan-section.js';
import { conflictBanner } from './internal/conflict-banner.js';
import { formatTime, statusLabels } from './internal/labels.js';
import { PlanStoreController, type SaveState } from './internal/plan-store-controller.js';
import { deferredPlanCodec, loadPlanChecks } from './internal/plan-checks.js';
import { styles } from './plan-editor.styles.js';

export type { SaveState } from './internal/plan-store-controller.js';

/** Detail of the `links-plan-saved` event. */
export interface PlanSavedDetail {
  /** The plan as stored: its new revision, time and author. */
  readonly plan: Plan;
}

/** Detail of the `links-plan-conflict` event. */
export interface PlanConflictDetail {
  /** The conflict the store reported: the revision now stored, and who saved it. */
  readonly conflict: ConflictError;
  /** The edited plan, kept in the editor and not saved. */
  readonly plan: Plan;
}

/** Detail of the `links-request-discard` event. */
export interface PlanDiscardRequestDetail {
  /** The unsaved plan that would be discarded. */
  readonly plan: Plan;
}

/**
 * Edits a whole business plan, capacity by capacity: lead and team, aims,
 * measures and their data points, change ideas with their PDSA cycles,
 * evidence and the team's self-assessed level; the focus areas under the
 * themes; and the plan's title and status. Every change runs a core
 * operation; a refused one shows core's messages inline and in an error
 * summary at the top, which takes focus and whose links focus each field.
 *
 * Controlled: set `.plan` and listen for `links-plan-change` (cancel it to
 * veto). Store-bound: set `.store` and `plan-id`: the plan is loaded, each
 * change is saved as a new revision, and if someone else saved first the
 * editor says who, keeps every edit, and offers to save them as the newest
 * version, to review and reapply them on the other revision (core's
 * `mergePlanEdits`: what does not conflict is reapplied; each field both
 * changed is the user's choice), or to discard them. It takes part
 * in a host `<form>` (form-associated): its value is the plan as JSON under
 * `name`, and it is invalid while an edit is refused.
 *
 * @summary Edit a Links business plan capacity by capacity, with inline validation and autosave.
 *
 * @fires {CustomEvent<PlanChangeDetail>} links-plan-change - The plan changed; `detail.plan` is the new plan. Cancelable: cancel to keep the old one.
 * @fires {CustomEvent<PlanSavedDetail>} links-plan-saved - Store-bound: a revision was saved.
 * @fires {CustomEvent<PlanConflictDetail>} links-plan-conflict - Store-bound: someone else saved first; the edits are kept, not saved.
 * @fires {CustomEvent<PlanDiscardRequestDetail>} links-request-discard - The user asked to discard unsaved edits and load the stored plan. Cancelable: cancel to keep the edits.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper.
 * @csspart header - Title, practice, status and save state.
 * @csspart heading - The plan title.
 * @csspart save-state - The autosave state line.
 * @csspart nav - The list of sections (capacities, themes, plan details).
 * @csspart panel - The open section.
 * @csspart card - One aim, measure or change idea.
 * @csspart conflict - The banner shown when someone else saved first.
 * @csspart error-summary - The summary of the last refused edit.
 * @csspart error-message - An inline error message.
 * @csspart status - The polite confirmation region.
 *
 * @cssproperty --links-plan-editor-nav-width - Width of the section list (default 15rem).
 * @cssproperty --links-plan-editor-accent - Colour of the current section marker and card borders (default the primary colour).
 */
@localized()
export class LinksPlanEditor extends FormAssociated(PlanEditingElement) {
  static override styles = [PlanEditingElement.styles, scrollRegionStyles, formStyles, styles];

  /** The framework that names capacities and themes. Defaults to the Links framework. */
  @property({ attribute: false })
  framework: Framework = LINKS_FRAMEWORK;

  /** A plan store to load from and autosave to (with `plan-id`). Inside a `<links-provider>` it defaults to the provider's. */
  @property({ attribute: false })
  store: PlanStore | undefined;

  /** Id of the plan to edit in `store`. */
  @property({ attribute: 'plan-id', reflect: true })
  planId = '';

  /** Who saves (a staff role or name; never a patient): stored as each revision's `savedBy`. */
  @property()
  author = 'Practice team';

  /** The open section: a capacity id, `themes` or `details`. Empty opens the first capacity. */
  @property({ reflect: true })
  view = '';

  /** Level (2–5) of the plan title; sections sit below it. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  private defaultPlan: Plan | undefined;
  /** Inside a `<links-provider>`, `store` is the provider's unless the host sets one. */
  private readonly providedStore: ProvidedStore<Plan, 'store'> = new ProvidedStore(this, 'store', deferredPlanCodec());
  /** Loads, follows, autosaves and resolves conflicts (store-bound). */
  private readonly storeLink = new PlanStoreController(this, {
    loaded: (plan) => (this.defaultPlan = plan),
    status: (message) => (this.statusMessage = message),
    saved: (plan) => this.emit<PlanSavedDetail>('links-plan-saved', { plan }),
    conflicted: (conflict, plan) => {
      this.emit<PlanConflictDetail>('links-plan-conflict', { conflict, plan });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.conflict')?.focus());
    },
  });

  /** Where autosave is (store-bound only). */
  get saveState(): SaveState {
    return this.storeLink.state;
  }

  /** Resolves when any save in progress has finished (store-bound). */
  async saveComplete(): Promise<void> {
    await this.storeLink.saveComplete();
  }

  /** Form reset: back to the plan first given (controlled) or the stored one (store-bound). */
  override formResetCallback(): void {
    this.errors = [];
    if (this.store && this.planId) void this.storeLink.load();
    else this.plan = this.defaultPlan;
  }

  /** Disabled by an ancestor `<fieldset disabled>` or form: `disabled` follows it, as it always has here. */
  override formDisabledCallback(disabled: boolean): void {
    super.formDisabledCallback(disabled);
    this.disabled = disabled;
  }

  /** Restores the plan after back/forward navigation or autofill. */
  override formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    void loadPlanChecks().then(
      ({ parsePlanDocument }) => {
        try {
          const parsed = parsePlanDocument(JSON.parse(state), { framework: this.framework });
          if (parsed.ok) this.plan = parsed.value;
        } catch {
          // Not a plan: keep the current one.
        }
      },
      () => undefined,
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('plan') && this.defaultPlan === undefined) this.defaultPlan = this.plan;
    if (changed.has('view')) this.errors = [];
    if (changed.has('store') || changed.has('planId')) this.storeLink.rebind();
  }

  /** Also waits for the open section, which renders into this shadow root. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const sections = this.renderRoot.querySelectorAll<PlanSectionElement>(SECTION_SELECTOR);
    await Promise.all([...sections].map((section) => section.updateComplete));
    return done;
  }

  /** The plan as JSON under `name`. */
  protected override formValue(): string | null {
    return this.plan ? JSON.stringify(this.plan) : null;
  }

  /** Invalid while an edit is refused: the first problem, pointing at the error summary. */
  protected override formValidity(): FormValidity | undefined {
    if (this.errors.length === 0) return undefined;
    return {
      flags: { customError: true },
      message:
        this.errors.length === 1
          ? msg(str`The plan has a problem: ${this.errors[0]!.message}`)
          : msg(str`The plan has ${formatNumber(this.errors.length)} problems: ${this.errors[0]!.message}`),
      anchor: this.renderRoot.querySelector<HTMLElement>('.error-summary') ?? undefined,
    };
  }

  protected override formValueChanged(changed: PropertyValues): boolean {
    return changed.has('plan') || changed.has('errors') || changed.has('name');
  }

  protected override commitPlan(plan: Plan, previous: Plan): boolean {
    const accepted = super.commitPlan(plan, previous);
    if (accepted) this.storeLink.edited();
    return accepted;
  }

  /** Conflict resolution: discard these edits and load the stored plan (the host may veto). */
  private discardMine = (): void => {
    if (!this.plan) return;
    if (!this.emit<PlanDiscardRequestDetail>('links-request-discard', { plan: this.plan }, { cancelable: true }))
      return;
    void this.storeLink.load();
  };

  // -------------------------------------------------------------------------
  // Rendering

  private get sections(): { id: string; label: string }[] {
    const inPlan = Object.keys(this.plan?.capacities ?? {});
    const capacities = this.framework.capacities.map((c) => ({ id: c.id, label: c.name }));
    for (const id of inPlan) if (!capacities.some((c) => c.id === id)) capacities.push({ id, label: id });
    return [
      ...capacities,
      { id: 'themes', label: msg('Themes and focus areas') },
      { id: 'details', label: msg('Plan details and status') },
    ];
  }

  private get openView(): string {
    const sections = this.sections;
    return sections.some((s) => s.id === this.view) ? this.view : (sections[0]?.id ?? 'details');
  }

  protected override render(): TemplateResult {
    const plan = this.plan;
    const link = this.storeLink;
    if (!plan) {
      const message =
        link.state === 'loading'
          ? msg('Loading the plan…')
          : link.state === 'missing'
            ? msg(str`There is no plan with the id "${this.planId}" in the store.`)
            : link.state === 'error'
              ? link.message
              : msg('No plan to edit.');
      return html`<div part="base"><p class="empty" role="status">${message}</p></div>`;
    }
    const level = this.headingLevel;
    const view = this.openView;
    return html`
      <article part="base" aria-labelledby="title">
        <header part="header">
          ${heading(level, html`${plan.title}`, { id: 'title', class: 'title', part: 'heading' })}
          <p class="meta">
            ${plan.practice.name} · <span class="tag">${statusLabels()[plan.status]}</span> ·
            ${msg(str`revision ${formatNumber(plan.revision)}`)} · ${msg(str`framework ${plan.framework.version}`)}
          </p>
          ${this.renderSaveState()}
        </header>
        ${conflictBanner(link, {
          headingLevel: level + 1,
          onKeepMine: () => link.keepMine(),
          onDiscard: this.discardMine,
          labelFor: this.labelFor,
        })}
        ${this.renderErrorSummary(level + 1)} ${this.renderStatus()}
        <div class="layout">
          <nav part="nav" aria-label=${msg('Plan sections')}>
            <ul>
              ${this.sections.map(
                (s) => html`<li>
                  <button
                    type="button"
                    aria-current=${s.id === view ? 'true' : nothing}
                    @click=${() => this.open(s.id)}
                  >
                    ${s.label}
                  </button>
                </li>`,
              )}
            </ul>
          </nav>
          <fieldset
            class="panel"
            part="panel"
            ?disabled=${this.disabled}
            aria-labelledby="panel-title"
            @links-plan-change=${this.onChildChange}
            @plan-section-report=${this.onSectionReport}
          >
            ${
              view === 'themes'
                ? this.renderThemes()
                : view === 'details'
                  ? html`<links-plan-details
                  .plan=${plan}
                  .errors=${this.errors}
                  .headingLevel=${level + 1}
                  .disabled=${this.disabled}
                ></links-plan-details>`
                  : this.renderCapacity(view)
            }
          </fieldset>
        </div>
      </article>
    `;
  }

  private renderSaveState(): TemplateResult | typeof nothing {
    const plan = this.plan!;
    const link = this.storeLink;
    const text: Record<SaveState, string> = {
      unbound: '',
      loading: msg('Loading…'),
      missing: '',
      saved: msg(
        str`All changes saved: revision ${formatNumber(plan.revision)}, ${formatTime(plan.savedAt)} by ${plan.savedBy}.`,
      ),
      saving: msg('Saving…'),
      unsaved: msg('Changes not saved yet.'),
      conflict: msg('Not saved: someone else saved a newer version.'),
      error: link.message || msg('Not saved.'),
    };
    if (link.state === 'unbound') return nothing;
    return html`<p class="save-state ${link.state}" part="save-state" aria-live="polite">
        ${text[link.state]}
      </p>
      ${
        link.state === 'error' && link.retryable
          ? html`<button type="button" class="secondary retry" @click=${() => link.retry()}>
            ${msg('Try saving again')}
          </button>`
          : nothing
      }`;
  }

  private open(view: string): void {
    this.view = view;
    this.statusMessage = '';
  }

  private renderCapacity(capacityId: string): TemplateResult {
    const plan = this.plan!;
    const info = this.framework.capacities.find((c) => c.id === capacityId);
    const level = this.headingLevel + 1;
    const title = heading(level, html`${info?.name ?? capacityId}`, { id: 'panel-title', class: 'panel-title' });
    if (!plan.capacities[capacityId]) {
      return html`<div>
        ${title}
        <p class="panel-description">${info?.description ?? ''}</p>
        <p>${msg('This capacity is not in the plan yet.')}</p>
        <button type="button" @click=${() => this.startCapacity()}>${msg('Start planning this capacity')}</button>
      </div>`;
    }
    const errors = this.errors;
    const disabled = this.disabled;
    const at = level + 1;
    return html`<div>
      ${title}
      <p class="panel-description">${info?.description ?? ''}</p>
      <links-plan-lead .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-lead>
      <links-plan-aims .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-aims>
      <links-plan-measures .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-measures>
      <links-plan-change-ideas .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-change-ideas>
      <links-plan-evidence .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-evidence>
      <links-plan-self-assessment .plan=${plan} .capacityId=${capacityId} .errors=${errors} .headingLevel=${at} .disabled=${disabled}></links-plan-self-assessment>
    </div>`;
  }

  private startCapacity(): void {
    void withPlanOperations(({ alignPlanToFramework }) => {
      if (!this.plan) return;
      const aligned = alignPlanToFramework(this.plan, this.framework);
      if (aligned !== this.plan) this.commitPlan(aligned, this.plan);
    }).catch(() => undefined);
  }

  private renderThemes(): TemplateResult {
    return html`<div>
      ${heading(this.headingLevel + 1, html`${msg('Themes and focus areas')}`, { id: 'panel-title', class: 'panel-title' })}
      <links-theme-focus
        .plan=${this.plan}
        .framework=${this.framework}
        heading-level=${Math.min(this.headingLevel + 2, 5)}
        ?readonly=${this.disabled}
      ></links-theme-focus>
    </div>`;
  }

  // -------------------------------------------------------------------------
  // Edits from the sections, the PDSA log and the theme focus

  /** An edit in a section or embedded editor becomes this editor's change (the host may veto it). */
  private onChildChange = (event: CustomEvent<PlanChangeDetail>): void => {
    event.stopPropagation();
    const previous = this.plan;
    if (!previous) return;
    this.errors = [];
    if (!this.commitPlan(event.detail.plan, previous)) event.preventDefault();
  };

  /** A section's edit was refused (its problems go in the summary, which takes focus) or done. */
  private onSectionReport = async (event: CustomEvent<PlanSectionReport>): Promise<void> => {
    event.stopPropagation();
    const { errors, status } = event.detail;
    if (errors.length === 0) {
      this.showOutcome(status);
      return;
    }
    await this.showRefusal(errors);
  };
}
