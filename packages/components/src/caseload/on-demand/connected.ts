import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ReferralState } from '@links-approach/core/referral';
import { ConnectedReferrals } from '../../internal/connected-referrals.js';
import { PersonLabels } from '../../internal/provided.js';
import { formatNumber } from '../../internal/format.js';

/** What the connection needs of the caseload. */
export interface CaseloadHost extends ReactiveControllerHost, HTMLElement {
  referrals: readonly ReferralState[];
  readonly practice: string | undefined;
}

/**
 * The caseload inside a `<links-provider>`: the provider's referral store
 * (listed, fetched again on each change), its offline queue and connection
 * status, and the host's person labels. Loaded on demand, only on pages where
 * a provider answers the caseload (`caseload.component.ts`), so a caseload the
 * host feeds itself never downloads it. The markup is the caseload's own, as
 * it was when this code lived in the element.
 */
export class CaseloadConnection {
  /** People as the host labels them (the provider's resolver), else their references. */
  readonly people: PersonLabels;
  /** The provider's referral store, its queue and its connection status. */
  readonly connection: ConnectedReferrals;
  /** What the store last gave (so a list the host sets is never overwritten). */
  private loaded: readonly ReferralState[] | undefined;
  private loadError = '';
  private loads = 0;

  /** `none` is the caseload's `referrals` default: while it is in place, the store fills the list. */
  constructor(
    private readonly host: CaseloadHost,
    private readonly none: readonly ReferralState[],
  ) {
    this.people = new PersonLabels(host);
    // The caseload is usually connected already: the provider answers while the controller is being made,
    // before `connection` is set, so the first listing starts here.
    this.connection = new ConnectedReferrals(host, () => void this.load());
    void this.load();
  }

  /** Whether the list comes from the provider's store (the host has set none of its own). */
  get fromStore(): boolean {
    const referrals = this.host.referrals;
    return this.connection?.store !== undefined && (referrals === this.none || referrals === this.loaded);
  }

  /** Lists the store's referrals (those of the caseload's `practice` when set) into the caseload. */
  async load(): Promise<void> {
    const store = this.connection?.store;
    if (!store || !this.fromStore) return;
    const load = ++this.loads;
    const practice = this.host.practice;
    try {
      const listed = await store.list(practice ? { practice } : {});
      if (load !== this.loads || !this.fromStore) return;
      this.loadError = '';
      this.loaded = listed.map((r) => r.state);
      this.host.referrals = this.loaded;
    } catch {
      if (load !== this.loads) return;
      this.loadError = msg(
        'The referrals could not be loaded: the service cannot be reached. Try again when connected.',
      );
      this.host.requestUpdate();
    }
  }

  /** The connection lines above the filters (nothing while the host feeds the list). */
  renderConnection(): TemplateResult | typeof nothing {
    if (!this.fromStore) return nothing;
    const practice = this.host.practice;
    const waiting = this.connection.waiting((e) => !practice || e.practiceId === practice).length;
    const refused = this.connection.refused((e) => !practice || e.practiceId === practice).length;
    return html`${this.connection.renderStatus(waiting)}
    ${
      refused > 0
        ? html`<p class="not-sent-line" part="connection">
          <strong
            >${
              refused === 1
                ? msg('1 change could not be sent: open its referral to see why.')
                : msg(str`${formatNumber(refused)} changes could not be sent: open their referrals to see why.`)
            }</strong
          >
        </p>`
        : nothing
    }
    ${this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}`;
  }

  /** A row's "Waiting to send" and "Not sent" flags. */
  renderFlags(referralId: string): TemplateResult | typeof nothing {
    if (!this.fromStore) return nothing;
    const queue = this.connection.queue;
    return html`${
      queue.some((e) => e.referralId === referralId && !e.refused)
        ? html`<span class="flag waiting" part="flag">${msg('Waiting to send')}</span>`
        : nothing
    }
    ${
      queue.some((e) => e.referralId === referralId && e.refused)
        ? html`<span class="flag not-sent" part="flag">${msg('Not sent')}</span>`
        : nothing
    }`;
  }
}

/** Connects a caseload to the nearest provider (see {@link CaseloadConnection}). */
export const connectCaseload = (host: CaseloadHost, none: readonly ReferralState[]): CaseloadConnection =>
  new CaseloadConnection(host, none);
