import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { Result } from '@links-approach/core';
import type { MergeChoice, Plan, PlanMerge } from '@links-approach/core/plan';
import type { ConflictError, PlanStore, SaveError } from '@links-approach/core/store';
import { formatNumber } from '../../internal/format.js';
import { issueText } from '../../internal/messages.js';
import { loadPlanOperations, type PlanOperations } from '../../internal/plan-operations.js';
import { loadPlanChecks } from './plan-checks.js';

/** Where a store-bound editor's autosave is. */
export type SaveState = 'unbound' | 'loading' | 'missing' | 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error';

/** A conflict under review: the three revisions and their merge with the person's choices so far. */
export interface PlanReview {
  /** The revision my edits started from. */
  readonly base: Plan;
  /** My edits, not saved. */
  readonly mine: Plan;
  /** The revision saved meanwhile. */
  readonly theirs: Plan;
  /** Their plan with my non-conflicting changes reapplied, and the conflicts left to choose. */
  readonly merge: PlanMerge;
  /** The side chosen for each conflict, by its `key`. */
  readonly choices: Readonly<Record<string, MergeChoice>>;
}

/** What the controller needs from the element it serves. */
export interface PlanStoreHost extends ReactiveControllerHost {
  /** The plan shown (and edited). */
  plan: Plan | undefined;
  readonly store: PlanStore | undefined;
  readonly planId: string;
  readonly author: string;
  readonly isConnected: boolean;
  readonly hasUpdated: boolean;
}

/** How the controller tells its element what happened. */
export interface PlanStoreCallbacks {
  /** A plan was loaded (or reloaded): the new starting point for a form reset. */
  loaded(plan: Plan): void;
  /** A confirmation for the polite status region. */
  status(message: string): void;
  /** A revision was saved. */
  saved(plan: Plan): void;
  /** Someone else saved first; the banner should show and take focus. */
  conflicted(conflict: ConflictError, plan: Plan): void;
}

/**
 * Binds a plan editor to a `PlanStore`, as Lit's `Task` binds an element to
 * an async job: it loads the plan when `store` and `plan-id` are set,
 * follows saves made elsewhere (taking them when there are no unsaved
 * edits), saves each edit as a new revision (one save at a time; edits made
 * meanwhile go in the next), and on a conflict keeps every edit and offers
 * to save them as the newest version, to discard them, or to review and
 * reapply them on the other revision (core's `mergePlanEdits`: my changes
 * that do not conflict are reapplied; each field both changed is the
 * person's choice). The element renders `state`, `conflict`, `review`,
 * `message` and `retryable`; every change requests an update.
 */
export class PlanStoreController implements ReactiveController {
  /** Where autosave is. */
  state: SaveState = 'unbound';
  /** The conflict shown, if any. */
  conflict: ConflictError | undefined;
  /** The conflict review in progress, if any. */
  review: PlanReview | undefined;
  /** Why the last load or save failed, in plain words. */
  message = '';
  /** Whether the last failed save may succeed if tried again (not when the role may not save). */
  retryable = false;

  private base: Plan | undefined;
  private baseRevision = 0;
  private dirty = false;
  private saving: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private loadToken = 0;
  private needsLoad = false;
  /** Core's `mergePlanEdits`, loaded on demand when a review starts. */
  private merge: PlanOperations['mergePlanEdits'] | undefined;

  constructor(
    private readonly host: PlanStoreHost,
    private readonly on: PlanStoreCallbacks,
  ) {
    host.addController(this);
  }

  private get bound(): boolean {
    return Boolean(this.host.store && this.host.planId);
  }

  /** The store or plan id changed: load on the next update. */
  rebind(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.needsLoad = this.bound;
    this.state = this.needsLoad ? 'loading' : 'unbound';
  }

  hostConnected(): void {
    if (this.bound && !this.unsubscribe && this.host.hasUpdated) void this.load();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdated(): void {
    if (this.needsLoad) {
      this.needsLoad = false;
      void this.load();
    }
  }

  /** Resolves when any save in progress has finished. */
  async saveComplete(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private set(
    changes: Partial<Pick<PlanStoreController, 'state' | 'conflict' | 'review' | 'message' | 'retryable'>>,
  ): void {
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).some((key) => this[key] !== changes[key]);
    Object.assign(this, changes);
    if (changed) this.host.requestUpdate();
  }

  /** (Re)loads the plan from the store, dropping unsaved edits. */
  async load(): Promise<void> {
    const { store, planId: id } = this.host;
    if (!store || !id) return;
    const token = ++this.loadToken;
    this.set({ state: 'loading' });
    this.unsubscribe?.();
    this.unsubscribe = store.subscribe((event) => {
      if (event.id === this.host.planId && event.revision > this.baseRevision)
        void this.onRemoteSave(event.revision, event.document);
    });
    let plan: Plan | undefined;
    try {
      plan = await store.get(id);
    } catch (error) {
      if (token !== this.loadToken) return;
      this.set({
        state: 'error',
        message: msg(str`The plan could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
      });
      return;
    }
    if (token !== this.loadToken) return;
    this.dirty = false;
    this.set({ conflict: undefined, review: undefined });
    if (!plan) {
      this.host.plan = undefined;
      this.set({ state: 'missing' });
      return;
    }
    this.adopt(plan);
    this.host.plan = plan;
    this.on.loaded(plan);
    this.set({ state: 'saved' });
  }

  private adopt(plan: Plan): void {
    this.base = plan;
    this.baseRevision = plan.revision;
  }

  /** Someone (another tab, another editor) saved a newer revision. */
  private async onRemoteSave(revision: number, document: Plan | undefined): Promise<void> {
    if (this.saving || revision <= this.baseRevision) return;
    // Told of a save while the newest revision cannot be read (offline): the next save or reload tells the person.
    const read = async (): Promise<Plan | undefined> => {
      try {
        return await this.host.store?.get(this.host.planId);
      } catch {
        return undefined;
      }
    };
    if (!this.dirty && !this.conflict) {
      const latest = document ?? (await read());
      if (!latest || latest.revision <= this.baseRevision || this.dirty) return;
      this.adopt(latest);
      this.host.plan = latest;
      this.on.status(msg(str`Updated to revision ${formatNumber(latest.revision)}, saved by ${latest.savedBy}.`));
      return;
    }
    // Unsaved edits here: the next save would conflict; say so now.
    const current = document ?? (await read());
    // Unreadable (no connection): the save's own 412 says who saved first, once it can be sent.
    if (!current) return;
    this.showConflict({
      code: 'conflict',
      path: 'revision',
      message: `revision ${revision} was saved elsewhere`,
      id: this.host.planId,
      expectedRevision: this.baseRevision,
      currentRevision: revision,
      currentSavedBy: current.savedBy,
      currentSavedAt: current.savedAt,
    });
  }

  /** The element accepted an edit: save it (unless the plan is missing or a conflict waits for the person). */
  edited(): void {
    if (!this.bound || this.state === 'missing') return;
    this.dirty = true;
    if (!this.conflict) this.set({ state: 'unsaved' });
    this.queueSave();
  }

  private queueSave(): void {
    if (this.saving || this.conflict) return;
    this.saving = this.saveLoop().finally(() => {
      this.saving = undefined;
    });
  }

  private async saveLoop(): Promise<void> {
    while (this.dirty && !this.conflict && this.host.store && this.host.plan) {
      this.dirty = false;
      this.set({ state: 'saving' });
      const store = this.host.store;
      const toSave = this.host.plan;
      let result: Result<Plan, SaveError>;
      // The plan checks a provider's store runs on save load on demand (a failure shows as the save's).
      await loadPlanChecks().catch(() => undefined);
      try {
        result = await store.save(toSave, { expectedRevision: this.baseRevision, author: this.host.author });
      } catch (error) {
        result = {
          ok: false,
          errors: [{ code: 'storage', path: '', message: error instanceof Error ? error.message : String(error) }],
        };
      }
      if (store !== this.host.store) return;
      if (result.ok) {
        this.adopt(result.value);
        if (!this.dirty && this.host.plan === toSave) this.host.plan = result.value;
        this.set({ state: this.dirty ? 'unsaved' : 'saved' });
        this.on.saved(result.value);
        continue;
      }
      this.dirty = true;
      const conflict = result.errors.find((e): e is ConflictError => e.code === 'conflict');
      if (conflict) {
        this.showConflict(conflict);
      } else {
        const first = result.errors[0]!;
        // Core's store and service messages come with a code: said in the page's language.
        const said = issueText(first);
        this.set({
          state: 'error',
          retryable: first.code !== 'forbidden',
          message:
            first.code === 'forbidden'
              ? msg(str`Not saved: your role may not change this plan (${said}). Your changes are kept here.`)
              : first.code === 'unreachable'
                ? msg(
                    str`Not saved: ${said} Your changes are kept here; they are saved when you try again or make your next change.`,
                  )
                : msg(
                    str`Your changes are kept here but were not saved: ${result.errors
                      .map((e) => (e.path ? `${e.path}: ${issueText(e)}` : issueText(e)))
                      .join('; ')}`,
                  ),
        });
      }
      return;
    }
  }

  /** After a failed save (the service could not be reached): save the kept edits again. */
  retry(): void {
    if (this.state !== 'error' || !this.dirty) return;
    this.set({ state: 'unsaved' });
    this.queueSave();
  }

  private showConflict(conflict: ConflictError): void {
    this.set({ conflict, state: 'conflict' });
    if (this.host.plan) this.on.conflicted(conflict, this.host.plan);
  }

  /** Save these edits as the newest revision (the other one stays in the history). */
  keepMine(): void {
    if (!this.conflict) return;
    this.baseRevision = this.conflict.currentRevision;
    this.dirty = true;
    this.set({ conflict: undefined, review: undefined, state: 'unsaved' });
    this.queueSave();
  }

  /**
   * Review and reapply: load the revision saved meanwhile and merge my edits
   * into it. With nothing both changed, the merge is saved at once;
   * otherwise the review lists the conflicting fields for the person to
   * choose ({@link choose}), then {@link saveReview} saves.
   */
  async startReview(): Promise<void> {
    const mine = this.host.plan;
    const store = this.host.store;
    if (!this.conflict || !mine || !store || !this.base) return;
    let theirs: Plan | undefined;
    try {
      theirs = await store.get(this.host.planId);
    } catch (error) {
      this.set({ message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!theirs) return;
    try {
      this.merge ??= (await loadPlanOperations()).mergePlanEdits;
    } catch (error) {
      this.set({ message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!this.conflict || !this.base) return;
    const merge = this.merge(this.base, mine, theirs);
    const review: PlanReview = { base: this.base, mine, theirs, merge, choices: {} };
    if (merge.conflicts.length === 0) this.applyReview(review);
    else this.set({ review });
  }

  /** Chooses a side for one conflict of the review. */
  choose(key: string, side: MergeChoice): void {
    const r = this.review;
    if (!r || !this.merge) return;
    const choices = { ...r.choices, [key]: side };
    this.set({ review: { ...r, choices, merge: this.merge(r.base, r.mine, r.theirs, choices) } });
  }

  /** Saves the reviewed merge as the revision after theirs. */
  saveReview(): void {
    if (this.review) this.applyReview(this.review);
  }

  /** Leaves the review; the conflict and my edits stay as they were. */
  cancelReview(): void {
    this.set({ review: undefined });
  }

  private applyReview(review: PlanReview): void {
    this.adopt(review.theirs);
    this.host.plan = review.merge.plan;
    this.dirty = true;
    this.set({ conflict: undefined, review: undefined, state: 'unsaved' });
    this.on.status(
      msg(
        str`Your changes were reapplied to revision ${formatNumber(review.theirs.revision)}, saved by ${review.theirs.savedBy}.`,
      ),
    );
    this.queueSave();
  }
}
