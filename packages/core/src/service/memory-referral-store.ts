import { applyEvent } from '../referral/apply.js';
import type { ReferralEvent } from '../referral/types.js';
import type { Result } from '../validation/result.js';
import { deepFreeze } from '../store/prepare.js';
import { ReferralListeners, storedReferral } from './http-referral-store.js';
import type { AppendError, Appended, AppendOptions, ReferralQuery, ReferralStore, StoredReferral } from './types.js';

/** Options for {@link createMemoryReferralStore}. */
export interface MemoryReferralStoreOptions {
  /**
   * The signed-in user, as the service would set it: every appended event's
   * `actor` becomes this one. Without it, events keep the actor they carry.
   */
  readonly actor?: ReferralEvent['actor'];
  /** Events to start from (each stream in order); events core refuses are skipped. */
  readonly events?: readonly ReferralEvent[];
}

interface Stream {
  referral: StoredReferral;
  events: ReferralEvent[];
}

/**
 * A {@link ReferralStore} in memory, with the service's decisions: a stale
 * `expectedVersion` is a `conflict` (with `currentVersion`), core's
 * `applyEvent` refusals are `refused` (with its code and reason), and a
 * retried idempotency key returns the first answer and writes nothing (the
 * same key with another event is `invalid`). For tests, demos and
 * offline-only hosts; it sees every practice.
 *
 * @example
 * const referrals = createMemoryReferralStore({ actor: { role: 'clp', id: 'clp-1' } });
 * await referrals.append(created, { expectedVersion: 0, idempotencyKey: created.id });
 */
export function createMemoryReferralStore(options: MemoryReferralStoreOptions = {}): ReferralStore {
  const streams = new Map<string, Stream>();
  const keys = new Map<string, { request: string; answer: Result<Appended, AppendError> }>();
  const listeners = new ReferralListeners(undefined);

  const write = (event: ReferralEvent, expectedVersion: number): Result<Appended, AppendError> => {
    const stream = streams.get(event.referralId);
    const version = stream?.referral.version ?? 0;
    if (expectedVersion !== version) {
      return {
        ok: false,
        errors: [
          {
            code: 'conflict',
            path: 'version',
            message: `The referral is at version ${version}, not ${expectedVersion}: someone else added an event. Reload and try again.`,
            currentVersion: version,
          },
        ],
      };
    }
    const applied = applyEvent(stream?.referral.state, event);
    if (!applied.ok) return { ok: false, errors: [{ code: 'refused', path: '', message: applied.rejection.reason, refusal: applied.rejection.code }] };
    const referral = deepFreeze(storedReferral(applied.state, version + 1));
    const events = stream?.events ?? [];
    events.push(applied.state.timeline[applied.state.timeline.length - 1] ?? event);
    streams.set(event.referralId, { referral, events });
    return { ok: true, value: { referral, version: referral.version } };
  };

  for (const event of options.events ?? []) write(event, streams.get(event.referralId)?.referral.version ?? 0);

  return {
    async list(query: ReferralQuery = {}) {
      return [...streams.values()]
        .map((s) => s.referral)
        .filter((r) => (query.practice === undefined || r.practiceId === query.practice) && (query.status === undefined || r.status === query.status))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async get(id) {
      const stream = streams.get(id);
      return stream ? { referral: stream.referral, events: [...stream.events] } : undefined;
    },
    async append(event: ReferralEvent, appendOptions: AppendOptions): Promise<Result<Appended, AppendError>> {
      const expected: unknown = appendOptions?.expectedVersion;
      if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
        return { ok: false, errors: [{ code: 'invalid', path: 'expectedVersion', message: 'must be the stream version the event was written against: a whole number, 0 for a new referral' }] };
      }
      const key = appendOptions.idempotencyKey;
      if (typeof key !== 'string' || key === '') return { ok: false, errors: [{ code: 'invalid', path: 'idempotencyKey', message: 'must be a key unique to this event' }] };
      const actual = (options.actor ? { ...event, actor: options.actor } : event) as ReferralEvent;
      const request = JSON.stringify([expected, actual]);
      const seen = keys.get(key);
      if (seen) {
        if (seen.request !== request) {
          return { ok: false, errors: [{ code: 'invalid', path: 'idempotencyKey', message: 'This idempotency key was used for a different request: use a new key for each new event.' }] };
        }
        return seen.answer;
      }
      const answer = write(actual, expected);
      // Like the service, a key keeps only an accepted answer: a refused event may be sent again.
      if (answer.ok) {
        keys.set(key, { request, answer });
        listeners.notify(answer.value.referral);
      }
      return answer;
    },
    subscribe(listener) {
      return listeners.add(listener);
    },
  };
}
