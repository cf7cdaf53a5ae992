import { freeze, produce } from 'immer';
import type { Framework } from '../framework/types.js';
import { parseWith } from '../validation/parse.js';
import { formatIssues } from '../validation/result.js';
import { referralEventSchema } from './schema.js';
import { fastParseReferralEvent, fastReferralEventForReplay } from './fast-validation.js';
import type {
  ApplyResult,
  CreatedEvent,
  ReferralEvent,
  ReferralState,
  RejectedEvent,
  Rejection,
  ReplayResult,
} from './types.js';
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
 * A 32-bit hash of an id's length and its last four characters (where
 * random or counting ids differ), mixed so every bit depends on all of them.
 */
function idHash(id: string): number {
  const n = id.length;
  let x =
    Math.imul(n, 0x9e3779b1) ^
    (id.charCodeAt(n - 1) | (id.charCodeAt(n - 2) << 8) | (id.charCodeAt(n - 3) << 16) | (id.charCodeAt(n - 4) << 24));
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/**
 * A referral inside {@link replay}: its state, and a small Bloom filter of
 * its event ids (four 32-bit words, one bit set in each per id, from
 * {@link idHash}). The timeline is scanned for a duplicate only when all
 * four of a new id's bits are already set: about 1 event in 100 at a dozen
 * events per referral, against 1 in 10 for a single 32-bit word.
 */
class ReplayEntry {
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  constructor(
    readonly state: MutableState,
    hash: number,
  ) {
    this.b0 = 1 << (hash & 31);
    this.b1 = 1 << ((hash >>> 5) & 31);
    this.b2 = 1 << ((hash >>> 10) & 31);
    this.b3 = 1 << ((hash >>> 15) & 31);
  }

  /** Whether an id with this hash may already be there (all four bits set). */
  mayHave(hash: number): boolean {
    return (
      (this.b0 & (1 << (hash & 31))) !== 0 &&
      (this.b1 & (1 << ((hash >>> 5) & 31))) !== 0 &&
      (this.b2 & (1 << ((hash >>> 10) & 31))) !== 0 &&
      (this.b3 & (1 << ((hash >>> 15) & 31))) !== 0
    );
  }

  add(hash: number): void {
    this.b0 |= 1 << (hash & 31);
    this.b1 |= 1 << ((hash >>> 5) & 31);
    this.b2 |= 1 << ((hash >>> 10) & 31);
    this.b3 |= 1 << ((hash >>> 15) & 31);
  }
}

/**
 * Folds a stream of events (for any number of referrals) into their states.
 * Deterministic: the same events always give the same result. Events the
 * workflow refuses are reported in `rejected`, with their index and reason,
 * and change nothing. Event ids are unique within a referral: an event
 * delivered twice is refused the second time (`duplicate-event-id`), as
 * {@link applyEvent} refuses it.
 *
 * Events are shared, not copied: each referral's timeline holds the events
 * given (a validated event that is already exactly what the schema returns
 * is used as it is; one the schema would change, for example by trimming
 * text, is replaced by the schema's value). Treat events as immutable facts.
 *
 * The result is typed read-only but not frozen, for speed; treat it as
 * immutable (use {@link applyEvent} for further events).
 */
export function replay(events: readonly ReferralEvent[], options: ReplayOptions = {}): ReplayResult {
  const ctx = contextFor(options.framework);
  const trusted = options.trusted === true;
  const byId = new Map<string, ReplayEntry>();
  const referrals: MutableState[] = [];
  const rejected: RejectedEvent[] = [];
  let applied = 0;
  for (let index = 0; index < events.length; index++) {
    const input = events[index]!;
    let event = input;
    if (!trusted) {
      const valid = fastReferralEventForReplay(input);
      if (valid === undefined) {
        const rejection = validate(input);
        if (rejection.ok) event = rejection.event;
        else {
          rejected.push({ event: input, index, code: rejection.rejection.code, reason: rejection.rejection.reason });
          continue;
        }
      } else event = valid;
    }
    const entry = byId.get(event.referralId);
    if (entry === undefined) {
      const previous =
        event.type === 'created' && event.previousReferralId !== undefined
          ? byId.get(event.previousReferralId)?.state
          : undefined;
      const rejection = check(undefined, event, ctx, previous);
      if (rejection !== undefined) {
        rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
        continue;
      }
      applied++;
      const created = createState(event as CreatedEvent);
      byId.set(event.referralId, new ReplayEntry(created, idHash(event.id)));
      referrals.push(created);
      continue;
    }
    const state = entry.state;
    if (event.type !== 'created') {
      const hash = idHash(event.id);
      if (entry.mayHave(hash) && hasEvent(state, event.id)) {
        const rejection = duplicate(event);
        rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
        continue;
      }
      const rejection = check(state, event, ctx);
      if (rejection !== undefined) {
        rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
        continue;
      }
      applied++;
      mutate(state, event);
      entry.add(hash);
      continue;
    }
    // A second "created" event for a referral: refused (check says why).
    const previous = event.previousReferralId !== undefined ? byId.get(event.previousReferralId)?.state : undefined;
    const rejection = check(state, event, ctx, previous)!;
    rejected.push({ event: input, index, code: rejection.code, reason: rejection.reason });
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
