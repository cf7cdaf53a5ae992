import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReferralEvent, ReferralState } from '@links-approach/core/referral';
import type { AppendError } from '@links-approach/core/service';
import { ConnectedReferrals } from '../../internal/connected-referrals.js';

/** Why the referral could not be shown from the store: not found (or not visible to the user), or the service is out of reach. */
export type ReferralLoadProblem = '' | 'missing' | 'unreachable';

/** What an append through the store came to: accepted (perhaps only queued on this device), or refused with the store's error. */
export type ReferralAppendOutcome =
  { readonly ok: true; readonly queued: boolean } | { readonly ok: false; readonly error: AppendError };

/** What the controller needs from the element it serves. */
export interface ReferralStoreHost extends ReactiveControllerHost, HTMLElement {
  /** The referral shown: the controller sets it to what the store gives, unless the host set one of its own. */
  referral: ReferralState | undefined;
  /** The id of the referral to load from the store. */
  readonly referralId: string | undefined;
}

/**
 * Binds a referral element to the referral store of the nearest
 * `<links-provider>` (through the shared {@link ConnectedReferrals}, which
 * subscribes to the store, its queue and its connection status), as the plan
 * editor's `PlanStoreController` binds it to a plan store: while the host
 * sets no `referral` of its own, it loads the referral named by
 * `referral-id`, loads it again when that id changes and when the store
 * reports a change to it (own appends and others'), and appends recorded
 * events against the version it loaded (reloading after a conflict). The
 * element renders `problem` and `sending`; every change requests an update.
 */
export class ReferralStoreController implements ReactiveController {
  /** Why the last load failed, or `''`. */
  problem: ReferralLoadProblem = '';
  /** An append is in progress. */
  sending = false;
  /** The provider's referral store, its queue and its connection status. */
  readonly connection: ConnectedReferrals;

  /** What the store last gave (so a referral the host sets is never overwritten), and its stream version. */
  private loaded: ReferralState | undefined;
  private version = 0;
  private loads = 0;
  /** The `referral-id` of the last update, and whether the id changed from one to another (load once rendered). */
  private seenId: string | undefined;
  private needsLoad = false;

  constructor(private readonly host: ReferralStoreHost) {
    this.connection = new ConnectedReferrals(host, (id) => {
      if (id === undefined || id === host.referralId) void this.load();
    });
    host.addController(this);
  }

  /** Whether the referral comes from the provider's store (the host has set none of its own). */
  get fromStore(): boolean {
    return (
      this.connection.store !== undefined && (this.host.referral === undefined || this.host.referral === this.loaded)
    );
  }

  /** A first `referral-id` loads at once; a changed one once the element has rendered. */
  hostUpdate(): void {
    const id = this.host.referralId;
    if (id === this.seenId) return;
    const previous = this.seenId;
    this.seenId = id;
    if (previous !== undefined) this.needsLoad = true;
    else if (id) void this.load();
  }

  hostUpdated(): void {
    if (!this.needsLoad) return;
    this.needsLoad = false;
    void this.load();
  }

  private set(changes: Partial<Pick<ReferralStoreController, 'problem' | 'sending'>>): void {
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).some((key) => this[key] !== changes[key]);
    Object.assign(this, changes);
    if (changed) this.host.requestUpdate();
  }

  private show(state: ReferralState | undefined, version: number): void {
    this.loaded = state;
    this.version = version;
    this.host.referral = state;
  }

  /** (Re)loads the referral named by `referral-id` from the store (only while it is the store's referral that is shown). */
  async load(): Promise<void> {
    const store = this.connection.store;
    const id = this.host.referralId;
    if (!store || !this.fromStore) return;
    const load = ++this.loads;
    if (!id) {
      this.loaded = undefined;
      this.host.referral = undefined;
      return;
    }
    try {
      const found = await store.get(id);
      if (load !== this.loads || !this.fromStore) return;
      this.set({ problem: found ? '' : 'missing' });
      this.show(found?.referral.state, found?.referral.version ?? 0);
    } catch {
      if (load !== this.loads) return;
      this.set({ problem: 'unreachable' });
    }
  }

  /** Appends an event (already checked by core) through the store, against the version shown; shows the new state when accepted. */
  async append(event: ReferralEvent): Promise<ReferralAppendOutcome> {
    const store = this.connection.store!;
    this.set({ sending: true });
    let answer: Awaited<ReturnType<typeof store.append>>;
    try {
      answer = await store.append(event, { expectedVersion: this.version, idempotencyKey: event.id });
    } catch {
      answer = { ok: false, errors: [{ code: 'unreachable', path: '', message: '' }] };
    } finally {
      this.set({ sending: false });
    }
    if (!answer.ok) {
      const error = answer.errors[0]!;
      if (error.code === 'conflict') void this.load();
      return { ok: false, error };
    }
    this.show(answer.value.referral.state, answer.value.version);
    return { ok: true, queued: answer.value.queued === true };
  }
}
