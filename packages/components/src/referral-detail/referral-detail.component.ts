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
import type { QueuedEvent } from '@links-approach/core/service';
import { errorsAt, fieldPathsOf, formStyles, resolveErrors, type FieldError } from '../internal/form-errors.js';
import {
  buildActionEvent,
  pickedResource,
  type ActionFieldOptions,
  type ActionFormContext,
} from './action-forms/index.js';
import * as sections from './sections.js';
import { explainAppendError } from './text.js';
import { focusActionForm, renderActions, sameAction } from './actions.js';
import { ReferralStoreController } from './internal/referral-store-controller.js';
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
  /** Loads, follows and appends through the provider's referral store (while the host sets no `referral`). */
  private readonly storeLink = new ReferralStoreController(this);
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

  /** Why the referral could not be loaded from the store, in plain words, or `''`. */
  private get loadError(): string {
    const problem = this.storeLink.problem;
    if (problem === 'missing') return msg('This referral was not found, or you may not see it.');
    if (problem === 'unreachable')
      return msg('The referral could not be loaded: the service cannot be reached. Try again when connected.');
    return '';
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
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('referral') && changed.get('referral')?.id !== this.referral?.id) this.closeAction();
  }

  protected override render(): TemplateResult {
    const referral = this.referral;
    const level = this.headingLevel;
    if (!referral) {
      return html`<section part="base">
        ${this.storeLink.fromStore ? this.storeLink.connection.renderStatus(0) : nothing}
        ${this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}
        <p class="empty">${msg('No referral chosen.')}</p>
      </section>`;
    }
    const connected = this.storeLink.fromStore;
    const waiting = connected ? this.storeLink.connection.waiting((e) => e.referralId === referral.id) : [];
    return html`
      <article part="base" aria-labelledby="title" @focusin=${this.checks.prefetch}>
        ${sections.renderHeader(referral, level)}
        ${connected ? this.storeLink.connection.renderStatus(waiting.length) : nothing}
        ${connected && this.loadError ? html`<p class="load-error" role="alert">${this.loadError}</p>` : nothing}
        ${
          connected
            ? sections.renderNotSent(
                this.storeLink.connection.refused((e) => e.referralId === referral.id),
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
          sending: this.storeLink.sending,
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
    if (await this.storeLink.connection.discard(entry.key)) {
      this.announcement = msg(str`Discarded: ${what}.`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus();
    }
  }

  private openAction(action: ReferralAction): void {
    const open = sameAction(this.action, action) ? undefined : action;
    this.closeAction();
    this.action = open;
    if (open) void this.updateComplete.then(() => focusActionForm(this.renderRoot as ShadowRoot));
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

  /** Appends through the provider's store; a refusal stays at the action, in plain words. */
  private async appendToStore(event: ReferralEvent, described: string): Promise<void> {
    const answer = await this.storeLink.append(event);
    if (!answer.ok) {
      this.refusal = explainAppendError(answer.error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.refusal')?.focus();
      return;
    }
    this.closeAction();
    this.announcement = answer.queued
      ? msg(str`Kept on this device: ${described}. It will be sent when the connection returns.`)
      : msg(str`Recorded: ${described}.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.status-line')?.focus());
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const previous = this.referral;
    if (!previous || !this.action) return;
    const draft = buildActionEvent(form, this.actionContext(this.action), {
      id: this.eventId(),
      at: this.now().toISOString(),
      actor: { ...this.actor(), ...(this.userPractices ? { practices: [...this.userPractices] } : {}) },
    });
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
    if (proceed && this.storeLink.fromStore) {
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
