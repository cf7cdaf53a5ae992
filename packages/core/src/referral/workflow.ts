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
import { statusReasonCodesFor } from '../codes/status-reasons.js';
import { refusalReason, type RefusalParams } from '../messages/refusals.js';
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
  STATUS_ROLES,
  TRANSITIONS,
  LATE_ALLOWED_EVENT_TYPES,
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

function reject<C extends RejectionCode>(code: C, params: RefusalParams[C], event: ReferralEvent): Rejection {
  return { code, reason: refusalReason(code, params), params, eventId: event.id };
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
      return reject('unknown-theme', { themeId, framework: ctx.frameworkVersion, themes: [...ctx.themes] }, event);
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
      return reject('self-referral-only', { field: 'route' }, event);
    }
    if (!create.statuses.includes(event.status)) {
      return reject('self-referral-only', { field: 'status' }, event);
    }
  } else if (create.routes.length === 0) {
    return reject('role-not-allowed', { kind: 'create', actor: event.actor.role }, event);
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
      return reject('previous-is-self', {}, event);
    }
    if (previous && previous.id === event.previousReferralId) {
      if (!isFinished(previous.status) || previous.status === 'entered-in-error') {
        return reject('previous-not-finished', { referralId: previous.id, status: previous.status }, event);
      }
      if (previous.person !== event.person) {
        return reject('previous-other-person', { referralId: previous.id }, event);
      }
    }
  }
  return undefined;
}

/**
 * Checks an event dated earlier than the referral's latest event. The
 * timeline keeps the order events arrived in; `at` says when each happened.
 * Such an event is refused (`out-of-order`) when it is dated before the
 * referral was created; when it would overwrite a value a later event set
 * (any event outside {@link LATE_ALLOWED_EVENT_TYPES}; a goal or resource-link change
 * dated before that goal's or link's last change); when it is the CLP's
 * casework dated before the referral was accepted; or when it completes a
 * follow-up before it was scheduled. Reads only the state's own fields (no
 * timeline), so the service decides it from its stored summary.
 */
function checkLate(state: ReferralState, event: ReferralEvent): Rejection | undefined {
  const at = event.at;
  if (isEarlier(at, state.createdAt)) {
    return reject('out-of-order', { kind: 'before-created', at, previous: state.createdAt }, event);
  }
  if (event.type === 'created') return undefined;
  if (!LATE_ALLOWED_EVENT_TYPES.has(event.type)) {
    return reject(
      'out-of-order',
      { kind: 'overwrites-later', at, previous: state.updatedAt, eventType: event.type },
      event,
    );
  }
  if (event.type !== 'note-added' && state.respondedAt !== undefined && isEarlier(at, state.respondedAt)) {
    return reject('out-of-order', { kind: 'before-accepted', at, previous: state.respondedAt }, event);
  }
  if (event.type === 'goal-updated') {
    const goal = state.goals.find((g) => g.id === event.goalId);
    if (goal && isEarlier(at, goal.updatedAt)) {
      return reject('out-of-order', { kind: 'goal', at, previous: goal.updatedAt, id: goal.id }, event);
    }
  } else if (event.type === 'resource-updated') {
    const link = state.resourceLinks.find((l) => l.id === event.linkId);
    if (link && isEarlier(at, link.updatedAt)) {
      return reject('out-of-order', { kind: 'resource-link', at, previous: link.updatedAt, id: link.id }, event);
    }
  } else if (event.type === 'follow-up-done') {
    const followUp = state.followUps.find((f) => f.id === event.followUpId);
    if (followUp && isEarlier(at, followUp.scheduledAt)) {
      return reject('out-of-order', { kind: 'follow-up', at, previous: followUp.scheduledAt, id: followUp.id }, event);
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
    if (state) return reject('referral-exists', { referralId: state.id }, event);
    return checkCreated(event, ctx, previous);
  }
  if (!state) {
    return reject('unknown-referral', { referralId: event.referralId }, event);
  }
  if (event.referralId !== state.id) {
    return reject('wrong-referral', { referralId: event.referralId, expected: state.id }, event);
  }
  if (state.status === 'entered-in-error') {
    return reject('referral-finished', { status: state.status }, event);
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
      return reject('referral-finished', { status: from, to }, event);
    }
    if (!TRANSITIONS[from].includes(to)) {
      return reject('transition-not-allowed', { from, to, next: TRANSITIONS[from] }, event);
    }
    const roles = STATUS_ROLES[to];
    if (!roles.includes(role)) {
      return reject('role-not-allowed', { kind: 'status', to, roles, actor: role }, event);
    }
    if (from === 'draft' && role === 'clp') {
      return reject('role-not-allowed', { kind: 'cancel-draft' }, event);
    }
    if (role === 'clp' && state.clpId !== undefined && state.clpId !== event.actor.id) {
      return reject('not-assigned-clp', { clpId: state.clpId }, event);
    }
    const codes = statusReasonCodesFor(to);
    if (event.reasonCode !== undefined && !codes.includes(event.reasonCode)) {
      return reject('reason-code-not-allowed', { to, reasonCode: event.reasonCode, codes }, event);
    }
    if (REASON_REQUIRED.includes(to) && event.reasonCode === undefined && !event.reason?.trim()) {
      return reject('reason-required', { to, codes }, event);
    }
    if (to === 'completed') {
      const outcome = event.outcome ?? state.outcome;
      if (outcome === undefined) {
        return reject('outcome-required', {}, event);
      }
      if (GOALS_ACHIEVED_OUTCOMES.includes(outcome.code) && !state.goals.some((g) => g.status === 'achieved')) {
        return reject('outcome-contradicts-record', { outcome: outcome.code, needs: 'achieved-goal' }, event);
      }
      if (ENGAGED_OUTCOMES.includes(outcome.code) && state.contacts.length === 0) {
        return reject('outcome-contradicts-record', { outcome: outcome.code, needs: 'contact' }, event);
      }
    }
    return undefined;
  }

  const rule = CONTENT_RULES[event.type];
  if (isFinished(state.status)) {
    return reject('referral-finished', { status: state.status, eventType: event.type }, event);
  }
  if (!rule.roles.includes(role)) {
    return reject(
      'role-not-allowed',
      { kind: 'content', eventType: event.type, roles: rule.roles, actor: role },
      event,
    );
  }
  if (role === 'clp' && state.clpId !== undefined && state.clpId !== event.actor.id) {
    return reject('not-assigned-clp', { clpId: state.clpId }, event);
  }
  if (!rule.statuses.includes(state.status)) {
    return reject(
      'not-allowed-in-status',
      { eventType: event.type, status: state.status, statuses: rule.statuses },
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
        return reject('do-not-contact', {}, event);
      }
      const consent = state.consent.contact;
      if (consent !== 'given') {
        return reject('no-consent-to-contact', { consent: consent === 'withdrawn' ? 'withdrawn' : 'not-asked' }, event);
      }
      return undefined;
    }
    case 'goal-added':
      if (state.goals.some((g) => g.id === event.goalId)) {
        return reject('duplicate-goal', { goalId: event.goalId }, event);
      }
      return checkThemes([event.themeId], ctx, event);
    case 'goal-updated':
      return state.goals.some((g) => g.id === event.goalId)
        ? undefined
        : reject('unknown-goal', { goalId: event.goalId }, event);
    case 'resource-linked':
      if (state.resourceLinks.some((l) => l.id === event.linkId)) {
        return reject('duplicate-resource-link', { linkId: event.linkId }, event);
      }
      return event.mode === 'referred' ? checkShare(state, event) : undefined;
    case 'resource-updated': {
      const link = state.resourceLinks.find((l) => l.id === event.linkId);
      if (!link) return reject('unknown-resource-link', { linkId: event.linkId }, event);
      return event.mode === 'referred' && link.mode !== 'referred' ? checkShare(state, event) : undefined;
    }
    case 'follow-up-scheduled':
      return state.followUps.some((f) => f.id === event.followUpId)
        ? reject('duplicate-follow-up', { followUpId: event.followUpId }, event)
        : undefined;
    case 'follow-up-done': {
      const followUp = state.followUps.find((f) => f.id === event.followUpId);
      if (!followUp) return reject('unknown-follow-up', { followUpId: event.followUpId }, event);
      return followUp.done ? reject('follow-up-already-done', { followUpId: event.followUpId }, event) : undefined;
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
  return reject('other-practice', { practiceId, actor: event.actor.role, actorId: event.actor.id, practices }, event);
}

function checkShare(state: ReferralState, event: ReferralEvent): Rejection | undefined {
  if (state.consent['share-with-community-organisation'] === 'given') return undefined;
  return reject('no-consent-to-share', {}, event);
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
        event.reasonCode ?? (event.reason?.trim() && statusReasonCodesFor(to).length > 0 ? 'other' : undefined);
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
