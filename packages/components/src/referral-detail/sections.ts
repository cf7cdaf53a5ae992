import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Framework } from '@links-approach/core';
import {
  CONSENT_SCOPES,
  isFollowUpOverdue,
  messageBack,
  type ReferralState,
  responseWindow,
  type ResponseWindowOptions,
} from '@links-approach/core/referral';
import type { QueuedEvent } from '@links-approach/core/service';
import { heading } from '../internal/heading.js';
import { formatNumber } from '../internal/format.js';
import { consentStateLabels, contactSettingInSentence, describeReferralEvent } from '../internal/referral-labels.js';
import { dateTime, L, reasonText } from './text.js';

// The read-only parts of <links-referral-detail>: its facts and sections.

const themeName = (framework: Framework, id: string): string => framework.themes.find((t) => t.id === id)?.name ?? id;

/** The title, the status badge, the business status and the status reason. */
export function renderHeader(referral: ReferralState, level: number): TemplateResult {
  return html`<header>
    ${heading(level, html`${msg(str`Referral ${referral.id}`)}`, { id: 'title', class: 'title', part: 'heading' })}
    <p class="status-line" tabindex="-1">
      <span class="badge" part="status">${L.status[referral.status]}</span>
      ${
        referral.businessStatus
          ? html`<span class="business">${L.businessStatus[referral.businessStatus]}</span>`
          : nothing
      }
      ${
        reasonText(referral.statusReasonCode, referral.statusReason)
          ? html`<span class="reason"
            >${msg(str`Reason: ${reasonText(referral.statusReasonCode, referral.statusReason)}`)}</span
          >`
          : nothing
      }
    </p>
  </header>`;
}

/** The key facts: person, practice, route, urgency, who referred, the CLP, the response (core's `responseWindow`), reasons and consent. */
export function renderFacts(
  r: ReferralState,
  options: { readonly person: string; readonly framework: Framework; readonly window: ResponseWindowOptions },
): TemplateResult {
  const { person, framework } = options;
  const window = responseWindow(r, options.window);
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
      <dd>${person}</dd>
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
    ${
      r.previousReferralId
        ? html`<div>
          <dt>${msg('Reopens')}</dt>
          <dd>${r.previousReferralId}</dd>
        </div>`
        : nothing
    }
    <div class="wide">
      <dt>${msg('Reasons')}</dt>
      <dd>
        <ul>
          ${r.reasons.map(
            (reason) =>
              html`<li>
                <strong>${themeName(framework, reason.themeId)}</strong>${reason.text ? html`: ${reason.text}` : nothing}
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

/** The person's goals, each with its theme and status. */
export function renderGoals(r: ReferralState, level: number, framework: Framework): TemplateResult {
  return html`<section part="section" aria-labelledby="goals-heading">
    ${heading(level, html`${msg('Goals')}`, { id: 'goals-heading', class: 'section-heading' })}
    ${
      r.goals.length === 0
        ? html`<p>${msg('No goals yet.')}</p>`
        : html`<ul class="plain">
          ${r.goals.map(
            (g) =>
              html`<li>
                <span class="item">${g.statement}</span> <span class="meta">${themeName(framework, g.themeId)}</span>
                <span class="tag">${L.goalStatus[g.status]}</span>
              </li>`,
          )}
        </ul>`
    }
  </section>`;
}

/** How many contacts and attempts there were, and each contact. */
export function renderContacts(r: ReferralState, level: number): TemplateResult {
  return html`<section part="section" aria-labelledby="contacts-heading">
    ${heading(level, html`${msg('Contacts')}`, { id: 'contacts-heading', class: 'section-heading' })}
    <p>
      ${
        r.contacts.length === 1
          ? msg(str`${formatNumber(r.contacts.length)} contact`)
          : msg(str`${formatNumber(r.contacts.length)} contacts`)
      };
      ${
        r.contactAttempts.length === 1
          ? msg(str`${formatNumber(r.contactAttempts.length)} attempt to make contact.`)
          : msg(str`${formatNumber(r.contactAttempts.length)} attempts to make contact.`)
      }
    </p>
    ${
      r.contacts.length > 0
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
        : nothing
    }
  </section>`;
}

/** The community resources linked, with how and where each stands. */
export function renderResources(r: ReferralState, level: number): TemplateResult {
  return html`<section part="section" aria-labelledby="resources-heading">
    ${heading(level, html`${msg('Community resources')}`, { id: 'resources-heading', class: 'section-heading' })}
    ${
      r.resourceLinks.length === 0
        ? html`<p>${msg('No resources linked yet.')}</p>`
        : html`<ul class="plain">
          ${r.resourceLinks.map(
            (l) => html`<li>
              <span class="item">${l.resource.name}</span>${
                l.resource.source ? html` <span class="meta">${l.resource.source}</span>` : nothing
              } <span class="tag">${L.resourceMode[l.mode]}</span>
              <span class="tag">${L.resourceLinkStatus[l.status]}</span>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

/** The follow-ups, done or overdue on `asOf` (core's `isFollowUpOverdue`). */
export function renderFollowUps(r: ReferralState, level: number, asOf: string | Date): TemplateResult {
  return html`<section part="section" aria-labelledby="follow-ups-heading">
    ${heading(level, html`${msg('Follow-ups')}`, { id: 'follow-ups-heading', class: 'section-heading' })}
    ${
      r.followUps.length === 0
        ? html`<p>${msg('No follow-ups.')}</p>`
        : html`<ul class="plain">
          ${r.followUps.map(
            (f) => html`<li>
              ${msg(str`Due ${f.due}`)}${f.note ? html`: ${f.note}` : nothing}
              ${
                f.done
                  ? html`<span class="tag">${msg('Done')}</span>`
                  : isFollowUpOverdue(f, asOf)
                    ? html`<span class="flag">${msg('Overdue')}</span>`
                    : nothing
              }
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

/** Queued events the service refused, each with why and a Discard button (`onDiscard`). */
export function renderNotSent(
  refused: readonly QueuedEvent[],
  r: ReferralState,
  level: number,
  {
    framework,
    onDiscard,
  }: { readonly framework: Framework; readonly onDiscard: (entry: QueuedEvent, what: string) => void },
): TemplateResult | typeof nothing {
  if (refused.length === 0) return nothing;
  return html`<section class="not-sent" part="not-sent" aria-labelledby="not-sent-heading">
    ${heading(level, html`${msg('Not sent')}`, { id: 'not-sent-heading', class: 'section-heading' })}
    <p>
      ${msg(
        'These changes were recorded on this device but the service refused them. Read why, record again what is still needed, then discard them.',
      )}
    </p>
    <ul class="plain">
      ${refused.map((entry) => {
        const what = describeReferralEvent(entry.event, { referral: r, framework });
        return html`<li>
          <time datetime=${entry.event.at}>${dateTime(entry.event.at)}</time>
          <span class="what">${what}</span>
          <span class="why">${msg(str`Why it was not sent: ${entry.refused?.reason ?? ''}`)}</span>
          <button type="button" class="secondary" part="discard-button" @click=${() => onDiscard(entry, what)}>
            ${msg('Discard')}<span class="visually-hidden"> ${what}</span>
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}

/** The audit trail: when, who in which role, what and why; events still waiting to be sent are tagged. */
export function renderTimeline(
  r: ReferralState,
  level: number,
  framework: Framework,
  waiting: ReadonlySet<string> = new Set(),
): TemplateResult {
  return html`<section part="section" aria-labelledby="timeline-heading">
    ${heading(level, html`${msg('Timeline')}`, { id: 'timeline-heading', class: 'section-heading' })}
    <ol class="timeline" part="timeline">
      ${r.timeline.map(
        (event) => html`<li>
          <time datetime=${event.at}>${dateTime(event.at)}</time>
          <span class="who">${L.role[event.actor.role]} ${event.actor.id}</span>
          <span class="what">${describeReferralEvent(event, { referral: r, framework })}</span>
          ${
            reasonText(event.type === 'status-changed' ? event.reasonCode : undefined, event.reason)
              ? html`<span class="why"
                >${msg(
                  str`Reason: ${reasonText(event.type === 'status-changed' ? event.reasonCode : undefined, event.reason)}`,
                )}</span
              >`
              : nothing
          }
          ${event.type === 'note-added' ? html`<span class="note">${event.text}</span>` : nothing}
          ${event.type === 'created' && event.note ? html`<span class="note">${event.note}</span>` : nothing}
          ${waiting.has(event.id) ? html`<span class="tag waiting">${msg('Waiting to send')}</span>` : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}

/** A preview of the message back to the GP and referrer (core's `messageBack`). */
export function renderMessageBack(r: ReferralState, framework: Framework): TemplateResult {
  const message = messageBack(r, { framework });
  return html`<details class="message-back" part="message-back">
    <summary>
      ${message.data.final ? msg('Message back to the GP and referrer') : msg('Interim update for the GP and referrer')}
    </summary>
    <pre>${message.text}</pre>
  </details>`;
}
