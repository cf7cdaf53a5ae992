import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  CONSENT_SCOPES,
  CREATE_RULES,
  duplicateWarning,
  randomId,
  URGENCIES,
  type CreatedEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import { LINKS_FRAMEWORK, type Framework } from '@links-approach/core';
import { LinksElement } from '../internal/links-element.js';
import { heading, type HeadingLevel } from '../internal/heading.js';
import { consentScopeLabels, routeLabels, urgencyLabels } from '../internal/referral-labels.js';
import { loadFailedText, OnDemand } from '../internal/on-demand.js';
import { PersonLabels } from '../internal/provided.js';
import { field } from '../internal/field.js';
import { issueText } from '../internal/messages.js';
import {
  errorsAt,
  errorSummary,
  fieldId,
  fieldPathsOf,
  focusField,
  formStyles,
  inlineError,
  resolveErrors,
  textValue,
  type FieldError,
} from '../internal/form-errors.js';
import { styles } from './referral-form.styles.js';

/** Detail of the `links-referral-create` event. */
export interface ReferralCreateDetail {
  /** The `created` event, validated and accepted by the workflow: store it. */
  readonly event: CreatedEvent;
  /** The new referral's state. */
  readonly referral: ReferralState;
}

const consentHints = (): Record<(typeof CONSENT_SCOPES)[number], string> => ({
  contact: msg('The Community Links Practitioner may phone, write to or visit the person.'),
  'share-outcome-with-gp-record': msg('The outcome, goals and resources go back into the GP record at the end.'),
  'share-with-community-organisation': msg(
    'The person’s details may be passed to a community organisation they are referred to.',
  ),
});

/** The form's field labels, by field path (also used by the error summary). */
const labels = (): Record<string, string> => ({
  route: msg('How the person came to be referred'),
  routeDetail: msg('Describe the route'),
  reasons: msg('Reasons for referral'),
  urgency: msg('How soon'),
  consent: msg('Consent'),
  note: msg('Anything else the Community Links Practitioner should know'),
});

/**
 * The practice team's referral to the Community Links Practitioner: how the
 * person came to be referred, the reasons under the self-management themes,
 * urgency, consent, and a note. The person is the pseudonymous reference the
 * host passes in (`person`); the form never asks for a name or a number.
 *
 * Sending builds a `created` event and checks it with core (schema, then the
 * workflow; these checks load when the person first focuses the form, not
 * with the element, see `on-demand/submit.ts`); problems are listed in an error summary that links to each
 * field (GOV.UK/NHS.UK pattern). A valid referral fires
 * `links-referral-create` with the event to store. When the person already
 * has an open referral, a warning says so (core's `duplicateWarning`); it
 * does not block.
 *
 * @summary Refer a person to the Community Links Practitioner.
 *
 * @fires {CustomEvent<ReferralCreateDetail>} links-referral-create - A valid referral was sent or saved as a draft.
 *
 * @csspart base - The wrapper around everything.
 * @csspart heading - The title.
 * @csspart duplicate-warning - The warning that the person already has an open referral.
 * @csspart error-summary - The list of problems.
 * @csspart form - The form.
 * @csspart send-button - The button that sends the referral.
 * @csspart draft-button - The button that saves it as a draft.
 * @csspart confirmation - The message after a referral was made.
 *
 * @cssproperty --links-referral-form-max-width - Widest the form gets (default 40rem).
 * @cssproperty --links-color-primary - Global: primary colour (NHS blue).
 * @cssproperty --links-color-error - Global: error colour.
 * @cssproperty --links-color-focus - Global: focus highlight (NHS yellow).
 *
 * @slot - Optional text under the title, e.g. the practice's referral guidance.
 */
@localized()
export class LinksReferralForm extends LinksElement {
  static override styles = [LinksElement.styles, formStyles, styles];

  /** The person: the pseudonymous reference from the host system (never a name or a CHI number). */
  @property()
  person = '';

  /** The practice making the referral. */
  @property({ attribute: 'practice-id' })
  practiceId = '';

  /** The staff pseudonym of whoever makes the referral (the referrer, or the CLP recording a self-referral). */
  @property({ attribute: 'referrer-id' })
  referrerId = '';

  /**
   * Who is making the referral: `referrer` (the practice team, the default)
   * or `clp`. A CLP records only self-referrals, sent straight away (core's
   * `CREATE_RULES`): the form then offers the route "self-referral" alone
   * and no draft.
   */
  @property({ attribute: 'user-role' })
  userRole: 'referrer' | 'clp' = 'referrer';

  /** The practices the user acts for (practice ids); core refuses a referral for another practice. */
  @property({ attribute: false })
  userPractices: readonly string[] | undefined;

  /** The CLP the referral goes to, when the practice names one. */
  @property({ attribute: 'clp-id' })
  clpId = '';

  /** The new referral's id (default: `ref-<uuid>`). */
  @property({ attribute: 'referral-id' })
  referralId = '';

  /** A finished referral this one reopens. */
  @property({ attribute: 'previous-referral-id' })
  previousReferralId = '';

  /** The practice's referrals, for the duplicate warning (and the re-referral check). */
  @property({ attribute: false })
  referrals: readonly ReferralState[] = [];

  /** The framework whose themes the reasons use. */
  @property({ attribute: false })
  framework: Framework = LINKS_FRAMEWORK;

  /** The title (default "Refer to the Community Links Practitioner", in the page's locale). */
  @property()
  label: string | undefined;

  /** Level (2–5) of the title heading. */
  @property({ attribute: 'heading-level', type: Number })
  headingLevel: HeadingLevel = 2;

  /** Makes ids for new events (default: `evt-<uuid>`). */
  @property({ attribute: false })
  eventId: () => string = () => randomId('evt');

  /** The time the referral is recorded at (default: the current time). */
  @property({ attribute: false })
  now: () => Date = () => new Date();

  @state() private errors: FieldError[] = [];
  @state() private refusal = '';
  @state() private chosenThemes = new Set<string>();
  @state() private route = '';
  @state() private confirmation = '';
  /** The person as the host labels them (inside a `<links-provider>` with a resolver), else the reference. */
  private readonly people = new PersonLabels(this);
  /** Core's checks, loaded when the person first focuses the form (at the latest on sending). */
  private readonly checks = new OnDemand(() => import('./on-demand/submit.js'));
  /** Set when sending found problems: the error summary takes focus once it is rendered. */
  private focusSummary = false;

  /** Resolves once the element has rendered and any send waiting for core's checks has finished. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.checks.settled();
    return super.getUpdateComplete();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusSummary) {
      this.focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    const warning = this.person
      ? duplicateWarning(this.referrals, this.person, this.referralId ? { excludeId: this.referralId } : {})
      : undefined;
    return html`
      <section part="base" aria-labelledby="title">
        ${heading(
          level,
          html`${
            this.label ||
            (this.userRole === 'clp'
              ? msg('Record a self-referral', { id: 'referral.action.created-self' })
              : msg('Refer to the Community Links Practitioner'))
          }`,
          {
            id: 'title',
            class: 'title',
            part: 'heading',
          },
        )}
        <slot></slot>
        ${
          this.confirmation
            ? html`<div class="confirmation" part="confirmation" role="status">${this.confirmation}</div>`
            : html`<div role="status"></div>`
        }
        ${
          warning
            ? html`<div class="warning" part="duplicate-warning">
              ${heading(level + 1, msg(html`<span class="visually-hidden">Important: </span>Already referred`), {
                class: 'warning-title',
              })}
              <p>${issueText(warning)}</p>
            </div>`
            : nothing
        }
        ${
          this.refusal
            ? html`<div class="refusal" role="alert">
              ${heading(level + 1, html`${msg('The referral was not made')}`, { class: 'error-summary-title' })}
              <p>${this.refusal}</p>
            </div>`
            : nothing
        }
        ${errorSummary(
          this.errors,
          (path) => focusField(this.renderRoot as ShadowRoot, path),
          (path) => labels()[path.replace(/\[\d+\].*$/, '')] ?? '',
          level + 1,
        )}
        <form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.checks.prefetch} @input=${this.checks.prefetch}>
          <p class="person">
            ${msg(html`Person: <strong>${this.person ? this.people.display(this.person) : msg('not given')}</strong>`)}
          </p>
          ${this.renderRoute()} ${this.renderReasons()} ${this.renderUrgency()} ${this.renderConsent()}
          ${field({
            path: 'note',
            label: labels()['note']!,
            control: 'textarea',
            required: false,
            hint: msg('Only what they need to make contact. Do not add the person’s name or numbers.'),
            errors: errorsAt(this.errors, 'note'),
          })}
          <div class="button-row">
            <button type="submit" part="send-button" value="requested">${msg('Send referral')}</button>
            ${
              this.rules().statuses.includes('draft')
                ? html`<button type="submit" class="secondary" part="draft-button" value="draft">
                  ${msg('Save as draft', { id: 'referral.action.draft' })}
                </button>`
                : nothing
            }
          </div>
        </form>
      </section>
    `;
  }

  /** What core lets this user create: routes and starting statuses. */
  private rules() {
    return CREATE_RULES[this.userRole] ?? CREATE_RULES.referrer;
  }

  private errorOn(path: string): FieldError | undefined {
    return this.errors.find((e) => e.path === path);
  }

  private renderRoute(): TemplateResult {
    const error = this.errorOn('route');
    return html`<div class="form-group ${error ? 'has-error' : ''}">
        <fieldset aria-describedby=${error ? `${fieldId('route')}-error` : nothing}>
          <legend>${labels()['route']}</legend>
          ${inlineError(this.errors, 'route')}
          <div class="radios">
            ${this.rules().routes.map(
              (route, i, routes) => html`<div class="choice">
                <input
                  type="radio"
                  name="route"
                  .value=${route}
                  ?checked=${routes.length === 1}
                  id=${i === 0 ? fieldId('route') : `route-${route}`}
                  data-path=${i === 0 ? 'route' : nothing}
                  @change=${() => (this.route = route)}
                />
                <label for=${i === 0 ? fieldId('route') : `route-${route}`}>${routeLabels()[route]}</label>
              </div>`,
            )}
          </div>
        </fieldset>
      </div>
      ${
        this.route === 'other'
          ? field({
              path: 'routeDetail',
              label: labels()['routeDetail']!,
              width: 'width-20',
              groupClass: 'conditional',
              errors: errorsAt(this.errors, 'routeDetail'),
            })
          : nothing
      }`;
  }

  private renderReasons(): TemplateResult {
    const error = this.errorOn('reasons');
    return html`<div class="form-group ${error ? 'has-error' : ''}">
      <fieldset aria-describedby="reasons-hint${error ? ` ${fieldId('reasons')}-error` : ''}">
        <legend>${labels()['reasons']}</legend>
        <span class="hint" id="reasons-hint">${msg('Choose every theme that applies.')}</span>
        ${inlineError(this.errors, 'reasons')}
        <div class="checkboxes">
          ${this.framework.themes.map((theme, i) => {
            const id = i === 0 ? fieldId('reasons') : `theme-${theme.id}`;
            const chosen = this.chosenThemes.has(theme.id);
            const index = [...this.chosenThemes].indexOf(theme.id);
            return html`<div class="choice">
                <input
                  type="checkbox"
                  name="theme"
                  .value=${theme.id}
                  id=${id}
                  data-path=${i === 0 ? 'reasons' : nothing}
                  aria-describedby=${`${id}-hint`}
                  .checked=${chosen}
                  @change=${(e: Event) => this.toggleTheme(theme.id, (e.target as HTMLInputElement).checked)}
                />
                <label for=${id}>${theme.name}</label>
                <span class="hint choice-hint" id=${`${id}-hint`}>${theme.description}</span>
              </div>
              ${
                chosen
                  ? field({
                      path: `reasons[${index}].text`,
                      name: `reason-text-${theme.id}`,
                      label: msg('What is going on, in a few words'),
                      control: 'textarea',
                      rows: 2,
                      required: false,
                      groupClass: 'conditional',
                      errors: errorsAt(this.errors, `reasons[${index}].text`),
                    })
                  : nothing
              }`;
          })}
        </div>
      </fieldset>
    </div>`;
  }

  private renderUrgency(): TemplateResult {
    return html`<div class="form-group">
      <fieldset>
        <legend>${labels()['urgency']}</legend>
        <div class="radios inline">
          ${URGENCIES.map(
            (urgency, i) => html`<div class="choice">
              <input
                type="radio"
                name="urgency"
                .value=${urgency}
                id=${i === 0 ? fieldId('urgency') : `urgency-${urgency}`}
                data-path=${i === 0 ? 'urgency' : nothing}
                ?checked=${urgency === 'routine'}
              />
              <label for=${i === 0 ? fieldId('urgency') : `urgency-${urgency}`}
                >${urgencyLabels()[urgency]}</label
              >
            </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  private renderConsent(): TemplateResult {
    return html`<div class="form-group">
      <fieldset aria-describedby="consent-hint">
        <legend>${labels()['consent']}</legend>
        <span class="hint" id="consent-hint"
          >${msg(
            'What the person has agreed to. Without consent to contact, the Community Links Practitioner cannot get in touch.',
          )}</span
        >
        <div class="checkboxes">
          ${CONSENT_SCOPES.map(
            (scope, i) => html`<div class="choice">
              <input
                type="checkbox"
                name="consent"
                .value=${scope}
                id=${i === 0 ? fieldId('consent') : `consent-${scope}`}
                data-path=${i === 0 ? 'consent' : nothing}
                aria-describedby=${`consent-${scope}-hint`}
              />
              <label for=${i === 0 ? fieldId('consent') : `consent-${scope}`}
                >${consentScopeLabels()[scope]}</label
              >
              <span class="hint choice-hint" id=${`consent-${scope}-hint`}>${consentHints()[scope]}</span>
            </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  }

  private toggleTheme(themeId: string, on: boolean): void {
    const next = new Set(this.chosenThemes);
    if (on) next.add(themeId);
    else next.delete(themeId);
    // Keep the framework's order, so reasons[i] matches the rendered fields.
    this.chosenThemes = new Set(this.framework.themes.map((t) => t.id).filter((id) => next.has(id)));
  }

  private buildEvent(form: HTMLFormElement, status: 'draft' | 'requested'): Record<string, unknown> {
    const data = new FormData(form);
    const consent = data.getAll('consent').map(String);
    const reasons = [...this.chosenThemes].map((themeId) => {
      const text = textValue(data, `reason-text-${themeId}`);
      return text === undefined ? { themeId } : { themeId, text };
    });
    const event: Record<string, unknown> = {
      id: this.eventId(),
      referralId: this.referralId || randomId('ref'),
      type: 'created',
      at: this.now().toISOString(),
      actor: {
        role: this.userRole,
        id: this.referrerId,
        ...(this.userPractices ? { practices: [...this.userPractices] } : {}),
      },
      status,
      person: this.person,
      practiceId: this.practiceId,
      route: textValue(data, 'route'),
      reasons,
      urgency: textValue(data, 'urgency'),
    };
    const optional: Record<string, unknown> = {
      clpId: this.clpId || undefined,
      routeDetail: this.route === 'other' ? textValue(data, 'routeDetail') : undefined,
      consent: consent.length > 0 ? consent : undefined,
      previousReferralId: this.previousReferralId || undefined,
      note: textValue(data, 'note'),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) event[key] = value;
    for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
    return event;
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const status = (event.submitter as HTMLButtonElement | null)?.value === 'draft' ? 'draft' : 'requested';
    const draft = this.buildEvent(form, status);
    const paths = fieldPathsOf(form);
    const previous = this.previousReferralId ? this.referrals.find((r) => r.id === this.previousReferralId) : undefined;
    const framework = this.framework;
    this.refusal = '';
    this.confirmation = '';
    void this.checks.run(
      ({ checkReferral }) => {
        const result = checkReferral(draft, { framework, previous });
        if (result.kind === 'invalid') {
          // Problems with what the host passed in (person, practice, ids) have no field: name them in the message.
          this.errors = resolveErrors(result.errors, paths, '').map((e) =>
            e.path ? e : { ...e, message: `${e.reported || msg('the referral')}: ${e.message}` },
          );
          this.focusSummary = true;
          return;
        }
        this.errors = [];
        if (result.kind === 'refused') {
          this.refusal = result.refusal;
          return;
        }
        this.emit<ReferralCreateDetail>('links-referral-create', { event: result.event, referral: result.state });
        form.reset();
        this.chosenThemes = new Set();
        this.route = '';
        this.confirmation =
          status === 'draft'
            ? msg(str`Saved as a draft (${result.state.id}).`)
            : msg(str`Referral ${result.state.id} sent to the Community Links Practitioner.`);
      },
      () => {
        // Offline before the checks were loaded: nothing was sent; what the person typed stays.
        this.refusal = loadFailedText();
      },
    );
  };
}
