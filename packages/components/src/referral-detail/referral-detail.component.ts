import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  allowedActions,
  applyEvent,
  CONSENT_SCOPES,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_SETTINGS,
  GOAL_STATUSES,
  messageBack,
  OUTCOME_CODES,
  resourceReferenceFrom,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  responseWindow,
  URGENCIES,
  validateReferralEvent,
  type ActorRole,
  type ReferralAction,
  type ReferralEvent,
  type ReferralState,
  type ResourceReference,
  type ResponseWindowOptions,
  type StatusReasonCode,
} from '@links-approach/core/referral';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import {
  actionLabel,
  businessStatusLabels,
  consentScopeLabels,
  consentStateLabels,
  contactAttemptOutcomeLabels,
  contactMethodLabels,
  contactSettingInSentence,
  contactSettingLabels,
  describeReferralEvent,
  goalStatusLabels,
  outcomeLabels,
  resourceLinkStatusLabels,
  resourceModeLabels,
  roleLabels,
  routeLabels,
  statusLabels,
  statusReasonLabels,
  urgencyLabels,
} from '../internal/referral-labels.js';
import { refusalText } from '../internal/messages.js';
import { PersonLabels } from '../internal/provided.js';
import { ConnectedReferrals } from '../internal/connected-referrals.js';
import type { AppendError, QueuedEvent } from '@links-approach/core/service';
import {
  errorSummary,
  fieldId,
  fieldPathsOf,
  focusField,
  formStyles,
  inlineError,
  numberValue,
  resolveErrors,
  textValue,
  type FieldError,
} from '../internal/form-errors.js';
import { styles } from './referral-detail.styles.js';

/** Detail of the `links-referral-change` event. */
export interface ReferralChangeDetail {
  /** The event the user recorded, already accepted by the workflow. */
  readonly event: ReferralEvent;
  /** The referral after the event. */
  readonly referral: ReferralState;
  /** The referral before it. */
  readonly previous: ReferralState;
}

type Option = readonly [value: string, label: string];

/** The workflow's labels in the page's locale, read when rendering. */
const L = {
  get status() {
    return statusLabels();
  },
  get businessStatus() {
    return businessStatusLabels();
  },
  get role() {
    return roleLabels();
  },
  get route() {
    return routeLabels();
  },
  get urgency() {
    return urgencyLabels();
  },
  get consentScope() {
    return consentScopeLabels();
  },
  get contactMethod() {
    return contactMethodLabels();
  },
  get contactAttemptOutcome() {
    return contactAttemptOutcomeLabels();
  },
  get contactSetting() {
    return contactSettingLabels();
  },
  get goalStatus() {
    return goalStatusLabels();
  },
  get resourceMode() {
    return resourceModeLabels();
  },
  get resourceLinkStatus() {
    return resourceLinkStatusLabels();
  },
  get outcome() {
    return outcomeLabels();
  },
};
const dateTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * A status reason as the toolkit's own screens show it: the code's label,
 * then the free text. (The free text is the practice's own record; what
 * leaves the toolkit is decided by core's message back and exports.)
 */
function reasonText(code: StatusReasonCode | undefined, text: string | undefined): string {
  return [code ? statusReasonLabels()[code] : '', text?.trim() ?? ''].filter(Boolean).join(': ');
}

/** A store's refusal of an append, in plain words for the person recording it. */
function explainAppendError(error: AppendError): string {
  switch (error.code) {
    case 'conflict':
      return msg(
        'Someone else changed this referral while you were recording. It has been reloaded: check it, then record again.',
      );
    case 'forbidden':
      return msg(str`Your role may not record this. ${error.message}`);
    case 'refused':
      return error.message;
    case 'unreachable':
      return error.message
        ? msg(str`The service cannot be reached. ${error.message}`)
        : msg('The service cannot be reached, and this could not be kept to send later. Nothing was recorded.');
    default:
      return msg(str`This could not be recorded. ${error.message}`);
  }
}

/** Picks the first id of the form `<prefix><n>` not used yet. */
function nextId(prefix: string, used: readonly string[]): string {
  for (let n = used.length + 1; ; n++) if (!used.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

function defaultEventId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return `evt-${
    c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`
  }`;
}

/**
 * One referral in full: its details, the actions the current user may take
 * now (exactly those core's `allowedActions` offers, each with the fields it
 * needs), goals, contacts, resource links, follow-ups, the complete timeline
 * (the audit trail: who, in which role, when, what and why) and a preview of
 * the message back to the GP and referrer.
 *
 * Recording an action builds a referral event, checks it with core
 * (`validateReferralEvent`, then `applyEvent`), and fires a cancelable
 * `links-referral-change` with the new state; unless the host cancels it,
 * the element shows the new state. A refused event is shown with core's
 * reason and changes nothing.
 *
 * Inside a `<links-provider>` connected to a referral store, and while the
 * host sets no `referral`, the element loads the referral named by
 * `referral-id` from the store, fetches it again when it changes, and
 * appends recorded events through the store (after `links-referral-change`,
 * unless the host cancels it). It then shows when the data was last up to
 * date, the events waiting to be sent, the queued events that were refused
 * (with the reason and a Discard button), and a refusal, a missing
 * permission or a lost connection in plain words at the action.
 *
 * To link a resource found in a directory, put a
 * `<links-resource-finder>` in the `resource-finder` slot: choosing a
 * resource there fills the link form.
 *
 * @summary A referral's details, allowed actions, casework, timeline and message back.
 *
 * @fires {CustomEvent<ReferralChangeDetail>} links-referral-change - An action was recorded (cancelable: cancel to keep the element's referral as it was).
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart status - The status badge.
 * @csspart facts - The list of key facts.
 * @csspart actions - The actions section.
 * @csspart action-button - A button for one allowed action.
 * @csspart action-form - The form of the chosen action.
 * @csspart error-summary - The problems with the last attempt.
 * @csspart section - A section: goals, contacts, resources, follow-ups, timeline.
 * @csspart timeline - The audit trail list.
 * @csspart message-back - The message-back preview.
 * @csspart connection - Connected to a store: when the data was last up to date, and the changes waiting to be sent.
 * @csspart not-sent - Connected to a store: queued changes that were refused, each with its reason and a Discard button.
 * @csspart discard-button - The button that discards one refused queued change.
 *
 * @cssproperty --links-referral-detail-accent - Colour of the status badge and section rules (default the primary colour).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-error - Global: error colour.
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot resource-finder - A resource finder (e.g. `<links-resource-finder>`), shown in the "Link a resource" form; its `links-resource-select` event fills the form.
 */
@localized()
export class LinksReferralDetail extends LinksElement {
  static override styles = [LinksElement.styles, formStyles, styles];

  /** The referral to show (a core referral state). Leave it unset inside a provider with a referral store, and set `referral-id`. */
  @property({ attribute: false })
  referral: ReferralState | undefined;

  /** Connected to a referral store: the id of the referral to load from it. */
  @property({ attribute: 'referral-id' })
  referralId: string | undefined;

  /** The current user's role: `referrer`, `clp`, `practice-manager` or `system`. */
  @property({ attribute: 'user-role' })
  userRole: ActorRole = 'clp';

  /** The current user's staff pseudonym. Without it no action is offered. */
  @property({ attribute: 'user-id' })
  userId = '';

  /** "Now" for the response window: a Date or an ISO date. Default: the current time. */
  @property({ attribute: 'as-of' })
  asOf: string | Date | undefined;

  /** The practices the current user acts for (practice ids); when given, actions stay within them. */
  @property({ attribute: false })
  userPractices: readonly string[] | undefined;

  /**
   * One response window, in days, for every urgency. Leave it unset to use
   * the window for the referral's urgency (core's `responseWindowFor`:
   * `responseWindows`, else urgent 2 working days, soon 7 days, routine 14 days).
   */
  @property({ attribute: 'response-window', type: Number })
  responseWindow: number | undefined;

  /** The host's response window per urgency (core's `ResponseWindowOptions.responseWindows`). */
  @property({ attribute: false })
  responseWindows: ResponseWindowOptions['responseWindows'];

  /** Holidays (`YYYY-MM-DD`) that are not working days, for windows in working days. */
  @property({ attribute: false })
  holidays: readonly string[] | undefined;

  /** The framework whose themes reasons and goals use. */
  @property({ attribute: false })
  framework: Framework = LINKS_FRAMEWORK;

  /** Level (2–5) of the title heading; sections sit one below. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Makes ids for new events (default: `evt-<uuid>`). */
  @property({ attribute: false })
  eventId: () => string = defaultEventId;

  /** The time new events are recorded at (default: the current time). */
  @property({ attribute: false })
  now: () => Date = () => new Date();

  @state() private action: ReferralAction | undefined;
  @state() private errors: FieldError[] = [];
  @state() private refusal = '';
  @state() private announcement = '';
  @state() private picked: ResourceReference | undefined;
  /** People as the host labels them (inside a `<links-provider>` with a resolver), else their references. */
  private readonly people = new PersonLabels(this);
  /** The provider's referral store, its queue and its connection status. */
  private readonly connection = new ConnectedReferrals(this, (id) => {
    if (id === undefined || id === this.referralId) void this.load();
  });
  /** What the store last gave (so a referral the host sets is never overwritten), and its stream version. */
  private loaded: ReferralState | undefined;
  private version = 0;
  private loads = 0;
  @state() private loadError = '';
  @state() private sending = false;

  /** Whether the referral comes from the provider's store (the host has set none of its own). */
  private get fromStore(): boolean {
    return this.connection.store !== undefined && (this.referral === undefined || this.referral === this.loaded);
  }

  private async load(): Promise<void> {
    const store = this.connection.store;
    const id = this.referralId;
    if (!store || !this.fromStore) return;
    const load = ++this.loads;
    if (!id) {
      this.loaded = undefined;
      this.referral = undefined;
      return;
    }
    try {
      const found = await store.get(id);
      if (load !== this.loads || !this.fromStore) return;
      this.loadError = found ? '' : msg('This referral was not found, or you may not see it.');
      this.loaded = found?.referral.state;
      this.version = found?.referral.version ?? 0;
      this.referral = this.loaded;
    } catch {
      if (load !== this.loads) return;
      this.loadError = msg('The referral could not be loaded: the service cannot be reached. Try again when connected.');
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('referralId') && changed.get('referralId') !== undefined) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel') && ![2, 3, 4, 5].includes(this.headingLevel)) this.headingLevel = 2;
    if (changed.has('referralId') && changed.get('referralId') === undefined && this.referralId) void this.load();
    if (changed.has('referral') && changed.get('referral')?.id !== this.referral?.id) this.closeAction();
  }

  protected override render(): TemplateResult {
    const referral = this.referral;
    const level = this.headingLevel;
    if (!referral) {
      return html`<section part="base">
        ${this.fromStore ? this.connection.renderStatus(0) : nothing}
        ${this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}
        <p class="empty">${msg('No referral chosen.')}</p>
      </section>`;
    }
    const connected = this.fromStore;
    const waiting = connected ? this.connection.waiting((e) => e.referralId === referral.id) : [];
    return html`
      <article part="base" aria-labelledby="title">
        <header>
          ${heading(level, html`${msg(str`Referral ${referral.id}`)}`, { id: 'title', class: 'title', part: 'heading' })}
          <p class="status-line" tabindex="-1">
            <span class="badge" part="status">${L.status[referral.status]}</span>
            ${referral.businessStatus
              ? html`<span class="business">${L.businessStatus[referral.businessStatus]}</span>`
              : nothing}
            ${reasonText(referral.statusReasonCode, referral.statusReason)
              ? html`<span class="reason"
                  >${msg(str`Reason: ${reasonText(referral.statusReasonCode, referral.statusReason)}`)}</span
                >`
              : nothing}
          </p>
        </header>
        ${connected ? this.connection.renderStatus(waiting.length) : nothing}
        ${connected && this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}
        ${connected ? this.renderNotSent(referral, level + 1) : nothing}
        ${this.renderFacts(referral)}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        ${this.renderActions(referral, level + 1)} ${this.renderGoals(referral, level + 1)}
        ${this.renderContacts(referral, level + 1)} ${this.renderResources(referral, level + 1)}
        ${this.renderFollowUps(referral, level + 1)}
        ${this.renderTimeline(referral, level + 1, new Set(waiting.map((e) => e.event.id)))}
        ${this.renderMessageBack(referral)}
      </article>
    `;
  }

  private themeName(id: string): string {
    return this.framework.themes.find((t) => t.id === id)?.name ?? id;
  }

  private renderFacts(r: ReferralState): TemplateResult {
    const window = responseWindow(r, {
      asOf: this.asOf ?? new Date(),
      ...(this.responseWindow !== undefined ? { responseWindowDays: this.responseWindow } : {}),
      ...(this.responseWindows ? { responseWindows: this.responseWindows } : {}),
      ...(this.holidays ? { holidays: this.holidays } : {}),
    });
    const response = r.respondedAt
      ? window.respondedLate
        ? msg(str`Responded ${r.respondedAt.slice(0, 10)} (after the response window)`)
        : msg(str`Responded ${r.respondedAt.slice(0, 10)}`)
      : window.dueBy
      ? window.overdue
        ? msg(str`Overdue: was due ${window.dueBy.slice(0, 10)}`)
        : msg(str`Due by ${window.dueBy.slice(0, 10)}`)
      : msg('Not requested yet');
    return html`<dl class="facts" part="facts">
      <div>
        <dt>${msg('Person')}</dt>
        <dd>${this.people.display(r.person)}</dd>
      </div>
      <div>
        <dt>${msg('Practice')}</dt>
        <dd>${r.practiceId}</dd>
      </div>
      <div>
        <dt>${msg('Route')}</dt>
        <dd>${L.route[r.route]}${r.routeDetail ? html` (${r.routeDetail})` : nothing}</dd>
      </div>
      <div>
        <dt>${msg('Urgency')}</dt>
        <dd>${L.urgency[r.urgency]}</dd>
      </div>
      <div>
        <dt>${msg('Referred by')}</dt>
        <dd>${r.referrerId}, ${r.createdAt.slice(0, 10)}</dd>
      </div>
      <div>
        <dt>${msg('Community Links Practitioner', { id: 'referral.role.clp' })}</dt>
        <dd>${r.clpId ?? msg('Not yet assigned')}</dd>
      </div>
      <div>
        <dt>${msg('Response')}</dt>
        <dd class=${window.overdue ? 'overdue' : ''}>${response}</dd>
      </div>
      ${r.previousReferralId
        ? html`<div>
            <dt>${msg('Reopens')}</dt>
            <dd>${r.previousReferralId}</dd>
          </div>`
        : nothing}
      <div class="wide">
        <dt>${msg('Reasons')}</dt>
        <dd>
          <ul>
            ${r.reasons.map(
              (reason) =>
                html`<li>
                  <strong>${this.themeName(reason.themeId)}</strong>${reason.text ? html`: ${reason.text}` : nothing}
                </li>`,
            )}
          </ul>
        </dd>
      </div>
      <div class="wide">
        <dt>${msg('Consent')}</dt>
        <dd>
          <ul>
            ${CONSENT_SCOPES.map(
              (scope) =>
                html`<li>
                  ${L.consentScope[scope]}:
                  <strong>${consentStateLabels()[r.consent[scope]]}</strong>
                </li>`,
            )}
          </ul>
          ${r.doNotContact ? html`<p class="flag">${msg('Do not contact')}</p>` : nothing}
        </dd>
      </div>
    </dl>`;
  }

  private renderActions(r: ReferralState, level: number): TemplateResult {
    const actions = this.userId
      ? allowedActions(
          r,
          { role: this.userRole, id: this.userId, ...(this.userPractices ? { practices: this.userPractices } : {}) },
          { framework: this.framework },
        )
      : [];
    return html`<section class="actions" part="actions" aria-labelledby="actions-heading">
      ${heading(level, html`${msg('What you can do now')}`, { id: 'actions-heading', class: 'section-heading' })}
      ${!this.userId
        ? html`<p>${msg('Actions are not available: the page has not said who you are.')}</p>`
        : actions.length === 0
        ? html`<p>${msg('There is nothing you can record on this referral now.')}</p>`
        : html`<ul class="action-list">
            ${actions.map(
              (action) => html`<li>
                <button
                  type="button"
                  class="secondary"
                  part="action-button"
                  aria-expanded=${this.isOpen(action) ? 'true' : 'false'}
                  @click=${() => this.openAction(action)}
                >
                  ${actionLabel(action, r)}
                </button>
              </li>`,
            )}
          </ul>`}
      ${this.action ? this.renderActionForm(this.action, level + 1) : nothing}
    </section>`;
  }

  private isOpen(action: ReferralAction): boolean {
    return this.action?.type === action.type && this.action.to === action.to;
  }

  private field(
    path: string,
    label: string,
    control: 'text' | 'textarea' | 'select' | 'number' | 'date',
    options: { options?: readonly Option[]; hint?: string; required?: boolean; value?: string } = {},
  ): TemplateResult {
    const id = fieldId(path);
    const error = this.errors.find((e) => e.path === path);
    const hintId = `${id}-hint`;
    const describedby = [options.hint ? hintId : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const invalid = error ? 'true' : nothing;
    let input: TemplateResult;
    switch (control) {
      case 'textarea':
        input = html`<textarea
          id=${id}
          name=${path}
          data-path=${path}
          rows="3"
          aria-describedby=${describedby}
          aria-invalid=${invalid}
        ></textarea>`;
        break;
      case 'select':
        input = html`<select
          id=${id}
          name=${path}
          data-path=${path}
          aria-describedby=${describedby}
          aria-invalid=${invalid}
        >
          ${(options.options ?? []).map(
            ([value, text]) => html`<option value=${value} ?selected=${value === options.value}>${text}</option>`,
          )}
        </select>`;
        break;
      default:
        input = html`<input
          id=${id}
          name=${path}
          data-path=${path}
          type=${control === 'number' ? 'text' : control}
          inputmode=${control === 'number' ? 'numeric' : nothing}
          class=${control === 'number' || control === 'date' ? 'width-10' : 'width-full'}
          aria-describedby=${describedby}
          aria-invalid=${invalid}
          .value=${options.value ?? ''}
        />`;
    }
    return html`<div class="form-group ${error ? 'has-error' : ''}">
      <label for=${id}
        >${label}${options.required === false
          ? html` <span class="optional">${msg('(optional)')}</span>`
          : nothing}</label
      >
      ${options.hint ? html`<span class="hint" id=${hintId}>${options.hint}</span>` : nothing}
      ${inlineError(this.errors, path)} ${input}
    </div>`;
  }

  private renderActionForm(action: ReferralAction, level: number): TemplateResult {
    const r = this.referral!;
    const opts = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] =>
      values.map((v) => [v, labels[v]] as const);
    const themes: Option[] = this.framework.themes.map((t) => [t.id, t.name] as const);
    let fields: TemplateResult;
    switch (action.type) {
      case 'status-changed':
        fields = html`${action.requires.includes('outcome')
          ? html`${this.field('outcome.code', msg('Outcome'), 'select', { options: opts(OUTCOME_CODES, L.outcome) })}
            ${this.field('outcome.summary', msg('What changed for the person'), 'textarea', {
              hint: msg('Goes into the message back to the GP and referrer.'),
            })}`
          : nothing}
        ${action.reasonCodes
          ? html`${this.field('reasonCode', msg('Reason'), 'select', {
              options: [
                ['', msg('Choose a reason')],
                ...action.reasonCodes.map((code) => [code, statusReasonLabels()[code]] as const),
              ],
              hint: msg('The reason’s label goes back to the GP and referrer.'),
            })}
            ${this.field('reason', msg('Details'), 'textarea', {
              required: false,
              hint: msg('Kept in the toolkit. Shared with the GP record only with the person’s consent.'),
            })}`
          : this.field('reason', msg('Reason'), 'textarea', { required: false })}`;
        break;
      case 'details-updated':
        fields = this.field('urgency', msg('Urgency'), 'select', { options: opts(URGENCIES, L.urgency), value: r.urgency });
        break;
      case 'clp-assigned':
        fields = this.field('clpId', msg('Community Links Practitioner (staff reference)'), 'text');
        break;
      case 'consent-given':
        fields = this.field('scope', msg('Consent given for'), 'select', {
          options: CONSENT_SCOPES.filter((s) => r.consent[s] !== 'given').map((s) => [s, L.consentScope[s]] as const),
        });
        break;
      case 'consent-withdrawn':
        fields = this.field('scope', msg('Consent withdrawn for'), 'select', {
          options: CONSENT_SCOPES.filter((s) => r.consent[s] === 'given').map((s) => [s, L.consentScope[s]] as const),
        });
        break;
      case 'do-not-contact-set':
      case 'do-not-contact-cleared':
        fields = this.field('reason', msg('Reason'), 'textarea', { required: false });
        break;
      case 'contact-attempted':
        fields = html`${this.field('method', msg('How', { id: 'referral.field.contact-method' }), 'select', { options: opts(CONTACT_METHODS, L.contactMethod) })}
        ${this.field('outcome', msg('What happened'), 'select', {
          options: opts(CONTACT_ATTEMPT_OUTCOMES, L.contactAttemptOutcome),
        })}`;
        break;
      case 'contact-recorded':
        fields = html`${this.field('setting', msg('Where', { id: 'referral.field.contact-setting' }), 'select', { options: opts(CONTACT_SETTINGS, L.contactSetting) })}
        ${this.field('durationMinutes', msg('Length in minutes'), 'number', {
          hint: msg(str`For example, ${formatNumber(45)}`),
        })}`;
        break;
      case 'goal-added':
        fields = html`${this.field('statement', msg('Goal, in the person’s words'), 'textarea')}
        ${this.field('themeId', msg('Theme'), 'select', { options: themes })}
        ${this.field('status', msg('Status'), 'select', {
          options: [
            ['active', L.goalStatus.active],
            ['proposed', L.goalStatus.proposed],
          ],
        })}`;
        break;
      case 'goal-updated':
        fields = html`${this.field('goalId', msg('Goal'), 'select', {
          options: r.goals.map((g) => [g.id, g.statement] as const),
        })}
        ${this.field('status', msg('New status'), 'select', { options: opts(GOAL_STATUSES, L.goalStatus) })}`;
        break;
      case 'resource-linked':
        fields = html`<div class="finder">
            <slot name="resource-finder" @links-resource-select=${this.onResourcePicked}></slot>
          </div>
          ${this.picked
            ? html`<p class="picked">
                ${msg(html`Chosen: <strong>${this.picked.name}</strong>`)}${this.picked.source
                  ? html` (${this.picked.source})`
                  : nothing}
              </p>`
            : nothing}
          ${this.field('resource.name', msg('Resource name'), 'text', {
            value: this.picked?.name ?? '',
            hint: msg('Filled in when you choose a resource above; or type it.'),
          })}
          ${this.field('resource.id', msg('Resource reference'), 'text', {
            value: this.picked?.id ?? '',
            hint: msg('Its id in the directory, or any reference the practice uses.'),
          })}
          ${this.field('mode', msg('How', { id: 'referral.field.resource-mode' }), 'select', {
            options: opts(RESOURCE_MODES, L.resourceMode),
            hint: msg('Referring shares the person’s details: it needs their consent.'),
          })}`;
        break;
      case 'resource-updated':
        fields = html`${this.field('linkId', msg('Resource'), 'select', {
          options: r.resourceLinks.map((l) => [l.id, l.resource.name] as const),
        })}
        ${this.field('status', msg('New status'), 'select', { options: opts(RESOURCE_LINK_STATUSES, L.resourceLinkStatus) })}`;
        break;
      case 'follow-up-scheduled':
        fields = html`${this.field('due', msg('Due on'), 'date')}
        ${this.field('note', msg('What to follow up'), 'textarea', { required: false })}`;
        break;
      case 'follow-up-done':
        fields = this.field('followUpId', msg('Follow-up'), 'select', {
          options: r.followUps
            .filter((f) => !f.done)
            .map((f) => [f.id, `${f.due}${f.note ? `: ${f.note}` : ''}`] as const),
        });
        break;
      case 'outcome-recorded':
        fields = html`${this.field('outcome.code', msg('Outcome'), 'select', { options: opts(OUTCOME_CODES, L.outcome) })}
        ${this.field('outcome.summary', msg('What changed for the person'), 'textarea')}`;
        break;
      case 'note-added':
        fields = this.field('text', msg('Note'), 'textarea');
        break;
      default:
        fields = html``;
    }
    const fallbackLabel = (path: string) =>
      this.renderRoot
        .querySelector<HTMLLabelElement>(`label[for="${CSS.escape(fieldId(path))}"]`)
        ?.textContent?.replace(msg('(optional)'), '')
        .trim() ?? '';
    return html`<form
      class="action-form"
      part="action-form"
      novalidate
      aria-labelledby="action-heading"
      @submit=${this.onSubmit}
    >
      ${heading(level, html`${actionLabel(action, r)}`, { id: 'action-heading', class: 'form-heading' })}
      ${this.refusal
        ? html`<div class="refusal" role="alert" part="error-summary" tabindex="-1">
            ${heading(level + 1, html`${msg('This was not recorded')}`, { class: 'error-summary-title' })}
            <p>${this.refusal}</p>
          </div>`
        : nothing}
      ${errorSummary(this.errors, (path) => focusField(this.renderRoot as ShadowRoot, path), fallbackLabel, level + 1)}
      ${fields}
      <div class="button-row">
        <button type="submit" ?disabled=${this.sending}>${msg('Record')}</button>
        <button type="button" class="secondary" @click=${() => this.cancelAction()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  private renderGoals(r: ReferralState, level: number): TemplateResult {
    return html`<section part="section" aria-labelledby="goals-heading">
      ${heading(level, html`${msg('Goals')}`, { id: 'goals-heading', class: 'section-heading' })}
      ${r.goals.length === 0
        ? html`<p>${msg('No goals yet.')}</p>`
        : html`<ul class="plain">
            ${r.goals.map(
              (g) =>
                html`<li>
                  <span class="item">${g.statement}</span> <span class="meta">${this.themeName(g.themeId)}</span>
                  <span class="tag">${L.goalStatus[g.status]}</span>
                </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderContacts(r: ReferralState, level: number): TemplateResult {
    return html`<section part="section" aria-labelledby="contacts-heading">
      ${heading(level, html`${msg('Contacts')}`, { id: 'contacts-heading', class: 'section-heading' })}
      <p>
        ${r.contacts.length === 1
          ? msg(str`${formatNumber(r.contacts.length)} contact`)
          : msg(str`${formatNumber(r.contacts.length)} contacts`)};
        ${r.contactAttempts.length === 1
          ? msg(str`${formatNumber(r.contactAttempts.length)} attempt to make contact.`)
          : msg(str`${formatNumber(r.contactAttempts.length)} attempts to make contact.`)}
      </p>
      ${r.contacts.length > 0
        ? html`<ul class="plain">
            ${r.contacts.map(
              (c) =>
                html`<li>
                  ${msg(
                    str`${c.at.slice(0, 10)}: ${contactSettingInSentence()[c.setting]}, ${formatNumber(c.durationMinutes)} minutes`,
                  )}
                </li>`,
            )}
          </ul>`
        : nothing}
    </section>`;
  }

  private renderResources(r: ReferralState, level: number): TemplateResult {
    return html`<section part="section" aria-labelledby="resources-heading">
      ${heading(level, html`${msg('Community resources')}`, { id: 'resources-heading', class: 'section-heading' })}
      ${r.resourceLinks.length === 0
        ? html`<p>${msg('No resources linked yet.')}</p>`
        : html`<ul class="plain">
            ${r.resourceLinks.map(
              (l) => html`<li>
                <span class="item">${l.resource.name}</span>${l.resource.source
                  ? html` <span class="meta">${l.resource.source}</span>`
                  : nothing} <span class="tag">${L.resourceMode[l.mode]}</span>
                <span class="tag">${L.resourceLinkStatus[l.status]}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderFollowUps(r: ReferralState, level: number): TemplateResult {
    const today = (this.asOf instanceof Date ? this.asOf : this.asOf ? new Date(this.asOf) : new Date())
      .toISOString()
      .slice(0, 10);
    return html`<section part="section" aria-labelledby="follow-ups-heading">
      ${heading(level, html`${msg('Follow-ups')}`, { id: 'follow-ups-heading', class: 'section-heading' })}
      ${r.followUps.length === 0
        ? html`<p>${msg('No follow-ups.')}</p>`
        : html`<ul class="plain">
            ${r.followUps.map(
              (f) => html`<li>
                ${msg(str`Due ${f.due}`)}${f.note ? html`: ${f.note}` : nothing}
                ${f.done
                  ? html`<span class="tag">${msg('Done')}</span>`
                  : f.due < today
                  ? html`<span class="flag">${msg('Overdue')}</span>`
                  : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderNotSent(r: ReferralState, level: number): TemplateResult | typeof nothing {
    const refused = this.connection.refused((e) => e.referralId === r.id);
    if (refused.length === 0) return nothing;
    return html`<section class="not-sent" part="not-sent" aria-labelledby="not-sent-heading">
      ${heading(level, html`${msg('Not sent')}`, { id: 'not-sent-heading', class: 'section-heading' })}
      <p>
        ${msg(
          'These changes were recorded on this device but the service refused them. Read why, record again what is still needed, then discard them.',
        )}
      </p>
      <ul class="plain">
        ${refused.map((entry) => this.renderRefused(entry, r))}
      </ul>
    </section>`;
  }

  private renderRefused(entry: QueuedEvent, r: ReferralState): TemplateResult {
    const what = describeReferralEvent(entry.event, { referral: r, framework: this.framework });
    return html`<li>
      <time datetime=${entry.event.at}>${dateTime(entry.event.at)}</time>
      <span class="what">${what}</span>
      <span class="why">${msg(str`Why it was not sent: ${entry.refused?.reason ?? ''}`)}</span>
      <button type="button" class="secondary" part="discard-button" @click=${() => this.discard(entry, what)}>
        ${msg('Discard')}<span class="visually-hidden"> ${what}</span>
      </button>
    </li>`;
  }

  private async discard(entry: QueuedEvent, what: string): Promise<void> {
    if (await this.connection.discard(entry.key)) {
      this.announcement = msg(str`Discarded: ${what}.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus();
    }
  }

  private renderTimeline(r: ReferralState, level: number, waiting: ReadonlySet<string> = new Set()): TemplateResult {
    return html`<section part="section" aria-labelledby="timeline-heading">
      ${heading(level, html`${msg('Timeline')}`, { id: 'timeline-heading', class: 'section-heading' })}
      <ol class="timeline" part="timeline">
        ${r.timeline.map(
          (event) => html`<li>
            <time datetime=${event.at}>${dateTime(event.at)}</time>
            <span class="who">${L.role[event.actor.role]} ${event.actor.id}</span>
            <span class="what">${describeReferralEvent(event, { referral: r, framework: this.framework })}</span>
            ${reasonText(event.type === 'status-changed' ? event.reasonCode : undefined, event.reason)
              ? html`<span class="why"
                  >${msg(
                    str`Reason: ${reasonText(event.type === 'status-changed' ? event.reasonCode : undefined, event.reason)}`,
                  )}</span
                >`
              : nothing}
            ${event.type === 'note-added' ? html`<span class="note">${event.text}</span>` : nothing}
            ${event.type === 'created' && event.note ? html`<span class="note">${event.note}</span>` : nothing}
            ${waiting.has(event.id) ? html`<span class="tag waiting">${msg('Waiting to send')}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderMessageBack(r: ReferralState): TemplateResult {
    const message = messageBack(r, { framework: this.framework });
    return html`<details class="message-back" part="message-back">
      <summary>
        ${message.data.final
          ? msg('Message back to the GP and referrer')
          : msg('Interim update for the GP and referrer')}
      </summary>
      <pre>${message.text}</pre>
    </details>`;
  }

  private openAction(action: ReferralAction): void {
    this.action = this.isOpen(action) ? undefined : action;
    this.errors = [];
    this.refusal = '';
    this.picked = undefined;
    if (this.action) void this.updateComplete.then(() => this.focusActionForm());
  }

  /**
   * Focuses the open form's first field. In "Link a resource" that is the
   * slotted finder (whose focus() goes to its search box) when the host
   * gave one that takes focus; otherwise the form's own first field.
   */
  private focusActionForm(): void {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('.action-form slot[name="resource-finder"]');
    const finder = slot?.assignedElements()[0] as HTMLElement | undefined;
    finder?.focus();
    if (finder?.matches(':focus-within')) return;
    this.renderRoot.querySelector<HTMLElement>('.action-form select, .action-form input, .action-form textarea')?.focus();
  }

  /** Closes the open action and returns focus to the button that opened it. */
  private cancelAction(): void {
    const opener = this.renderRoot.querySelector<HTMLElement>('[part="action-button"][aria-expanded="true"]');
    this.closeAction();
    void this.updateComplete.then(() => opener?.focus());
  }

  private closeAction(): void {
    this.action = undefined;
    this.errors = [];
    this.refusal = '';
    this.picked = undefined;
  }

  private onResourcePicked = (event: Event): void => {
    const detail = (
      event as CustomEvent<{
        resource?: { id: string; name: string; provenance?: { sourceName?: string; source?: string } };
      }>
    ).detail;
    if (detail?.resource) this.picked = resourceReferenceFrom(detail.resource);
  };

  /** Builds the event the open form describes (unchecked: core checks it). */
  private buildEvent(form: HTMLFormElement): ReferralEvent {
    const r = this.referral!;
    const action = this.action!;
    const data = new FormData(form);
    const text = (name: string) => textValue(data, name);
    const base: Record<string, unknown> = {
      id: this.eventId(),
      referralId: r.id,
      type: action.type,
      at: this.now().toISOString(),
      actor: { role: this.userRole, id: this.userId },
    };
    const reason = text('reason');
    if (reason !== undefined) base['reason'] = reason;
    if (this.userPractices) (base['actor'] as Record<string, unknown>)['practices'] = [...this.userPractices];
    const outcome = () => ({ code: text('outcome.code'), summary: text('outcome.summary') ?? '' });
    const fields: Record<string, unknown> = {};
    switch (action.type) {
      case 'status-changed':
        fields['to'] = action.to;
        fields['reasonCode'] = text('reasonCode');
        if (action.requires.includes('outcome')) fields['outcome'] = outcome();
        break;
      case 'details-updated':
        fields['urgency'] = text('urgency');
        break;
      case 'clp-assigned':
        fields['clpId'] = text('clpId');
        break;
      case 'consent-given':
      case 'consent-withdrawn':
        fields['scope'] = text('scope');
        break;
      case 'contact-attempted':
        fields['method'] = text('method');
        fields['outcome'] = text('outcome');
        break;
      case 'contact-recorded':
        fields['setting'] = text('setting');
        fields['durationMinutes'] = numberValue(data, 'durationMinutes');
        break;
      case 'goal-added':
        fields['goalId'] = nextId(
          'g',
          r.goals.map((g) => g.id),
        );
        fields['statement'] = text('statement');
        fields['themeId'] = text('themeId');
        fields['status'] = text('status');
        break;
      case 'goal-updated':
        fields['goalId'] = text('goalId');
        fields['status'] = text('status');
        break;
      case 'resource-linked':
        fields['linkId'] = nextId(
          'l',
          r.resourceLinks.map((l) => l.id),
        );
        fields['resource'] = {
          id: text('resource.id') ?? this.picked?.id,
          name: text('resource.name') ?? this.picked?.name,
          ...(this.picked?.source ? { source: this.picked.source } : {}),
        };
        fields['mode'] = text('mode');
        break;
      case 'resource-updated':
        fields['linkId'] = text('linkId');
        fields['status'] = text('status');
        break;
      case 'follow-up-scheduled':
        fields['followUpId'] = nextId(
          'f',
          r.followUps.map((f) => f.id),
        );
        fields['due'] = text('due');
        fields['note'] = text('note');
        break;
      case 'follow-up-done':
        fields['followUpId'] = text('followUpId');
        break;
      case 'outcome-recorded':
        fields['outcome'] = outcome();
        break;
      case 'note-added':
        fields['text'] = text('text');
        break;
      default:
        break;
    }
    for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
    return { ...base, ...fields } as unknown as ReferralEvent;
  }

  /** Appends through the provider's store; a refusal stays at the action, in plain words. */
  private async appendToStore(event: ReferralEvent, described: string): Promise<void> {
    const store = this.connection.store!;
    this.sending = true;
    let answer: Awaited<ReturnType<typeof store.append>>;
    try {
      answer = await store.append(event, { expectedVersion: this.version, idempotencyKey: event.id });
    } catch {
      answer = { ok: false, errors: [{ code: 'unreachable', path: '', message: '' }] };
    } finally {
      this.sending = false;
    }
    if (!answer.ok) {
      const error = answer.errors[0]!;
      this.refusal = explainAppendError(error);
      if (error.code === 'conflict') void this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.refusal')?.focus();
      return;
    }
    this.closeAction();
    this.loaded = answer.value.referral.state;
    this.version = answer.value.version;
    this.referral = this.loaded;
    this.announcement = answer.value.queued
      ? msg(str`Kept on this device: ${described}. It will be sent when the connection returns.`)
      : msg(str`Recorded: ${described}.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus());
  }

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const previous = this.referral;
    if (!previous || !this.action) return;
    const draft = this.buildEvent(form);
    this.refusal = '';
    const checked = validateReferralEvent(draft);
    if (!checked.ok) {
      const paths = fieldPathsOf(form);
      this.errors = resolveErrors(checked.errors, paths, [...paths][0] ?? '');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.errors = [];
    const result = applyEvent(previous, checked.value, { trusted: true, framework: this.framework });
    if (!result.ok) {
      const field =
        result.rejection.code === 'reason-required' || result.rejection.code === 'reason-code-not-allowed'
          ? fieldPathsOf(form).has('reasonCode')
            ? 'reasonCode'
            : 'reason'
          : result.rejection.code === 'outcome-required'
          ? 'outcome.summary'
          : '';
      if (field && fieldPathsOf(form).has(field)) {
        this.errors = [{ path: field, reported: field, message: refusalText(result.rejection) }];
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      } else {
        this.refusal = refusalText(result.rejection);
      }
      return;
    }
    const proceed = this.emit<ReferralChangeDetail>(
      'links-referral-change',
      { event: checked.value, referral: result.state, previous },
      { cancelable: true },
    );
    const described = describeReferralEvent(checked.value, { referral: result.state, framework: this.framework });
    if (proceed && this.fromStore) {
      await this.appendToStore(checked.value, described);
      return;
    }
    this.closeAction();
    if (proceed) {
      this.referral = result.state;
      this.announcement = msg(str`Recorded: ${described}.`);
    } else {
      this.announcement = msg('Not recorded: the page did not accept the change.');
    }
    // The form (and the button pressed) is gone: put focus on the referral's status, not the page body.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus());
  };
}
