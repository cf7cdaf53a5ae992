import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  ALISS_LISTINGS,
  QUIET_AFTER_MONTHS,
  checkQuiet,
  createNetworkRegister,
  networkMetrics,
  type AlissListing,
  type NetworkEvent,
  type NetworkRegister,
  type RegisterResult,
  type Relationship,
} from '@links-approach/core/network';
import { type ValidationIssue } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { scrollRegionStyles } from '../internal/scroll-region.styles.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { field } from '../internal/field.js';
import { formatDate as formatIsoDate, formatNumber } from '../internal/format.js';
import { styles } from './network-register.styles.js';
import { issueText } from '../internal/messages.js';
import { loadFailedText, OnDemand } from '../internal/on-demand.js';
import type * as ChangesModule from './on-demand/changes.js';

/** Detail of the `links-network-change` event. */
export interface NetworkChangeDetail {
  /** The register after the change (a new object; the old one is untouched). */
  readonly register: NetworkRegister;
  /** What happened. */
  readonly change: NetworkEvent['type'];
  /** The relationship it happened to. */
  readonly relationshipId: string;
}

type PanelMode = 'contact' | 'visit' | 'edit' | 'end';

/** Core's register operations (loaded on demand). */
type Changes = typeof ChangesModule;

const listingText = (): Record<AlissListing, string> => ({
  listed: msg('Listed on ALISS'),
  'not-listed': msg('Not listed'),
  'helped-to-list': msg('Helped to list'),
});

/**
 * The practice's community network register: the community organisations
 * the practice and its Community Links Practitioner have relationships with,
 * who the contact is (by role), when they were last in touch, visits, and
 * whether the organisation is on ALISS. Relationships with no contact for 6
 * months are flagged as gone quiet. Adding and updating go through core's
 * register operations; each change fires `links-network-change` with the
 * new register for the host to store.
 *
 * @summary List, add and update relationships with community organisations.
 *
 * @fires {CustomEvent<NetworkChangeDetail>} links-network-change - A relationship was added, updated, contacted, visited, ended or reactivated.
 *
 * @csspart scroll-region - The focusable, labelled region a wide data table scrolls in sideways (its first column stays in view).
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart summary - The figures: active relationships, listed on ALISS, gone quiet.
 * @csspart table - The table of relationships.
 * @csspart row - One relationship's row.
 * @csspart quiet - The "gone quiet" flag.
 * @csspart panel - The inline form for recording contact, editing or ending.
 * @csspart add-form - The form that adds a relationship.
 * @csspart error - A form's list of problems.
 * @csspart error-message - A field's error message.
 *
 * @cssproperty --links-network-register-quiet-background - Background of the "gone quiet" flag (default NHS warm yellow).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-error - Global: error colour.
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot - Optional text under the title.
 */
@localized()
export class LinksNetworkRegister extends LinksElement {
  static override styles = [LinksElement.styles, scrollRegionStyles, styles];

  /** The register to show and change. Never mutated: changes produce a new register. */
  @property({ attribute: false })
  register: NetworkRegister = createNetworkRegister();

  /** Today's date, `YYYY-MM-DD`: the default date for new entries, and what "quiet" is judged against. Default: today. */
  @property({ attribute: 'as-of' })
  asOf = todayIso();

  /** The role recorded as making each change (not a name). */
  @property({ attribute: 'recorded-by' })
  recordedBy = 'CLP';

  /** Months without contact after which a relationship is flagged as gone quiet. */
  @property({ attribute: 'quiet-after-months', type: Number })
  quietAfterMonths = QUIET_AFTER_MONTHS;

  /** The title (default "Community network", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title heading. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  @state() private panel: { id: string; mode: PanelMode } | undefined;
  @state() private panelErrors: readonly ValidationIssue[] = [];
  @state() private addErrors: readonly ValidationIssue[] = [];
  @state() private onlyQuiet = false;
  @state() private announcement = '';
  /** Core's register operations, loaded when the person first focuses a form or button (at the latest on saving). */
  private readonly changes = new OnDemand(() => import('./on-demand/changes.js'));
  /** A form whose first problem takes focus once it is rendered. */
  private focusErrorIn: HTMLFormElement | undefined;

  /** Resolves once the element has rendered and any change waiting for core's operations has finished. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.changes.settled();
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const form = this.focusErrorIn;
    this.focusErrorIn = undefined;
    if (form) this.focusFirstError(form);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('asOf') && !/^\d{4}-\d{2}-\d{2}$/.test(this.asOf)) this.asOf = todayIso();
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    const metrics = networkMetrics(this.register, this.asOf, { quietAfterMonths: this.quietAfterMonths });
    const rows = this.register.relationships.filter(
      (r) => !this.onlyQuiet || checkQuiet(r, this.asOf, this.quietAfterMonths).quiet,
    );
    return html`
      <section part="base" aria-labelledby="title" @focusin=${this.changes.prefetch}>
        ${heading(level, html`${this.label || msg('Community network')}`, { id: 'title', class: 'title', part: 'heading' })}
        <slot></slot>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
        <dl part="summary" class="summary">
          <div><dt>${msg('Active relationships')}</dt><dd>${formatNumber(metrics.activeRelationships)}</dd></div>
          <div>
            <dt>${msg('On ALISS')}</dt>
            <dd>${formatNumber(metrics.resourcesListed)}${
              metrics.listing.helpedToList > 0
                ? html` <span class="sub">${msg(str`(${formatNumber(metrics.listing.helpedToList)} helped to list)`)}</span>`
                : nothing
            }</dd>
          </div>
          <div class=${metrics.quiet.length > 0 ? 'has-quiet' : ''}>
            <dt>
              ${
                this.quietAfterMonths === 1
                  ? msg(str`No contact in ${formatNumber(this.quietAfterMonths)} month`)
                  : msg(str`No contact in ${formatNumber(this.quietAfterMonths)} months`)
              }
            </dt>
            <dd>${formatNumber(metrics.quiet.length)}</dd>
          </div>
        </dl>
        ${
          this.register.relationships.length > 0
            ? html`<p class="filter">
              <label
                ><input type="checkbox" .checked=${this.onlyQuiet} @change=${this.toggleQuiet} />
                ${msg('Show only relationships that have gone quiet')}</label
              >
            </p>`
            : nothing
        }
        ${
          this.register.relationships.length === 0
            ? html`<p class="empty">${msg('No relationships recorded yet. Add the first one below.')}</p>`
            : rows.length === 0
              ? html`<p class="empty">${msg('No relationship has gone quiet.')}</p>`
              : this.renderTable(rows)
        }
        ${this.renderAddForm(level + 1)}
      </section>
    `;
  }

  private renderTable(rows: readonly Relationship[]): TemplateResult {
    return html`
      <div class="table-wrap scroll-region" part="scroll-region" role="region" tabindex="0" aria-labelledby="table-caption">
        <table part="table">
          <caption id="table-caption" class="visually-hidden">${msg('Relationships with community organisations')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Organisation')}</th>
              <th scope="col">${msg('Contact', { id: 'network.column.contact' })}</th>
              <th scope="col">ALISS</th>
              <th scope="col">${msg('Last contact')}</th>
              <th scope="col">${msg('Visits')}</th>
              <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r) => this.renderRow(r))}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderRow(r: Relationship): TemplateResult {
    const quiet = checkQuiet(r, this.asOf, this.quietAfterMonths);
    const open = this.panel?.id === r.id ? this.panel.mode : undefined;
    const ended = r.status === 'ended';
    return html`
      <tr part="row" class=${ended ? 'ended' : quiet.quiet ? 'quiet' : ''} data-id=${r.id}>
        <th scope="row">
          ${r.organisation.name}
          ${ended ? html`<span class="badge ended-badge">${msg('Ended')}</span>` : nothing}
        </th>
        <td>${r.contactRole}${r.contactLabel ? html`<span class="label">${r.contactLabel}</span>` : nothing}</td>
        <td>${listingText()[r.alissListing]}</td>
        <td>
          ${r.lastContact ? formatDate(r.lastContact) : html`<span class="muted">${msg('None yet')}</span>`}
          ${
            quiet.quiet
              ? html`<span part="quiet" class="badge quiet-badge"
                  >${msg('Gone quiet')}<span class="visually-hidden">:</span></span
                ><span class="quiet-text">${quietText(quiet)}</span>`
              : nothing
          }
        </td>
        <td>${formatNumber(r.visits)}</td>
        <td class="actions">
          ${
            ended
              ? html`<button type="button" class="link" @click=${() => this.reactivate(r)}>
                ${msg('Reactivate')}<span class="visually-hidden"> ${r.organisation.name}</span>
              </button>`
              : html`
                ${this.actionButton(r, 'contact', msg('Record contact'))}
                ${this.actionButton(r, 'visit', msg('Record visit'))}
                ${this.actionButton(r, 'edit', msg('Edit'))}
                ${this.actionButton(r, 'end', msg('End'))}
              `
          }
        </td>
      </tr>
      ${open ? html`<tr class="panel-row"><td colspan="6">${this.renderPanel(r, open)}</td></tr>` : nothing}
    `;
  }

  private actionButton(r: Relationship, mode: PanelMode, text: string): TemplateResult {
    const open = this.panel?.id === r.id && this.panel.mode === mode;
    return html`<button type="button" class="link" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.togglePanel(r.id, mode)}>
      ${text}<span class="visually-hidden"> ${msg(str`for ${r.organisation.name}`)}</span>
    </button>`;
  }

  private renderPanel(r: Relationship, mode: PanelMode): TemplateResult {
    const id = `panel-${r.id}`;
    const title =
      mode === 'contact'
        ? msg(str`Record contact with ${r.organisation.name}`)
        : mode === 'visit'
          ? msg(str`Record a visit to ${r.organisation.name}`)
          : mode === 'edit'
            ? msg(str`Edit ${r.organisation.name}`)
            : msg(str`End the relationship with ${r.organisation.name}`);
    return html`
      <form part="panel" class="panel" aria-labelledby="${id}-title" novalidate @submit=${(e: Event) => this.savePanel(e, r, mode)}>
        <p class="panel-title" id="${id}-title">${title}</p>
        ${this.renderErrors(this.panelErrors)}
        ${
          mode === 'edit'
            ? html`
              ${this.field(`${id}-name`, msg('Organisation'), 'name', r.organisation.name, this.panelErrors, 'organisation.name')}
              ${this.field(`${id}-role`, msg('Contact role'), 'contactRole', r.contactRole, this.panelErrors, 'contactRole', msg('A role, not a name: for example "volunteer coordinator".'))}
              ${this.field(`${id}-label`, msg('Label', { id: 'network.field.label' }), 'contactLabel', r.contactLabel ?? '', this.panelErrors, 'contactLabel', msg('To tell contacts apart. No names, phone numbers or e-mail addresses.'), 'text', false)}
              ${this.listingSelect(`${id}-listing`, r.alissListing)}
            `
            : nothing
        }
        ${this.field(`${id}-date`, mode === 'end' ? msg('Date ended') : mode === 'edit' ? msg('Date of change') : msg('Date'), 'on', this.asOf, this.panelErrors, 'context.on', undefined, 'date')}
        ${this.field(`${id}-note`, mode === 'end' ? msg('Reason') : msg('Note'), 'note', '', this.panelErrors, 'context.note', msg('No personal contact details.'), 'textarea', mode === 'end')}
        <p class="buttons">
          <button type="submit" class="primary">${mode === 'end' ? msg('End relationship') : msg('Save')}</button>
          <button type="button" class="secondary" @click=${() => this.closePanel(r.id)}>${msg('Cancel')}</button>
        </p>
      </form>
    `;
  }

  private renderAddForm(level: number): TemplateResult {
    const errors = this.addErrors;
    return html`
      <form part="add-form" class="add" aria-labelledby="add-title" novalidate @submit=${this.add}>
        ${heading(level, html`${msg('Add a relationship')}`, { id: 'add-title', class: 'add-title' })}
        ${this.renderErrors(errors)}
        ${this.field('add-name', msg('Organisation'), 'name', '', errors, 'organisation.name')}
        ${this.field('add-role', msg('Contact role'), 'contactRole', '', errors, 'contactRole', msg('A role, not a name: for example "volunteer coordinator".'))}
        ${this.field('add-label', msg('Label', { id: 'network.field.label' }), 'contactLabel', '', errors, 'contactLabel', msg('To tell contacts apart. No names, phone numbers or e-mail addresses.'), 'text', false)}
        ${this.listingSelect('add-listing', 'not-listed')}
        ${this.field('add-date', msg('Date'), 'on', this.asOf, errors, 'context.on', undefined, 'date')}
        <p class="buttons"><button type="submit" class="primary">${msg('Add relationship')}</button></p>
      </form>
    `;
  }

  /**
   * One field of a register form (the kit's compact field): the first issue
   * core reports at `path` (or inside it) shown under the label, named by
   * the field.
   */
  private field(
    id: string,
    label: string,
    name: string,
    value: string,
    errors: readonly ValidationIssue[],
    path: string,
    hint?: string,
    control: 'text' | 'date' | 'textarea' = 'text',
    required = true,
  ): TemplateResult {
    const error = errors.find((e) => e.path === path || e.path.startsWith(`${path}.`));
    return field({
      look: 'compact',
      id,
      name,
      label,
      value,
      hint,
      control,
      required,
      errors: error ? [`${label} ${issueText(error)}`] : [],
      ...(control === 'textarea' ? { rows: 2, maxlength: 1000 } : { autocomplete: 'off' }),
    });
  }

  private listingSelect(id: string, value: AlissListing): TemplateResult {
    return html`
      <div class="field">
        <label for=${id}>${msg('On ALISS?')}</label>
        <select id=${id} name="alissListing">
          ${ALISS_LISTINGS.map((l) => html`<option value=${l} ?selected=${l === value}>${listingText()[l]}</option>`)}
        </select>
      </div>
    `;
  }

  private renderErrors(errors: readonly ValidationIssue[]): TemplateResult | typeof nothing {
    if (errors.length === 0) return nothing;
    return html`<div part="error" class="error" role="alert" tabindex="-1">
      <p class="error-title">${msg('There is a problem')}</p>
      <ul>${errors.map((e) => html`<li>${describeIssue(e)}</li>`)}</ul>
    </div>`;
  }

  private toggleQuiet(event: Event): void {
    this.onlyQuiet = (event.target as HTMLInputElement).checked;
  }

  private togglePanel(id: string, mode: PanelMode): void {
    const closing = this.panel?.id === id && this.panel.mode === mode;
    this.panel = closing ? undefined : { id, mode };
    this.panelErrors = [];
    if (!closing) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`#panel-${id}-${mode === 'edit' ? 'name' : 'date'}`)?.focus(),
      );
    }
  }

  private closePanel(id: string): void {
    this.panel = undefined;
    this.panelErrors = [];
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] .actions button`)?.focus(),
    );
  }

  private context(data: FormData): { on: string; by: string; note?: string } {
    const note = String(data.get('note') ?? '').trim();
    return { on: String(data.get('on') ?? ''), by: this.recordedBy, ...(note ? { note } : {}) };
  }

  private add(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const label = String(data.get('contactLabel') ?? '').trim();
    const input = {
      organisation: { name: String(data.get('name') ?? '') },
      contactRole: String(data.get('contactRole') ?? ''),
      ...(label ? { contactLabel: label } : {}),
      alissListing: String(data.get('alissListing')) as AlissListing,
    };
    const context = this.context(data);
    void this.changes.run(
      ({ addRelationship }) => {
        const result = addRelationship(this.register, input, context);
        if (!result.ok) {
          this.addErrors = result.errors;
          this.announcement = '';
          this.focusErrorIn = form;
          return;
        }
        this.addErrors = [];
        const added = result.value.relationships.at(-1)!;
        this.commit(result.value, 'added', added.id, msg(str`Added ${added.organisation.name}.`));
        form.reset();
        const date = form.querySelector<HTMLInputElement>('input[name="on"]');
        if (date) date.value = this.asOf;
        form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      },
      () => {
        this.addErrors = [{ path: '', message: loadFailedText() }];
        this.focusErrorIn = form;
      },
    );
  }

  private savePanel(event: Event, r: Relationship, mode: PanelMode): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const ctx = this.context(data);
    void this.changes.run(
      (changes) => this.applyPanel(changes, data, form, r, mode, ctx),
      () => {
        this.panelErrors = [{ path: '', message: loadFailedText() }];
        this.focusErrorIn = form;
      },
    );
  }

  private applyPanel(
    { recordContact, endRelationship, updateRelationship, setAlissListing }: Changes,
    data: FormData,
    form: HTMLFormElement,
    r: Relationship,
    mode: PanelMode,
    ctx: { on: string; by: string; note?: string },
  ): void {
    let result: RegisterResult;
    let change: NetworkEvent['type'];
    let message: string;
    switch (mode) {
      case 'contact':
      case 'visit':
        result = recordContact(this.register, r.id, mode, ctx);
        change = mode === 'visit' ? 'visited' : 'contacted';
        message =
          mode === 'visit'
            ? msg(str`Recorded a visit to ${r.organisation.name}.`)
            : msg(str`Recorded contact with ${r.organisation.name}.`);
        break;
      case 'end':
        result = endRelationship(this.register, r.id, ctx);
        change = 'ended';
        message = msg(str`Ended the relationship with ${r.organisation.name}.`);
        break;
      case 'edit': {
        const label = String(data.get('contactLabel') ?? '').trim();
        const updated = updateRelationship(
          this.register,
          r.id,
          {
            organisation: { ...r.organisation, name: String(data.get('name') ?? '') },
            contactRole: String(data.get('contactRole') ?? ''),
            contactLabel: label || null,
          },
          ctx,
        );
        result = updated.ok
          ? setAlissListing(updated.value, r.id, String(data.get('alissListing')) as AlissListing, ctx)
          : updated;
        change = updated.ok && updated.value !== this.register ? 'updated' : 'listing-changed';
        message = msg(str`Saved the changes to ${String(data.get('name') ?? r.organisation.name).trim()}.`);
        break;
      }
    }
    if (!result.ok) {
      this.panelErrors = result.errors.map((e) =>
        e.path.startsWith('changes.') ? { ...e, path: e.path.slice('changes.'.length) } : e,
      );
      this.focusErrorIn = form;
      return;
    }
    if (result.value === this.register) {
      this.closePanel(r.id);
      this.announcement = msg('Nothing changed.');
      return;
    }
    this.commit(result.value, change, r.id, message);
    this.closePanel(r.id);
  }

  private reactivate(r: Relationship): void {
    const context = { on: this.asOf, by: this.recordedBy };
    void this.changes.run(
      ({ reactivateRelationship }) => {
        const result = reactivateRelationship(this.register, r.id, context);
        if (!result.ok) {
          this.announcement = msg(str`Could not reactivate ${r.organisation.name}: ${issueText(result.errors[0]!)}.`);
          return;
        }
        this.commit(
          result.value,
          'reactivated',
          r.id,
          msg(str`Reactivated the relationship with ${r.organisation.name}.`),
        );
      },
      () => {
        this.announcement = loadFailedText();
      },
    );
  }

  private commit(
    register: NetworkRegister,
    change: NetworkEvent['type'],
    relationshipId: string,
    message: string,
  ): void {
    this.register = register;
    this.announcement = message;
    this.emit<NetworkChangeDetail>('links-network-change', { register, change, relationshipId });
  }

  private focusFirstError(form: HTMLFormElement): void {
    (
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[part="error"]')
    )?.focus();
  }
}

const fieldNames = (): Record<string, string> => ({
  'organisation.name': msg('Organisation'),
  contactRole: msg('Contact role'),
  contactLabel: msg('Label', { id: 'network.field.label' }),
  'context.on': msg('Date'),
  'context.note': msg('Note'),
  id: msg('This relationship'),
});

function describeIssue(issue: ValidationIssue): string {
  const name = fieldNames()[issue.path] ?? (issue.path.startsWith('organisation') ? msg('Organisation') : '');
  return name ? `${name} ${issueText(issue)}` : issueText(issue);
}

function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function formatDate(iso: string): string {
  return formatIsoDate(iso, 'medium');
}

/** How long a relationship has been quiet, in the page's locale (core's `QuietCheck.text`). */
function quietText(quiet: { readonly monthsSinceContact: number; readonly everContacted: boolean }): string {
  const months = quiet.monthsSinceContact;
  const n = formatNumber(months);
  if (quiet.everContacted) {
    if (months === 0) return msg('contacted within the last month');
    return months === 1 ? msg(str`no contact for ${n} month`) : msg(str`no contact for ${n} months`);
  }
  if (months === 0) return msg('no contact since it was added this month');
  return months === 1
    ? msg(str`no contact since it was added ${n} month ago`)
    : msg(str`no contact since it was added ${n} months ago`);
}
