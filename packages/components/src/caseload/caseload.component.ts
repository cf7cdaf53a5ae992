import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import {
  caseloadRows,
  filterCaseload,
  OPEN_STATUSES,
  REFERRAL_STATUSES,
  sortCaseload,
  type CaseloadFilter,
  type CaseloadRow,
  type CaseloadSort,
  type CaseloadSortKey,
  type ReferralState,
  type ReferralStatus,
  type ResponseWindowOptions,
  isFinishedStatus,
} from '@links-approach/core/referral';
import { LINKS_THEME_NAMES, type Theme } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { businessStatusLabels, statusLabels, urgencyLabels } from '../internal/referral-labels.js';
import { PERSON_LABEL_CONTEXT_KEY, REFERRAL_CONTEXT_KEY } from '../internal/context-keys.js';
import { OnDemand } from '../internal/on-demand.js';
import type { CaseloadConnection } from './on-demand/connected.js';
import { styles } from './caseload.styles.js';
import { cardLabels } from './caseload-cards.js';

/** Detail of the `links-referral-select` event. */
export interface ReferralSelectDetail {
  /** The referral the user opened. */
  readonly referral: ReferralState;
}

/** Detail of the `links-caseload-view` event. */
export interface CaseloadViewDetail {
  readonly filter: CaseloadFilter;
  readonly sort: CaseloadSort;
  /** How many referrals the filter shows. */
  readonly shown: number;
}

interface Column {
  readonly id: string;
  readonly label: string;
  readonly sort?: CaseloadSortKey;
}

/** The columns, with their headers in the page's locale. */
const columns = (): readonly Column[] => [
  { id: 'referral', label: msg('Referral'), sort: 'createdAt' },
  { id: 'person', label: msg('Person') },
  { id: 'practice', label: msg('Practice'), sort: 'practiceId' },
  { id: 'status', label: msg('Status'), sort: 'status' },
  { id: 'urgency', label: msg('Urgency'), sort: 'urgency' },
  { id: 'reasons', label: msg('Reasons') },
  { id: 'requested', label: msg('Requested', { id: 'caseload.column.requested' }), sort: 'requestedAt' },
  { id: 'follow-up', label: msg('Next follow-up'), sort: 'nextFollowUp' },
  { id: 'contacts', label: msg('Contacts'), sort: 'contacts' },
  { id: 'updated', label: msg('Last update'), sort: 'updatedAt' },
];

const date = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

/** The default `framework`: the Links framework's theme names, without their descriptions or the rest of the framework (only names are shown). */
const DEFAULT_FRAMEWORK: { readonly themes: readonly Pick<Theme, 'id' | 'name'>[] } = Object.freeze({
  themes: LINKS_THEME_NAMES,
});

/** The contexts a `<links-provider>` gives the caseload: its referral store and the host's person labels. */
const PROVIDED: readonly unknown[] = [REFERRAL_CONTEXT_KEY, PERSON_LABEL_CONTEXT_KEY];

/** The `referrals` default: while it (or what the store gave) is in place, a provider's referral store fills the list. */
const NONE: readonly ReferralState[] = Object.freeze([]);

/**
 * The Community Links Practitioner's caseload: every referral as a row,
 * filtered by status, overdue response, practice, theme or reference, and
 * sorted by any column. The list is virtualised (only the rows in view are
 * in the page), so it stays smooth with 10,000 referrals; it keeps table
 * semantics (`aria-rowcount`, `aria-rowindex`) for screen readers. Every
 * rule (overdue, duplicates, filtering, sorting) comes from core.
 *
 * Inside a `<links-provider>` connected to a referral store, and while the
 * host sets no `referrals`, the caseload lists the store's referrals (those
 * of `practice` when set), fetches them again when any changes, and shows
 * when the data was last up to date and how many changes recorded offline
 * are waiting to be sent.
 *
 * @summary A filterable, sortable, virtualised caseload of referrals.
 *
 * @fires {CustomEvent<ReferralSelectDetail>} links-referral-select - The user opened a referral.
 * @fires {CustomEvent<CaseloadViewDetail>} links-caseload-view - The user changed the filter or the sort.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart filters - The filter form.
 * @csspart count - The "showing N of M" line (announced politely).
 * @csspart connection - Connected to a store: when the data was last up to date, and the changes waiting to be sent.
 * @csspart table - The table (header and rows).
 * @csspart header - The header row.
 * @csspart sort-button - A column header's sort button.
 * @csspart body - The scrolling, virtualised body.
 * @csspart row - One referral's row.
 * @csspart open-button - The button that opens a referral.
 * @csspart status - A status badge.
 * @csspart flag - An overdue, follow-up or duplicate flag.
 *
 * @cssproperty --links-caseload-height - Height of the scrolling list (default 32rem).
 * @cssproperty --links-caseload-row-height - Minimum height of a row (default 3rem).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot - Optional text under the title.
 */
export class LinksCaseload extends LinksElement {
  static override styles = [LinksElement.styles, styles];

  /**
   * The reactive properties, declared as Lit's `static properties` rather than with the decorators the other
   * elements use: here the decorators' runtime (tslib's `__decorate`, `@property`, `@state`, `@localized`)
   * costs 0.4 KB gzip, which the caseload's 22 KB budget (issue 16 §7) does not leave. Each property is
   * documented on its field below. (`attribute: false` on the internal state, which `state: true` implies,
   * keeps the manifest's analyzer from listing it as attributes.)
   */
  static override properties: PropertyDeclarations = {
    referrals: { attribute: false },
    practice: {},
    asOf: { attribute: 'as-of' },
    responseWindow: { attribute: 'response-window', type: Number },
    responseWindows: { attribute: false },
    holidays: { attribute: false },
    practices: { attribute: false },
    framework: { attribute: false },
    label: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    selected: {},
    filter: { attribute: false },
    sort: { attribute: false },
    rows: { state: true, attribute: false },
    sorted: { state: true, attribute: false },
    shown: { state: true, attribute: false },
    linkFailed: { state: true, attribute: false },
  };

  constructor() {
    super();
    // What `@localized()` does: render again when the page's locale changes.
    updateWhenLocaleChanges(this);
  }

  /**
   * The referrals to list (core referral states, e.g. `replay(events).state.referrals`).
   * Leave it unset inside a provider with a referral store to list the store's referrals.
   */
  referrals: readonly ReferralState[] = NONE;

  /** Connected to a referral store: list only this practice's referrals (a practice id). */
  practice: string | undefined;

  /** "Now" for overdue flags: a Date or an ISO date. Default: the current time. */
  asOf: string | Date | undefined;

  /**
   * One response window, in days, for every urgency. Leave it unset to use
   * the window for each referral's urgency (core's `responseWindowFor`:
   * `responseWindows`, else core's `DEFAULT_RESPONSE_WINDOWS`).
   */
  responseWindow: number | undefined;

  /** The host's response window per urgency (core's `ResponseWindowOptions.responseWindows`). */
  responseWindows: ResponseWindowOptions['responseWindows'];

  /** Holidays (`YYYY-MM-DD`) that are not working days, for windows in working days. */
  holidays: readonly string[] | undefined;

  /** Practices for the practice filter, with display names; default: those the referrals mention. */
  practices: readonly { readonly id: string; readonly name?: string }[] | undefined;

  /**
   * The framework whose theme names to show (only its themes' ids and names are read; a whole `Framework` will do).
   * Default: the Links framework's theme names (core's `LINKS_THEME_NAMES`, the names `LINKS_FRAMEWORK` lists).
   */
  framework: { readonly themes: readonly Pick<Theme, 'id' | 'name'>[] } = DEFAULT_FRAMEWORK;

  /** The title (default "Caseload", in the page's locale). */
  label: string | undefined;

  /** Level (2–5) of the title heading. */
  headingLevel: HeadingLevel = 2;

  /** Id of the referral marked as current (e.g. the one open beside the list). */
  selected: string | undefined;

  /** The filter in force; the user's choices update it. */
  filter: CaseloadFilter = {};

  /** The sort in force; the user's choices update it. */
  sort: CaseloadSort = { key: 'updatedAt', direction: 'descending' };

  private rows: readonly CaseloadRow[] = [];
  private sorted: readonly CaseloadRow[] = [];
  private shown: readonly CaseloadRow[] = [];

  private themeNames = new Map<string, string>();

  /**
   * Inside a `<links-provider>`: its referral store (listed, with the offline queue and the connection
   * status) and the host's person labels. That code loads on demand, only once a provider answers
   * (`on-demand/connected.ts`): a caseload the host feeds outside a provider never downloads it, and the
   * first render never waits for it (rows show references until the labels arrive, as with a resolver
   * that answers later).
   */
  private readonly provided = new OnDemand(() => import('./on-demand/connected.js'));
  private link: CaseloadConnection | undefined;
  /** The provider's code could not be loaded (offline): said in plain words, tried again when the connection returns. */
  private linkFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.probe();
    document.addEventListener('context-provider', this.probe);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('context-provider', this.probe);
    window.removeEventListener('online', this.probe);
  }

  /**
   * Asks, once, whether a provider is around (the context protocol's one-off request, answered
   * synchronously by `@lit/context` providers); a provider defined later announces itself with a
   * `context-provider` event, which asks again. Once the connection code is loaded, its own
   * subscriptions follow the provider.
   */
  private probe = (event?: Event): void => {
    if (
      this.link ||
      (event?.type === 'context-provider' && !PROVIDED.includes((event as { context?: unknown }).context))
    )
      return;
    let answered = false;
    for (const context of PROVIDED) {
      const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
        context,
        contextTarget: this,
        callback: () => (answered = true),
        subscribe: false,
      });
      this.dispatchEvent(request);
    }
    if (!answered) return;
    void this.provided.run(
      (module) => {
        if (this.link) return;
        this.linkFailed = false;
        window.removeEventListener('online', this.probe);
        this.link = module.connectCaseload(this, NONE);
        this.requestUpdate();
      },
      () => {
        this.linkFailed = true;
        window.addEventListener('online', this.probe);
      },
    );
  };

  /** Waits, too, for the provider's code while it loads (so `await updateComplete` sees the connected list). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.provided.settled();
    return (await super.getUpdateComplete()) && done;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('practice') && changed.get('practice') !== undefined) void this.link?.load();
    const table = this.renderRoot.querySelector<HTMLElement>('.table');
    for (const [name, value] of Object.entries(cardLabels(columns()))) table?.style.setProperty(name, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('framework')) this.themeNames = new Map(this.framework.themes.map((t) => [t.id, t.name]));
    const rowsChanged =
      changed.has('referrals') ||
      changed.has('asOf') ||
      changed.has('responseWindow') ||
      changed.has('responseWindows') ||
      changed.has('holidays');
    if (rowsChanged) {
      this.rows = caseloadRows(this.referrals, {
        asOf: this.asOf ?? new Date(),
        ...(this.responseWindow !== undefined ? { responseWindowDays: this.responseWindow } : {}),
        ...(this.responseWindows ? { responseWindows: this.responseWindows } : {}),
        ...(this.holidays ? { holidays: this.holidays } : {}),
      });
    }
    // Sort the whole list only when the rows or the sort change; a filter keeps the sorted order.
    if (rowsChanged || changed.has('sort')) this.sorted = sortCaseload(this.rows, this.sort);
    if (rowsChanged || changed.has('sort') || changed.has('filter'))
      this.shown = filterCaseload(this.sorted, this.filter);
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(level, html`${this.label || msg('Caseload')}`, { id: 'title', class: 'title', part: 'heading' })}
        <slot></slot>
        ${this.renderConnection()}
        ${this.renderFilters()}
        <p class="count" part="count" role="status">
          ${
            this.rows.length === 1
              ? msg(str`Showing ${formatNumber(this.shown.length)} of ${formatNumber(this.rows.length)} referral`)
              : msg(str`Showing ${formatNumber(this.shown.length)} of ${formatNumber(this.rows.length)} referrals`)
          }${this.sortDescription()}
        </p>
        <div
          class="table"
          part="table"
          role="table"
          aria-labelledby="title"
          aria-rowcount=${this.shown.length + 1}
        >
          <div role="rowgroup">
            <div class="row header" part="header" role="row" aria-rowindex="1">
              ${columns().map((c) => this.renderColumnHeader(c))}
            </div>
          </div>
          <!-- The virtualizer owns this element's children: it stays mounted, even with no rows.
               It is a tab stop so keyboard users can scroll it, and reach it while it is off screen,
               when the virtualizer has laid out no rows yet (WCAG 2.1.1). -->
          <div
            class="body"
            part="body"
            role="rowgroup"
            tabindex="0"
            aria-label=${msg('Referrals, one row each')}
            ?hidden=${this.shown.length === 0}
          >
            ${virtualize({
              items: this.shown as CaseloadRow[],
              renderItem: (row: CaseloadRow, index: number) => this.renderRow(row, index),
              keyFunction: (row: CaseloadRow) => row.id,
              scroller: true,
            })}
          </div>
        </div>
        ${
          this.shown.length === 0
            ? html`<p class="empty">
              ${this.rows.length === 0 ? msg('No referrals yet.') : msg('No referrals match these filters.')}
            </p>`
            : nothing
        }
      </section>
    `;
  }

  /** Inside a provider: the connection lines (`on-demand/connected.ts`), or why they are missing. */
  private renderConnection(): unknown {
    if (this.link) return this.link.renderConnection();
    return this.linkFailed && this.referrals === NONE
      ? html`<p class="load-error" role="alert">
          ${msg('The referrals could not be loaded: the service cannot be reached. Try again when connected.')}
        </p>`
      : nothing;
  }

  private practiceOptions(): { id: string; name: string }[] {
    if (this.practices) return this.practices.map((p) => ({ id: p.id, name: p.name ?? p.id }));
    return [...new Set(this.rows.map((r) => r.practiceId))].sort().map((id) => ({ id, name: id }));
  }

  private renderFilters(): TemplateResult {
    const f = this.filter;
    const status =
      f.statuses && f.statuses.length === 1 ? f.statuses[0] : f.statuses && f.statuses.length > 1 ? 'open' : '';
    const practice = f.practiceIds && f.practiceIds.length === 1 ? f.practiceIds[0] : '';
    return html`
      <form
        class="filters"
        part="filters"
        role="search"
        aria-label=${msg('Filter the caseload')}
        @submit=${(e: Event) => e.preventDefault()}
      >
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" @change=${this.onStatus}>
            <option value="" ?selected=${status === ''}>${msg('All statuses')}</option>
            <option value="open" ?selected=${status === 'open'}>${msg('Open (not finished)')}</option>
            ${REFERRAL_STATUSES.map(
              (s) => html`<option value=${s} ?selected=${status === s}>${statusLabels()[s]}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="practice">${msg('Practice')}</label>
          <select id="practice" @change=${this.onPractice}>
            <option value="" ?selected=${practice === ''}>${msg('All practices')}</option>
            ${this.practiceOptions().map(
              (p) => html`<option value=${p.id} ?selected=${practice === p.id}>${p.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="theme">${msg('Theme')}</label>
          <select id="theme" @change=${this.onTheme}>
            <option value="" ?selected=${!f.themeId}>${msg('All themes')}</option>
            ${this.framework.themes.map(
              (t) => html`<option value=${t.id} ?selected=${f.themeId === t.id}>${t.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="text">${msg('Reference')}</label>
          <input
            id="text"
            type="search"
            autocomplete="off"
            spellcheck="false"
            .value=${f.text ?? ''}
            @input=${this.onText}
          />
        </div>
        <div class="field checkbox">
          <input id="overdue" type="checkbox" .checked=${f.overdue === true} @change=${this.onOverdue} />
          <label for="overdue">${msg('Only overdue responses')}</label>
        </div>
      </form>
    `;
  }

  private renderColumnHeader(column: Column): TemplateResult {
    const active = column.sort !== undefined && this.sort.key === column.sort;
    const ariaSort = active ? this.sort.direction : column.sort ? 'none' : nothing;
    return html`<div role="columnheader" class=${`cell ${column.id}`} aria-sort=${ariaSort}>
      ${
        column.sort
          ? html`<button type="button" part="sort-button" @click=${() => this.sortBy(column.sort!)}>
            ${column.label}<span aria-hidden="true" class="arrow"
              >${active ? (this.sort.direction === 'ascending' ? '▲' : '▼') : ''}</span
            >
          </button>`
          : column.label
      }
    </div>`;
  }

  private renderRow(row: CaseloadRow, index: number): TemplateResult {
    const current = row.id === this.selected;
    const finished = isFinishedStatus(row.status);
    return html`<div
      class="row ${current ? 'current' : ''}"
      part="row"
      role="row"
      aria-rowindex=${index + 2}
      aria-current=${current ? 'true' : nothing}
    >
      <div role="cell" class="cell referral">
        <button type="button" part="open-button" @click=${() => this.open(row)}>
          <span class="visually-hidden">${msg('Open referral')} </span>${row.id}
        </button>
      </div>
      <div role="cell" class="cell person">${this.link ? this.link.people.display(row.person) : row.person}</div>
      <div role="cell" class="cell practice">${row.practiceId}</div>
      <div role="cell" class="cell status">
        <span class="badge status-${row.status} ${finished ? 'finished' : ''}" part="status"
          >${statusLabels()[row.status]}</span
        >
        ${row.businessStatus ? html`<span class="sub">${businessStatusLabels()[row.businessStatus]}</span>` : nothing}
        ${
          row.overdue
            ? html`<span class="flag overdue" part="flag"
              >${
                row.daysWaiting !== undefined
                  ? msg(str`Overdue, ${formatNumber(row.daysWaiting)} days`)
                  : msg('Overdue')
              }</span
            >`
            : nothing
        }
        ${row.duplicate ? html`<span class="flag duplicate" part="flag">${msg('Another open referral')}</span>` : nothing}
        ${this.link ? this.link.renderFlags(row.id) : nothing}
      </div>
      <div role="cell" class="cell urgency ${row.urgency}">${urgencyLabels()[row.urgency]}</div>
      <div role="cell" class="cell reasons">${row.themes.map((t) => this.themeNames.get(t) ?? t).join(', ')}</div>
      <div role="cell" class="cell requested">${date(row.requestedAt)}</div>
      <div role="cell" class="cell follow-up">
        ${row.nextFollowUp ?? ''}${
          row.followUpOverdue
            ? html` <span class="flag overdue" part="flag">${msg('Due', { id: 'caseload.follow-up-due' })}</span>`
            : nothing
        }
      </div>
      <div role="cell" class="cell contacts">${row.contacts}</div>
      <div role="cell" class="cell updated">${date(row.updatedAt)}</div>
    </div>`;
  }

  private sortDescription(): string {
    const column = columns().find((c) => c.sort === this.sort.key);
    if (!column) return '';
    const direction = this.sort.direction === 'ascending' ? msg('ascending') : msg('descending');
    return msg(str`, sorted by ${column.label.toLowerCase()} (${direction})`);
  }

  private sortBy(key: CaseloadSortKey): void {
    const direction = this.sort.key === key && this.sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.sort = { key, direction };
    this.changed();
  }

  private setFilter(change: Partial<CaseloadFilter>): void {
    const next: Record<string, unknown> = { ...this.filter, ...change };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    this.filter = next as CaseloadFilter;
    this.changed();
  }

  private changed(): void {
    // `shown` is recomputed in willUpdate; report after it.
    void this.updateComplete.then(() =>
      this.emit<CaseloadViewDetail>('links-caseload-view', {
        filter: this.filter,
        sort: this.sort,
        shown: this.shown.length,
      }),
    );
  }

  private onStatus = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const statuses: ReferralStatus[] | undefined =
      value === '' ? undefined : value === 'open' ? [...OPEN_STATUSES] : [value as ReferralStatus];
    this.setFilter({ statuses });
  };

  private onPractice = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.setFilter({ practiceIds: value ? [value] : undefined });
  };

  private onTheme = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.setFilter({ themeId: value || undefined });
  };

  private onText = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.setFilter({ text: value || undefined });
  };

  private onOverdue = (event: Event): void => {
    this.setFilter({ overdue: (event.target as HTMLInputElement).checked ? true : undefined });
  };

  private open(row: CaseloadRow): void {
    this.selected = row.id;
    this.emit<ReferralSelectDetail>('links-referral-select', { referral: row.referral });
  }
}
