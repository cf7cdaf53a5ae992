import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  cleanSource,
  contactLinks,
  isRetryable,
  normaliseQuery,
  resourceFreshness,
  STALE_AFTER_MONTHS,
  type CommunityResource,
  type Directory,
  type DirectoryCategory,
  type DirectoryError,
  type DirectorySource,
  type Freshness,
  type ResourceQuery,
} from '@links-approach/core/resources';
import { type ValidationIssue } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { field, type FieldOption, type FieldOptions } from '../internal/field.js';
import { formatNumber } from '../internal/format.js';
import { issueText } from '../internal/messages.js';
import { styles } from './resource-finder.styles.js';

/** Detail of the `links-resource-select` event. */
export interface ResourceSelectDetail {
  /** The resource the user chose, with its provenance. */
  readonly resource: CommunityResource;
}

type Phase = 'idle' | 'loading' | 'done' | 'error';

const FIELDS = ['text', 'postcode', 'category'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Finds community resources in any {@link Directory} (ALISS, an Open Referral
 * UK feed, a host's own list): search by words, postcode and category; each
 * result shows its description, contact details, accessibility features,
 * categories and how recently it was reviewed (stale listings are flagged),
 * with the publisher's attribution. Results are announced to screen readers.
 * Choosing a resource fires `links-resource-select`.
 *
 * All directory text is shown as text; links are built only from web
 * addresses core has checked.
 *
 * @summary Search a community resource directory and pick a resource.
 *
 * @fires {CustomEvent<ResourceSelectDetail>} links-resource-select - The user chose a resource.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart form - The search form.
 * @csspart field - One label-and-input group.
 * @csspart search-button - The search button.
 * @csspart status - The visible summary of the search (also announced).
 * @csspart error - The error message when a search fails.
 * @csspart retry-button - The "try again" button in the error message.
 * @csspart results - The list of results.
 * @csspart result - One result.
 * @csspart result-name - A result's name.
 * @csspart stale - The flag on a listing that may be out of date.
 * @csspart status-badge - The flag on a service that is not active.
 * @csspart select-button - The button that chooses a result.
 * @csspart more-button - The button that loads more results.
 * @csspart attribution - The publisher's attribution and licence.
 *
 * @cssproperty --links-resource-finder-stale-background - Background of the "may be out of date" flag (default NHS warm yellow).
 * @cssproperty --links-resource-finder-card-border - Border colour of the result cards.
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-error - Global: error colour.
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot - Optional text under the title, e.g. how the practice uses the directory.
 */
@localized()
export class LinksResourceFinder extends LinksElement {
  static override styles = [LinksElement.styles, styles];

  /** The directory to search: any core `Directory` (ALISS, HSDS, in-memory, cached). */
  @property({ attribute: false })
  directory: Directory | undefined;

  /** Words to search for (the text box's initial value). */
  @property()
  text = '';

  /** Postcode to search around (the postcode box's initial value). */
  @property()
  postcode = '';

  /** Category slug to filter by. */
  @property()
  category = '';

  /** Results per page (1–100). */
  @property({ type: Number })
  limit = 10;

  /** The title (default "Find community support", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title heading; results' headings sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Text on each result's choose button, before the resource's name (default "Choose", in the page's locale). */
  @property({ attribute: 'select-label' })
  selectLabel: string | undefined;

  private get titleText(): string {
    return this.label || msg('Find community support');
  }

  /** The date freshness is judged against (default: now). */
  @property({ attribute: false })
  asOf: Date | undefined;

  /** Months after which a listing is flagged as possibly out of date (default core's `STALE_AFTER_MONTHS`). */
  @property({ attribute: 'stale-after-months', type: Number })
  staleAfterMonths = STALE_AFTER_MONTHS;

  @state() private phase: Phase = 'idle';
  @state() private results: readonly CommunityResource[] = [];
  @state() private total: number | undefined;
  @state() private next: string | undefined;
  @state() private source: DirectorySource | undefined;
  @state() private error: DirectoryError | undefined;
  @state() private fieldErrors: Partial<Record<Field, ValidationIssue>> = {};
  @state() private categories: readonly DirectoryCategory[] = [];
  @state() private announcement = '';
  @state() private loadingMore = false;

  private controller: AbortController | undefined;
  private lastQuery: ResourceQuery | undefined;
  private generation = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit') && (!Number.isInteger(this.limit) || this.limit < 1 || this.limit > 100)) this.limit = 10;
    if (changed.has('directory')) {
      this.controller?.abort();
      this.phase = 'idle';
      this.results = [];
      this.error = undefined;
      this.categories = [];
      void this.loadCategories();
    }
  }

  private async loadCategories(): Promise<void> {
    const directory = this.directory;
    if (!directory?.listCategories) return;
    const result = await directory.listCategories();
    if (directory === this.directory && result.ok) this.categories = result.value;
  }

  /**
   * Moves focus to the search box, so a host (or `<links-referral-detail>`,
   * which shows the finder in its "Link a resource" form) can start the
   * user's search where they type.
   */
  override focus(options?: FocusOptions): void {
    const box = this.renderRoot.querySelector<HTMLElement>('#text');
    if (box) box.focus(options);
    else super.focus(options);
  }

  /**
   * Runs a search with the form's current values (or the given query). The
   * previous search, if still running, is cancelled.
   */
  async search(query?: ResourceQuery): Promise<void> {
    const q: ResourceQuery = query ?? this.readForm();
    this.fieldErrors = {};
    const checked = normaliseQuery({ ...q, limit: this.limit });
    if (!checked.ok) {
      this.showQueryProblems(checked.error);
      return;
    }
    await this.run({ ...q, limit: this.limit }, false);
  }

  private readForm(): ResourceQuery {
    const form = this.renderRoot.querySelector('form');
    if (!form) return { text: this.text, postcode: this.postcode, category: this.category };
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    this.text = value('text');
    this.postcode = value('postcode');
    this.category = value('category');
    return { text: this.text, postcode: this.postcode, category: this.category };
  }

  private async run(query: ResourceQuery, more: boolean): Promise<void> {
    const directory = this.directory;
    if (!directory) {
      this.phase = 'error';
      this.error = { kind: 'invalid-query', message: msg('No directory is connected to search.'), issues: [] };
      this.announcement = msg('No directory is connected to search.');
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    this.lastQuery = more ? this.lastQuery : query;
    if (more) this.loadingMore = true;
    else {
      this.phase = 'loading';
      this.results = [];
      this.next = undefined;
      this.total = undefined;
    }
    this.error = undefined;
    this.announcement = msg(str`Searching ${directory.source.name}…`);

    const result = await directory.search(query, { signal: controller.signal });
    if (generation !== this.generation) return; // a newer search took over
    this.loadingMore = false;
    if (!result.ok) {
      if (result.error.kind === 'aborted') return;
      if (result.error.kind === 'invalid-query' && !more) {
        this.phase = 'idle';
        this.showQueryProblems(result.error);
        return;
      }
      this.error = result.error;
      if (!more) {
        this.phase = 'error';
        this.results = [];
      }
      this.announcement = msg(str`The search failed. ${issueText(result.error)}`);
      return;
    }
    const previous = more ? this.results.length : 0;
    this.results = more ? [...this.results, ...result.value.resources] : result.value.resources;
    this.next = result.value.next;
    this.total = result.value.total;
    // A host's directory adapter may hand over anything: core keeps only http(s) attribution and licence links.
    this.source = cleanSource(result.value.source);
    this.phase = 'done';
    this.announcement = this.describeResults(previous);
    if (more) {
      await this.updateComplete;
      // Move focus to the first new result, so keyboard users continue where they were.
      const first = this.renderRoot.querySelectorAll<HTMLElement>('[part="result"] > article')[previous];
      first?.focus();
    }
  }

  private describeResults(previous: number): string {
    const shown = this.results.length;
    if (shown === 0) return msg('No resources found.');
    const added = previous > 0 ? `${msg(str`${formatNumber(shown - previous)} more loaded.`)} ` : '';
    const showing =
      this.total !== undefined && this.total > shown
        ? msg(str`Showing ${formatNumber(shown)} of ${formatNumber(this.total)} resources.`)
        : shown === 1
          ? msg(str`Showing ${formatNumber(shown)} resource.`)
          : msg(str`Showing ${formatNumber(shown)} resources.`);
    return `${added}${showing}`;
  }

  private showQueryProblems(error: DirectoryError): void {
    const issues: readonly ValidationIssue[] = error.kind === 'invalid-query' ? error.issues : [];
    const byField: Partial<Record<Field, ValidationIssue>> = {};
    for (const issue of issues)
      if ((FIELDS as readonly string[]).includes(issue.path)) byField[issue.path as Field] ??= issue;
    this.fieldErrors = byField;
    const first = Object.keys(byField)[0] as Field | undefined;
    if (first) {
      this.announcement = msg(str`Check the ${fieldLabel(first).toLowerCase()}: ${issueText(byField[first]!)}.`);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus());
    } else {
      this.phase = 'error';
      this.error = error;
      this.announcement = issueText(error);
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.search();
  }

  private retry(): void {
    if (this.lastQuery) void this.run(this.lastQuery, false);
  }

  private loadMore(): void {
    if (this.lastQuery && this.next) void this.run({ ...this.lastQuery, cursor: this.next }, true);
  }

  private choose(resource: CommunityResource): void {
    this.emit<ResourceSelectDetail>('links-resource-select', { resource });
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(level, html`${this.titleText}`, { id: 'title', class: 'title', part: 'heading' })}
        <slot></slot>
        ${this.renderForm()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="live">${this.announcement}</div>
        ${this.renderBody(level + 1)}
      </section>
    `;
  }

  private renderForm(): TemplateResult {
    const searching = this.phase === 'loading';
    const categories: FieldOption[] = [
      ['', msg('Any category')],
      ...this.categories.map((c) => [c.slug, `${'\u2003'.repeat(Math.min(c.depth, 4))}${c.name}`] as const),
    ];
    return html`
      <form part="form" role="search" aria-label=${this.titleText} novalidate @submit=${this.onSubmit}>
        ${this.field('text', msg('Search for'), msg('For example: walking, money advice'), {
          control: 'search',
          value: this.text,
          autocomplete: 'off',
          maxlength: 200,
        })}
        ${this.field('postcode', msg('Postcode'), msg('Search around the practice postcode'), {
          value: this.postcode,
          autocomplete: 'postal-code',
          spellcheck: false,
          maxlength: 10,
          width: 'postcode',
        })}
        ${this.field(
          'category',
          msg('Category'),
          msg('Optional'),
          this.categories.length === 0
            ? { value: this.category, spellcheck: false, maxlength: 200 }
            : { control: 'select', value: this.category, options: categories },
        )}
        <button part="search-button" type="submit" class="primary">${searching ? msg('Searching…') : msg('Search')}</button>
      </form>
    `;
  }

  /** One search field (the kit's compact field), its error named by the field. */
  private field(
    id: Field,
    label: string,
    hint: string,
    options: Omit<FieldOptions, 'id' | 'name' | 'label' | 'hint' | 'look' | 'part' | 'errors'>,
  ): TemplateResult {
    const error = this.fieldErrors[id];
    return field({
      look: 'compact',
      part: 'field',
      id,
      name: id,
      label,
      hint,
      // Core's issue, said in the page's language.
      errors: error ? [`${fieldLabel(id)} ${issueText(error)}`] : [],
      ...options,
    });
  }

  private renderBody(level: number): TemplateResult | typeof nothing {
    switch (this.phase) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p part="status" class="status loading" aria-hidden="true">${msg(str`Searching ${this.directory?.source.name ?? ''}…`)}</p>`;
      case 'error':
        return this.renderError();
      case 'done':
        return this.renderResults(level);
    }
  }

  private renderError(): TemplateResult {
    const error = this.error;
    if (!error) return html``;
    const heading = errorHeading(error);
    return html`
      <div part="error" class="error" role="alert">
        <p class="error-title">${heading}</p>
        <p>${issueText(error)}</p>
        ${
          isRetryable(error) && this.lastQuery
            ? html`<button type="button" part="retry-button" class="secondary" @click=${this.retry}>${msg('Try again')}</button>`
            : nothing
        }
      </div>
    `;
  }

  private renderResults(level: number): TemplateResult {
    const shown = this.results.length;
    const now = this.asOf ?? new Date();
    const summary =
      shown === 0
        ? msg('No resources found. Try fewer or different words, another category, or leave the category empty.')
        : this.total !== undefined && this.total > shown
          ? msg(str`Showing ${formatNumber(shown)} of ${formatNumber(this.total)} resources.`)
          : shown === 1
            ? msg(str`${formatNumber(shown)} resource found.`)
            : msg(str`${formatNumber(shown)} resources found.`);
    return html`
      <p part="status" class="status" aria-hidden="true">${summary}</p>
      ${
        shown > 0
          ? html`<ol part="results" class="results" aria-label=${msg('Results')} aria-busy=${this.loadingMore ? 'true' : 'false'}>
            ${this.results.map((r) => this.renderResult(r, level, now))}
          </ol>`
          : nothing
      }
      ${
        this.error && this.phase === 'done'
          ? html`<div part="error" class="error" role="alert"><p>${issueText(this.error)}</p></div>`
          : nothing
      }
      ${
        this.next
          ? html`<button type="button" part="more-button" class="secondary" ?disabled=${this.loadingMore} @click=${this.loadMore}>
            ${this.loadingMore ? msg('Loading…') : msg('Show more results')}
          </button>`
          : nothing
      }
      ${this.source ? this.renderAttribution(this.source) : nothing}
    `;
  }

  private renderResult(resource: CommunityResource, level: number, now: Date): TemplateResult {
    const fresh = resourceFreshness(resource, now, { staleAfterMonths: this.staleAfterMonths });
    const links = contactLinks(resource);
    const place = resource.locations.find((l) => l.type === 'physical') ?? resource.locations[0];
    const areas = resource.serviceAreas.map((a) => a.name).join(', ');
    const nameId = `r-${cssId(resource.id)}`;
    return html`
      <li part="result" class="result">
        <article aria-labelledby=${nameId} tabindex="-1">
          ${heading(level, html`${resource.name}`, { id: nameId, class: 'result-name', part: 'result-name' })}
          ${resource.organisation ? html`<p class="organisation">${resource.organisation.name}</p>` : nothing}
          <p class="flags">
            ${
              resource.status !== 'active'
                ? html`<strong part="status-badge" class="badge closed">${statusText(resource.status)}</strong>`
                : nothing
            }
            <span class="freshness ${fresh.stale ? 'is-stale' : ''}">
              ${fresh.stale ? html`<strong part="stale" class="badge stale">${msg('May be out of date')}</strong>` : nothing}
              ${freshnessText(fresh)}
            </span>
          </p>
          ${resource.description ? html`<p class="description">${resource.description}</p>` : nothing}
          <dl class="details">
            ${
              resource.contact.phone || resource.contact.email || links.website || links.referral
                ? html`<div>
                  <dt>${msg('Contact', { id: 'resource.contact' })}</dt>
                  <dd>
                    <ul class="inline">
                      ${
                        resource.contact.phone
                          ? html`<li>${links.phone ? html`<a href=${links.phone}>${resource.contact.phone}</a>` : resource.contact.phone}</li>`
                          : nothing
                      }
                      ${
                        resource.contact.email
                          ? html`<li>${links.email ? html`<a href=${links.email}>${resource.contact.email}</a>` : resource.contact.email}</li>`
                          : nothing
                      }
                      ${
                        links.website
                          ? html`<li><a href=${links.website} target="_blank" rel="noopener noreferrer">${msg(html`Website<span class="visually-hidden"> of ${resource.name} (opens in a new tab)</span>`)}</a></li>`
                          : nothing
                      }
                      ${
                        links.referral
                          ? html`<li><a href=${links.referral} target="_blank" rel="noopener noreferrer">${msg(html`How to refer<span class="visually-hidden"> to ${resource.name} (opens in a new tab)</span>`)}</a></li>`
                          : nothing
                      }
                    </ul>
                  </dd>
                </div>`
                : nothing
            }
            ${
              place?.address || place?.name || areas
                ? html`<div><dt>${msg('Where', { id: 'resource.where' })}</dt><dd>${place?.address ?? place?.name ?? areas}</dd></div>`
                : nothing
            }
            ${
              resource.accessibilityFeatures.length > 0
                ? html`<div>
                  <dt>${msg('Accessibility')}</dt>
                  <dd><ul class="inline">${resource.accessibilityFeatures.map((f) => html`<li>${f}</li>`)}</ul></dd>
                </div>`
                : nothing
            }
            ${
              resource.categories.length > 0
                ? html`<div>
                  <dt>${msg('Categories')}</dt>
                  <dd><ul class="tags">${resource.categories.map((c) => html`<li>${c.name}</li>`)}</ul></dd>
                </div>`
                : nothing
            }
            ${resource.eligibility ? html`<div><dt>${msg('Who it is for')}</dt><dd>${resource.eligibility}</dd></div>` : nothing}
          </dl>
          <p class="actions">
            <button type="button" part="select-button" class="primary" @click=${() => this.choose(resource)}>
              ${this.selectLabel || msg('Choose')}<span class="visually-hidden"> ${resource.name}</span>
            </button>
            ${
              links.listing
                ? html`<a href=${links.listing} target="_blank" rel="noopener noreferrer">${msg(html`View on ${resource.provenance.sourceName}<span class="visually-hidden">: ${resource.name} (opens in a new tab)</span>`)}</a>`
                : nothing
            }
          </p>
        </article>
      </li>
    `;
  }

  private renderAttribution(source: DirectorySource): TemplateResult {
    return html`
      <footer part="attribution" class="attribution">
        <p class="attribution-title">${msg(str`Information from ${source.name}`)}</p>
        <ul>
          ${source.attribution.map((a) => html`<li>${a.url ? html`<a href=${a.url}>${a.text}</a>` : a.text}</li>`)}
          <li>
            ${msg('Licence:')}
            ${source.licence.url ? html`<a href=${source.licence.url}>${source.licence.name}</a>` : source.licence.name}
          </li>
        </ul>
      </footer>
    `;
  }
}

function fieldLabel(field: Field): string {
  return field === 'text' ? msg('Search words') : field === 'postcode' ? msg('Postcode') : msg('Category');
}

function errorHeading(error: DirectoryError): string {
  switch (error.kind) {
    case 'network':
      return msg('The directory could not be reached');
    case 'timeout':
      return msg('The directory took too long to answer');
    case 'http':
      return msg('The directory could not answer the search');
    case 'malformed':
      return msg('The directory sent something this page cannot read');
    case 'aborted':
      return msg('The search was cancelled');
    case 'invalid-query':
      return msg('The search could not be sent');
  }
}

function statusText(status: CommunityResource['status']): string {
  return status === 'temporarily closed'
    ? msg('Temporarily closed')
    : status === 'inactive'
      ? msg('Not running')
      : status === 'defunct'
        ? msg('Closed')
        : msg('Active', { id: 'resource.status.active' });
}

/** How fresh a listing is, in the page's locale (core's `Freshness.text`, e.g. "Last reviewed 14 months ago"). */
function freshnessText(fresh: Freshness): string {
  const reviewed = fresh.basis === 'reviewed';
  const months = fresh.months;
  if (!fresh.known || months === undefined)
    return reviewed ? msg('Review date not known') : msg('Update date not known');
  const n = formatNumber(months);
  if (months === 0)
    return reviewed ? msg('Last reviewed less than a month ago') : msg('Last updated less than a month ago');
  if (months === 1) return reviewed ? msg(str`Last reviewed ${n} month ago`) : msg(str`Last updated ${n} month ago`);
  return reviewed ? msg(str`Last reviewed ${n} months ago`) : msg(str`Last updated ${n} months ago`);
}

function cssId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}
