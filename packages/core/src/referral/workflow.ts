/**
 * The referral workflow's rules, shared by {@link applyEvent} (immer, one
 * event at a time) and {@link replay} (a private mutable fold over a trusted
 * stream). `check` decides; `mutate` applies. `mutate` never runs for an
 * event `check` refused, so a rejected event changes nothing, and both entry
 * points give exactly the same rejections.
 *
 * @internal
 */
import type { Draft } from 'immer';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { STATUS_REASON_LABELS, statusReasonCodesFor } from '../codes/status-reasons.js';
import {
  type ActorRole,
  type ConsentScope,
  type ReferralStatus,
  CREATE_RULES,
  ENGAGED_OUTCOMES,
  GOALS_ACHIEVED_OUTCOMES,
  OPEN_STATUSES,
  ACTIVE_STATUSES,
  FINISHED_STATUSES,
  LIVE_STATUSES,
  REASON_REQUIRED,
  REFERRAL_LABELS,
  STATUS_ROLES,
  TRANSITIONS,
} from './constants.js';
import type {
  CreatedEvent,
  ReferralEvent,
  ReferralEventType,
  ReferralState,
  Rejection,
  RejectionCode,
} from './types.js';

/** A referral state being built or changed: an immer draft, or a private object inside replay. */
export type MutableState = Draft<ReferralState>;

/** What `check` needs besides the state and the event. */
export interface CheckContext {
  /** Theme ids of the framework in use. */
  readonly themes: ReadonlySet<string>;
  /** The framework's version, for messages. */
  readonly frameworkVersion: string;
}

const themeCache = new WeakMap<Framework, CheckContext>();

/** The check context for a framework (cached per framework object). */
export function contextFor(framework: Framework = LINKS_FRAMEWORK): CheckContext {
  let ctx = themeCache.get(framework);
  if (!ctx) {
    ctx = {
      themes: new Set(framework.themes.map((t) => t.id)),
      frameworkVersion: `${framework.id} ${framework.version}`,
    };
    themeCache.set(framework, ctx);
  }
  return ctx;
}

type ContentType = Exclude<ReferralEventType, 'created' | 'status-changed'>;

const ACTIVE = ACTIVE_STATUSES;

/**
 * Who may write each content event, and in which statuses. Finished
 * referrals accept no content at all.
 */
export const CONTENT_RULES: Readonly<
  Record<ContentType, { readonly roles: readonly ActorRole[]; readonly statuses: readonly ReferralStatus[] }>
> = Object.freeze({
  'details-updated': { roles: ['referrer'], statuses: ['draft'] },
  'clp-assigned': { roles: ['practice-manager'], statuses: LIVE_STATUSES },
  'consent-given': { roles: ['referrer', 'clp'], statuses: OPEN_STATUSES },
  'consent-withdrawn': { roles: ['referrer', 'clp'], statuses: OPEN_STATUSES },
  'do-not-contact-set': { roles: ['referrer', 'clp', 'practice-manager'], statuses: OPEN_STATUSES },
  'do-not-contact-cleared': { roles: ['referrer', 'clp', 'practice-manager'], statuses: OPEN_STATUSES },
  'contact-attempted': { roles: ['clp'], statuses: ['in-progress'] },
  'contact-recorded': { roles: ['clp'], statuses: ['in-progress'] },
  'goal-added': { roles: ['clp'], statuses: ACTIVE },
  'goal-updated': { roles: ['clp'], statuses: ACTIVE },
  'resource-linked': { roles: ['clp'], statuses: ACTIVE },
  'resource-updated': { roles: ['clp'], statuses: ACTIVE },
  'follow-up-scheduled': { roles: ['clp'], statuses: ACTIVE },
  'follow-up-done': { roles: ['clp'], statuses: ACTIVE },
  'outcome-recorded': { roles: ['clp'], statuses: ACTIVE },
  'note-added': { roles: ['referrer', 'clp', 'practice-manager', 'system'], statuses: OPEN_STATUSES },
});

/** What each content event records, as a noun phrase for messages. */
const CONTENT_NOUN: Readonly<Record<ContentType, string>> = {
  'details-updated': 'a change to the referral details',
  'clp-assigned': 'a change of Community Links Practitioner',
  'consent-given': 'consent',
  'consent-withdrawn': 'a withdrawal of consent',
  'do-not-contact-set': 'a do-not-contact request',
  'do-not-contact-cleared': 'the lifting of do-not-contact',
  'contact-attempted': 'a contact attempt',
  'contact-recorded': 'a contact',
  'goal-added': 'a new goal',
  'goal-updated': 'a change to a goal',
  'resource-linked': 'a resource link',
  'resource-updated': 'a change to a resource link',
  'follow-up-scheduled': 'a follow-up',
  'follow-up-done': 'a completed follow-up',
  'outcome-recorded': 'an outcome',
  'note-added': 'a note',
};

const STATUS_VERB: Readonly<Record<ReferralStatus, string>> = {
  draft: 'save a referral as a draft',
  requested: 'send a referral to the Community Links Practitioner',
  accepted: 'accept a referral',
  rejected: 'reject a referral',
  'in-progress': 'start or resume work on a referral',
  'on-hold': 'put a referral on hold',
  completed: 'complete a referral',
  failed: 'close a referral as failed',
  cancelled: 'cancel a referral',
  'entered-in-error': 'mark a referral as entered in error',
};

const ROLE_NAME: Readonly<Record<ActorRole, string>> = {
  referrer: 'the referrer',
  clp: 'the Community Links Practitioner',
  'practice-manager': 'a practice manager',
  system: 'the system',
};

const statusName = (status: ReferralStatus): string => `"${REFERRAL_LABELS.status[status].toLowerCase()}"`;

function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function reject(code: RejectionCode, reason: string, event: ReferralEvent): Rejection {
  return { code, reason, eventId: event.id };
}

/**
 * Whether ISO date-time `a` is earlier than `b`. Two UTC times of the same
 * length (same precision, both ending in "Z") compare as text, which is
 * exact and avoids parsing on the hot path; anything else is parsed.
 */
export function isEarlier(a: string, b: string): boolean {
  const n = a.length;
  if (n === b.length && a.charCodeAt(n - 1) === 90 && b.charCodeAt(n - 1) === 90) return a < b;
  return Date.parse(a) < Date.parse(b);
}

/** Whether the referral already holds an event with this id (event ids are unique within a referral). */
export function hasEvent(state: ReferralState, id: string): boolean {
  const timeline = state.timeline;
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i]!.id === id) return true;
  return false;
}

const FINISHED = new Set<ReferralStatus>(FINISHED_STATUSES);

function isFinished(status: ReferralStatus): boolean {
  return FINISHED.has(status);
}

function checkThemes(themeIds: readonly string[], ctx: CheckContext, event: ReferralEvent): Rejection | undefined {
  for (const themeId of themeIds) {
    if (!ctx.themes.has(themeId)) {
      return reject(
        'unknown-theme',
        `"${themeId}" is not a theme of the framework (${ctx.frameworkVersion}); use one of: ${[...ctx.themes].join(
          ', ',
        )}.`,
        event,
      );
    }
  }
  return undefined;
}

/** Checks a `created` event, with the earlier referral it reopens when known. */
function checkCreated(
  event: CreatedEvent,
  ctx: CheckContext,
  previous: ReferralState | undefined,
): Rejection | undefined {
  const create = CREATE_RULES[event.actor.role];
  if (event.actor.role === 'clp') {
    if (!create.routes.includes(event.route)) {
      return reject(
        'self-referral-only',
        'A Community Links Practitioner may create only a self-referral (route "self"): other referrals come from the practice.',
        event,
      );
    }
    if (!create.statuses.includes(event.status)) {
      return reject(
        'self-referral-only',
        'A Community Links Practitioner records a self-referral as requested, not as a draft: there is no one else to send it.',
        event,
      );
    }
  } else if (create.routes.length === 0) {
    return reject(
      'role-not-allowed',
      `Only the referrer (or, for a self-referral, the Community Links Practitioner) may create a referral; this event came from ${
        ROLE_NAME[event.actor.role]
      }.`,
      event,
    );
  }
  const practice = checkPractice(event.practiceId, event);
  if (practice) return practice;
  const themes = checkThemes(
    event.reasons.map((r) => r.themeId),
    ctx,
    event,
  );
  if (themes) return themes;
  if (event.previousReferralId !== undefined) {
    if (event.previousReferralId === event.referralId) {
      return reject(
        'previous-is-self',
        'A referral cannot reopen itself: previousReferralId must name an earlier referral.',
        event,
      );
    }
    if (previous && previous.id === event.previousReferralId) {
      if (!isFinished(previous.status) || previous.status === 'entered-in-error') {
        return reject(
          'previous-not-finished',
          previous.status === 'entered-in-error'
            ? `Referral "${previous.id}" was entered in error, so it cannot be reopened.`
            : `Referral "${previous.id}" is still ${statusName(
                previous.status,
              )}: only a finished referral can be reopened by a new one.`,
          event,
        );
      }
      if (previous.person !== event.person) {
        return reject(
          'previous-other-person',
          `Referral "${previous.id}" is for another person: a re-referral must be for the same person.`,
          event,
        );
      }
    }
  }
  return undefined;
}

/**
 * Events that add to the record rather than overwrite a current value: they
 * may arrive after later events (recorded offline, sent when the line
 * returns). Every other event (a status change, consent, do-not-contact,
 * assignment, details, the outcome) sets a value a later event may have set
 * since, so it must not be dated before the referral's latest event.
 */
const LATE_ALLOWED: ReadonlySet<ReferralEventType> = new Set<ReferralEventType>([
  'contact-attempted',
  'contact-recorded',
  'goal-added',
  'goal-updated',
  'resource-linked',
  'resource-updated',
  'follow-up-scheduled',
  'follow-up-done',
  'note-added',
]);

const LATE_HINT = 'If it still applies, record it again now.';

/**
 * Checks an event dated earlier than the referral's latest event. The
 * timeline keeps the order events arrived in; `at` says when each happened.
 * Such an event is refused (`out-of-order`) when it is dated before the
 * referral was created; when it would overwrite a value a later event set
 * (any event outside {@link LATE_ALLOWED}; a goal or resource-link change
 * dated before that goal's or link's last change); when it is the CLP's
 * casework dated before the referral was accepted; or when it completes a
 * follow-up before it was scheduled. Reads only the state's own fields (no
 * timeline), so the service decides it from its stored summary.
 */
function checkLate(state: ReferralState, event: ReferralEvent): Rejection | undefined {
  const at = event.at;
  if (isEarlier(at, state.createdAt)) {
    return reject('out-of-order', `This event is dated ${at}, before the referral was created (${state.createdAt}).`, event);
  }
  if (event.type === 'created') return undefined;
  if (!LATE_ALLOWED.has(event.type)) {
    const noun = event.type === 'status-changed' ? 'a status change' : CONTENT_NOUN[event.type];
    return reject(
      'out-of-order',
      `This event is dated ${at}, earlier than the referral's latest event (${state.updatedAt}): ${noun} dated earlier would overwrite a later change, so it must be dated no earlier than the latest event. ${LATE_HINT}`,
      event,
    );
  }
  if (event.type !== 'note-added' && state.respondedAt !== undefined && isEarlier(at, state.respondedAt)) {
    return reject(
      'out-of-order',
      `This event is dated ${at}, before the referral was accepted (${state.respondedAt}): casework cannot come before the acceptance.`,
      event,
    );
  }
  if (event.type === 'goal-updated') {
    const goal = state.goals.find((g) => g.id === event.goalId);
    if (goal && isEarlier(at, goal.updatedAt)) {
      return reject(
        'out-of-order',
        `This change to goal "${goal.id}" is dated ${at}, earlier than the goal's last change (${goal.updatedAt}): it would overwrite a later change. ${LATE_HINT}`,
        event,
      );
    }
  } else if (event.type === 'resource-updated') {
    const link = state.resourceLinks.find((l) => l.id === event.linkId);
    if (link && isEarlier(at, link.updatedAt)) {
      return reject(
        'out-of-order',
        `This change to resource link "${link.id}" is dated ${at}, earlier than the link's last change (${link.updatedAt}): it would overwrite a later change. ${LATE_HINT}`,
        event,
      );
    }
  } else if (event.type === 'follow-up-done') {
    const followUp = state.followUps.find((f) => f.id === event.followUpId);
    if (followUp && isEarlier(at, followUp.scheduledAt)) {
      return reject(
        'out-of-order',
        `Follow-up "${followUp.id}" is marked done at ${at}, before it was scheduled (${followUp.scheduledAt}).`,
        event,
      );
    }
  }
  return undefined;
}

/**
 * Decides whether `event` may be applied to `state` (undefined when the
 * referral does not exist yet). Returns the rejection, or `undefined` to
 * accept. Does not check schemas or duplicate event ids: the callers do.
 */
export function check(
  state: ReferralState | undefined,
  event: ReferralEvent,
  ctx: CheckContext,
  previous?: ReferralState,
): Rejection | undefined {
  if (event.type === 'created') {
    if (state)
      return reject(
        'referral-exists',
        `Referral "${state.id}" already exists: a "created" event can only start a new referral.`,
        event,
      );
    return checkCreated(event, ctx, previous);
  }
  if (!state) {
    return reject(
      'unknown-referral',
      `There is no referral "${event.referralId}": a referral starts with a "created" event.`,
      event,
    );
  }
  if (event.referralId !== state.id) {
    return reject('wrong-referral', `This event belongs to referral "${event.referralId}", not "${state.id}".`, event);
  }
  if (state.status === 'entered-in-error') {
    return reject('referral-finished', 'The referral was entered in error and accepts no more events.', event);
  }
  if (isEarlier(event.at, state.updatedAt)) {
    // Dated before the referral's latest event: recorded offline and arriving late (the slow path only).
    const late = checkLate(state, event);
    if (late) return late;
  }
  const practice = checkPractice(state.practiceId, event);
  if (practice) return practice;
  const role = event.actor.role;
  if (event.type === 'status-changed') {
    const from = state.status;
    const to = event.to;
    if (isFinished(from) && to !== 'entered-in-error') {
      return reject(
        'referral-finished',
        `The referral is ${statusName(
          from,
        )}: finished referrals are never changed. To reopen it, create a new referral that references it (previousReferralId).`,
        event,
      );
    }
    if (!TRANSITIONS[from].includes(to)) {
      const next = TRANSITIONS[from].map(statusName);
      return reject(
        'transition-not-allowed',
        `A referral cannot go from ${statusName(from)} to ${statusName(to)}. From ${statusName(
          from,
        )} it can go to ${listOr(next)}.`,
        event,
      );
    }
    const roles = STATUS_ROLES[to];
    if (!roles.includes(role)) {
      return reject(
        'role-not-allowed',
        `Only ${listOr(roles.map((r) => ROLE_NAME[r]))} may ${STATUS_VERB[to]}; this event came from ${
          ROLE_NAME[role]
        }.`,
        event,
      );
    }
    if (from === 'draft' && role === 'clp') {
      return reject(
        'role-not-allowed',
        'Only the referrer or a practice manager may cancel a draft: it has not been sent to the Community Links Practitioner.',
        event,
      );
    }
    if (role === 'clp' && state.clpId !== undefined && state.clpId !== event.actor.id) {
      return reject(
        'not-assigned-clp',
        `This referral is held by another Community Links Practitioner (${state.clpId}); only they may act on it, unless a practice manager reassigns it.`,
        event,
      );
    }
    const codes = statusReasonCodesFor(to);
    if (event.reasonCode !== undefined && !codes.includes(event.reasonCode)) {
      return reject(
        'reason-code-not-allowed',
        codes.length === 0
          ? `A change to ${statusName(to)} takes no coded reason ("${event.reasonCode}" given).`
          : `"${event.reasonCode}" is not a reason for ${statusName(to)}; use one of: ${codes
              .map((c) => `${c} (${STATUS_REASON_LABELS[c]})`)
              .join(', ')}.`,
        event,
      );
    }
    if (REASON_REQUIRED.includes(to) && event.reasonCode === undefined && !event.reason?.trim()) {
      return reject(
        'reason-required',
        `A reason is required to mark a referral ${statusName(to)}: choose one of ${codes.join(', ')}.`,
        event,
      );
    }
    if (to === 'completed') {
      const outcome = event.outcome ?? state.outcome;
      if (outcome === undefined) {
        return reject(
          'outcome-required',
          'A referral cannot be completed without an outcome: record the outcome first, or give it with the completion.',
          event,
        );
      }
      const label = `"${REFERRAL_LABELS.outcome[outcome.code].toLowerCase()}"`;
      if (GOALS_ACHIEVED_OUTCOMES.includes(outcome.code) && !state.goals.some((g) => g.status === 'achieved')) {
        return reject(
          'outcome-contradicts-record',
          `The outcome ${label} needs at least one achieved goal, and no goal on this referral is marked achieved: update the goal, or choose another outcome.`,
          event,
        );
      }
      if (ENGAGED_OUTCOMES.includes(outcome.code) && state.contacts.length === 0) {
        return reject(
          'outcome-contradicts-record',
          `The outcome ${label} needs at least one contact with the person, and none is recorded: record the contact, or choose another outcome.`,
          event,
        );
      }
    }
    return undefined;
  }

  const rule = CONTENT_RULES[event.type];
  if (isFinished(state.status)) {
    return reject(
      'referral-finished',
      `The referral is ${statusName(state.status)}: finished referrals are never changed, so ${
        CONTENT_NOUN[event.type]
      } cannot be added.`,
      event,
    );
  }
  if (!rule.roles.includes(role)) {
    return reject(
      'role-not-allowed',
      `Only ${listOr(rule.roles.map((r) => ROLE_NAME[r]))} may record ${
        CONTENT_NOUN[event.type]
      }; this event came from ${ROLE_NAME[role]}.`,
      event,
    );
  }
  if (role === 'clp' && state.clpId !== undefined && state.clpId !== event.actor.id) {
    return reject(
      'not-assigned-clp',
      `This referral is held by another Community Links Practitioner (${state.clpId}); only they may act on it, unless a practice manager reassigns it.`,
      event,
    );
  }
  if (!rule.statuses.includes(state.status)) {
    return reject(
      'not-allowed-in-status',
      `${capitalise(CONTENT_NOUN[event.type])} cannot be recorded while the referral is ${statusName(
        state.status,
      )}; only when it is ${listOr(rule.statuses.map(statusName))}.`,
      event,
    );
  }

  switch (event.type) {
    case 'details-updated':
      return event.reasons
        ? checkThemes(
            event.reasons.map((r) => r.themeId),
            ctx,
            event,
          )
        : undefined;
    case 'contact-attempted':
    case 'contact-recorded': {
      if (state.doNotContact) {
        return reject(
          'do-not-contact',
          'The person asked not to be contacted: do-not-contact is set on this referral.',
          event,
        );
      }
      const consent = state.consent.contact;
      if (consent !== 'given') {
        return reject(
          'no-consent-to-contact',
          consent === 'withdrawn'
            ? 'The person has withdrawn their consent to be contacted.'
            : 'The person has not given consent to be contacted: record their consent first.',
          event,
        );
      }
      return undefined;
    }
    case 'goal-added':
      if (state.goals.some((g) => g.id === event.goalId)) {
        return reject(
          'duplicate-goal',
          `Goal "${event.goalId}" already exists on this referral: update it instead.`,
          event,
        );
      }
      return checkThemes([event.themeId], ctx, event);
    case 'goal-updated':
      return state.goals.some((g) => g.id === event.goalId)
        ? undefined
        : reject('unknown-goal', `There is no goal "${event.goalId}" on this referral.`, event);
    case 'resource-linked':
      if (state.resourceLinks.some((l) => l.id === event.linkId)) {
        return reject(
          'duplicate-resource-link',
          `Resource link "${event.linkId}" already exists on this referral: update it instead.`,
          event,
        );
      }
      return event.mode === 'referred' ? checkShare(state, event) : undefined;
    case 'resource-updated': {
      const link = state.resourceLinks.find((l) => l.id === event.linkId);
      if (!link)
        return reject('unknown-resource-link', `There is no resource link "${event.linkId}" on this referral.`, event);
      return event.mode === 'referred' && link.mode !== 'referred' ? checkShare(state, event) : undefined;
    }
    case 'follow-up-scheduled':
      return state.followUps.some((f) => f.id === event.followUpId)
        ? reject('duplicate-follow-up', `Follow-up "${event.followUpId}" already exists on this referral.`, event)
        : undefined;
    case 'follow-up-done': {
      const followUp = state.followUps.find((f) => f.id === event.followUpId);
      if (!followUp)
        return reject('unknown-follow-up', `There is no follow-up "${event.followUpId}" on this referral.`, event);
      return followUp.done
        ? reject('follow-up-already-done', `Follow-up "${event.followUpId}" is already done.`, event)
        : undefined;
    }
    case 'clp-assigned':
    case 'consent-given':
    case 'consent-withdrawn':
    case 'do-not-contact-set':
    case 'do-not-contact-cleared':
    case 'outcome-recorded':
    case 'note-added':
      return undefined;
    default:
      return assertNever(event);
  }
}

/**
 * Whether the actor acts for the referral's practice. Only checked when the
 * event's actor carries `practices` (and never for the system role): events
 * without it replay as before. Colleagues at the same practice act for one
 * another: the check is on the practice, not on who made the referral.
 */
function checkPractice(practiceId: string, event: ReferralEvent): Rejection | undefined {
  const practices = event.actor.practices;
  if (practices === undefined || event.actor.role === 'system' || practices.includes(practiceId)) return undefined;
  return reject(
    'other-practice',
    `This referral belongs to practice ${practiceId}, and ${ROLE_NAME[event.actor.role]} (${
      event.actor.id
    }) acts only for ${listOr(practices)}.`,
    event,
  );
}

function checkShare(state: ReferralState, event: ReferralEvent): Rejection | undefined {
  if (state.consent['share-with-community-organisation'] === 'given') return undefined;
  return reject(
    'no-consent-to-share',
    'Referring the person to a community organisation shares their details, and they have not given consent to share with a community organisation: signpost instead, or record their consent first.',
    event,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assertNever(value: never): never {
  throw new Error(`unhandled referral event ${JSON.stringify(value)}`);
}

/** Builds a new referral's state from its `created` event. */
export function createState(event: CreatedEvent): MutableState {
  const consent = {
    contact: 'not-asked',
    'share-outcome-with-gp-record': 'not-asked',
    'share-with-community-organisation': 'not-asked',
  } as Record<ConsentScope, 'not-asked' | 'given' | 'withdrawn'>;
  if (event.consent) for (const scope of event.consent) consent[scope] = 'given';
  return {
    id: event.referralId,
    status: event.status,
    businessStatus: undefined,
    statusReason: undefined,
    statusReasonCode: undefined,
    person: event.person,
    practiceId: event.practiceId,
    referrerId: event.actor.id,
    clpId: event.clpId ?? (event.actor.role === 'clp' ? event.actor.id : undefined),
    route: event.route,
    routeDetail: event.routeDetail,
    reasons: event.reasons,
    urgency: event.urgency,
    previousReferralId: event.previousReferralId,
    consent,
    doNotContact: false,
    contactAttempts: [],
    contacts: [],
    goals: [],
    resourceLinks: [],
    followUps: [],
    notes: event.note === undefined ? [] : [{ eventId: event.id, at: event.at, actor: event.actor, text: event.note }],
    outcome: undefined,
    createdAt: event.at,
    requestedAt: event.status === 'requested' ? event.at : undefined,
    respondedAt: undefined,
    firstContactAt: undefined,
    finishedAt: undefined,
    updatedAt: event.at,
    timeline: [event],
  } as MutableState;
}

/**
 * Applies an event `check` accepted to a mutable state: an immer draft, or an
 * object replay owns until it returns. Parts of the event (reasons, outcome,
 * resource, actor) are shared, not copied: events are immutable facts. Never
 * call it for a `created` event.
 */
export function mutate(s: MutableState, event: ReferralEvent): void {
  const at = event.at;
  // The latest time seen: an event recorded offline may arrive dated earlier, and never moves it back.
  if (isEarlier(s.updatedAt, at)) s.updatedAt = at;
  (s.timeline as ReferralEvent[]).push(event);
  switch (event.type) {
    case 'created':
      throw new Error('a created event starts a referral; use createState');
    case 'status-changed': {
      const to = event.to;
      s.status = to;
      s.statusReason = event.reason;
      s.statusReasonCode =
        event.reasonCode ??
        (event.reason?.trim() && statusReasonCodesFor(to).length > 0 ? 'other' : undefined);
      if (to === 'requested' && s.requestedAt === undefined) s.requestedAt = at;
      if ((to === 'accepted' || to === 'rejected') && s.respondedAt === undefined) {
        s.respondedAt = at;
        if (s.clpId === undefined && event.actor.role === 'clp') s.clpId = event.actor.id;
      }
      if (event.outcome !== undefined) s.outcome = event.outcome;
      if (s.finishedAt === undefined && isFinished(to)) s.finishedAt = at;
      s.businessStatus = to === 'in-progress' ? (s.contacts.length > 0 ? 'engaged' : 'contacting') : undefined;
      return;
    }
    case 'details-updated':
      if (event.route !== undefined) s.route = event.route;
      if (event.routeDetail !== undefined) s.routeDetail = event.routeDetail;
      if (event.reasons !== undefined) s.reasons = event.reasons;
      if (event.urgency !== undefined) s.urgency = event.urgency;
      if (event.clpId !== undefined) s.clpId = event.clpId;
      return;
    case 'clp-assigned':
      s.clpId = event.clpId;
      return;
    case 'consent-given':
      s.consent[event.scope] = 'given';
      return;
    case 'consent-withdrawn':
      s.consent[event.scope] = 'withdrawn';
      return;
    case 'do-not-contact-set':
      s.doNotContact = true;
      return;
    case 'do-not-contact-cleared':
      s.doNotContact = false;
      return;
    case 'contact-attempted':
      s.contactAttempts.push({
        eventId: event.id,
        at,
        clpId: event.actor.id,
        method: event.method,
        outcome: event.outcome,
      });
      return;
    case 'contact-recorded':
      s.contacts.push({
        eventId: event.id,
        at,
        clpId: event.actor.id,
        setting: event.setting,
        durationMinutes: event.durationMinutes,
      });
      if (s.firstContactAt === undefined || isEarlier(at, s.firstContactAt)) s.firstContactAt = at;
      if (s.status === 'in-progress') s.businessStatus = 'engaged';
      return;
    case 'goal-added':
      s.goals.push({
        id: event.goalId,
        statement: event.statement,
        themeId: event.themeId,
        status: event.status ?? 'proposed',
        addedAt: at,
        updatedAt: at,
      });
      return;
    case 'goal-updated': {
      const goal = s.goals.find((g) => g.id === event.goalId)!;
      if (event.statement !== undefined) goal.statement = event.statement;
      if (event.status !== undefined) goal.status = event.status;
      goal.updatedAt = at;
      return;
    }
    case 'resource-linked':
      s.resourceLinks.push({
        id: event.linkId,
        resource: event.resource,
        mode: event.mode,
        status: event.status ?? 'suggested',
        linkedAt: at,
        updatedAt: at,
      });
      return;
    case 'resource-updated': {
      const link = s.resourceLinks.find((l) => l.id === event.linkId)!;
      if (event.mode !== undefined) link.mode = event.mode;
      if (event.status !== undefined) link.status = event.status;
      link.updatedAt = at;
      return;
    }
    case 'follow-up-scheduled':
      s.followUps.push({
        id: event.followUpId,
        due: event.due,
        note: event.note,
        scheduledAt: at,
        done: false,
        doneAt: undefined,
      });
      return;
    case 'follow-up-done': {
      const followUp = s.followUps.find((f) => f.id === event.followUpId)!;
      followUp.done = true;
      followUp.doneAt = at;
      return;
    }
    case 'outcome-recorded':
      s.outcome = event.outcome;
      return;
    case 'note-added':
      s.notes.push({ eventId: event.id, at, actor: event.actor, text: event.text });
      return;
    default:
      assertNever(event);
  }
}

/** Whether a status is finished (rejected, completed, failed, cancelled or entered in error). */
export function isFinishedStatus(status: ReferralStatus): boolean {
  return isFinished(status);
}

/** Whether a status is open (draft, requested, accepted, in-progress or on-hold). */
export function isOpenStatus(status: ReferralStatus): boolean {
  return !isFinished(status);
}
