import { ContextConsumer } from '@lit/context';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FeedStatus, QueuedEvent, QueuedReferralStore, ReferralStore } from '@links-approach/core/service';
import { ensureContextRoot, referralContext, type ReferralSource } from './context.js';
import { formatNumber } from './format.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Whether the store has an offline queue to show (core's
 * `isQueuedReferralStore`, repeated here so the elements import no code from
 * the service entry).
 */
function isQueuedReferralStore(store: ReferralStore | undefined): store is QueuedReferralStore {
  const s = store as Partial<QueuedReferralStore> | undefined;
  return typeof s?.pending === 'function' && typeof s.discard === 'function' && typeof s.onQueue === 'function';
}

/** How long changes are gathered before the element fetches again (well within the one second the issue asks). */
const REFETCH_DELAY_MS = 100;

const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * Connects a referral element to the `referralContext` of the nearest
 * `<links-provider>`: the store to read and append through, the events
 * waiting to be sent (when the store queues them offline), and the
 * connection status. `reload` is called when the source arrives and, a
 * moment after, each change the store reports (own appends and others').
 */
export class ConnectedReferrals implements ReactiveController {
  /** The provider's referral source, or `undefined` (the host feeds the element). */
  source: ReferralSource | undefined;
  /** Every queued event (waiting and refused), in recording order. */
  queue: readonly QueuedEvent[] = [];
  /** The latest connection status, when the source reports one. */
  status: FeedStatus | undefined;
  private stops: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  constructor(
    private readonly host: Host,
    private readonly reload: (changedId?: string) => void,
  ) {
    ensureContextRoot();
    host.addController(this);
    new ContextConsumer(host, {
      context: referralContext,
      subscribe: true,
      callback: (source) => this.use(source),
    });
  }

  /** The store, when connected. */
  get store(): ReferralStore | undefined {
    return this.source?.store;
  }

  /** Events waiting to be sent (not refused), optionally only those `keep` selects. */
  waiting(keep: (entry: QueuedEvent) => boolean = () => true): QueuedEvent[] {
    return this.queue.filter((e) => !e.refused && keep(e));
  }

  /** Queued events the service or core's rules refused, optionally only those `keep` selects. */
  refused(keep: (entry: QueuedEvent) => boolean = () => true): QueuedEvent[] {
    return this.queue.filter((e) => e.refused !== undefined && keep(e));
  }

  /** Discards a refused queued event (the person chose to). */
  async discard(key: string): Promise<boolean> {
    const store = this.store;
    return isQueuedReferralStore(store) ? store.discard(key) : false;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.source) this.listen(this.source);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private use(source: ReferralSource | undefined): void {
    if (source === this.source) return;
    this.stop();
    this.source = source;
    this.queue = [];
    this.status = undefined;
    if (source && this.connected) this.listen(source);
    this.host.requestUpdate();
    this.reload();
  }

  private listen(source: ReferralSource): void {
    const store = source.store;
    this.stops.push(
      store.subscribe((change) => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.reload(change.id), REFETCH_DELAY_MS);
      }),
    );
    const onStatus = source.onStatus ?? (isQueuedReferralStore(store) ? store.onStatus.bind(store) : undefined);
    if (onStatus) {
      this.stops.push(
        onStatus((status) => {
          this.status = status;
          this.host.requestUpdate();
        }),
      );
    }
    if (isQueuedReferralStore(store)) {
      this.stops.push(
        store.onQueue((entries) => {
          this.queue = entries;
          this.host.requestUpdate();
        }),
      );
      void store.pending().then((entries) => {
        if (this.source !== source) return;
        this.queue = entries;
        this.host.requestUpdate();
      });
      if (typeof window !== 'undefined') {
        const online = () => void store.flush();
        window.addEventListener('online', online);
        this.stops.push(() => window.removeEventListener('online', online));
      }
    }
  }

  private stop(): void {
    clearTimeout(this.timer);
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * The connection line: "Up to date at …", or offline with the last time
   * the data was current, and how many changes wait to be sent.
   */
  renderStatus(waiting: number, part = 'connection'): TemplateResult | typeof nothing {
    if (!this.source) return nothing;
    const s = this.status;
    const when = s?.upToDateAt ? stamp(s.upToDateAt) : '';
    const line =
      s?.state === 'offline'
        ? when
          ? msg(str`Offline: showing what was up to date at ${when}.`)
          : msg('Offline: the service cannot be reached.')
        : s?.state === 'reconnecting'
          ? when
            ? msg(str`Reconnecting: up to date at ${when}.`)
            : msg('Reconnecting to the service.')
          : when
            ? msg(str`Up to date at ${when}.`)
            : nothing;
    const queued =
      waiting === 0
        ? nothing
        : waiting === 1
          ? msg('1 change is waiting to be sent.')
          : msg(str`${formatNumber(waiting)} changes are waiting to be sent.`);
    if (line === nothing && queued === nothing) return nothing;
    return html`<p class="connection ${s?.state ?? ''}" part=${part} role="status">
      ${line}${line !== nothing && queued !== nothing ? ' ' : ''}${
        queued === nothing ? nothing : html`<strong class="waiting">${queued}</strong>`
      }
    </p>`;
  }
}
