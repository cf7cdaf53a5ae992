import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { REFERRAL_LABELS } from './constants.js';
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
 * One line of plain English for an event, for timelines and audit trails,
 * e.g. "Contact at the practice (45 minutes)". Pass the referral to name
 * goals and resources that later events refer to by id. The reason is not
 * included: show `event.reason` beside it.
 */
export function describeEvent(
  event: ReferralEvent,
  options: { readonly referral?: ReferralState; readonly framework?: Framework } = {},
): string {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const theme = (id: string) => framework.themes.find((t) => t.id === id)?.name ?? id;
  const L = REFERRAL_LABELS;
  switch (event.type) {
    case 'created':
      return `Referral ${event.status === 'draft' ? 'drafted' : 'made'} (${L.route[event.route]}, ${L.urgency[
        event.urgency
      ].toLowerCase()}): ${event.reasons.map((r) => theme(r.themeId)).join(', ')}`;
    case 'details-updated': {
      const fields = [
        event.route !== undefined || event.routeDetail !== undefined ? 'route' : '',
        event.reasons !== undefined ? 'reasons' : '',
        event.urgency !== undefined ? `urgency (${L.urgency[event.urgency].toLowerCase()})` : '',
        event.clpId !== undefined ? 'Community Links Practitioner' : '',
      ].filter(Boolean);
      return `Details updated: ${fields.join(', ')}`;
    }
    case 'status-changed':
      return `Status changed to ${L.status[event.to].toLowerCase()}${
        event.outcome ? `, outcome: ${L.outcome[event.outcome.code].toLowerCase()}` : ''
      }`;
    case 'clp-assigned':
      return `Assigned to Community Links Practitioner ${event.clpId}`;
    case 'consent-given':
      return `Consent given: ${L.consentScope[event.scope].toLowerCase()}`;
    case 'consent-withdrawn':
      return `Consent withdrawn: ${L.consentScope[event.scope].toLowerCase()}`;
    case 'do-not-contact-set':
      return 'Do not contact set';
    case 'do-not-contact-cleared':
      return 'Do not contact lifted';
    case 'contact-attempted':
      return `Contact attempt by ${L.contactMethod[event.method].toLowerCase()}: ${L.contactAttemptOutcome[
        event.outcome
      ].toLowerCase()}`;
    case 'contact-recorded':
      return `Contact ${L.contactSetting[event.setting].toLowerCase()} (${event.durationMinutes} minutes)`;
    case 'goal-added':
      return `Goal added: ${event.statement} (${theme(event.themeId)})`;
    case 'goal-updated': {
      const goal = options.referral?.goals.find((g) => g.id === event.goalId);
      const name = event.statement ?? goal?.statement ?? event.goalId;
      return `Goal updated: ${name}${event.status ? `, ${L.goalStatus[event.status].toLowerCase()}` : ''}`;
    }
    case 'resource-linked':
      return `Resource ${L.resourceMode[event.mode].toLowerCase()}: ${event.resource.name}`;
    case 'resource-updated': {
      const link = options.referral?.resourceLinks.find((l) => l.id === event.linkId);
      const changes = [
        event.mode ? L.resourceMode[event.mode].toLowerCase() : '',
        event.status ? L.resourceLinkStatus[event.status].toLowerCase() : '',
      ].filter(Boolean);
      return `Resource updated: ${link?.resource.name ?? event.linkId}, ${changes.join(', ')}`;
    }
    case 'follow-up-scheduled':
      return `Follow-up scheduled for ${event.due}`;
    case 'follow-up-done': {
      const followUp = options.referral?.followUps.find((f) => f.id === event.followUpId);
      return followUp ? `Follow-up due ${followUp.due} done` : 'Follow-up done';
    }
    case 'outcome-recorded':
      return `Outcome recorded: ${L.outcome[event.outcome.code].toLowerCase()}`;
    case 'note-added':
      return 'Note added';
  }
}
