import type { ReferralEvent, ReferralState, RejectionCode } from '../referral/types.js';
import type { Result } from '../validation/result.js';
import { storeMessage } from '../messages/store.js';
import { isTransient, problemMessage, servicePath, type ServiceClient, type ServiceProblem } from './client.js';
import { documentPath, ServiceError, type HttpStoreOptions } from './http-document-store.js';
import type {
  AppendError,
  Appended,
  AppendOptions,
  Change,
  ReferralQuery,
  ReferralStore,
  StoredReferral,
} from './types.js';

/** A referral's list entry made from its state and stream version. */
export function storedReferral(state: ReferralState, version: number): StoredReferral {
  return {
    id: state.id,
    practiceId: state.practiceId,
    status: state.status,
    version,
    updatedAt: state.updatedAt,
    state,
  };
}

/** The most pages one `list` reads (500 referrals a page). */
const MAX_PAGES = 200;

/** The change listeners of a referral store, told once per version (own appends and the feed's echo of them). */
export class ReferralListeners {
  private readonly listeners = new Set<(change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void>();
  private readonly told = new Map<string, number>();
  private unfeed: (() => void) | undefined;

  constructor(private readonly feed: HttpStoreOptions['feed']) {}

  notify(change: Pick<Change, 'id' | 'practiceId' | 'version'>): void {
    if ((this.told.get(change.id) ?? 0) >= change.version) return;
    this.told.set(change.id, change.version);
    for (const listener of [...this.listeners]) {
      try {
        listener({ id: change.id, practiceId: change.practiceId, version: change.version });
      } catch {
        // A subscriber's bug must not stop the others.
      }
    }
  }

  add(listener: (change: Pick<Change, 'id' | 'practiceId' | 'version'>) => void): () => void {
    this.listeners.add(listener);
    if (!this.unfeed && this.feed) {
      this.unfeed = this.feed.subscribe((change) => {
        if (change.kind === 'referral') this.notify(change);
      });
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unfeed?.();
        this.unfeed = undefined;
      }
    };
  }
}

function appendError(problem: ServiceProblem): AppendError {
  const first = problem.errors[0];
  switch (problem.status) {
    case 409: {
      const current = problem.extra['currentVersion'];
      return {
        code: 'conflict',
        path: 'version',
        ...problemMessage(problem),
        currentVersion: typeof current === 'number' ? current : -1,
      };
    }
    case 403:
      return { code: 'forbidden', path: documentPath(first?.path ?? '', 'body.event'), ...problemMessage(problem) };
    case 422:
      if (problem.code === 'idempotency-key-reused')
        return { code: 'invalid', path: 'idempotencyKey', ...problemMessage(problem) };
      return {
        code: 'refused',
        path: documentPath(first?.path ?? '', 'body.event'),
        ...problemMessage(problem),
        refusal: problem.code as RejectionCode,
        // The refusal's parameters pass through, so an element renders the reason in its page's language.
        ...(first?.params !== undefined ? { params: first.params } : {}),
      };
    case 401:
      return {
        code: 'unreachable',
        path: '',
        ...storeMessage('store.sign-in-kept', {}),
      };
    default:
      if (isTransient(problem)) return { code: 'unreachable', path: '', ...problemMessage(problem) };
      return { code: 'invalid', path: documentPath(first?.path ?? '', 'body.event'), ...problemMessage(problem) };
  }
}

/**
 * Referral event streams on `@links-approach/server` (`/api/referrals`), as
 * the referral elements use them. An append sends the event without its
 * `actor` (the service sets the signed-in user), the expected version in
 * `If-Match` and the idempotency key in `Idempotency-Key`, so a retry after a
 * dropped answer writes nothing twice. The service's answers become typed
 * errors: 409 `conflict` (with `currentVersion`), 422 `refused` (with core's
 * refusal code and reason), 403 `forbidden`, a failed connection (or 401,
 * 429, 5xx) `unreachable`, which an offline queue keeps and sends later.
 * `list` and `get` throw a {@link ServiceError} when the service refuses or
 * cannot be reached (`get` answers `undefined` for a referral it does not show).
 *
 * @example
 * const referrals = createHttpReferralStore(createServiceClient({ baseUrl, getToken }), { feed });
 * const appended = await referrals.append(event, { expectedVersion: 3, idempotencyKey: crypto.randomUUID() });
 * if (!appended.ok && appended.errors[0].code === 'refused') show(appended.errors[0].message);
 */
export function createHttpReferralStore(client: ServiceClient, options: HttpStoreOptions = {}): ReferralStore {
  const listeners = new ReferralListeners(options.feed);
  async function get(id: string) {
    if (typeof id !== 'string' || id === '') return undefined;
    const answer = await client.request<{ referral: StoredReferral; events: ReferralEvent[] }>({
      path: servicePath('referrals', id),
    });
    if (answer.ok) return answer.body;
    if (answer.problem.status === 404) return undefined;
    throw new ServiceError(answer.problem);
  }
  /**
   * The append's answer holds the stored summary (no timeline or notes, so an
   * append costs the same however long the stream): read the whole referral
   * back, as the person who just wrote it expects to see it. If that read
   * fails, the summary stands and the live feed's refetch completes it.
   */
  async function whole(summary: StoredReferral, version: number): Promise<StoredReferral> {
    try {
      const found = await get(summary.state.id);
      if (found && found.referral.version >= version) return found.referral;
    } catch {
      // Keep the summary.
    }
    return summary;
  }
  return {
    async list(query: ReferralQuery = {}) {
      const found: StoredReferral[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await client.request<{ referrals: StoredReferral[]; next: string | null }>({
          path: '/referrals',
          query: { practice: query.practice, status: query.status, after, limit: '500' },
        });
        if (!answer.ok) throw new ServiceError(answer.problem);
        for (const referral of answer.body.referrals) found.push(referral);
        if (!answer.body.next) break;
        after = answer.body.next;
      }
      return found;
    },
    get,
    async append(event: ReferralEvent, appendOptions: AppendOptions): Promise<Result<Appended, AppendError>> {
      const referralId = (event as { referralId?: unknown } | null)?.referralId;
      if (typeof referralId !== 'string' || referralId === '') {
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'referralId', ...storeMessage('store.referral-id', {}) }],
        };
      }
      const expected: unknown = appendOptions?.expectedVersion;
      if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'expectedVersion', ...storeMessage('store.expected-version', {}) }],
        };
      }
      const key = appendOptions.idempotencyKey;
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'idempotencyKey', ...storeMessage('store.idempotency-key', {}) }],
        };
      }
      const { actor: _actor, ...withoutActor } = event as ReferralEvent & { actor?: unknown };
      const answer = await client.request<{ referral: ReferralState; version: number }>({
        method: 'POST',
        path: servicePath('referrals', referralId, 'events'),
        headers: { 'if-match': `"${expected}"`, 'idempotency-key': key },
        body: { event: withoutActor },
        ...(typeof appendOptions.token === 'string' && appendOptions.token !== ''
          ? { token: appendOptions.token }
          : {}),
      });
      if (!answer.ok) return { ok: false, errors: [appendError(answer.problem)] };
      const referral = await whole(storedReferral(answer.body.referral, answer.body.version), answer.body.version);
      listeners.notify(referral);
      return { ok: true, value: { referral, version: answer.body.version } };
    },
    subscribe(listener) {
      return listeners.add(listener);
    },
  };
}
