import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  decideAccess,
  practicesInScope,
  workflowRole,
  type AccessOperation,
  type AccessResource,
} from '@links-approach/core/access';
import { applyEvent, replay, type ReferralEvent, type ReferralState } from '@links-approach/core/referral';
import { prepareSave, type StoreCodec, type StoredDocument } from '@links-approach/core/store';
import type { Practice } from '@links-approach/core/plan';
import { AppendBatcher, writeNewStream, type AppendWriteParams } from './append-batch.js';
import type { Actor } from './auth.js';
import type { Database, Queryable } from './db/database.js';
import { codedPart, HttpProblem, problem } from './problem.js';

/** What the audit trail records of one request: who, role, practice, what, when. Never free text. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly userId: string;
  readonly role: string;
  readonly practiceId: string | null;
  readonly action: 'read' | 'write' | 'refused';
  readonly resource: AccessResource;
  readonly targetId: string | null;
  readonly outcome: number;
}

/**
 * A referral's state without the two parts that grow with every event:
 * `timeline` (the events themselves, stored in their own table) and `notes`
 * (free text). This is what the projection row keeps, what a caseload list
 * returns and what an append answers with: every field core's `applyEvent`
 * reads to decide the next event, and every field a list shows. Read one
 * referral (`getReferral`) for its timeline and notes.
 */
export type ReferralSummary = Omit<ReferralState, 'timeline' | 'notes'>;

/** A referral as the list returns it (a {@link ReferralSummary}). */
export interface StoredReferral {
  readonly id: string;
  readonly practiceId: string;
  readonly status: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly state: ReferralSummary;
}

/** A referral as the detail returns it: the full state, replayed by core from the stored stream. */
export interface StoredReferralDetail extends Omit<StoredReferral, 'state'> {
  readonly state: ReferralState;
}

/** The summary of a state: the state without `timeline` and `notes`. */
export function summarise(state: ReferralState | ReferralSummary): ReferralSummary {
  const { timeline: _timeline, notes: _notes, ...summary } = state as ReferralState;
  return summary;
}

/**
 * The state core decides an event against, from the stored summary: the
 * summary with an empty note list and, as the timeline, the stored event with
 * the new event's id when there is one (so core's own duplicate check,
 * `duplicate-event-id`, refuses it). Core reads nothing else of the timeline
 * or the notes to decide.
 */
function decisionState(summary: ReferralSummary, sameId: ReferralEvent | null): ReferralState {
  return { ...summary, timeline: sameId ? [sameId] : [], notes: [] } as ReferralState;
}

/** An append's answer: the HTTP status and body, kept for a retried idempotency key. */
export interface AppendResult {
  readonly status: number;
  readonly body: { referral: ReferralSummary; version: number; eventId: string };
  /** True when an earlier request with the same idempotency key already did the work. */
  readonly replayed: boolean;
}

/** What an idempotency key keeps of its answer: the version and event id (the state is rebuilt from the stream). */
interface StoredAnswer {
  readonly version: number;
  readonly eventId: string;
}

/** A revisioned document with the practice it belongs to. */
export interface DocumentKind<T extends StoredDocument> {
  /** Storage kind, e.g. `links.plan`. */
  readonly kind: string;
  readonly resource: AccessResource;
  readonly codec: StoreCodec<T>;
  /** The practice a (validated) document belongs to. */
  practiceOf(document: T): string;
}

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

/** The most referral rows one list returns. */
export const MAX_PAGE = 500;

/** The most referral summaries a repository remembers for its appends (about 1 KB each). */
export const RECENT_REFERRALS = 10_000;

/** A referral's stored summary at one version, as the last append or read in this process saw it. */
interface RecentReferral {
  readonly practiceId: string;
  readonly version: number;
  readonly state: ReferralSummary;
}

/**
 * The actor written into every event: always the signed-in user, never the
 * request body, with the practices the verified token (or the people
 * configuration) says they act for. Core's workflow then refuses, with code
 * `other-practice`, an event by this actor on another practice's referral, and
 * the stored event records whom the actor acted for. (A user with no practices
 * gets none: core's schema wants at least one, and the access policy refuses
 * their writes before core is asked.)
 */
export function eventActor(actor: Actor): ReferralEvent['actor'] {
  const role = workflowRole(actor.role);
  if (!role) throw problem(403, 'forbidden', 'Your role writes no referral events.');
  return { role, id: actor.id, ...(actor.practices.length > 0 ? { practices: [...actor.practices] } : {}) };
}

/** A refusal decided inside a transaction, audited once it has rolled back. */
class Refused extends Error {
  constructor(
    readonly problem: HttpProblem,
    readonly practiceId: string | null,
  ) {
    super(problem.message);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** A write that lost a race: a unique violation, or the projection guard of an append (division by zero). */
function isWriteRace(error: unknown): boolean {
  return (
    isUniqueViolation(error) ||
    (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '22012')
  );
}

/*
 * An append's read: the referral's stored summary, the stored event with the
 * new event's id (if any: core refuses it as a duplicate) and the
 * idempotency key's first answer, in one round trip. Parameters: $1 referral
 * id, $2 user, $3 idempotency key or null, $4 event id.
 */
const APPEND_READ = `SELECT r.practice_id, r.version, r.state, d.event AS same_id, k.request_hash, k.status AS key_status, k.response
  FROM (SELECT 1) AS one
  LEFT JOIN referrals r ON r.id = $1
  LEFT JOIN referral_events d ON d.referral_id = $1 AND d.event_id = $4
  LEFT JOIN idempotency_keys k ON k.user_id = $2 AND k.key = $3`;

/** A caseload list's filters, as {@link referralListStatement} takes them. */
export interface ReferralListFilter {
  /** Only these practices (`null`: every practice). */
  readonly practices: readonly string[] | null;
  readonly status?: string | undefined;
  /** Ids after this one (the next page). */
  readonly after?: string | undefined;
  /** The most rows to return. */
  readonly limit: number;
}

const referralListSql = new Map<string, string>();

/**
 * The caseload list statement for a filter: one parameterised statement per
 * filter shape (practice: none, one or several; status or not; after or not),
 * never `$1 IS NULL OR …`, so the planner sees the filter it has to answer and
 * one practice's page is a range scan on `referrals (practice_id, id)` (or
 * `(practice_id, status, id)` with a status) rather than a walk of the primary
 * key. Exported for the query-plan tests; only the repository runs it.
 */
export function referralListStatement(filter: ReferralListFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const shape: string[] = [];
  if (filter.practices !== null && filter.practices.length === 1) {
    params.push(filter.practices[0]);
    where.push(`practice_id = $${params.length}`);
    shape.push('practice');
  } else if (filter.practices !== null) {
    params.push([...filter.practices]);
    where.push(`practice_id = ANY($${params.length}::text[])`);
    shape.push('practices');
  }
  if (filter.status !== undefined) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
    shape.push('status');
  }
  if (filter.after !== undefined) {
    params.push(filter.after);
    where.push(`id > $${params.length}`);
    shape.push('after');
  }
  params.push(filter.limit);
  const key = shape.join(',');
  let sql = referralListSql.get(key);
  if (sql === undefined) {
    sql = `SELECT id, practice_id, status, version, updated_at, state FROM referrals${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`;
    referralListSql.set(key, sql);
  }
  return { sql, params };
}

/**
 * The one repository layer: every SQL statement of the service, the
 * transactions, the practice boundaries (every call takes the request's
 * actor and checks it with core's access policy) and the audit trail.
 * The same parameterised SQL runs on PGlite and PostgreSQL.
 */
export class Repository {
  readonly db: Database;
  private readonly now: () => Date;
  /**
   * The summaries this process last wrote or read, by referral id, so that an
   * append to a referral at the version remembered here needs no read: one
   * round trip instead of two. Never the record: the write applies only if
   * the stored stream is still at that version (else the append is decided
   * again on the committed data), so another process's writes, or a summary
   * evicted or missing, cost a read and change no answer.
   */
  private readonly recent = new LRUCache<string, RecentReferral>({ max: RECENT_REFERRALS });

  /** Appends to existing streams, written together when several arrive at once (group commit). */
  private readonly batcher: AppendBatcher;

  constructor(db: Database, options: { now?: () => Date } = {}) {
    this.db = db;
    this.now = options.now ?? (() => new Date());
    this.batcher = new AppendBatcher(db);
  }

  private async audit(
    tx: Queryable,
    actor: Actor,
    action: AuditEntry['action'],
    resource: AccessResource,
    practiceId: string | null,
    targetId: string | null,
    outcome: number,
  ): Promise<void> {
    await tx.query(
      'INSERT INTO audit_log (user_id, role, practice_id, action, resource, target_id, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [actor.id, actor.role, practiceId, action, resource, targetId, outcome],
    );
  }

  /** Refuses (and audits the refusal of) what the access policy does not allow. */
  private async authorise(
    actor: Actor,
    resource: AccessResource,
    operation: AccessOperation,
    practiceId?: string,
    targetId: string | null = null,
  ): Promise<void> {
    const decision = decideAccess(actor, resource, operation, practiceId);
    if (decision.ok) return;
    const status = decision.refusal.code === 'outside-practice' && targetId !== null ? 404 : 403;
    await this.audit(this.db, actor, 'refused', resource, practiceId ?? null, targetId, status);
    if (status === 404) throw problem(404, 'not-found', 'There is no such record among your practices.');
    throw problem(403, decision.refusal.code, decision.refusal.reason);
  }

  // Practices ---------------------------------------------------------------

  /** Writes the configured practices (insert or update by id). */
  async syncPractices(practices: readonly Practice[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const p of practices) {
        await tx.query(
          `INSERT INTO practices (id, name, list_size, cohort, locality) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, list_size = EXCLUDED.list_size, cohort = EXCLUDED.cohort, locality = EXCLUDED.locality`,
          [p.id, p.name, p.listSize, p.cohort, p.locality ?? null],
        );
      }
    });
  }

  /** Every configured practice (not person-level: any signed-in role). */
  async listPractices(actor: Actor): Promise<Practice[]> {
    await this.authorise(actor, 'practice', 'read');
    const rows = await this.db.query<{
      id: string;
      name: string;
      list_size: number;
      cohort: Practice['cohort'];
      locality: string | null;
    }>('SELECT id, name, list_size, cohort, locality FROM practices ORDER BY id');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      listSize: r.list_size,
      cohort: r.cohort,
      ...(r.locality ? { locality: r.locality } : {}),
    }));
  }

  // Referrals ---------------------------------------------------------------

  /**
   * Appends one event to a referral's stream: ONE write statement, which is
   * one transaction (the event, the projection, the idempotency key and the
   * audit entry are written together or not at all), after one read (the
   * referral's stored summary, a few hundred bytes however long the stream,
   * any stored event with the same id, and the idempotency key; never a
   * replay of the stream). The read is skipped when this process remembers
   * the referral at the expected version (see {@link Repository.recent}).
   * The stream must be at `expectedVersion` (else 409 with the current
   * version); core's `applyEvent` must accept the event (else 422 with its
   * refusal); a key seen before returns the first answer and writes nothing.
   * Concurrent appends are decided by the database: the unique
   * (referral_id, version) and idempotency key constraints, and the
   * projection's version guard, let exactly one write of a version through;
   * the others are decided again on the committed data (409, or the first
   * answer for the same key).
   */
  async appendReferralEvent(
    actor: Actor,
    input: { referralId: string; event: Record<string, unknown>; expectedVersion: number; idempotencyKey?: string },
  ): Promise<AppendResult> {
    const event = { ...input.event, actor: eventActor(actor) } as unknown as ReferralEvent;
    const requestHash = createHash('sha256')
      .update(JSON.stringify([input.referralId, input.expectedVersion, input.event]))
      .digest('hex');
    const quick = await this.appendToRecent(actor, input, event, requestHash);
    if (quick) return quick;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.appendOnce(actor, input, event, requestHash);
      } catch (error) {
        if (error instanceof Refused) {
          await this.audit(
            this.db,
            actor,
            'refused',
            'referral',
            error.practiceId,
            input.referralId,
            error.problem.status,
          );
          throw error.problem;
        }
        // A concurrent append took the version (or the key) first: decide again on the committed data.
        if (isWriteRace(error) && attempt < 3) continue;
        throw error;
      }
    }
  }

  /**
   * The one-round-trip append: this process remembers the referral at the
   * expected version, the actor may write it and core accepts the event
   * against the remembered summary, so the write goes straight out. Anything
   * else is left to the full decision on the committed data (undefined): a
   * version not remembered, a refusal of any kind (so every refusal is
   * decided, and audited, on what is stored), and a write the database
   * refuses because the stream moved on in another process or the key or
   * event id was used before.
   */
  private async appendToRecent(
    actor: Actor,
    input: { referralId: string; expectedVersion: number; idempotencyKey?: string },
    event: ReferralEvent,
    requestHash: string,
  ): Promise<AppendResult | undefined> {
    const recent = this.recent.get(input.referralId);
    if (recent === undefined || recent.version !== input.expectedVersion) return undefined;
    if (!decideAccess(actor, 'referral', 'write', recent.practiceId).ok) return undefined;
    const applied = applyEvent(decisionState(recent.state, null), event);
    if (!applied.ok) return undefined;
    try {
      return await this.writeAppend(actor, input, event, requestHash, recent, applied.state);
    } catch (error) {
      if (!isWriteRace(error)) throw error;
      this.recent.delete(input.referralId);
      return undefined;
    }
  }

  private async appendOnce(
    actor: Actor,
    input: { referralId: string; expectedVersion: number; idempotencyKey?: string },
    event: ReferralEvent,
    requestHash: string,
  ): Promise<AppendResult> {
    const found = await this.db.query<{
      practice_id: string | null;
      version: number | null;
      state: ReferralSummary | null;
      same_id: ReferralEvent | null;
      request_hash: string | null;
      key_status: number | null;
      response: StoredAnswer | AppendResult['body'] | null;
    }>(APPEND_READ, [input.referralId, actor.id, input.idempotencyKey ?? null, event.id], {
      name: 'links_append_read',
    });
    const row = found[0]!;
    if (row.request_hash !== null) {
      if (row.request_hash !== requestHash) {
        throw problem(
          422,
          'idempotency-key-reused',
          'This idempotency key was used for a different request: use a new key for each new event.',
          'headers.idempotency-key',
        );
      }
      return {
        status: row.key_status!,
        body: await this.firstAnswer(input.referralId, row.response!, row),
        replayed: true,
      };
    }
    const current =
      row.practice_id !== null ? { practiceId: row.practice_id, version: row.version!, state: row.state! } : undefined;
    const practiceId = current?.practiceId ?? (event.type === 'created' ? event.practiceId : undefined);
    if (practiceId === undefined)
      throw problem(404, 'not-found', `There is no referral "${input.referralId}".`, 'params.id');
    const decision = decideAccess(actor, 'referral', 'write', practiceId);
    if (!decision.ok) {
      const refusal = current
        ? problem(404, 'not-found', `There is no referral "${input.referralId}" among your practices.`, 'params.id')
        : problem(403, decision.refusal.code, decision.refusal.reason, 'body.event.practiceId');
      throw new Refused(refusal, practiceId);
    }
    if (current) this.recent.set(input.referralId, current);
    const version = current?.version ?? 0;
    if (input.expectedVersion !== version) {
      throw problem(
        409,
        'version-conflict',
        `The referral is at version ${version}, not ${input.expectedVersion}: someone else added an event. Reload and try again.`,
        'headers.if-match',
        {
          extra: { currentVersion: version },
          headers: { etag: `"${version}"` },
        },
      );
    }
    let previous: ReferralState | undefined;
    if (event.type === 'created' && event.previousReferralId) {
      const prior = await this.db.query<{ state: ReferralSummary; practice_id: string }>(
        'SELECT state, practice_id FROM referrals WHERE id = $1',
        [event.previousReferralId],
      );
      if (prior[0] && decideAccess(actor, 'referral', 'read', prior[0].practice_id).ok)
        previous = decisionState(prior[0].state, null);
    }
    const applied = applyEvent(
      current ? decisionState(current.state, row.same_id) : undefined,
      event,
      previous ? { previous } : {},
    );
    if (!applied.ok) {
      throw problem(422, applied.rejection.code, applied.rejection.reason, 'body.event', {
        extra: { currentVersion: version },
        ...(applied.rejection.params ? { params: applied.rejection.params } : {}),
      });
    }
    return this.writeAppend(actor, input, event, requestHash, current ?? { practiceId, version: 0 }, applied.state);
  }

  /**
   * The append's one write statement (to a stream at `from.version`, or a new
   * stream when that is 0), remembering the new summary for the next append.
   */
  private async writeAppend(
    actor: Actor,
    input: { referralId: string; idempotencyKey?: string },
    event: ReferralEvent,
    requestHash: string,
    from: { practiceId: string; version: number },
    applied: ReferralState,
  ): Promise<AppendResult> {
    const state = summarise(applied);
    const next = from.version + 1;
    const body = { referral: state, version: next, eventId: event.id };
    // The key keeps the version and event id of its answer, not a second copy of the state.
    const answer: StoredAnswer = { version: next, eventId: event.id };
    const params: AppendWriteParams = [
      input.referralId,
      next,
      event.id,
      from.practiceId,
      JSON.stringify(event),
      actor.id,
      state.status,
      JSON.stringify(state),
      state.updatedAt,
      input.idempotencyKey ?? null,
      requestHash,
      JSON.stringify(answer),
      actor.role,
    ];
    if (from.version > 0) await this.batcher.write(params);
    else await writeNewStream(this.db, params);
    this.recent.set(input.referralId, { practiceId: from.practiceId, version: next, state });
    return { status: 201, body, replayed: false };
  }

  /**
   * The first answer to an idempotency key: the referral's summary as it was
   * at the answer's version (the projection when the stream has not moved on
   * since, else a replay of the stored stream up to that version). Keys
   * stored with the whole answer are returned as they are.
   */
  private async firstAnswer(
    referralId: string,
    stored: StoredAnswer | AppendResult['body'],
    current: { version: number | null; state: ReferralSummary | null },
  ): Promise<AppendResult['body']> {
    if ('referral' in stored) return { ...stored, referral: summarise(stored.referral) };
    if (current.version === stored.version && current.state !== null)
      return { referral: current.state, version: stored.version, eventId: stored.eventId };
    const state = await this.replayStream(this.db, referralId, stored.version);
    return { referral: summarise(state), version: stored.version, eventId: stored.eventId };
  }

  /** Core's replay of a stored stream (up to `upTo`): the full state, timeline and notes included. */
  private async replayStream(tx: Queryable, referralId: string, upTo = 2_147_483_647): Promise<ReferralState> {
    const events = await tx.query<{ event: ReferralEvent }>(
      'SELECT event FROM referral_events WHERE referral_id = $1 AND version <= $2 ORDER BY version',
      [referralId, upTo],
    );
    return this.replayEvents(events.map((e) => e.event));
  }

  private replayEvents(events: readonly ReferralEvent[]): ReferralState {
    return JSON.parse(JSON.stringify(replay(events, { trusted: true }).state.referrals[0]!)) as ReferralState;
  }

  /**
   * One referral: its full state (core's replay of the stored stream, so
   * with its timeline and notes), version and events. A referral at another
   * practice is "not found".
   */
  async getReferral(actor: Actor, id: string): Promise<{ referral: StoredReferralDetail; events: ReferralEvent[] }> {
    await this.authorise(actor, 'referral', 'read');
    const found = await this.db.query<{ practice_id: string }>('SELECT practice_id FROM referrals WHERE id = $1', [id]);
    if (!found[0] || !decideAccess(actor, 'referral', 'read', found[0].practice_id).ok) {
      await this.audit(this.db, actor, 'refused', 'referral', found[0]?.practice_id ?? null, id, 404);
      throw problem(404, 'not-found', `There is no referral "${id}" among your practices.`, 'params.id');
    }
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{
        id: string;
        practice_id: string;
        status: string;
        version: number;
        updated_at: unknown;
      }>('SELECT id, practice_id, status, version, updated_at FROM referrals WHERE id = $1', [id]);
      const row = rows[0]!;
      const events = (
        await tx.query<{ event: ReferralEvent }>(
          'SELECT event FROM referral_events WHERE referral_id = $1 ORDER BY version',
          [id],
        )
      ).map((e) => e.event);
      await this.audit(tx, actor, 'read', 'referral', row.practice_id, id, 200);
      const state = this.replayEvents(events);
      // The person reading a referral is the one likely to record on it next.
      this.recent.set(id, { practiceId: row.practice_id, version: row.version, state: summarise(state) });
      return {
        referral: {
          id: row.id,
          practiceId: row.practice_id,
          status: row.status,
          version: row.version,
          updatedAt: iso(row.updated_at),
          state,
        },
        events,
      };
    });
  }

  /** The current state (summary) of the referrals at the actor's practices (optionally one practice, one status), by id. */
  async listReferrals(
    actor: Actor,
    filter: { practice?: string; status?: string; after?: string; limit?: number },
  ): Promise<{ referrals: StoredReferral[]; next: string | null }> {
    await this.authorise(actor, 'referral', 'read', filter.practice);
    const scope = practicesInScope(actor, 'referral');
    const practices = filter.practice !== undefined ? [filter.practice] : scope === 'all' ? null : [...scope];
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), MAX_PAGE);
    const statement = referralListStatement({
      practices,
      status: filter.status,
      after: filter.after,
      limit: limit + 1,
    });
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{
        id: string;
        practice_id: string;
        status: string;
        version: number;
        updated_at: unknown;
        state: ReferralSummary;
      }>(statement.sql, statement.params);
      await this.audit(tx, actor, 'read', 'referral', filter.practice ?? null, null, 200);
      const page = rows.slice(0, limit);
      return {
        referrals: page.map((r) => ({
          id: r.id,
          practiceId: r.practice_id,
          status: r.status,
          version: r.version,
          updatedAt: iso(r.updated_at),
          state: r.state,
        })),
        next: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    });
  }

  /** A referral for a FHIR export: the same boundary and audit as a read, recorded as a `fhir` read. */
  async referralForExport(actor: Actor, id: string): Promise<ReferralState> {
    await this.authorise(actor, 'fhir', 'read');
    const rows = await this.db.query<{ practice_id: string }>('SELECT practice_id FROM referrals WHERE id = $1', [id]);
    const row = rows[0];
    if (!row || !decideAccess(actor, 'fhir', 'read', row.practice_id).ok) {
      await this.audit(this.db, actor, 'refused', 'fhir', row?.practice_id ?? null, id, 404);
      throw problem(404, 'not-found', `There is no referral "${id}" among your practices.`, 'query.referral');
    }
    // Audited before the answer leaves: no person-level read without its entry.
    await this.audit(this.db, actor, 'read', 'fhir', row.practice_id, id, 200);
    // The exporter reads the timeline: core's replay of the stored stream.
    return this.replayStream(this.db, id);
  }

  // Revisioned documents ------------------------------------------------------

  /** The latest revision of a document, or 404. */
  async getDocument<T extends StoredDocument>(actor: Actor, kind: DocumentKind<T>, id: string): Promise<T> {
    await this.authorise(actor, kind.resource, 'read');
    const rows = await this.db.query<{ body: T; practice_id: string }>(
      'SELECT body, practice_id FROM documents WHERE kind = $1 AND id = $2 ORDER BY revision DESC LIMIT 1',
      [kind.kind, id],
    );
    const row = rows[0];
    if (!row || !decideAccess(actor, kind.resource, 'read', row.practice_id).ok)
      throw problem(404, 'not-found', `There is nothing stored under "${id}" for your practices.`, 'params.id');
    if (kind.resource === 'outcomes') await this.audit(this.db, actor, 'read', kind.resource, row.practice_id, id, 200);
    return row.body;
  }

  /** Every revision of a document, oldest first. */
  async documentHistory<T extends StoredDocument>(actor: Actor, kind: DocumentKind<T>, id: string): Promise<T[]> {
    await this.authorise(actor, kind.resource, 'read');
    const rows = await this.db.query<{ body: T; practice_id: string }>(
      'SELECT body, practice_id FROM documents WHERE kind = $1 AND id = $2 ORDER BY revision',
      [kind.kind, id],
    );
    if (rows.length === 0 || !decideAccess(actor, kind.resource, 'read', rows[rows.length - 1]!.practice_id).ok) {
      throw problem(404, 'not-found', `There is nothing stored under "${id}" for your practices.`, 'params.id');
    }
    if (kind.resource === 'outcomes')
      await this.audit(this.db, actor, 'read', kind.resource, rows[0]!.practice_id, id, 200);
    return rows.map((r) => r.body);
  }

  /** The latest revision of every document of a kind at the actor's practices. */
  async listDocuments<T extends StoredDocument>(actor: Actor, kind: DocumentKind<T>, practice?: string): Promise<T[]> {
    await this.authorise(actor, kind.resource, 'read', practice);
    const scope = practicesInScope(actor, kind.resource);
    const practices = practice !== undefined ? [practice] : scope === 'all' ? null : [...scope];
    const rows = await this.db.query<{ body: T }>(
      `SELECT DISTINCT ON (id) body FROM documents WHERE kind = $1 AND ($2::text[] IS NULL OR practice_id = ANY($2::text[]))
       ORDER BY id, revision DESC LIMIT 10000`,
      [kind.kind, practices],
    );
    return rows.map((r) => r.body);
  }

  /**
   * Saves a new revision with core's `prepareSave` (the same decision as the
   * memory and IndexedDB stores): a stale `expectedRevision` gives 412 with
   * who saved the current revision and when; nothing else is written.
   */
  async saveDocument<T extends StoredDocument>(
    actor: Actor,
    kind: DocumentKind<T>,
    document: T,
    expectedRevision: number,
  ): Promise<T> {
    await this.authorise(actor, kind.resource, 'write');
    const run = () =>
      this.db.transaction(async (tx) => {
        const rows = await tx.query<{ body: T; practice_id: string }>(
          'SELECT body, practice_id FROM documents WHERE kind = $1 AND id = $2 ORDER BY revision DESC LIMIT 1 FOR UPDATE',
          [kind.kind, document.id],
        );
        const current = rows[0];
        if (current && !decideAccess(actor, kind.resource, 'write', current.practice_id).ok) {
          throw problem(
            404,
            'not-found',
            `There is nothing stored under "${document.id}" for your practices.`,
            'params.id',
          );
        }
        const prepared = prepareSave(
          kind.codec,
          current?.body,
          document,
          { expectedRevision, author: actor.id },
          this.now(),
        );
        if (!prepared.ok) {
          const first = prepared.errors[0]!;
          if (first.code === 'conflict') {
            throw problem(412, 'conflict', first.message, 'headers.if-match', {
              extra: {
                currentRevision: first.currentRevision,
                currentSavedBy: first.currentSavedBy ?? null,
                currentSavedAt: first.currentSavedAt ?? null,
              },
              headers: { etag: `"${first.currentRevision}"` },
            });
          }
          throw new HttpProblem(
            422,
            'Unprocessable content',
            prepared.errors.map((e) => ({
              path: e.path ? `body.${e.path}` : 'body',
              message: e.message,
              code: e.code,
              ...(e.code === 'invalid' ? codedPart(e) : {}),
            })),
          );
        }
        const saved = prepared.value;
        const practiceId = kind.practiceOf(saved);
        const decision = decideAccess(actor, kind.resource, 'write', practiceId);
        if (!decision.ok) throw problem(403, decision.refusal.code, decision.refusal.reason, 'body');
        if (current && current.practice_id !== practiceId)
          throw problem(422, 'practice-changed', 'A saved document cannot move to another practice.', 'body');
        await tx.query(
          'INSERT INTO documents (kind, id, revision, practice_id, body, saved_at, saved_by) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)',
          [kind.kind, saved.id, saved.revision, practiceId, JSON.stringify(saved), saved.savedAt, saved.savedBy],
        );
        await this.audit(tx, actor, 'write', kind.resource, practiceId, saved.id, 200);
        return saved;
      });
    try {
      return await run();
    } catch (error) {
      // Two saves of the same revision at once: the second sees the first's revision and gets 412.
      if (isUniqueViolation(error)) return run();
      throw error;
    }
  }

  // Aggregates and audit -------------------------------------------------------

  /** Everything a cohort report needs; only for roles that read reports, and only ever turned into aggregates. */
  async reportInputs(
    actor: Actor,
  ): Promise<{ practices: Practice[]; plans: unknown[]; referrals: ReferralState[]; outcomes: unknown[] }> {
    await this.authorise(actor, 'report', 'read');
    const scope = practicesInScope(actor, 'report');
    const practices = scope === 'all' ? null : [...scope];
    const all = await this.db.query<{
      id: string;
      name: string;
      list_size: number;
      cohort: Practice['cohort'];
      locality: string | null;
    }>(
      'SELECT id, name, list_size, cohort, locality FROM practices WHERE ($1::text[] IS NULL OR id = ANY($1::text[])) ORDER BY id',
      [practices],
    );
    const plans = await this.db.query<{ body: unknown }>(
      "SELECT body FROM documents WHERE kind = 'links.plan' AND ($1::text[] IS NULL OR practice_id = ANY($1::text[])) ORDER BY id, revision",
      [practices],
    );
    const referrals = await this.db.query<{ state: ReferralSummary }>(
      'SELECT state FROM referrals WHERE ($1::text[] IS NULL OR practice_id = ANY($1::text[])) ORDER BY id',
      [practices],
    );
    const outcomes = await this.db.query<{ body: unknown }>(
      "SELECT DISTINCT ON (id) body FROM documents WHERE kind = 'links.outcome-responses' AND ($1::text[] IS NULL OR practice_id = ANY($1::text[])) ORDER BY id, revision DESC",
      [practices],
    );
    await this.audit(this.db, actor, 'read', 'report', null, null, 200);
    return {
      practices: all.map((r) => ({
        id: r.id,
        name: r.name,
        listSize: r.list_size,
        cohort: r.cohort,
        ...(r.locality ? { locality: r.locality } : {}),
      })),
      plans: plans.map((p) => p.body),
      // Summaries given to core as states with an empty timeline and notes (as core's own fold releases
      // finished referrals): the cohort figures read neither.
      referrals: referrals.map((r) => decisionState(r.state, null)),
      outcomes: outcomes.map((o) => (o.body as { document: unknown }).document),
    };
  }

  /** The audit trail, oldest first from `after` (administrators only). */
  async listAudit(
    actor: Actor,
    options: { after?: number; limit?: number },
  ): Promise<{ entries: AuditEntry[]; next: number | null }> {
    await this.authorise(actor, 'audit', 'read');
    const limit = Math.min(Math.max(options.limit ?? 100, 1), MAX_PAGE);
    const rows = await this.db.query<{
      seq: number;
      at: unknown;
      user_id: string;
      role: string;
      practice_id: string | null;
      action: AuditEntry['action'];
      resource: AccessResource;
      target_id: string | null;
      outcome: number;
    }>(
      'SELECT seq::int AS seq, at, user_id, role, practice_id, action, resource, target_id, outcome FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
      [options.after ?? 0, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      entries: page.map((r) => ({
        seq: r.seq,
        at: iso(r.at),
        userId: r.user_id,
        role: r.role,
        practiceId: r.practice_id,
        action: r.action,
        resource: r.resource,
        targetId: r.target_id,
        outcome: r.outcome,
      })),
      next: rows.length > limit ? page[page.length - 1]!.seq : null,
    };
  }
}
