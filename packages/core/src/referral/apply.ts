import { freeze, produce } from 'immer';
import type { Framework } from '../framework/types.js';
import { parseWith } from '../validation/parse.js';
import { formatIssues } from '../validation/result.js';
import { referralEventSchema } from './schema.js';
import { fastParseReferralEvent } from './fast-validation.js';
import type { ApplyResult, ReferralEvent, ReferralState, RejectedEvent, Rejection, ReplayResult } from './types.js';
import { check, contextFor, createState, hasEvent, mutate, type MutableState } from './workflow.js';
import { withoutUndefined } from '../shared/object.js';

/** Options for {@link applyEvent}. */
export interface ApplyOptions {
  /** The framework whose theme ids reasons and goals must use. Default: the Links framework. */
  readonly framework?: Framework;
  /**
   * The earlier referral a `created` event reopens (`previousReferralId`),
   * when the caller holds it: it must be finished and for the same person.
   */
  readonly previous?: ReferralState;
  /**
   * Skip the schema check because the event already passed it (for example
   * it came from {@link parseReferralEvents} or {@link validateReferralEvent}).
   * The workflow's rules are checked either way.
   */
  readonly trusted?: boolean;
}

/** Options for {@link replay}. */
export interface ReplayOptions {
  /** The framework whose theme ids reasons and goals must use. Default: the Links framework. */
  readonly framework?: Framework;
  /**
   * The events already passed the schema (they came from
   * {@link parseReferralEvents}): skip the per-event schema check. The
   * workflow's rules, and so every rejection, are the same either way.
   */
  readonly trusted?: boolean;
}

function validate(event: ReferralEvent): { ok: true; event: ReferralEvent } | { ok: false; rejection: Rejection } {
  // A valid event takes the hand-written fast path (the schema's value, no eval); the schema reports the problems.
  const fast = fastParseReferralEvent(event);
  if (fast !== undefined) return { ok: true, event: fast };
  const parsed = parseWith(referralEventSchema, withoutUndefined(event, 8));
  if (parsed.ok) return { ok: true, event: parsed.value };
  return {
    ok: false,
    rejection: invalid(event, `The event is not valid: ${formatIssues(parsed.errors).replace(/\n/g, '; ')}`),
  };
}

function invalid(event: ReferralEvent, reason: string): Rejection {
  const id = typeof (event as { id?: unknown } | null)?.id === 'string' ? (event as { id: string }).id : '';
  return { code: 'invalid-event', reason, eventId: id };
}

/**
 * Applies one event to a referral and returns the new state, or a rejection
 * with a plain-English reason; a rejected event changes nothing. Pass
 * `undefined` as the state for the `created` event that starts a referral.
 * The returned state is a new frozen object (immer); the given one is never
 * touched.
 *
 * @example
 * const result = applyEvent(referral, event);
 * if (result.ok) referral = result.state;
 * else showError(result.rejection.reason);
 */
export function applyEvent(
  state: ReferralState | undefined,
  event: ReferralEvent,
  options: ApplyOptions = {},
): ApplyResult {
  let checked = event;
  if (!options.trusted) {
    const valid = validate(event);
    if (!valid.ok) return valid;
    checked = valid.event;
  }
  if (state && checked.type !== 'created' && hasEvent(state, checked.id)) {
    return { ok: false, rejection: duplicate(checked) };
  }
  const rejection = check(state, checked, contextFor(options.framework), options.previous);
  if (rejection) return { ok: false, rejection };
  if (checked.type === 'created') return { ok: true, state: freeze(createState(checked) as ReferralState, true) };
  const next = produce(state!, (draft) => {
    mutate(draft, checked);
  });
  return { ok: true, state: next };
}

function duplicate(event: ReferralEvent): Rejection {
  return {
    code: 'duplicate-event-id',
    reason: `An event with id "${event.id}" has already been applied: each event is applied once.`,
    eventId: event.id,
  };
}

/**
 * One of 32 bits picked from an id's length and last two characters: a
 * referral's ids are scanned for a duplicate only when the bit is already
 * set (an exact check, just skipped when it cannot match).
 */
function idBit(id: string): number {
  const n = id.length;
  return 1 << ((id.charCodeAt(n - 1) * 31 + id.charCodeAt(n - 2) * 7 + n) & 31);
}

/**
 * Folds a stream of events (for any number of referrals) into their states.
 * Deterministic: the same events always give the same result. Events the
 * workflow refuses are reported in `rejected`, with their index and reason,
 * and change nothing. Event ids are unique within a referral: an event
 * delivered twice is refused the second time (`duplicate-event-id`), as
 * {@link applyEvent} refuses it.
 *
 * The result is typed read-only but not frozen, for speed; treat it as
 * immutable (use {@link applyEvent} for further events).
 */
export function replay(events: readonly ReferralEvent[], options: ReplayOptions = {}): ReplayResult {
  const ctx = contextFor(options.framework);
  const trusted = options.trusted === true;
  // Each referral's state, with its event ids kept beside it for the duplicate check
  // (a flat list of strings scans faster than the timeline's events of many shapes).
  const byId = new Map<string, { readonly state: MutableState; readonly ids: string[]; bits: number }>();
  const referrals: MutableState[] = [];
  const rejected: RejectedEvent[] = [];
  let applied = 0;
  for (let index = 0; index < events.length; index++) {
    const input = events[index]!;
    let event = input;
    if (!trusted) {
      const valid = validate(input);
      if (!valid.ok) {
        rejected.push({ event: input, index, code: valid.rejection.code, reason: valid.rejection.reason });
        continue;
      }
      event = valid.event;
    }
    const entry = byId.get(event.referralId);
    const state = entry?.state;
    const bit = idBit(event.id);
    if (entry !== undefined && event.type !== 'created' && (entry.bits & bit) !== 0 && entry.ids.includes(event.id)) {
      const rejection = duplicate(event);
      rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
      continue;
    }
    const previous =
      event.type === 'created' && event.previousReferralId !== undefined
        ? byId.get(event.previousReferralId)?.state
        : undefined;
    const rejection = check(state, event, ctx, previous);
    if (rejection !== undefined) {
      rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
      continue;
    }
    applied++;
    if (entry === undefined) {
      const created = createState(event as Extract<ReferralEvent, { type: 'created' }>);
      byId.set(event.referralId, { state: created, ids: [event.id], bits: bit });
      referrals.push(created);
    } else {
      mutate(entry.state, event);
      entry.ids.push(event.id);
      entry.bits |= bit;
    }
  }
  return { state: { referrals: referrals as ReferralState[] }, applied, rejected };
}

/** Finds a referral in a replayed state by id. */
export function findReferral(
  state: { readonly referrals: readonly ReferralState[] },
  id: string,
): ReferralState | undefined {
  return state.referrals.find((r) => r.id === id);
}
