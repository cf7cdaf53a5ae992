import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  LINKS_FRAMEWORK,
  formatPath,
  type Framework,
  type Result,
} from '@links-approach/core';
import {
  PLAN_STATUS_TRANSITIONS,
  addAim,
  addChangeIdea,
  addEvidence,
  addMeasure,
  alignPlanToFramework,
  changeStatus,
  parsePlanDocument,
  recordDataPoint,
  recordSpread,
  removeAim,
  removeChangeIdea,
  removeDataPoint,
  removeEvidence,
  removeMeasure,
  setOwner,
  setSelfAssessedLevel,
  setTeam,
  setTitle,
  updateAim,
  updateChangeIdea,
  updateMeasure,
  type Aim,
  type CapacityPlan,
  type ChangeIdea,
  type Direction,
  type Measure,
  type MeasureKind,
  type Plan,
  type PlanIssue,
  type PlanStatus,
} from '@links-approach/core/plan';
import { planCodec, type ConflictError, type PlanStore, type SaveError } from '@links-approach/core/store';
import { ProvidedStore } from '../internal/provided.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatDateTime, formatFixed, formatNumber } from '../internal/format.js';
import {
  errorFor,
  errorId,
  fieldId,
  formStyles,
  inlineError,
  numberValue,
  textValue,
} from '../internal/form-errors.js';
import { PlanEditingElement, type PlanChangeDetail } from '../internal/plan-editing.js';
import '../pdsa-log/pdsa-log.js';
import '../theme-focus/theme-focus.js';
import { styles } from './plan-editor.styles.js';

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

/** Where a store-bound editor's autosave is. */
export type SaveState = 'unbound' | 'loading' | 'missing' | 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

const statusLabels = (): Record<PlanStatus, string> => ({
  draft: msg('Draft', { id: 'plan.status.draft' }),
  submitted: msg('Submitted', { id: 'plan.status.submitted' }),
  agreed: msg('Agreed', { id: 'plan.status.agreed' }),
  'under-review': msg('Under review', { id: 'plan.status.under-review' }),
});
const statusInSentence = (): Record<PlanStatus, string> => ({
  draft: msg('draft', { id: 'plan.status-lower.draft' }),
  submitted: msg('submitted', { id: 'plan.status-lower.submitted' }),
  agreed: msg('agreed', { id: 'plan.status-lower.agreed' }),
  'under-review': msg('under review', { id: 'plan.status-lower.under-review' }),
});
const statusActions = (): Record<PlanStatus, string> => ({
  draft: msg('Return to draft', { id: 'plan.action.draft' }),
  submitted: msg('Submit the plan', { id: 'plan.action.submitted' }),
  agreed: msg('Mark as agreed', { id: 'plan.action.agreed' }),
  'under-review': msg('Start a review', { id: 'plan.action.under-review' }),
});
const kindLabels = (): Record<MeasureKind, string> => ({
  outcome: msg('Outcome', { id: 'plan.measure-kind.outcome' }),
  process: msg('Process', { id: 'plan.measure-kind.process' }),
  balancing: msg('Balancing', { id: 'plan.measure-kind.balancing' }),
});
const directionLabels = (): Record<Direction, string> => ({
  increase: msg('Higher is better', { id: 'plan.direction.increase' }),
  decrease: msg('Lower is better', { id: 'plan.direction.decrease' }),
});
const LEVELS = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

interface FieldOptions {
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
 * editor says so and keeps every edit until the user chooses. It takes part
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
export class LinksPlanEditor extends PlanEditingElement {
  static override styles = [PlanEditingElement.styles, formStyles, styles];

  /** Lets the element take part in a host `<form>`. */
  static formAssociated = true;

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

  /** Name under which a host `<form>` submits the plan (as JSON). */
  @property({ reflect: true })
  name = '';

  /** Disables every control (also set by a disabled ancestor `<fieldset>`). */
  @property({ type: Boolean, reflect: true })
  disabled = false;

  /** Level (2–5) of the plan title; sections sit below it. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Where autosave is (store-bound only). */
  @state()
  saveState: SaveState = 'unbound';

  @state()
  private conflict: ConflictError | undefined;
  /** Whether the last failed save may succeed if tried again (not when the role may not save). */
  @state()
  private retryable = false;

  @state()
  private storageMessage = '';

  private readonly internals: ElementInternals;
  private defaultPlan: Plan | undefined;
  private baseRevision = 0;
  private dirty = false;
  private saving: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private loadToken = 0;
  private needsLoad = false;
  /** Inside a `<links-provider>`, `store` is the provider's unless the host sets one. */
  private readonly providedStore: ProvidedStore<Plan, 'store'> = new ProvidedStore(this, 'store', planCodec());

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Whether the element would let its form submit (no refused edit pending). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity`, showing the problem. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Resolves when any save in progress has finished (store-bound). */
  async saveComplete(): Promise<void> {
    while (this.saving) await this.saving;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store && this.planId && !this.unsubscribe && this.hasUpdated) void this.load();
  }

  /** Form reset: back to the plan first given (controlled) or the stored one (store-bound). */
  formResetCallback(): void {
    this.errors = [];
    if (this.store && this.planId) void this.load();
    else this.plan = this.defaultPlan;
  }

  /** Disabled by an ancestor `<fieldset disabled>` or form. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** Restores the plan after back/forward navigation or autofill. */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const parsed = parsePlanDocument(JSON.parse(state), { framework: this.framework });
      if (parsed.ok) this.plan = parsed.value;
    } catch {
      // Not a plan: keep the current one.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel') && ![2, 3, 4, 5].includes(this.headingLevel)) this.headingLevel = 2;
    if (changed.has('plan') && this.defaultPlan === undefined) this.defaultPlan = this.plan;
    if (changed.has('view')) this.errors = [];
    if (changed.has('store') || changed.has('planId')) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.needsLoad = Boolean(this.store && this.planId);
      this.saveState = this.needsLoad ? 'loading' : 'unbound';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.needsLoad) {
      this.needsLoad = false;
      void this.load();
    }
    if (changed.has('plan') || changed.has('errors' as keyof LinksPlanEditor) || changed.has('name')) this.syncForm();
  }

  private syncForm(): void {
    this.internals.setFormValue(this.plan ? JSON.stringify(this.plan) : null);
    if (this.errors.length > 0) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('.error-summary') ?? undefined;
      this.internals.setValidity(
        { customError: true },
        this.errors.length === 1
          ? msg(str`The plan has a problem: ${this.errors[0]!.message}`)
          : msg(str`The plan has ${formatNumber(this.errors.length)} problems: ${this.errors[0]!.message}`),
        anchor,
      );
    } else {
      this.internals.setValidity({});
    }
  }

  // -------------------------------------------------------------------------
  // Store binding

  private async load(): Promise<void> {
    const store = this.store;
    const id = this.planId;
    if (!store || !id) return;
    const token = ++this.loadToken;
    this.saveState = 'loading';
    this.unsubscribe?.();
    this.unsubscribe = store.subscribe((event) => {
      if (event.id === this.planId && event.revision > this.baseRevision)
        void this.onRemoteSave(event.revision, event.document);
    });
    let plan: Plan | undefined;
    try {
      plan = await store.get(id);
    } catch (error) {
      if (token !== this.loadToken) return;
      this.saveState = 'error';
      this.storageMessage = msg(
        str`The plan could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (token !== this.loadToken) return;
    this.conflict = undefined;
    this.dirty = false;
    if (!plan) {
      this.plan = undefined;
      this.saveState = 'missing';
      return;
    }
    this.baseRevision = plan.revision;
    this.plan = plan;
    this.defaultPlan = plan;
    this.saveState = 'saved';
  }

  /** Someone (another tab, another editor) saved a newer revision. */
  private async onRemoteSave(revision: number, document: Plan | undefined): Promise<void> {
    if (this.saving || revision <= this.baseRevision) return;
    if (!this.dirty && !this.conflict) {
      const latest = document ?? (await this.store?.get(this.planId));
      if (!latest || latest.revision <= this.baseRevision || this.dirty) return;
      this.baseRevision = latest.revision;
      this.plan = latest;
      this.statusMessage = msg(str`Updated to revision ${formatNumber(latest.revision)}, saved by ${latest.savedBy}.`);
      return;
    }
    // Unsaved edits here: the next save would conflict; say so now.
    const current = document ?? (await this.store?.get(this.planId));
    this.showConflict({
      code: 'conflict',
      path: 'revision',
      message: `revision ${revision} was saved elsewhere`,
      id: this.planId,
      expectedRevision: this.baseRevision,
      currentRevision: revision,
      ...(current ? { currentSavedBy: current.savedBy, currentSavedAt: current.savedAt } : {}),
    });
  }

  protected override commitPlan(plan: Plan, previous: Plan): boolean {
    const accepted = super.commitPlan(plan, previous);
    if (accepted && this.store && this.planId && this.saveState !== 'missing') {
      this.dirty = true;
      if (!this.conflict) this.saveState = 'unsaved';
      this.queueSave();
    }
    return accepted;
  }

  private queueSave(): void {
    if (this.saving || this.conflict) return;
    this.saving = this.saveLoop().finally(() => {
      this.saving = undefined;
    });
  }

  private async saveLoop(): Promise<void> {
    while (this.dirty && !this.conflict && this.store && this.plan) {
      this.dirty = false;
      this.saveState = 'saving';
      const store = this.store;
      const toSave = this.plan;
      let result: Result<Plan, SaveError>;
      try {
        result = await store.save(toSave, { expectedRevision: this.baseRevision, author: this.author });
      } catch (error) {
        result = {
          ok: false,
          errors: [{ code: 'storage', path: '', message: error instanceof Error ? error.message : String(error) }],
        };
      }
      if (store !== this.store) return;
      if (result.ok) {
        this.baseRevision = result.value.revision;
        if (!this.dirty && this.plan === toSave) this.plan = result.value;
        this.saveState = this.dirty ? 'unsaved' : 'saved';
        this.emit<PlanSavedDetail>('links-plan-saved', { plan: result.value });
        continue;
      }
      this.dirty = true;
      const conflict = result.errors.find((e): e is ConflictError => e.code === 'conflict');
      if (conflict) {
        this.showConflict(conflict);
      } else {
        this.saveState = 'error';
        const first = result.errors[0]!;
        this.storageMessage =
          first.code === 'forbidden'
            ? msg(str`Not saved: your role may not change this plan (${first.message}). Your changes are kept here.`)
            : first.code === 'unreachable'
            ? msg(
                str`Not saved: ${first.message} Your changes are kept here; they are saved when you try again or make your next change.`,
              )
            : msg(
                str`Your changes are kept here but were not saved: ${result.errors
                  .map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
                  .join('; ')}`,
              );
        this.retryable = first.code !== 'forbidden';
      }
      return;
    }
  }

  /** After a failed save (the service could not be reached): save the kept edits again. */
  private retrySave(): void {
    if (this.saveState !== 'error' || !this.dirty) return;
    this.saveState = 'unsaved';
    this.queueSave();
  }

  private showConflict(conflict: ConflictError): void {
    this.conflict = conflict;
    this.saveState = 'conflict';
    if (this.plan) this.emit<PlanConflictDetail>('links-plan-conflict', { conflict, plan: this.plan });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.conflict')?.focus());
  }

  /** Conflict resolution: save these edits as the newest revision (the other one stays in the history). */
  private keepMine(): void {
    if (!this.conflict) return;
    this.baseRevision = this.conflict.currentRevision;
    this.conflict = undefined;
    this.dirty = true;
    this.saveState = 'unsaved';
    this.queueSave();
  }

  /** Conflict resolution: discard these edits and load the stored plan (the host may veto). */
  private discardMine(): void {
    if (!this.plan) return;
    if (!this.emit<PlanDiscardRequestDetail>('links-request-discard', { plan: this.plan }, { cancelable: true }))
      return;
    void this.load();
  }

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
    return sections.some((s) => s.id === this.view) ? this.view : sections[0]?.id ?? 'details';
  }

  protected override render(): TemplateResult {
    const plan = this.plan;
    if (!plan) {
      const message =
        this.saveState === 'loading'
          ? msg('Loading the plan…')
          : this.saveState === 'missing'
          ? msg(str`There is no plan with the id "${this.planId}" in the store.`)
          : this.saveState === 'error'
          ? this.storageMessage
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
        ${this.renderConflict()} ${this.renderErrorSummary(level + 1)} ${this.renderStatus()}
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
          <fieldset class="panel" part="panel" ?disabled=${this.disabled} aria-labelledby="panel-title">
            ${view === 'themes'
              ? this.renderThemes()
              : view === 'details'
              ? this.renderDetails()
              : this.renderCapacity(view)}
          </fieldset>
        </div>
      </article>
    `;
  }

  private renderSaveState(): TemplateResult | typeof nothing {
    const plan = this.plan!;
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
      error: this.storageMessage || msg('Not saved.'),
    };
    if (this.saveState === 'unbound') return nothing;
    return html`<p class="save-state ${this.saveState}" part="save-state" aria-live="polite">
        ${text[this.saveState]}
      </p>
      ${this.saveState === 'error' && this.retryable
        ? html`<button type="button" class="secondary retry" @click=${this.retrySave}>${msg('Try saving again')}</button>`
        : nothing}`;
  }

  private renderConflict(): TemplateResult | typeof nothing {
    const c = this.conflict;
    if (!c) return nothing;
    const revision = formatNumber(c.currentRevision);
    const editing = formatNumber(c.expectedRevision);
    const saved = c.currentSavedBy
      ? c.currentSavedAt
        ? msg(
            str`Revision ${revision} was saved by ${c.currentSavedBy} at ${formatTime(c.currentSavedAt)} while you were editing revision ${editing}.`,
          )
        : msg(str`Revision ${revision} was saved by ${c.currentSavedBy} while you were editing revision ${editing}.`)
      : msg(str`Revision ${revision} was saved while you were editing revision ${editing}.`);
    return html`<div
      class="banner conflict"
      part="conflict"
      role="alert"
      tabindex="-1"
      aria-labelledby="conflict-title"
    >
      ${heading(this.headingLevel + 1, html`${msg('Someone else saved this plan')}`, { id: 'conflict-title' })}
      <p>${saved} ${msg('Your changes are kept here and have not been saved.')}</p>
      <div class="button-row">
        <button type="button" @click=${this.keepMine}>${msg('Save my changes as the newest version')}</button>
        <button type="button" class="secondary" @click=${this.discardMine}>
          ${msg('Discard my changes and load theirs')}
        </button>
      </div>
    </div>`;
  }

  private open(view: string): void {
    this.view = view;
    this.statusMessage = '';
  }

  private field(o: FieldOptions): TemplateResult {
    const error = errorFor(this.errors, o.path);
    const id = fieldId(o.path);
    const hintId = `${id}-hint`;
    const describedby = [o.hint ? hintId : '', error ? errorId(o.path) : ''].filter(Boolean).join(' ') || nothing;
    const invalid = error ? 'true' : nothing;
    const value = o.value === undefined ? '' : String(o.value);
    let control: TemplateResult;
    switch (o.kind ?? 'text') {
      case 'textarea':
        control = html`<textarea
          id=${id}
          name=${o.name}
          rows=${o.rows ?? 3}
          data-path=${o.path}
          aria-describedby=${describedby}
          aria-invalid=${invalid}
          .value=${value}
        ></textarea>`;
        break;
      case 'select':
        control = html`<select
          id=${id}
          name=${o.name}
          data-path=${o.path}
          aria-describedby=${describedby}
          aria-invalid=${invalid}
        >
          ${(o.options ?? []).map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
        </select>`;
        break;
      default:
        control = html`<input
          id=${id}
          name=${o.name}
          type=${o.kind === 'date' ? 'date' : 'text'}
          inputmode=${o.kind === 'number' ? 'decimal' : nothing}
          class=${o.width ?? (o.kind === 'date' ? 'width-10' : 'width-full')}
          data-path=${o.path}
          aria-describedby=${describedby}
          aria-invalid=${invalid}
          .value=${value}
        />`;
    }
    return html`<div class="form-group ${error ? 'has-error' : ''}">
      <label for=${id}
        >${o.label}${o.context ? html`<span class="visually-hidden"> ${o.context}</span>` : nothing}</label
      >
      ${o.hint ? html`<span class="hint" id=${hintId}>${o.hint}</span>` : nothing} ${inlineError(this.errors, o.path)}
      ${control}
    </div>`;
  }

  private capacityPath(capacityId: string, ...segments: (string | number)[]): string {
    return formatPath(['capacities', capacityId, ...segments]);
  }

  private renderCapacity(capacityId: string): TemplateResult {
    const plan = this.plan!;
    const info = this.framework.capacities.find((c) => c.id === capacityId);
    const capacity = plan.capacities[capacityId];
    const level = this.headingLevel + 1;
    const title = heading(level, html`${info?.name ?? capacityId}`, { id: 'panel-title', class: 'panel-title' });
    if (!capacity) {
      return html`<div>
        ${title}
        <p class="panel-description">${info?.description ?? ''}</p>
        <p>${msg('This capacity is not in the plan yet.')}</p>
        <button type="button" @click=${() => this.startCapacity()}>${msg('Start planning this capacity')}</button>
      </div>`;
    }
    return html`<div>
      ${title}
      <p class="panel-description">${info?.description ?? ''}</p>
      ${this.renderLead(capacityId, capacity, level + 1)} ${this.renderAims(capacityId, capacity, level + 1)}
      ${this.renderMeasures(capacityId, capacity, level + 1)} ${this.renderChangeIdeas(capacityId, capacity, level + 1)}
      ${this.renderEvidence(capacityId, capacity, level + 1)}
      ${this.renderSelfAssessment(capacityId, capacity, level + 1)}
    </div>`;
  }

  private startCapacity(): void {
    if (!this.plan) return;
    const aligned = alignPlanToFramework(this.plan, this.framework);
    if (aligned !== this.plan) this.commitPlan(aligned, this.plan);
  }

  private renderLead(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    return html`<section class="block" aria-labelledby="lead-title">
      ${heading(level, html`${msg('Lead and team')}`, { id: 'lead-title', class: 'block-title' })}
      <form novalidate @submit=${(e: SubmitEvent) => this.onLead(e, capacityId)}>
        <div class="row">
          ${this.field({
            path: this.capacityPath(capacityId, 'owner', 'role'),
            label: msg('Lead role'),
            name: 'role',
            value: capacity.owner?.role,
            width: 'width-20',
            hint: msg('For example, Practice manager'),
          })}
          ${this.field({
            path: this.capacityPath(capacityId, 'owner', 'name'),
            label: msg('Lead name (optional)'),
            name: 'name',
            value: capacity.owner?.name,
            width: 'width-20',
            hint: msg('A member of staff'),
          })}
        </div>
        ${this.field({
          path: this.capacityPath(capacityId, 'team'),
          label: msg('Team'),
          name: 'team',
          kind: 'textarea',
          rows: 3,
          value: capacity.team.join('\n'),
          hint: msg('Roles or staff names, one a line'),
        })}
        <div class="button-row"><button type="submit">${msg('Save lead and team')}</button></div>
      </form>
    </section>`;
  }

  private renderAims(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    const measureOptions: [string, string][] = [
      ['', msg('No measure linked')],
      ...capacity.measures.map((m): [string, string] => [m.id, m.name]),
    ];
    const aimFields = (index: number, aim: Aim | undefined, context: string) => html`
      ${this.field({
        path: this.capacityPath(capacityId, 'aims', index, 'statement'),
        label: msg('Aim'),
        context,
        name: 'statement',
        kind: 'textarea',
        rows: 2,
        value: aim?.statement,
        hint: msg('What are we trying to accomplish?'),
      })}
      <div class="row">
        ${this.field({
          path: this.capacityPath(capacityId, 'aims', index, 'target'),
          label: msg('Target (optional)'),
          context,
          name: 'target',
          kind: 'number',
          value: aim?.target,
          width: 'width-10',
        })}
        ${this.field({
          path: this.capacityPath(capacityId, 'aims', index, 'unit'),
          label: msg('Unit (optional)'),
          context,
          name: 'unit',
          value: aim?.unit,
          width: 'width-10',
          hint: msg('For example, %'),
        })}
        ${this.field({
          path: this.capacityPath(capacityId, 'aims', index, 'targetDate'),
          label: msg('Target date (optional)'),
          context,
          name: 'targetDate',
          kind: 'date',
          value: aim?.targetDate,
        })}
      </div>
      ${this.field({
        path: this.capacityPath(capacityId, 'aims', index, 'measureId'),
        label: msg('Measure that shows it'),
        context,
        name: 'measureId',
        kind: 'select',
        options: measureOptions,
        value: aim?.measureId ?? '',
      })}
    `;
    return html`<section class="block" aria-labelledby="aims-title">
      ${heading(level, html`${msg('Aims')}`, { id: 'aims-title', class: 'block-title' })}
      ${capacity.aims.length === 0 ? html`<p class="empty">${msg('No aims yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.aims.map(
          (aim, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${msg(str`Aim ${formatNumber(index + 1)}`)}`, { class: 'card-title' })}
            <form novalidate @submit=${(e: SubmitEvent) => this.onSaveAim(e, capacityId, aim.id)}>
              ${aimFields(index, aim, msg(str`for aim ${formatNumber(index + 1)}`))}
              <div class="button-row">
                <button type="submit">${msg(str`Save aim ${formatNumber(index + 1)}`)}</button>
                <button
                  type="button"
                  class="warning"
                  @click=${(e: Event) => this.run(e, removeAim(this.plan!, capacityId, aim.id), msg('Aim removed.'))}
                >
                  ${msg(str`Remove aim ${formatNumber(index + 1)}`)}
                </button>
              </div>
            </form>
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add an aim'),
        capacity.aims.length,
        this.capacityPath(capacityId, 'aims', capacity.aims.length),
        (e) => this.onAddAim(e, capacityId),
        aimFields(capacity.aims.length, undefined, msg('for the new aim')),
        msg('Add aim'),
      )}
    </section>`;
  }

  private addForm(
    summary: string,
    _next: number,
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

  private renderMeasures(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    const measureFields = (index: number, m: Measure | undefined, context: string) => html`
      ${this.field({
        path: this.capacityPath(capacityId, 'measures', index, 'name'),
        label: msg('Measure'),
        context,
        name: 'name',
        value: m?.name,
        hint: msg('For example, referrals to the CLP per month'),
      })}
      <div class="row">
        ${this.field({
          path: this.capacityPath(capacityId, 'measures', index, 'kind'),
          label: msg('Type'),
          context,
          name: 'kind',
          kind: 'select',
          value: m?.kind ?? 'outcome',
          options: Object.entries(kindLabels()),
        })}
        ${this.field({
          path: this.capacityPath(capacityId, 'measures', index, 'unit'),
          label: msg('Unit'),
          context,
          name: 'unit',
          value: m?.unit,
          width: 'width-10',
        })}
        ${this.field({
          path: this.capacityPath(capacityId, 'measures', index, 'direction'),
          label: msg('Better when'),
          context,
          name: 'direction',
          kind: 'select',
          value: m?.direction ?? 'increase',
          options: Object.entries(directionLabels()),
        })}
      </div>
      <div class="row">
        ${this.field({
          path: this.capacityPath(capacityId, 'measures', index, 'baseline', 'value'),
          label: msg('Baseline (optional)'),
          context,
          name: 'baseline',
          kind: 'number',
          value: m?.baseline?.value,
          width: 'width-10',
        })}
        ${this.field({
          path: this.capacityPath(capacityId, 'measures', index, 'baseline', 'date'),
          label: msg('Baseline date (optional)'),
          context,
          name: 'baselineDate',
          kind: 'date',
          value: m?.baseline?.date,
        })}
      </div>
    `;
    return html`<section class="block" aria-labelledby="measures-title">
      ${heading(level, html`${msg('Measures')}`, { id: 'measures-title', class: 'block-title' })}
      ${capacity.measures.length === 0 ? html`<p class="empty">${msg('No measures yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.measures.map(
          (m, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${m.name}`, { class: 'card-title' })}
            <details>
              <summary>
                ${msg(html`Change<span class="visually-hidden"> measure ${formatNumber(index + 1)}</span>`)}
              </summary>
              <form novalidate @submit=${(e: SubmitEvent) => this.onSaveMeasure(e, capacityId, m.id)}>
                ${measureFields(index, m, msg(str`of measure ${formatNumber(index + 1)}`))}
                <div class="button-row">
                  <button type="submit">${msg(str`Save measure ${formatNumber(index + 1)}`)}</button>
                  <button
                    type="button"
                    class="warning"
                    @click=${(e: Event) => this.run(e, removeMeasure(this.plan!, capacityId, m.id), msg('Measure removed.'))}
                  >
                    ${msg(str`Remove measure ${formatNumber(index + 1)}`)}
                  </button>
                </div>
              </form>
            </details>
            ${this.renderPoints(capacityId, m, index)}
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add a measure'),
        capacity.measures.length,
        this.capacityPath(capacityId, 'measures', capacity.measures.length),
        (e) => this.onAddMeasure(e, capacityId),
        measureFields(capacity.measures.length, undefined, msg('of the new measure')),
        msg('Add measure'),
      )}
    </section>`;
  }

  private renderPoints(capacityId: string, m: Measure, index: number): TemplateResult {
    const next = (name: string) => this.capacityPath(capacityId, 'measures', index, 'points', m.points.length, name);
    const context = msg(str`for ${m.name}`);
    return html`
      ${m.points.length === 0
        ? html`<p class="empty">
            ${msg('No data points yet.')}
            ${m.baseline ? msg(str`Baseline ${formatNumber(m.baseline.value)} ${m.unit}.`) : ''}
          </p>`
        : html`<details ?open=${m.points.length <= 6}>
            <summary>
              ${msg(html`Data points (${formatNumber(m.points.length)})<span class="visually-hidden"> of ${m.name}</span>`)}
            </summary>
            <div class="scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby=${`points-${capacityId}-${m.id}`}>
            <table>
              <caption id=${`points-${capacityId}-${m.id}`}>
                ${m.baseline
                  ? msg(str`Data points: ${m.name} (${m.unit}), baseline ${formatNumber(m.baseline.value)}`)
                  : msg(str`Data points: ${m.name} (${m.unit})`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Date')}</th>
                  <th scope="col" class="number">${msg('Value')}</th>
                  <th scope="col">${msg('Note')}</th>
                  <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${m.points.map(
                  (p) => html`<tr>
                    <td>${p.date}</td>
                    <td class="number">${formatNumber(p.value)}</td>
                    <td>${p.note ?? ''}</td>
                    <td>
                      <button
                        type="button"
                        class="link"
                        @click=${(e: Event) =>
                          this.run(e, removeDataPoint(this.plan!, capacityId, m.id, p.date), msg('Data point removed.'))}
                      >
                        ${msg(html`Remove<span class="visually-hidden"> the point of ${p.date}</span>`)}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
            </div>
          </details>`}
      ${this.addForm(
        msg('Record a data point'),
        m.points.length,
        this.capacityPath(capacityId, 'measures', index, 'points'),
        (e) => this.onAddPoint(e, capacityId, m.id),
        html`<div class="row">
            ${this.field({ path: next('date'), label: msg('Date'), context, name: 'date', kind: 'date' })}
            ${this.field({
              path: next('value'),
              label: msg('Value'),
              context,
              name: 'value',
              kind: 'number',
              width: 'width-10',
            })}
          </div>
          ${this.field({ path: next('note'), label: msg('Note (optional)'), context, name: 'note' })}`,
        msg('Record data point'),
      )}
    `;
  }

  private renderChangeIdeas(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    const ideaFields = (index: number, idea: ChangeIdea | undefined, context: string) => html`
      ${this.field({
        path: this.capacityPath(capacityId, 'changeIdeas', index, 'title'),
        label: msg('Change idea'),
        context,
        name: 'title',
        value: idea?.title,
        hint: msg('What change can we make that will result in improvement?'),
      })}
      ${this.field({
        path: this.capacityPath(capacityId, 'changeIdeas', index, 'description'),
        label: msg('Description (optional)'),
        context,
        name: 'description',
        kind: 'textarea',
        rows: 2,
        value: idea?.description,
      })}
    `;
    return html`<section class="block" aria-labelledby="ideas-title">
      ${heading(level, html`${msg('Change ideas')}`, { id: 'ideas-title', class: 'block-title' })}
      ${capacity.changeIdeas.length === 0 ? html`<p class="empty">${msg('No change ideas yet.')}</p>` : nothing}
      <ul class="items">
        ${capacity.changeIdeas.map(
          (idea, index) => html`<li class="card" part="card">
            ${heading(level + 1, html`${idea.title}`, { class: 'card-title' })}
            ${idea.description ? html`<p class="note">${idea.description}</p>` : nothing}
            <details>
              <summary>
                ${msg(html`Change<span class="visually-hidden"> change idea ${formatNumber(index + 1)}</span>`)}
              </summary>
              <form novalidate @submit=${(e: SubmitEvent) => this.onSaveIdea(e, capacityId, idea.id)}>
                ${ideaFields(index, idea, msg(str`of change idea ${formatNumber(index + 1)}`))}
                <div class="button-row">
                  <button type="submit">${msg(str`Save change idea ${formatNumber(index + 1)}`)}</button>
                  <button
                    type="button"
                    class="warning"
                    @click=${(e: Event) =>
                      this.run(e, removeChangeIdea(this.plan!, capacityId, idea.id), msg('Change idea removed.'))}
                  >
                    ${msg(str`Remove change idea ${formatNumber(index + 1)}`)}
                  </button>
                </div>
              </form>
            </details>
            <links-pdsa-log
              .plan=${this.plan}
              capacity=${capacityId}
              change-idea=${idea.id}
              heading-level=${Math.min(level + 2, 7)}
              ?readonly=${this.disabled}
              @links-plan-change=${this.onChildChange}
            ></links-pdsa-log>
            ${this.renderSpread(capacityId, idea, index)}
          </li>`,
        )}
      </ul>
      ${this.addForm(
        msg('Add a change idea'),
        capacity.changeIdeas.length,
        this.capacityPath(capacityId, 'changeIdeas', capacity.changeIdeas.length),
        (e) => this.onAddIdea(e, capacityId),
        ideaFields(capacity.changeIdeas.length, undefined, msg('for the new change idea')),
        msg('Add change idea'),
      )}
    </section>`;
  }

  private renderSpread(capacityId: string, idea: ChangeIdea, index: number): TemplateResult | typeof nothing {
    if (idea.spread) {
      return html`<p>
        ${msg(html`<strong>Spread:</strong> standard practice since ${idea.spread.date}.`)} ${idea.spread.note}
        <button
          type="button"
          class="link"
          @click=${(e: Event) =>
            this.run(e, recordSpread(this.plan!, capacityId, idea.id, undefined), msg('Spread withdrawn.'))}
        >
          ${msg(html`Withdraw<span class="visually-hidden"> the spread of ${idea.title}</span>`)}
        </button>
      </p>`;
    }
    if (!idea.cycles.some((c) => c.act === 'adopt' && c.completedDate)) return nothing;
    const p = (name: string) => this.capacityPath(capacityId, 'changeIdeas', index, 'spread', name);
    return this.addForm(
      msg('Record that this change has spread across the team'),
      0,
      this.capacityPath(capacityId, 'changeIdeas', index, 'spread'),
      (e) => this.onSpread(e, capacityId, idea.id),
      html`${this.field({
        path: p('date'),
        label: msg('Standard practice since'),
        context: msg(str`for ${idea.title}`),
        name: 'date',
        kind: 'date',
      })}
      ${this.field({
        path: p('note'),
        label: msg('How it is now done by the whole team'),
        context: msg(str`for ${idea.title}`),
        name: 'note',
        kind: 'textarea',
        rows: 2,
      })}`,
      msg('Record spread'),
    );
  }

  private renderEvidence(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    const next = (name: string) => this.capacityPath(capacityId, 'evidence', capacity.evidence.length, name);
    return html`<section class="block" aria-labelledby="evidence-title">
      ${heading(level, html`${msg('Evidence')}`, { id: 'evidence-title', class: 'block-title' })}
      ${capacity.evidence.length === 0
        ? html`<p class="empty">${msg('No evidence notes yet.')}</p>`
        : html`<ul class="items">
            ${capacity.evidence.map(
              (e) => html`<li class="card" part="card">
                <p><strong>${e.date}</strong>: ${e.text}</p>
                <button
                  type="button"
                  class="link"
                  @click=${(ev: Event) =>
                    this.run(ev, removeEvidence(this.plan!, capacityId, e.id), msg('Evidence note removed.'))}
                >
                  ${msg(html`Remove<span class="visually-hidden"> the evidence note of ${e.date}</span>`)}
                </button>
              </li>`,
            )}
          </ul>`}
      ${this.addForm(
        msg('Add an evidence note'),
        capacity.evidence.length,
        this.capacityPath(capacityId, 'evidence', capacity.evidence.length),
        (e) => this.onAddEvidence(e, capacityId),
        html`${this.field({
          path: next('date'),
          label: msg('Date'),
          context: msg('of the evidence note'),
          name: 'date',
          kind: 'date',
        })}
        ${this.field({ path: next('text'), label: msg('Evidence'), name: 'text', kind: 'textarea', rows: 3 })}`,
        msg('Add evidence note'),
      )}
    </section>`;
  }

  private renderSelfAssessment(capacityId: string, capacity: CapacityPlan, level: number): TemplateResult {
    const options: [string, string][] = [
      ['', msg('Not assessed')],
      ...LEVELS.map((l): [string, string] => [String(l), formatFixed(l, 1)]),
    ];
    return html`<section class="block" aria-labelledby="self-title">
      ${heading(level, html`${msg('Self-assessed level')}`, { id: 'self-title', class: 'block-title' })}
      <p class="note">
        ${msg("The team's own view, from 0 to 5. It is kept beside the evidence-based level and never replaces it.")}
      </p>
      <form novalidate @submit=${(e: SubmitEvent) => this.onSelfAssess(e, capacityId)}>
        ${this.field({
          path: this.capacityPath(capacityId, 'selfAssessedLevel'),
          label: msg('Level'),
          name: 'level',
          kind: 'select',
          options,
          value: capacity.selfAssessedLevel === undefined ? '' : String(capacity.selfAssessedLevel),
        })}
        <div class="button-row"><button type="submit">${msg('Save level')}</button></div>
      </form>
    </section>`;
  }

  private renderThemes(): TemplateResult {
    return html`<div>
      ${heading(this.headingLevel + 1, html`${msg('Themes and focus areas')}`, { id: 'panel-title', class: 'panel-title' })}
      <links-theme-focus
        .plan=${this.plan}
        .framework=${this.framework}
        heading-level=${Math.min(this.headingLevel + 2, 5)}
        ?readonly=${this.disabled}
        @links-plan-change=${this.onChildChange}
      ></links-theme-focus>
    </div>`;
  }

  private renderDetails(): TemplateResult {
    const plan = this.plan!;
    const level = this.headingLevel + 1;
    return html`<div>
      ${heading(level, html`${msg('Plan details and status')}`, { id: 'panel-title', class: 'panel-title' })}
      <dl>
        <dt>${msg('Practice')}</dt>
        <dd>
          ${plan.practice.name}
          (${plan.practice.cohort === 'programme'
            ? msg(str`programme practice, list size ${formatNumber(plan.practice.listSize)}`)
            : msg(str`comparison practice, list size ${formatNumber(plan.practice.listSize)}`)})${plan.practice.locality
            ? `, ${plan.practice.locality}`
            : ''}
        </dd>
        <dt>${msg('Framework')}</dt>
        <dd>${plan.framework.id} ${plan.framework.version}</dd>
        <dt>${msg('Revision')}</dt>
        <dd>
          ${msg(str`${formatNumber(plan.revision)}, saved ${formatTime(plan.savedAt)} by ${plan.savedBy}`)}
        </dd>
      </dl>
      <section class="block" aria-labelledby="title-title">
        ${heading(level + 1, html`${msg('Title')}`, { id: 'title-title', class: 'block-title' })}
        <form novalidate @submit=${this.onTitle}>
          ${this.field({ path: 'title', label: msg('Plan title'), name: 'title', value: plan.title })}
          <div class="button-row"><button type="submit">${msg('Save title')}</button></div>
        </form>
      </section>
      <section class="block" aria-labelledby="status-title">
        ${heading(level + 1, html`${msg(str`Status: ${statusLabels()[plan.status]}`)}`, {
          id: 'status-title',
          class: 'block-title',
        })}
        <div class="button-row" data-path="status" id=${fieldId('status')} tabindex="-1">
          ${PLAN_STATUS_TRANSITIONS[plan.status].map(
            (to) => html`<button
              type="button"
              class=${to === 'draft' ? 'secondary' : ''}
              @click=${(e: Event) =>
                this.run(e, changeStatus(plan, to), msg(str`Status changed to ${statusInSentence()[to]}.`))}
            >
              ${statusActions()[to]}
            </button>`,
          )}
        </div>
      </section>
    </div>`;
  }

  // -------------------------------------------------------------------------
  // Actions: each reads its form, runs one core operation, and hands the result to applyResult.

  private onChildChange = (event: CustomEvent<PlanChangeDetail>): void => {
    event.stopPropagation();
    const previous = this.plan;
    if (!previous) return;
    this.errors = [];
    if (!this.commitPlan(event.detail.plan, previous)) {
      event.preventDefault();
    }
  };

  private run(event: Event, result: Result<Plan, PlanIssue>, success: string): void {
    const form =
      (event.currentTarget as HTMLElement).closest('form') ??
      this.renderRoot.querySelector<HTMLElement>('fieldset.panel');
    void this.applyResult(form, result, success);
  }

  private async submit(
    event: SubmitEvent,
    make: (data: FormData) => Result<Plan, PlanIssue>,
    success: string,
    reset = false,
  ): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!this.plan || this.disabled) return;
    const result = make(new FormData(form));
    const accepted = await this.applyResult(form, result, success);
    if (accepted && reset) {
      form.reset();
      const details = form.closest('details');
      if (details) details.open = false;
    }
  }

  private onLead(event: SubmitEvent, capacityId: string): void {
    void this.submit(
      event,
      (data) => {
        const role = textValue(data, 'role');
        const name = textValue(data, 'name');
        const owner =
          role === undefined && name === undefined
            ? undefined
            : { role: role as string, ...(name !== undefined ? { name } : {}) };
        const first = setOwner(this.plan!, capacityId, owner);
        if (!first.ok) return first;
        const team = String(data.get('team') ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        return setTeam(first.value, capacityId, team);
      },
      msg('Lead and team saved.'),
    );
  }

  private aimInput(data: FormData) {
    return {
      statement: textValue(data, 'statement') as string,
      target: numberValue(data, 'target'),
      unit: textValue(data, 'unit'),
      targetDate: textValue(data, 'targetDate'),
      measureId: textValue(data, 'measureId'),
    };
  }

  private onAddAim(event: SubmitEvent, capacityId: string): void {
    void this.submit(event, (data) => addAim(this.plan!, capacityId, this.aimInput(data)), msg('Aim added.'), true);
  }

  private onSaveAim(event: SubmitEvent, capacityId: string, aimId: string): void {
    void this.submit(event, (data) => updateAim(this.plan!, capacityId, aimId, this.aimInput(data)), msg('Aim saved.'));
  }

  private measureInput(data: FormData) {
    const value = numberValue(data, 'baseline');
    const date = textValue(data, 'baselineDate');
    return {
      name: textValue(data, 'name') as string,
      kind: textValue(data, 'kind') as MeasureKind,
      unit: textValue(data, 'unit') as string,
      direction: textValue(data, 'direction') as Direction,
      // A baseline date without a value is passed on, so core says the value is required.
      baseline:
        value === undefined && date === undefined
          ? undefined
          : { value: value as number, ...(date !== undefined ? { date } : {}) },
    };
  }

  private onAddMeasure(event: SubmitEvent, capacityId: string): void {
    void this.submit(
      event,
      (data) => addMeasure(this.plan!, capacityId, this.measureInput(data)),
      msg('Measure added.'),
      true,
    );
  }

  private onSaveMeasure(event: SubmitEvent, capacityId: string, measureId: string): void {
    void this.submit(
      event,
      (data) => updateMeasure(this.plan!, capacityId, measureId, this.measureInput(data)),
      msg('Measure saved.'),
    );
  }

  private onAddPoint(event: SubmitEvent, capacityId: string, measureId: string): void {
    void this.submit(
      event,
      (data) => {
        const note = textValue(data, 'note');
        return recordDataPoint(this.plan!, capacityId, measureId, {
          date: textValue(data, 'date') as string,
          value: numberValue(data, 'value') as number,
          ...(note !== undefined ? { note } : {}),
        });
      },
      msg('Data point recorded.'),
      true,
    );
  }

  private onAddIdea(event: SubmitEvent, capacityId: string): void {
    void this.submit(
      event,
      (data) =>
        addChangeIdea(this.plan!, capacityId, {
          title: textValue(data, 'title') as string,
          description: textValue(data, 'description') as string,
        }),
      msg('Change idea added.'),
      true,
    );
  }

  private onSaveIdea(event: SubmitEvent, capacityId: string, ideaId: string): void {
    void this.submit(
      event,
      (data) =>
        updateChangeIdea(this.plan!, capacityId, ideaId, {
          title: textValue(data, 'title') as string,
          description: textValue(data, 'description'),
        }),
      msg('Change idea saved.'),
    );
  }

  private onSpread(event: SubmitEvent, capacityId: string, ideaId: string): void {
    void this.submit(
      event,
      (data) =>
        recordSpread(this.plan!, capacityId, ideaId, {
          date: textValue(data, 'date') as string,
          note: textValue(data, 'note') as string,
        }),
      msg('Spread recorded.'),
    );
  }

  private onAddEvidence(event: SubmitEvent, capacityId: string): void {
    void this.submit(
      event,
      (data) =>
        addEvidence(this.plan!, capacityId, {
          date: textValue(data, 'date') as string,
          text: textValue(data, 'text') as string,
        }),
      msg('Evidence note added.'),
      true,
    );
  }

  private onSelfAssess(event: SubmitEvent, capacityId: string): void {
    void this.submit(
      event,
      (data) => {
        const level = textValue(data, 'level');
        return setSelfAssessedLevel(this.plan!, capacityId, level === undefined ? undefined : Number(level));
      },
      msg('Self-assessed level saved.'),
    );
  }

  private onTitle = (event: SubmitEvent): void => {
    void this.submit(event, (data) => setTitle(this.plan!, textValue(data, 'title') as string), msg('Title saved.'));
  };
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatDateTime(iso);
}
