import type { Result } from '../validation/result.js';
import type { Plan } from '../plan/types.js';
import type { NetworkRegister } from '../network/types.js';
import type { OutcomeResponsesDocument } from '../outcomes/types.js';
import { deepFreeze } from '../store/prepare.js';
import type {
  DocumentStore,
  SaveError,
  SaveOptions,
  StoredDocument,
  StoreEvent,
  StoreListener,
} from '../store/types.js';
import { storeMessage } from '../messages/store.js';
import {
  isTransient,
  problemMessage,
  servicePath,
  type ServiceAnswer,
  type ServiceClient,
  type ServiceProblem,
} from './client.js';
import type { Change, ChangeFeed } from './types.js';

/**
 * A practice's document as the service keeps it (the network register, the
 * outcome responses): one per practice, its id the practice id, the
 * document itself under `document`, with the store's revision stamp.
 */
export interface PracticeDocument<D> extends StoredDocument {
  readonly practiceId: string;
  readonly document: D;
}

/** How a kind of document is reached on the service. */
interface DocumentRoute<T extends StoredDocument> {
  /** The document kind (`codec.kind`), e.g. `links.plan`. */
  readonly kind: string;
  /** The path under `/api`, e.g. `plans`. */
  readonly base: string;
  /** The change-feed kind announcing its saves. */
  readonly changeKind: Change['kind'];
  /** The body a `PUT` sends. */
  toBody(document: T): unknown;
  /** Where the body's validation paths sit in the document (`''` for plans, `document` for the practice documents). */
  readonly bodyPath: string;
  list(client: ServiceClient): Promise<T[]>;
}

/** A request the service refused or could not answer while reading (a save answers with a typed error instead). */
export class ServiceError extends Error {
  readonly problem: ServiceProblem;
  constructor(problem: ServiceProblem) {
    super(problem.message);
    this.name = 'ServiceError';
    this.problem = problem;
  }
}

/** Options for the HTTP document stores. */
export interface HttpStoreOptions {
  /** The service's change feed: other people's saves reach `subscribe` listeners through it. */
  readonly feed?: ChangeFeed;
}

/** Turns a service path (`body.sections[0].title`) into a document path under `prefix`. */
export function documentPath(path: string, from: string, prefix = ''): string {
  let rest = path;
  if (rest === from) rest = '';
  else if (rest.startsWith(`${from}.`)) rest = rest.slice(from.length + 1);
  else if (rest.startsWith(`${from}[`)) rest = rest.slice(from.length);
  else return path.startsWith('headers.') || path.startsWith('params.') || path.startsWith('query.') ? '' : path;
  if (!prefix) return rest;
  return rest === '' ? prefix : rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/**
 * A conflict's message: the service's words, with core's code for them when
 * the service gave none and they are core's own (`store.newer-revision`,
 * which the service's store writes), so an element can say them in its
 * page's language.
 */
function conflictMessage(
  problem: ServiceProblem,
  expected: number,
  current: number,
  savedBy: unknown,
  savedAt: unknown,
): ReturnType<typeof problemMessage> {
  const said = problemMessage(problem);
  if (said.messageCode !== undefined || typeof savedBy !== 'string' || typeof savedAt !== 'string') return said;
  const coded = storeMessage('store.newer-revision', { expected, current, savedBy, savedAt });
  return coded.message === problem.message ? coded : said;
}

function saveError(
  problem: ServiceProblem,
  id: string,
  expectedRevision: number,
  route: DocumentRoute<StoredDocument>,
): SaveError[] {
  if (problem.status === 412) {
    const extra = problem.extra;
    const savedBy = extra['currentSavedBy'];
    const savedAt = extra['currentSavedAt'];
    const currentRevision =
      typeof extra['currentRevision'] === 'number' ? extra['currentRevision'] : expectedRevision + 1;
    return [
      {
        code: 'conflict',
        path: 'revision',
        ...conflictMessage(problem, expectedRevision, currentRevision, savedBy, savedAt),
        id,
        expectedRevision,
        currentRevision,
        ...(typeof savedBy === 'string' ? { currentSavedBy: savedBy } : {}),
        ...(typeof savedAt === 'string' ? { currentSavedAt: savedAt } : {}),
      },
    ];
  }
  if (problem.status === 403) return [{ code: 'forbidden', path: '', ...problemMessage(problem) }];
  if (problem.status === 401)
    return [
      {
        code: 'unreachable',
        path: '',
        ...storeMessage('store.sign-in-again', {}),
      },
    ];
  if (isTransient(problem)) return [{ code: 'unreachable', path: '', ...problemMessage(problem) }];
  if (problem.status === 428) return [{ code: 'invalid', path: 'expectedRevision', ...problemMessage(problem) }];
  // 400, 404, 413, 415, 422: the document (or the request) is refused, each issue at its path in the document.
  // Core's message code and parameters pass through, so an element renders the message in its page's language.
  return problem.errors.map((e) => ({
    code: 'invalid' as const,
    path: documentPath(e.path, 'body', route.bodyPath),
    message: e.message,
    ...(e.messageCode !== undefined ? { messageCode: e.messageCode, params: e.params ?? {} } : {}),
  }));
}

function createHttpDocumentStore<T extends StoredDocument>(
  client: ServiceClient,
  route: DocumentRoute<T>,
  options: HttpStoreOptions,
): DocumentStore<T> {
  const listeners = new Set<StoreListener<T>>();
  /** The latest revision each listener has been told of, so a feed echo of our own save is not told twice. */
  const told = new Map<string, number>();
  let unfeed: (() => void) | undefined;

  const notify = (event: StoreEvent<T>): void => {
    if ((told.get(event.id) ?? 0) >= event.revision) return;
    told.set(event.id, event.revision);
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // A subscriber's bug must not stop the others.
      }
    }
  };

  const read = async <R>(path: string): Promise<R | undefined> => {
    const answer: ServiceAnswer<R> = await client.request<R>({ path });
    if (answer.ok) return answer.body;
    if (answer.problem.status === 404) return undefined;
    throw new ServiceError(answer.problem);
  };

  return {
    async get(id) {
      if (typeof id !== 'string' || id === '') return undefined;
      const found = await read<T>(servicePath(route.base, id));
      return found === undefined ? undefined : deepFreeze(found);
    },
    async list() {
      const all = await route.list(client);
      return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((d) => deepFreeze(d));
    },
    async history(id) {
      if (typeof id !== 'string' || id === '') return [];
      const found = await read<{ revisions: T[] }>(servicePath(route.base, id, 'history'));
      return (found?.revisions ?? []).map((d) => deepFreeze(d));
    },
    async save(document: T, saveOptions: SaveOptions): Promise<Result<T, SaveError>> {
      const expected: unknown = saveOptions?.expectedRevision;
      if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 0) {
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'expectedRevision', ...storeMessage('store.expected-revision', {}) }],
        };
      }
      const id = (document as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || id === '')
        return {
          ok: false,
          errors: [{ code: 'invalid', path: 'id', ...storeMessage('store.document-id', {}) }],
        };
      const answer = await client.request<T>({
        method: 'PUT',
        path: servicePath(route.base, id),
        headers: { 'if-match': `"${expected}"` },
        body: route.toBody(document),
      });
      if (!answer.ok)
        return {
          ok: false,
          errors: saveError(answer.problem, id, expected, route as unknown as DocumentRoute<StoredDocument>),
        };
      const saved = deepFreeze(answer.body);
      notify({ type: 'saved', id: saved.id, revision: saved.revision, document: saved });
      return { ok: true, value: saved };
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!unfeed && options.feed) {
        unfeed = options.feed.subscribe((change) => {
          if (change.kind === route.changeKind)
            notify({ type: 'saved', id: change.id, revision: change.version, document: undefined });
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unfeed?.();
          unfeed = undefined;
        }
      };
    },
  };
}

/** The document kinds the service keeps, by `codec.kind`. */
export const SERVICE_DOCUMENT_KINDS = ['links.plan', 'links.network-register', 'links.outcome-responses'] as const;

/** One of {@link SERVICE_DOCUMENT_KINDS}. */
export type ServiceDocumentKind = (typeof SERVICE_DOCUMENT_KINDS)[number];

async function practiceDocuments<T>(client: ServiceClient, base: string): Promise<T[]> {
  const practices = await client.request<{ practices: { id: string }[] }>({ path: '/practices' });
  if (!practices.ok) throw new ServiceError(practices.problem);
  const found: T[] = [];
  for (const practice of practices.body.practices.slice(0, 1000)) {
    const answer = await client.request<T>({ path: servicePath(base, practice.id) });
    if (answer.ok) found.push(answer.body);
    else if (answer.problem.status !== 404 && answer.problem.status !== 403) throw new ServiceError(answer.problem);
  }
  return found;
}

/**
 * Business plans on the service (`/api/plans`): the same {@link DocumentStore}
 * as the memory and IndexedDB stores, with the service's decisions. A stale
 * revision gives a `conflict` error naming who saved the current revision and
 * when (HTTP 412); a role that may not save plans gives `forbidden`; a failed
 * connection gives `unreachable` (nothing saved: the editor keeps the edit).
 * `savedBy` is the signed-in user the service verified, whatever `author` says.
 *
 * @example
 * const plans = createHttpPlanStore(createServiceClient({ baseUrl, getToken }), { feed });
 */
export function createHttpPlanStore(client: ServiceClient, options: HttpStoreOptions = {}): DocumentStore<Plan> {
  return createHttpDocumentStore<Plan>(
    client,
    {
      kind: 'links.plan',
      base: 'plans',
      changeKind: 'plan',
      bodyPath: '',
      toBody: (plan) => plan,
      async list(c) {
        const answer = await c.request<{ plans: Plan[] }>({ path: '/plans' });
        if (!answer.ok) throw new ServiceError(answer.problem);
        return answer.body.plans;
      },
    },
    options,
  );
}

/** A practice's network register on the service (`/api/network/{practice}`); the document id is the practice id. */
export function createHttpNetworkRegisterStore(
  client: ServiceClient,
  options: HttpStoreOptions = {},
): DocumentStore<PracticeDocument<NetworkRegister>> {
  return createHttpDocumentStore<PracticeDocument<NetworkRegister>>(
    client,
    {
      kind: 'links.network-register',
      base: 'network',
      changeKind: 'network-register',
      bodyPath: 'document',
      toBody: (d) => d.document,
      list: (c) => practiceDocuments(c, 'network'),
    },
    options,
  );
}

/** A practice's outcome responses on the service (`/api/outcomes/{practice}`); the document id is the practice id. */
export function createHttpOutcomeResponsesStore(
  client: ServiceClient,
  options: HttpStoreOptions = {},
): DocumentStore<PracticeDocument<OutcomeResponsesDocument>> {
  return createHttpDocumentStore<PracticeDocument<OutcomeResponsesDocument>>(
    client,
    {
      kind: 'links.outcome-responses',
      base: 'outcomes',
      changeKind: 'outcomes',
      bodyPath: 'document',
      toBody: (d) => d.document,
      list: (c) => practiceDocuments(c, 'outcomes'),
    },
    options,
  );
}
