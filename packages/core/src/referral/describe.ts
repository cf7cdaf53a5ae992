import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { renderEventMessage, type ChangedDetail, type EventMessage } from '../messages/events.js';
import type { ReferralEvent, ReferralState, ResourceReference } from './types.js';

/**
 * The reference a resource link keeps to a community resource found in a
 * directory (a core `CommunityResource`): its id, name and the directory's
 * name as `source`.
 */
export function resourceReferenceFrom(resource: {
  readonly id: string;
  readonly name: string;
  readonly provenance?: { readonly sourceName?: string; readonly source?: string };
}): ResourceReference {
  const source = resource.provenance?.sourceName ?? resource.provenance?.source;
  return { id: resource.id, name: resource.name, ...(source ? { source } : {}) };
}

/**
 * What to say about an event, as a code with parameters: the one-line
 * description of {@link describeEvent} before it is put into words, so any
 * language can render it (the elements do; `EVENT_MESSAGES_EN` is the
 * English). Pass the referral to name goals and resources that later events
 * refer to by id.
 */
export function eventMessage(
  event: ReferralEvent,
  options: { readonly referral?: ReferralState; readonly framework?: Framework } = {},
): EventMessage {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const theme = (id: string) => framework.themes.find((t) => t.id === id)?.name ?? id;
  switch (event.type) {
    case 'created':
      return {
        code: event.status === 'draft' ? 'event.drafted' : 'event.made',
        params: { route: event.route, urgency: event.urgency, themes: event.reasons.map((r) => theme(r.themeId)) },
      };
    case 'details-updated': {
      const fields: ChangedDetail[] = [];
      if (event.route !== undefined || event.routeDetail !== undefined) fields.push('route');
      if (event.reasons !== undefined) fields.push('reasons');
      if (event.urgency !== undefined) fields.push('urgency');
      if (event.clpId !== undefined) fields.push('clp');
      return {
        code: 'event.details-updated',
        params: event.urgency !== undefined ? { fields, urgency: event.urgency } : { fields },
      };
    }
    case 'status-changed':
      return event.outcome
        ? { code: 'event.status-changed-outcome', params: { to: event.to, outcome: event.outcome.code } }
        : { code: 'event.status-changed', params: { to: event.to } };
    case 'clp-assigned':
      return { code: 'event.clp-assigned', params: { clpId: event.clpId } };
    case 'consent-given':
      return { code: 'event.consent-given', params: { scope: event.scope } };
    case 'consent-withdrawn':
      return { code: 'event.consent-withdrawn', params: { scope: event.scope } };
    case 'do-not-contact-set':
      return { code: 'event.do-not-contact-set', params: {} };
    case 'do-not-contact-cleared':
      return { code: 'event.do-not-contact-cleared', params: {} };
    case 'contact-attempted':
      return { code: 'event.contact-attempted', params: { method: event.method, outcome: event.outcome } };
    case 'contact-recorded':
      return { code: 'event.contact-recorded', params: { setting: event.setting, minutes: event.durationMinutes } };
    case 'goal-added':
      return { code: 'event.goal-added', params: { statement: event.statement, theme: theme(event.themeId) } };
    case 'goal-updated': {
      const goal = options.referral?.goals.find((g) => g.id === event.goalId);
      const name = event.statement ?? goal?.statement ?? event.goalId;
      return event.status
        ? { code: 'event.goal-updated-status', params: { name, status: event.status } }
        : { code: 'event.goal-updated', params: { name } };
    }
    case 'resource-linked':
      return { code: 'event.resource-linked', params: { mode: event.mode, name: event.resource.name } };
    case 'resource-updated': {
      const link = options.referral?.resourceLinks.find((l) => l.id === event.linkId);
      return {
        code: 'event.resource-updated',
        params: {
          name: link?.resource.name ?? event.linkId,
          ...(event.mode ? { mode: event.mode } : {}),
          ...(event.status ? { status: event.status } : {}),
        },
      };
    }
    case 'follow-up-scheduled':
      return { code: 'event.follow-up-scheduled', params: { due: event.due } };
    case 'follow-up-done': {
      const followUp = options.referral?.followUps.find((f) => f.id === event.followUpId);
      return followUp
        ? { code: 'event.follow-up-done-due', params: { due: followUp.due } }
        : { code: 'event.follow-up-done', params: {} };
    }
    case 'outcome-recorded':
      return { code: 'event.outcome-recorded', params: { outcome: event.outcome.code } };
    case 'note-added':
      return { code: 'event.note-added', params: {} };
  }
}

/**
 * One line of plain English for an event, for timelines and audit trails,
 * e.g. "Contact at the practice (45 minutes)": {@link eventMessage} rendered
 * in English. Pass the referral to name goals and resources that later
 * events refer to by id. The reason is not included: show `event.reason`
 * beside it.
 */
export function describeEvent(
  event: ReferralEvent,
  options: { readonly referral?: ReferralState; readonly framework?: Framework } = {},
): string {
  return renderEventMessage(eventMessage(event, options));
}
