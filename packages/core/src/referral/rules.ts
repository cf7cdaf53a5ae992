import type { Framework } from '../framework/types.js';
import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import { statusReasonCodesFor, type StatusReasonCode } from '../codes/status-reasons.js';
import {
  CONSENT_SCOPES,
  DEFAULT_RESPONSE_WINDOWS,
  LIVE_STATUSES,
  REASON_REQUIRED,
  TRANSITIONS,
  type ReferralStatus,
  type ResponseWindowSetting,
  type Urgency,
} from './constants.js';
import type { ActingUser, FollowUp, ReferralEvent, ReferralEventType, ReferralState } from './types.js';
import { check, contextFor } from './workflow.js';

import { DAY_MS } from '../shared/time.js';
import { ACTION_LABELS_EN, type ActionLabelCode } from '../messages/actions.js';
import { WARNING_MESSAGES_EN, type WarningMessageCode, type WarningMessageParams } from '../messages/warnings.js';

/** A point in time: an ISO date (`2024-05-01`, read as midnight UTC), an ISO date-time, or a Date. */
export type Instant = string | Date;

/** Milliseconds since the epoch for an {@link Instant}; `NaN` when it is not a date. */
export function toMillis(instant: Instant): number {
  return instant instanceof Date ? instant.getTime() : Date.parse(instant);
}

/** The UTC calendar date (`YYYY-MM-DD`) of an {@link Instant}, or `''` when it is not a date. */
export function toDateString(instant: Instant): string {
  const ms = toMillis(instant);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
}

/** Options for the response-window rules. */
export interface ResponseWindowOptions {
  /** "Now" for the calculation. */
  readonly asOf: Instant;
  /**
   * The host's response window per urgency; urgencies left out keep
   * {@link DEFAULT_RESPONSE_WINDOWS} (urgent 2 working days, soon 7 days,
   * routine 14 days).
   */
  readonly responseWindows?: Partial<Readonly<Record<Urgency, ResponseWindowSetting>>>;
  /**
   * One window, in calendar days, for every urgency (the older option; it
   * overrides `responseWindows`). Leave it out to use the per-urgency windows.
   */
  readonly responseWindowDays?: number;
  /**
   * Days that are not working days besides Saturdays and Sundays (bank and
   * public holidays, `YYYY-MM-DD`), for windows counted in working days. The
   * toolkit ships no holiday calendar: the host supplies its own.
   */
  readonly holidays?: readonly string[];
}

/** Where a referral stands against the response window. */
export interface ResponseWindowStatus {
  /** When a response is due (requested + window), if the referral was ever requested. */
  readonly dueBy?: string;
  /** Still waiting for the CLP's response, and past `dueBy`. */
  readonly overdue: boolean;
  /** Answered (accepted or rejected), but after `dueBy`. */
  readonly respondedLate: boolean;
  /** Whole days since it was requested, while it waits for a response. */
  readonly daysWaiting?: number;
  /** The window that applies (from the referral's urgency). */
  readonly window?: ResponseWindowSetting;
}

const validDays = (days: unknown): days is number => typeof days === 'number' && Number.isFinite(days) && days >= 0;

/**
 * The response window for a referral of `urgency`: the host's
 * `responseWindowDays` (calendar days, every urgency) when given, else its
 * `responseWindows` entry for the urgency, else {@link DEFAULT_RESPONSE_WINDOWS}.
 */
export function responseWindowFor(
  urgency: Urgency,
  options: Pick<ResponseWindowOptions, 'responseWindows' | 'responseWindowDays'> = {},
): ResponseWindowSetting {
  if (validDays(options.responseWindowDays)) return { days: Math.floor(options.responseWindowDays), unit: 'days' };
  const chosen = options.responseWindows?.[urgency];
  if (chosen && validDays(chosen.days) && (chosen.unit === 'days' || chosen.unit === 'working-days'))
    return { days: Math.floor(chosen.days), unit: chosen.unit };
  return DEFAULT_RESPONSE_WINDOWS[urgency] ?? DEFAULT_RESPONSE_WINDOWS.routine;
}

/**
 * When a response to a referral requested at `requestedAt` falls due, in
 * milliseconds since the epoch: the same time of day, `days` calendar days
 * later, or `days` working days later (Monday to Friday in UTC, skipping the
 * host's `holidays`). A request made on a weekend or holiday starts counting
 * from the next working day: 2 working days from a Saturday is the Tuesday.
 */
export function responseDueAt(
  requestedAt: Instant,
  window: ResponseWindowSetting,
  options: Pick<ResponseWindowOptions, 'holidays'> = {},
): number {
  const start = toMillis(requestedAt);
  if (!Number.isFinite(start)) return NaN;
  if (window.unit === 'days') return start + window.days * DAY_MS;
  const holidays = new Set(options.holidays ?? []);
  let due = start;
  // Bounded: each pass moves one day; at most `days` working days plus the weekends and holidays between them.
  for (let counted = 0, guard = 0; counted < window.days && guard < window.days * 7 + 3660; guard++) {
    due += DAY_MS;
    const day = new Date(due);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6 || holidays.has(day.toISOString().slice(0, 10))) continue;
    counted++;
  }
  return due;
}

/**
 * The response window of one referral: the CLP should accept or reject a
 * requested referral within the window for its urgency (see
 * {@link responseWindowFor}). A referral is overdue while it is still
 * `requested` after that.
 */
export function responseWindow(referral: ReferralState, options: ResponseWindowOptions): ResponseWindowStatus {
  if (referral.requestedAt === undefined) return { overdue: false, respondedLate: false };
  const window = responseWindowFor(referral.urgency, options);
  const requested = Date.parse(referral.requestedAt);
  const due = responseDueAt(referral.requestedAt, window, options);
  const dueBy = new Date(due).toISOString();
  const respondedLate = referral.respondedAt !== undefined && Date.parse(referral.respondedAt) > due;
  if (referral.status !== 'requested') return { dueBy, overdue: false, respondedLate, window };
  const now = toMillis(options.asOf);
  return {
    dueBy,
    overdue: now > due,
    respondedLate,
    daysWaiting: Math.max(0, Math.floor((now - requested) / DAY_MS)),
    window,
  };
}

/** Whether a referral is waiting for the CLP's response past the response window for its urgency. */
export function isOverdue(referral: ReferralState, options: ResponseWindowOptions): boolean {
  if (referral.status !== 'requested' || referral.requestedAt === undefined) return false;
  const due = responseDueAt(referral.requestedAt, responseWindowFor(referral.urgency, options), options);
  return toMillis(options.asOf) > due;
}

/** A follow-up that is due, with the referral it belongs to. */
export interface DueFollowUp {
  readonly referralId: string;
  readonly practiceId: string;
  readonly clpId?: string;
  readonly followUp: FollowUp;
  /** Due before the `asOf` date. */
  readonly overdue: boolean;
}

/**
 * Follow-ups not yet done on open referrals, due on or before `asOf` (plus
 * `withinDays` ahead, for a "coming up" list), earliest first.
 */
export function followUpsDue(
  referrals: readonly ReferralState[],
  options: { readonly asOf: Instant; readonly withinDays?: number },
): DueFollowUp[] {
  const now = toMillis(options.asOf);
  const today = toDateString(options.asOf);
  const horizon = toDateString(new Date(now + Math.max(0, options.withinDays ?? 0) * DAY_MS));
  const out: DueFollowUp[] = [];
  if (!today) return out;
  for (const referral of referrals) {
    if (!isOpen(referral.status)) continue;
    for (const followUp of referral.followUps) {
      if (followUp.done || followUp.due > horizon) continue;
      out.push({
        referralId: referral.id,
        practiceId: referral.practiceId,
        clpId: referral.clpId,
        followUp,
        overdue: followUp.due < today,
      });
    }
  }
  return out.sort((a, b) =>
    a.followUp.due < b.followUp.due ? -1 : a.followUp.due > b.followUp.due ? 1 : a.referralId < b.referralId ? -1 : 1,
  );
}

function isOpen(status: ReferralStatus): boolean {
  return (
    status === 'draft' ||
    status === 'requested' ||
    status === 'accepted' ||
    status === 'in-progress' ||
    status === 'on-hold'
  );
}

/** Statuses in which a referral counts as the person's open referral, for duplicate warnings. */
const LIVE = LIVE_STATUSES;

/** People who have more than one open referral. */
export interface DuplicateGroup {
  readonly person: string;
  /** The open referrals (requested, accepted, in progress or on hold, and drafts), oldest first. */
  readonly referrals: readonly ReferralState[];
}

/**
 * Finds people with more than one open referral: a live one (requested,
 * accepted, in progress or on hold) plus any other open one, drafts
 * included. Two drafts alone do not count.
 */
export function findDuplicates(referrals: readonly ReferralState[]): DuplicateGroup[] {
  const byPerson = new Map<string, ReferralState[]>();
  for (const referral of referrals) {
    if (!isOpen(referral.status)) continue;
    const list = byPerson.get(referral.person);
    if (list) list.push(referral);
    else byPerson.set(referral.person, [referral]);
  }
  const groups: DuplicateGroup[] = [];
  for (const [person, list] of byPerson) {
    if (list.length < 2 || !list.some((r) => LIVE.includes(r.status))) continue;
    groups.push({ person, referrals: [...list].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)) });
  }
  return groups;
}

type CodedWarning = {
  [C in WarningMessageCode]: { readonly messageCode: C; readonly params: WarningMessageParams[C] };
}[WarningMessageCode];

/** The warning a referral form shows when the person already has an open referral. */
export interface DuplicateWarning {
  readonly person: string;
  /** Their live referrals (requested, accepted, in progress or on hold). */
  readonly openReferrals: readonly ReferralState[];
  /** Plain English, fit to show the referrer: {@link DuplicateWarning.messageCode} rendered by `WARNING_MESSAGES_EN`. */
  readonly message: string;
  /** What the warning says, as a code: the elements say it in the page's language. */
  readonly messageCode: WarningMessageCode;
  /** The values the warning names. */
  readonly params: WarningMessageParams[WarningMessageCode];
}

/**
 * Whether `person` already has a live referral (requested, accepted, in
 * progress or on hold), ignoring `excludeId` (the draft being written).
 * Returns the warning, or `undefined` when there is none.
 */
export function duplicateWarning(
  referrals: readonly ReferralState[],
  person: string,
  options: { readonly excludeId?: string } = {},
): DuplicateWarning | undefined {
  const open = referrals.filter((r) => r.person === person && r.id !== options.excludeId && LIVE.includes(r.status));
  if (open.length === 0) return undefined;
  const first = open[0]!;
  const said: CodedWarning =
    open.length === 1
      ? {
          messageCode: 'referral.duplicate-open',
          params: { id: first.id, status: first.status, since: toDateString(first.createdAt) },
        }
      : { messageCode: 'referral.duplicates-open', params: { count: open.length, ids: open.map((r) => r.id) } };
  const message = WARNING_MESSAGES_EN[said.messageCode](said.params as never);
  return { person, openReferrals: open, message, ...said };
}

/** Something a user may do now, for the UI to offer. */
export interface ReferralAction {
  /** The event the action writes. */
  readonly type: ReferralEventType;
  /** For `status-changed`: the status it moves to. */
  readonly to?: ReferralStatus;
  /** A short button label, in English: {@link ReferralAction.labelCode} rendered by `ACTION_LABELS_EN`. */
  readonly label: string;
  /** The label as a code, for saying it in another language (`action.accepted`, `action.resume`, …). */
  readonly labelCode: ActionLabelCode;
  /** What the user must supply: a reason (a code), an outcome (completion without a recorded outcome). */
  readonly requires: readonly ('reason' | 'outcome')[];
  /** For a status that takes a coded reason: the codes to choose from. */
  readonly reasonCodes?: readonly StatusReasonCode[];
}

function actionFor(
  type: ReferralEventType,
  labelCode: ActionLabelCode,
  requires: ReferralAction['requires'],
  to?: ReferralStatus,
): ReferralAction {
  return { type, ...(to ? { to } : {}), label: ACTION_LABELS_EN[labelCode], labelCode, requires };
}

/**
 * The actions `user` may take on `referral` now: exactly the events the
 * workflow would accept from them at this moment (each candidate is checked
 * with the workflow's own rules). The UI shows only these. Pass `undefined`
 * for a referral that does not exist yet (a referrer may create one).
 */
export function allowedActions(
  referral: ReferralState | undefined,
  user: ActingUser,
  options: { readonly framework?: Framework } = {},
): ReferralAction[] {
  if (!referral) {
    if (user.role === 'referrer') return [actionFor('created', 'action.created', [])];
    if (user.role === 'clp') return [actionFor('created', 'action.created-self', [])];
    return [];
  }
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const ctx = contextFor(framework);
  const actorId = user.id ?? (user.role === 'clp' && referral.clpId !== undefined ? referral.clpId : 'acting-user');
  const base = {
    id: 'allowed-actions-probe',
    referralId: referral.id,
    at: referral.updatedAt,
    actor: { role: user.role, id: actorId, ...(user.practices ? { practices: [...user.practices] } : {}) },
  };
  const accepts = (event: ReferralEvent): boolean => check(referral, event, ctx) === undefined;
  const actions: ReferralAction[] = [];

  for (const to of TRANSITIONS[referral.status]) {
    const reasonCodes = statusReasonCodesFor(to);
    const probe: ReferralEvent = {
      ...base,
      type: 'status-changed',
      to,
      ...(reasonCodes.length > 0 ? { reasonCode: reasonCodes[0]! } : {}),
      ...(to === 'completed' ? { outcome: { code: 'other', summary: 'probe' } } : {}),
    };
    if (!accepts(probe)) continue;
    const requires: ('reason' | 'outcome')[] = [];
    if (REASON_REQUIRED.includes(to)) requires.push('reason');
    if (to === 'completed' && referral.outcome === undefined) requires.push('outcome');
    const labelCode: ActionLabelCode =
      to === 'in-progress' && referral.status === 'on-hold'
        ? 'action.resume'
        : to === 'cancelled' && referral.status === 'draft'
          ? 'action.cancel-draft'
          : `action.${to}`;
    actions.push({
      ...actionFor('status-changed', labelCode, requires, to),
      ...(reasonCodes.length > 0 ? { reasonCodes } : {}),
    });
  }

  const givenScope = CONSENT_SCOPES.find((s) => referral.consent[s] === 'given');
  const ungivenScope = CONSENT_SCOPES.find((s) => referral.consent[s] !== 'given');
  const firstGoal = referral.goals[0];
  const firstLink = referral.resourceLinks[0];
  const openFollowUp = referral.followUps.find((f) => !f.done);
  const theme = framework.themes[0]?.id ?? 'theme';
  const probes: (ReferralEvent | undefined)[] = [
    { ...base, type: 'details-updated', urgency: referral.urgency },
    { ...base, type: 'clp-assigned', clpId: actorId },
    ungivenScope ? { ...base, type: 'consent-given', scope: ungivenScope } : undefined,
    givenScope ? { ...base, type: 'consent-withdrawn', scope: givenScope } : undefined,
    referral.doNotContact ? undefined : { ...base, type: 'do-not-contact-set' },
    referral.doNotContact ? { ...base, type: 'do-not-contact-cleared' } : undefined,
    { ...base, type: 'contact-attempted', method: 'phone', outcome: 'no-answer' },
    { ...base, type: 'contact-recorded', setting: 'practice', durationMinutes: 30 },
    { ...base, type: 'goal-added', goalId: 'allowed-actions-probe', statement: 'probe', themeId: theme },
    firstGoal ? { ...base, type: 'goal-updated', goalId: firstGoal.id, status: firstGoal.status } : undefined,
    {
      ...base,
      type: 'resource-linked',
      linkId: 'allowed-actions-probe',
      resource: { id: 'probe', name: 'probe' },
      mode: 'signposted',
    },
    firstLink ? { ...base, type: 'resource-updated', linkId: firstLink.id, status: firstLink.status } : undefined,
    { ...base, type: 'follow-up-scheduled', followUpId: 'allowed-actions-probe', due: referral.updatedAt.slice(0, 10) },
    openFollowUp ? { ...base, type: 'follow-up-done', followUpId: openFollowUp.id } : undefined,
    { ...base, type: 'outcome-recorded', outcome: { code: 'other', summary: 'probe' } },
    { ...base, type: 'note-added', text: 'probe' },
  ];
  for (const probe of probes) {
    if (!probe || probe.type === 'created' || probe.type === 'status-changed') continue;
    if (accepts(probe)) actions.push(actionFor(probe.type, `action.${probe.type}`, []));
  }
  return actions;
}
