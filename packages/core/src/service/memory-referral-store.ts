import { applyEvent } from '../referral/apply.js';
import type { ReferralEvent, ReferralState } from '../referral/types.js';
import type { Framework } from '../framework/types.js';
import type { Result } from '../validation/result.js';
import { storeMessage } from '../messages/store.js';
import type {
  AppendError,
  AppendOptions,
  Appended,
  Change,
  ReferralQuery,
  ReferralStore,
  StoredReferral,
} from './types.js';

/** Options for {@link createMemoryReferralStore}. */
export interface MemoryReferralStoreOptions {
  /** The framework whose theme ids reasons and goals must use. Default: the Links framework. */
  readonly framework?: Framework;
}

/** A {@link ReferralStore} held in memory, with a way to seed it. */
export interface MemoryReferralStore extends ReferralStore {
  /** Appends every event of a stream (oldest first), as `append` would, stopping at the first refusal. */
  seed(events: readonly ReferralEvent[]): Promise<Result<number, AppendError>>;
}

type Listener = (change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void;

interface Stream {
  state: ReferralState;
  events: ReferralEvent[];
}

function stored(stream: Stream): StoredReferral {
  const s = stream.state;
  return {
    id: s.id,
    practiceId: s.practiceId,
    status: s.status,
    version: stream.events.length,
    updatedAt: s.updatedAt,
    state: s,
  };
}

/**
 * A {@link ReferralStore} held in memory: for tests, demos and hosts without
 * a service. It behaves as the service does: an append is checked with
 * core's `applyEvent`, written only against the current stream version
 * (else a `conflict` naming the current version), and answered once per
 * idempotency key (a retry with a key already used gets the first answer and
 * writes nothing).
 */
export function createMemoryReferralStore(options: MemoryReferralStoreOptions = {}): MemoryReferralStore {
  const streams = new Map<string, Stream>();
  const answers = new Map<string, Result<Appended, AppendError>>();
  const listeners = new Set<Listener>();

  function write(event: ReferralEvent, appendOptions: AppendOptions): Result<Appended, AppendError> {
    const referralId = (event as { referralId?: unknown } | null)?.referralId;
    if (typeof referralId !== 'string') {
      return { ok: false, errors: [{ code: 'invalid', path: 'referralId', ...storeMessage('store.no-referral', {}) }] };
    }
    const stream = streams.get(referralId);
    const current = stream ? stream.events.length : 0;
    if (appendOptions.expectedVersion !== current) {
      return {
        ok: false,
        errors: [
          {
            code: 'conflict',
            path: 'version',
            ...storeMessage('store.stream-moved', { current, expected: appendOptions.expectedVersion }),
            currentVersion: current,
          },
        ],
      };
    }
    const applied = applyEvent(stream?.state, event, options.framework ? { framework: options.framework } : {});
    if (!applied.ok) {
      return {
        ok: false,
        errors: [
          {
            code: 'refused',
            path: '',
            message: applied.rejection.reason,
            refusal: applied.rejection.code,
            ...(applied.rejection.params ? { params: applied.rejection.params } : {}),
          },
        ],
      };
    }
    const next: Stream = stream ?? { state: applied.state, events: [] };
    next.state = applied.state;
    next.events.push(applied.state.timeline[applied.state.timeline.length - 1]!);
    streams.set(referralId, next);
    const referral = stored(next);
    for (const listener of Array.from(listeners)) {
      try {
        listener({ id: referral.id, practiceId: referral.practiceId, version: referral.version });
      } catch {
        // A subscriber's bug must not fail an append that has happened.
      }
    }
    return { ok: true, value: { referral, version: referral.version } };
  }

  const store: MemoryReferralStore = {
    async list(query: ReferralQuery = {}) {
      const out: StoredReferral[] = [];
      for (const stream of streams.values()) {
        if (query.practice !== undefined && stream.state.practiceId !== query.practice) continue;
        if (query.status !== undefined && stream.state.status !== query.status) continue;
        out.push(stored(stream));
      }
      return out;
    },
    async get(id) {
      const stream = typeof id === 'string' ? streams.get(id) : undefined;
      return stream ? { referral: stored(stream), events: stream.events.slice() } : undefined;
    },
    async append(event, appendOptions) {
      const key = appendOptions?.idempotencyKey;
      if (typeof key !== 'string' || key === '') {
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'idempotencyKey', ...storeMessage('store.idempotency-key-missing', {}) }],
        };
      }
      const first = answers.get(key);
      if (first) return first;
      const answer = write(event, appendOptions);
      answers.set(key, answer);
      return answer;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async seed(events) {
      let n = 0;
      for (const event of events) {
        const version = streams.get(event.referralId)?.events.length ?? 0;
        const result = write(event, { expectedVersion: version, idempotencyKey: `seed:${event.id}` });
        if (!result.ok) return { ok: false, errors: result.errors };
        n++;
      }
      return { ok: true, value: n };
    },
  };
  return store;
}
