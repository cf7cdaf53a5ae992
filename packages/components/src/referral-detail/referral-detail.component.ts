import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  allowedActions,
  randomId,
  type ActorRole,
  type ReferralAction,
  type ReferralEvent,
  type ReferralState,
  type ResourceReference,
  type ResponseWindowOptions,
} from '@links-approach/core/referral';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import type { HeadingLevel } from '../internal/heading.js';
import { field, type FieldControl } from '../internal/field.js';
import { describeReferralEvent } from '../internal/referral-labels.js';
import { loadFailedText, OnDemand } from '../internal/on-demand.js';
import { PersonLabels } from '../internal/provided.js';
import { ConnectedReferrals } from '../internal/connected-referrals.js';
import type { QueuedEvent } from '@links-approach/core/service';
import {
  errorsAt,
  fieldPathsOf,
  formStyles,
  numberValue,
  resolveErrors,
  textValue,
  type FieldError,
} from '../internal/form-errors.js';
import { ACTION_FORMS, pickedResource, type ActionFieldOptions, type ActionFormContext } from './action-forms/index.js';
import * as sections from './sections.js';
import { explainAppendError } from './text.js';
import { renderActions, sameAction } from './actions.js';
import { styles } from './referral-detail.styles.js';
import type * as RecordModule from './on-demand/record.js';

/** Detail of the `links-referral-change` event. */
export interface ReferralChangeDetail {
  /** The event the user recorded, already accepted by the workflow. */
  readonly event: ReferralEvent;
  /** The referral after the event. */
  readonly referral: ReferralState;
  /** The referral before it. */
  readonly previous: ReferralState;
}

/**
 * One referral in full: its details, the actions the current user may take
 * now (exactly those core's `allowedActions` offers, each with the fields it
 * needs), goals, contacts, resource links, follow-ups, the complete timeline
 * (the audit trail: who, in which role, when, what and why) and a preview of
 * the message back to the GP and referrer.
 *
 * Recording an action builds a referral event, checks it with core
 * (`validateReferralEvent`, then `applyEvent`; these checks load when the
 * person first focuses the referral, not with the element, see
 * `on-demand/record.ts`), and fires a cancelable
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
   * `responseWindows`, else core's `DEFAULT_RESPONSE_WINDOWS`).
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
  eventId: () => string = () => randomId('evt');

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
  /**
   * Core's checks of a recorded action: loaded right after the first render, so that recording works offline (the
   * queue) when the signal drops after the referral was opened.
   */
  private readonly checks = new OnDemand(() => import('./on-demand/record.js'));
  /** Set when recording found problems: the error summary takes focus once it is rendered. */
  private focusSummary = false;

  /** Resolves once the element has rendered and any action waiting for core's checks has been recorded or refused. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.checks.settled();
    return super.getUpdateComplete();
  }

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
      this.loadError = msg(
        'The referral could not be loaded: the service cannot be reached. Try again when connected.',
      );
    }
  }

  override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // Right after the first render (which did not wait for it): recording must work if the signal drops next.
    this.checks.prefetch();
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusSummary) {
      this.focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
    if (changed.has('referralId') && changed.get('referralId') !== undefined) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
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
      <article part="base" aria-labelledby="title" @focusin=${this.checks.prefetch}>
        ${sections.renderHeader(referral, level)}
        ${connected ? this.connection.renderStatus(waiting.length) : nothing}
        ${connected && this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}
        ${
          connected
            ? sections.renderNotSent(
                this.connection.refused((e) => e.referralId === referral.id),
                referral,
                level + 1,
                {
                  framework: this.framework,
                  onDiscard: (entry, what) => void this.discard(entry, what),
                },
              )
            : nothing
        }
        ${sections.renderFacts(referral, {
          person: this.people.display(referral.person),
          framework: this.framework,
          window: {
            asOf: this.asOf ?? new Date(),
            responseWindowDays: this.responseWindow,
            responseWindows: this.responseWindows,
            holidays: this.holidays,
          },
        })}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        ${renderActions({
          referral,
          level: level + 1,
          actions: this.userId ? allowedActions(referral, this.actor(), { framework: this.framework }) : undefined,
          open: this.action ? this.actionContext(this.action) : undefined,
          errors: this.errors,
          refusal: this.refusal,
          sending: this.sending,
          root: this.renderRoot as ShadowRoot,
          onToggle: (action) => this.openAction(action),
          onSubmit: this.onSubmit,
          onCancel: () => this.cancelAction(),
        })}
        ${sections.renderGoals(referral, level + 1, this.framework)}
        ${sections.renderContacts(referral, level + 1)} ${sections.renderResources(referral, level + 1)}
        ${sections.renderFollowUps(referral, level + 1, this.asOf ?? new Date())}
        ${sections.renderTimeline(referral, level + 1, this.framework, new Set(waiting.map((e) => e.event.id)))}
        ${sections.renderMessageBack(referral, this.framework)}
      </article>
    `;
  }

  /** The current user, as core's workflow sees them. */
  private actor() {
    return { role: this.userRole, id: this.userId, ...(this.userPractices ? { practices: this.userPractices } : {}) };
  }

  /** What the open action's description is given to render its fields and build its event. */
  private actionContext(action: ReferralAction): ActionFormContext {
    return {
      referral: this.referral!,
      action,
      framework: this.framework,
      picked: this.picked,
      onResourcePicked: this.onResourcePicked,
      field: (path: string, label: string, control: FieldControl, options: ActionFieldOptions = {}) =>
        field({
          path,
          label,
          control,
          ...options,
          inputmode: 'numeric',
          errors: errorsAt(this.errors, path),
        }),
    };
  }

  private async discard(entry: QueuedEvent, what: string): Promise<void> {
    if (await this.connection.discard(entry.key)) {
      this.announcement = msg(str`Discarded: ${what}.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus();
    }
  }

  private openAction(action: ReferralAction): void {
    this.action = sameAction(this.action, action) ? undefined : action;
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
    this.renderRoot
      .querySelector<HTMLElement>('.action-form select, .action-form input, .action-form textarea')
      ?.focus();
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
    this.picked = pickedResource(event) ?? this.picked;
  };

  /** Builds the event the open form describes (unchecked: core checks it). */
  private buildEvent(form: HTMLFormElement): ReferralEvent {
    const action = this.action!;
    const data = new FormData(form);
    const values = { text: (name: string) => textValue(data, name), number: (name: string) => numberValue(data, name) };
    const event: Record<string, unknown> = {
      id: this.eventId(),
      referralId: this.referral!.id,
      type: action.type,
      at: this.now().toISOString(),
      actor: { ...this.actor(), ...(this.userPractices ? { practices: [...this.userPractices] } : {}) },
      reason: values.text('reason'),
      ...ACTION_FORMS[action.type]?.build(values, this.actionContext(action)),
    };
    for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
    return event as unknown as ReferralEvent;
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

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const previous = this.referral;
    if (!previous || !this.action) return;
    const draft = this.buildEvent(form);
    const paths = fieldPathsOf(form);
    this.refusal = '';
    void this.checks.run(
      (record) => this.record(record, previous, draft, paths),
      () => {
        // Offline before the checks were loaded: nothing was recorded; the form stays open as it was.
        this.refusal = loadFailedText();
      },
    );
  };

  /** Records the event an action form built, once core has checked it; or shows why not. */
  private record(
    { checkAction }: typeof RecordModule,
    previous: ReferralState,
    draft: ReferralEvent,
    paths: ReadonlySet<string>,
  ): void {
    const result = checkAction(previous, draft, { framework: this.framework, fieldPaths: paths });
    if (result.kind === 'invalid') {
      this.errors = resolveErrors(result.errors, paths, [...paths][0] ?? '');
      this.focusSummary = true;
      return;
    }
    this.errors = [];
    if (result.kind === 'refused') {
      if (result.field) {
        this.errors = [{ path: result.field, reported: result.field, message: result.refusal }];
        this.focusSummary = true;
      } else {
        this.refusal = result.refusal;
      }
      return;
    }
    const proceed = this.emit<ReferralChangeDetail>(
      'links-referral-change',
      { event: result.event, referral: result.state, previous },
      { cancelable: true },
    );
    const described = describeReferralEvent(result.event, { referral: result.state, framework: this.framework });
    if (proceed && this.fromStore) {
      void this.appendToStore(result.event, described);
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
  }
}
