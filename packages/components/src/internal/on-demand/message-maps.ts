import { msg, str } from '@lit/localize';
import type { MessageRenderers, ValidationParams } from '@links-approach/core';
import type {
  ActorRole,
  ContentEventType,
  RefusalParams,
  ReferralStatus,
  WarningMessageParams,
} from '@links-approach/core/referral';
import { outcomeInSentence, statusInSentence, statusReasonLabels } from '../referral-labels.js';
import { NETWORK_ISSUES } from './messages-network.js';
import { OUTCOME_ISSUES } from './messages-outcomes.js';
import { PLAN_DOCUMENT_ISSUES, PLAN_ISSUES } from './messages-plan.js';
import { MATURITY_ISSUES } from './messages-maturity.js';
import { RUN_CHART_ISSUES } from './messages-run-chart.js';
import { DIRECTORY_MESSAGES } from './messages-resources.js';
import { STORE_ISSUES } from './messages-store.js';

/*
 * The msg()-based maps that say core's coded messages (workflow refusals,
 * validation issues) in a locale other than the source locale. They are
 * needed only on a page that is not in English, so they load with the
 * translation (internal/localization.ts) and not with the elements;
 * `refusalText` and `issueText` in internal/messages.ts read them.
 */

/** "a, b or c" in the page's locale. */
function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const first = items.slice(0, -1).join(', ');
  const last = items[items.length - 1]!;
  return msg(str`${first} or ${last}`, { id: 'list.or' });
}

/** A role as the subject or object of a refusal ("the referrer"). */
const roleInSentence = (): Record<ActorRole, string> => ({
  referrer: msg('the referrer', { id: 'refusal.role.referrer' }),
  clp: msg('the Community Links Practitioner', { id: 'refusal.role.clp' }),
  'practice-manager': msg('a practice manager', { id: 'refusal.role.practice-manager' }),
  system: msg('the system', { id: 'refusal.role.system' }),
});

/** What a status change does, after "Only … may" (core's wording). */
const statusVerb = (): Record<ReferralStatus, string> => ({
  draft: msg('save a referral as a draft', { id: 'refusal.status-verb.draft' }),
  requested: msg('send a referral to the Community Links Practitioner', { id: 'refusal.status-verb.requested' }),
  accepted: msg('accept a referral', { id: 'refusal.status-verb.accepted' }),
  rejected: msg('reject a referral', { id: 'refusal.status-verb.rejected' }),
  'in-progress': msg('start or resume work on a referral', { id: 'refusal.status-verb.in-progress' }),
  'on-hold': msg('put a referral on hold', { id: 'refusal.status-verb.on-hold' }),
  completed: msg('complete a referral', { id: 'refusal.status-verb.completed' }),
  failed: msg('close a referral as failed', { id: 'refusal.status-verb.failed' }),
  cancelled: msg('cancel a referral', { id: 'refusal.status-verb.cancelled' }),
  'entered-in-error': msg('mark a referral as entered in error', { id: 'refusal.status-verb.entered-in-error' }),
});

/** What each content event records, as a noun phrase (core's `CONTENT_NOUNS_EN`). */
const contentNoun = (): Record<ContentEventType, string> => ({
  'details-updated': msg('a change to the referral details', { id: 'refusal.noun.details-updated' }),
  'clp-assigned': msg('a change of Community Links Practitioner', { id: 'refusal.noun.clp-assigned' }),
  'consent-given': msg('consent', { id: 'refusal.noun.consent-given' }),
  'consent-withdrawn': msg('a withdrawal of consent', { id: 'refusal.noun.consent-withdrawn' }),
  'do-not-contact-set': msg('a do-not-contact request', { id: 'refusal.noun.do-not-contact-set' }),
  'do-not-contact-cleared': msg('the lifting of do-not-contact', { id: 'refusal.noun.do-not-contact-cleared' }),
  'contact-attempted': msg('a contact attempt', { id: 'refusal.noun.contact-attempted' }),
  'contact-recorded': msg('a contact', { id: 'refusal.noun.contact-recorded' }),
  'goal-added': msg('a new goal', { id: 'refusal.noun.goal-added' }),
  'goal-updated': msg('a change to a goal', { id: 'refusal.noun.goal-updated' }),
  'resource-linked': msg('a resource link', { id: 'refusal.noun.resource-linked' }),
  'resource-updated': msg('a change to a resource link', { id: 'refusal.noun.resource-updated' }),
  'follow-up-scheduled': msg('a follow-up', { id: 'refusal.noun.follow-up-scheduled' }),
  'follow-up-done': msg('a completed follow-up', { id: 'refusal.noun.follow-up-done' }),
  'outcome-recorded': msg('an outcome', { id: 'refusal.noun.outcome-recorded' }),
  'note-added': msg('a note', { id: 'refusal.noun.note-added' }),
});

// Quoted as a word (the elements render these only for locales other than the source locale).
const quotedStatus = (status: ReferralStatus): string => `“${statusInSentence()[status]}”`;
const roles = (list: readonly ActorRole[]): string => listOr(list.map((r) => roleInSentence()[r]));

/** The workflow's refusals (core's `REFUSAL_MESSAGES_EN`), through msg(). */
export const REFUSALS: Partial<MessageRenderers<RefusalParams>> = {
  'unknown-referral': (p) =>
    msg(str`There is no referral "${p.referralId}": a referral starts with a "created" event.`, {
      id: 'refusal.unknown-referral',
    }),
  'referral-exists': (p) =>
    msg(str`Referral "${p.referralId}" already exists: a "created" event can only start a new referral.`, {
      id: 'refusal.referral-exists',
    }),
  'wrong-referral': (p) =>
    msg(str`This event belongs to referral "${p.referralId}", not "${p.expected}".`, { id: 'refusal.wrong-referral' }),
  'duplicate-event-id': (p) =>
    msg(str`An event with id "${p.eventId}" has already been applied: each event is applied once.`, {
      id: 'refusal.duplicate-event-id',
    }),
  'out-of-order': (p) => {
    const hint = msg('If it still applies, record it again now.', { id: 'refusal.out-of-order.hint' });
    switch (p.kind) {
      case 'before-created':
        return msg(str`This event is dated ${p.at}, before the referral was created (${p.previous}).`, {
          id: 'refusal.out-of-order.before-created',
        });
      case 'overwrites-later': {
        const what =
          p.eventType === 'status-changed'
            ? msg('a status change', { id: 'refusal.noun.status-changed' })
            : contentNoun()[p.eventType];
        return msg(
          str`This event is dated ${p.at}, earlier than the referral's latest event (${p.previous}): ${what} dated earlier would overwrite a later change, so it must be dated no earlier than the latest event. ${hint}`,
          { id: 'refusal.out-of-order.overwrites-later' },
        );
      }
      case 'before-accepted':
        return msg(
          str`This event is dated ${p.at}, before the referral was accepted (${p.previous}): casework cannot come before the acceptance.`,
          { id: 'refusal.out-of-order.before-accepted' },
        );
      case 'goal':
        return msg(
          str`This change to goal "${p.id}" is dated ${p.at}, earlier than the goal's last change (${p.previous}): it would overwrite a later change. ${hint}`,
          { id: 'refusal.out-of-order.goal' },
        );
      case 'resource-link':
        return msg(
          str`This change to resource link "${p.id}" is dated ${p.at}, earlier than the link's last change (${p.previous}): it would overwrite a later change. ${hint}`,
          { id: 'refusal.out-of-order.resource-link' },
        );
      case 'follow-up':
        return msg(str`Follow-up "${p.id}" is marked done at ${p.at}, before it was scheduled (${p.previous}).`, {
          id: 'refusal.out-of-order.follow-up',
        });
    }
  },
  'role-not-allowed': (p) => {
    switch (p.kind) {
      case 'create': {
        const actor = roleInSentence()[p.actor];
        return msg(
          str`Only the referrer (or, for a self-referral, the Community Links Practitioner) may create a referral; this event came from ${actor}.`,
          { id: 'refusal.role-not-allowed.create' },
        );
      }
      case 'status': {
        const [who, what, actor] = [roles(p.roles), statusVerb()[p.to], roleInSentence()[p.actor]];
        return msg(str`Only ${who} may ${what}; this event came from ${actor}.`, {
          id: 'refusal.role-not-allowed.status',
        });
      }
      case 'cancel-draft':
        return msg(
          'Only the referrer or a practice manager may cancel a draft: it has not been sent to the Community Links Practitioner.',
          { id: 'refusal.role-not-allowed.cancel-draft' },
        );
      case 'content': {
        const [who, what, actor] = [roles(p.roles), contentNoun()[p.eventType], roleInSentence()[p.actor]];
        return msg(str`Only ${who} may record ${what}; this event came from ${actor}.`, {
          id: 'refusal.role-not-allowed.content',
        });
      }
    }
  },
  'not-assigned-clp': (p) =>
    msg(
      str`This referral is held by another Community Links Practitioner (${p.clpId}); only they may act on it, unless a practice manager reassigns it.`,
      { id: 'refusal.not-assigned-clp' },
    ),
  'transition-not-allowed': (p) => {
    const [from, to, next] = [quotedStatus(p.from), quotedStatus(p.to), listOr(p.next.map(quotedStatus))];
    return msg(str`A referral cannot go from ${from} to ${to}. From ${from} it can go to ${next}.`, {
      id: 'refusal.transition-not-allowed',
    });
  },
  'referral-finished': (p) => {
    if (p.status === 'entered-in-error')
      return msg('The referral was entered in error and accepts no more events.', {
        id: 'refusal.referral-finished.entered-in-error',
      });
    const status = quotedStatus(p.status);
    if (p.eventType !== undefined) {
      const what = contentNoun()[p.eventType];
      return msg(str`The referral is ${status}: finished referrals are never changed, so ${what} cannot be added.`, {
        id: 'refusal.referral-finished.content',
      });
    }
    return msg(
      str`The referral is ${status}: finished referrals are never changed. To reopen it, create a new referral that references it (previousReferralId).`,
      { id: 'refusal.referral-finished.status' },
    );
  },
  'not-allowed-in-status': (p) => {
    const [what, status, statuses] = [
      contentNoun()[p.eventType],
      quotedStatus(p.status),
      listOr(p.statuses.map(quotedStatus)),
    ];
    return msg(str`${what} cannot be recorded while the referral is ${status}; only when it is ${statuses}.`, {
      id: 'refusal.not-allowed-in-status',
    });
  },
  'reason-required': (p) => {
    const [status, codes] = [quotedStatus(p.to), p.codes.map((c) => statusReasonLabels()[c]).join('; ')];
    return msg(str`A reason is required to mark a referral ${status}: choose one of ${codes}.`, {
      id: 'refusal.reason-required',
    });
  },
  'reason-code-not-allowed': (p) => {
    const status = quotedStatus(p.to);
    if (p.codes.length === 0)
      return msg(str`A change to ${status} takes no coded reason ("${p.reasonCode}" given).`, {
        id: 'refusal.reason-code-not-allowed.none',
      });
    const codes = p.codes.map((c) => statusReasonLabels()[c]).join('; ');
    return msg(str`"${p.reasonCode}" is not a reason for ${status}; use one of: ${codes}.`, {
      id: 'refusal.reason-code-not-allowed',
    });
  },
  'other-practice': (p) => {
    const [actor, practices] = [roleInSentence()[p.actor], listOr(p.practices)];
    return msg(
      str`This referral belongs to practice ${p.practiceId}, and ${actor} (${p.actorId}) acts only for ${practices}.`,
      { id: 'refusal.other-practice' },
    );
  },
  'self-referral-only': (p) =>
    p.field === 'route'
      ? msg(
          'A Community Links Practitioner may create only a self-referral (route "self"): other referrals come from the practice.',
          { id: 'refusal.self-referral-only.route' },
        )
      : msg(
          'A Community Links Practitioner records a self-referral as requested, not as a draft: there is no one else to send it.',
          { id: 'refusal.self-referral-only.status' },
        ),
  'outcome-contradicts-record': (p) => {
    const outcome = `“${outcomeInSentence()[p.outcome]}”`;
    return p.needs === 'achieved-goal'
      ? msg(
          str`The outcome ${outcome} needs at least one achieved goal, and no goal on this referral is marked achieved: update the goal, or choose another outcome.`,
          { id: 'refusal.outcome-contradicts-record.goal' },
        )
      : msg(
          str`The outcome ${outcome} needs at least one contact with the person, and none is recorded: record the contact, or choose another outcome.`,
          { id: 'refusal.outcome-contradicts-record.contact' },
        );
  },
  'outcome-required': () =>
    msg(
      'A referral cannot be completed without an outcome: record the outcome first, or give it with the completion.',
      {
        id: 'refusal.outcome-required',
      },
    ),
  'do-not-contact': () =>
    msg('The person asked not to be contacted: do-not-contact is set on this referral.', {
      id: 'refusal.do-not-contact',
    }),
  'no-consent-to-contact': (p) =>
    p.consent === 'withdrawn'
      ? msg('The person has withdrawn their consent to be contacted.', {
          id: 'refusal.no-consent-to-contact.withdrawn',
        })
      : msg('The person has not given consent to be contacted: record their consent first.', {
          id: 'refusal.no-consent-to-contact',
        }),
  'no-consent-to-share': () =>
    msg(
      'Referring the person to a community organisation shares their details, and they have not given consent to share with a community organisation: signpost instead, or record their consent first.',
      { id: 'refusal.no-consent-to-share' },
    ),
  'unknown-theme': (p) => {
    const themes = p.themes.join(', ');
    return msg(str`"${p.themeId}" is not a theme of the framework (${p.framework}); use one of: ${themes}.`, {
      id: 'refusal.unknown-theme',
    });
  },
  'unknown-goal': (p) => msg(str`There is no goal "${p.goalId}" on this referral.`, { id: 'refusal.unknown-goal' }),
  'duplicate-goal': (p) =>
    msg(str`Goal "${p.goalId}" already exists on this referral: update it instead.`, { id: 'refusal.duplicate-goal' }),
  'unknown-resource-link': (p) =>
    msg(str`There is no resource link "${p.linkId}" on this referral.`, { id: 'refusal.unknown-resource-link' }),
  'duplicate-resource-link': (p) =>
    msg(str`Resource link "${p.linkId}" already exists on this referral: update it instead.`, {
      id: 'refusal.duplicate-resource-link',
    }),
  'unknown-follow-up': (p) =>
    msg(str`There is no follow-up "${p.followUpId}" on this referral.`, { id: 'refusal.unknown-follow-up' }),
  'duplicate-follow-up': (p) =>
    msg(str`Follow-up "${p.followUpId}" already exists on this referral.`, { id: 'refusal.duplicate-follow-up' }),
  'follow-up-already-done': (p) =>
    msg(str`Follow-up "${p.followUpId}" is already done.`, { id: 'refusal.follow-up-already-done' }),
  'previous-not-finished': (p) => {
    if (p.status === 'entered-in-error')
      return msg(str`Referral "${p.referralId}" was entered in error, so it cannot be reopened.`, {
        id: 'refusal.previous-not-finished.entered-in-error',
      });
    const status = quotedStatus(p.status);
    return msg(
      str`Referral "${p.referralId}" is still ${status}: only a finished referral can be reopened by a new one.`,
      {
        id: 'refusal.previous-not-finished',
      },
    );
  },
  'previous-other-person': (p) =>
    msg(str`Referral "${p.referralId}" is for another person: a re-referral must be for the same person.`, {
      id: 'refusal.previous-other-person',
    }),
  'previous-is-self': () =>
    msg('A referral cannot reopen itself: previousReferralId must name an earlier referral.', {
      id: 'refusal.previous-is-self',
    }),
};

const typeName = (kind: string): string => {
  switch (kind) {
    case 'string':
      return msg('text', { id: 'issue.type.string' });
    case 'number':
      return msg('a number', { id: 'issue.type.number' });
    case 'int':
    case 'bigint':
      return msg('a whole number', { id: 'issue.type.int' });
    case 'boolean':
      return msg('true or false', { id: 'issue.type.boolean' });
    case 'object':
      return msg('an object', { id: 'issue.type.object' });
    case 'array':
      return msg('a list', { id: 'issue.type.array' });
    case 'date':
      return msg('a date', { id: 'issue.type.date' });
    default:
      return kind;
  }
};

/** Validation issues (core's `VALIDATION_MESSAGES_EN`), through msg(). */
export const ISSUES: Partial<MessageRenderers<ValidationParams>> = {
  required: () => msg('is required', { id: 'issue.required' }),
  'wrong-type': (p) => {
    const [expected, received] = [typeName(p.expected), p.received === 'boolean' ? p.received : typeName(p.received)];
    return msg(str`must be ${expected}, not ${received}`, { id: 'issue.wrong-type' });
  },
  'text-empty': () => msg('must not be empty', { id: 'issue.text-empty' }),
  'text-too-short': (p) => msg(str`must be at least ${p.minimum} characters`, { id: 'issue.text-too-short' }),
  'text-too-long': (p) => msg(str`must be at most ${p.maximum} characters`, { id: 'issue.text-too-long' }),
  'list-empty': () => msg('must have at least one entry', { id: 'issue.list-empty' }),
  'list-too-short': (p) => msg(str`must have at least ${p.minimum} entries`, { id: 'issue.list-too-short' }),
  'list-too-long': (p) => msg(str`must have at most ${p.maximum} entries`, { id: 'issue.list-too-long' }),
  'number-at-least': (p) => msg(str`must be at least ${p.minimum}`, { id: 'issue.number-at-least' }),
  'number-more-than': (p) => msg(str`must be more than ${p.minimum}`, { id: 'issue.number-more-than' }),
  'number-at-most': (p) => msg(str`must be at most ${p.maximum}`, { id: 'issue.number-at-most' }),
  'number-less-than': (p) => msg(str`must be less than ${p.maximum}`, { id: 'issue.number-less-than' }),
  'not-a-choice': (p) => {
    const choices = `${p.choices.join(', ')}${p.more ? ', …' : ''}`;
    return p.choices.length === 1 && !p.more
      ? msg(str`must be ${choices}`, { id: 'issue.not-a-choice.one' })
      : msg(str`must be one of ${choices}`, { id: 'issue.not-a-choice' });
  },
  'unknown-fields': (p) => {
    const keys = p.keys.map((k) => `"${k}"`).join(', ');
    return p.keys.length === 1
      ? msg(str`has an unknown field: ${keys}`, { id: 'issue.unknown-field' })
      : msg(str`has unknown fields: ${keys}`, { id: 'issue.unknown-fields' });
  },
  'not-a-date': () => msg('must be a real calendar date written YYYY-MM-DD', { id: 'issue.not-a-date' }),
  'not-a-date-time': () =>
    msg('must be a date and time written like 2024-05-01T09:30:00Z', { id: 'issue.not-a-date-time' }),
  'bad-format': () => msg('is not in the expected format', { id: 'issue.bad-format' }),
  'no-matching-form': () => msg('does not match any of the allowed forms', { id: 'issue.no-matching-form' }),
  'invalid-entry': () => msg('has an invalid entry', { id: 'issue.invalid-entry' }),
  'opaque-reference': () =>
    msg(
      'must be an opaque reference: 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit, no spaces',
      { id: 'issue.opaque-reference' },
    ),
  pseudonym: () =>
    msg(
      'must be an opaque reference: 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit, no spaces (a pseudonymous reference from the host, never a name)',
      { id: 'issue.pseudonym' },
    ),
  'chi-like': () =>
    msg('looks like a CHI or NHS number (10 digits in a row): use the pseudonymous reference from the host instead', {
      id: 'issue.chi-like',
    }),
  'change-at-least-one': (p) => {
    const fields = p.fields.map((f) => `"${f}"`).join(', ');
    return msg(str`must change at least one of: ${fields}`, { id: 'issue.change-at-least-one' });
  },
  'outcome-only-when-completed': () =>
    msg('an outcome can only come with a change to "completed"', { id: 'issue.outcome-only-when-completed' }),
  slug: () =>
    msg('must be a lower-case id made of letters, digits and single hyphens, e.g. "team-wellbeing"', {
      id: 'issue.slug',
    }),
  'plan-id': () =>
    msg('must be an id made of letters, digits, ".", "_", ":" or "-", e.g. "aim-1"', { id: 'issue.plan-id' }),
  'version-number': () => msg('must be a version number like "1.0.0"', { id: 'issue.version-number' }),
  'date-format': () => msg('must be a date written YYYY-MM-DD', { id: 'issue.date-format' }),
  'no-contact-details': () =>
    msg(
      'must not contain an e-mail address or phone number: record a role (e.g. "volunteer coordinator"), not a person’s contact details',
      { id: 'issue.no-contact-details' },
    ),
  'web-address': () => msg('must be a web address starting http:// or https://', { id: 'issue.web-address' }),
  'register-id': () =>
    msg('must be a lower-case id of letters, digits and hyphens, e.g. "rel-3"', { id: 'issue.register-id' }),
  'staff-name': () =>
    msg(
      'must be a staff name or role; it contains a 10-digit number that looks like a CHI number, and plans hold no patient identifiers',
      { id: 'issue.staff-name' },
    ),
};

/** The referral form's warnings (core's `WARNING_MESSAGES_EN`), by code. */
const REFERRAL_WARNINGS: MessageRenderers<WarningMessageParams> = {
  'referral.duplicate-open': (p) =>
    msg(
      str`This person already has an open referral (${p.id}, ${statusInSentence()[p.status]}, since ${p.since}). Check with the Community Links Practitioner before referring again.`,
      { id: 'warning.duplicate-open' },
    ),
  'referral.duplicates-open': (p) =>
    msg(
      str`This person already has ${p.count} open referrals (${p.ids.join(', ')}). Check with the Community Links Practitioner before referring again.`,
      { id: 'warning.duplicates-open' },
    ),
};

/**
 * The rule issues of core's plan, network register and outcome areas (message codes `plan.*`, `network.*`,
 * `outcome.*` and the instrument schema's own), the plan document's envelope and version (`plan-document.*`), the stores' and the service client's messages (`store.*`,
 * `service.*`), the maturity scorer's reasons (`maturity.*`), the run chart's summary sentences (`run-chart.*`), the community resource directories' messages (`directory.*`) and the referral form's warnings (`referral.*`), each area's map by itself; `issueText` tries
 * them after {@link ISSUES}.
 */
export const RULE_ISSUES: readonly object[] = [
  PLAN_ISSUES,
  PLAN_DOCUMENT_ISSUES,
  NETWORK_ISSUES,
  OUTCOME_ISSUES,
  STORE_ISSUES,
  MATURITY_ISSUES,
  RUN_CHART_ISSUES,
  DIRECTORY_MESSAGES,
  REFERRAL_WARNINGS,
];
