import type { Database } from './db/database.js';

/**
 * The write of one append, as the statements take its
 * parameters: referral id, new version, event id, practice, event (JSON),
 * user, status, summary (JSON), updated at, idempotency key or null, request
 * hash, stored answer (JSON), role.
 */
export type AppendWriteParams = readonly [
  referralId: string,
  version: number,
  eventId: string,
  practiceId: string,
  event: string,
  userId: string,
  status: string,
  state: string,
  updatedAt: string,
  idempotencyKey: string | null,
  requestHash: string,
  answer: string,
  role: string,
];

/*
 * The appends a statement writes, as rows named `input`: one append from its
 * parameters ({@link AppendWriteParams} in order), or several from parallel
 * arrays, one element per append, column by column.
 */
const FIELDS = `referral_id, version, event_id, practice_id, event, user_id, status, state, updated_at, key,
        request_hash, response, role, n`;
const ONE = `input AS (
    SELECT * FROM (VALUES ($1::text, $2::int, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text,
      $10::text, $11::text, $12::text, $13::text, 1::bigint)) AS i(${FIELDS})
  )`;
const SEVERAL = `input AS (
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[]) WITH ORDINALITY AS i(${FIELDS})
  )`;

/* What every append writes besides its projection: the event, the idempotency key (when given) and the audit entry. */
const ROWS = `event AS (
    INSERT INTO referral_events (referral_id, version, event_id, practice_id, event, recorded_by)
    SELECT referral_id, version, event_id, practice_id, event::jsonb, user_id FROM input ORDER BY n
    RETURNING 1
  ),
  idempotency AS (
    INSERT INTO idempotency_keys (user_id, key, request_hash, status, response)
    SELECT user_id, key, request_hash, 201, response::jsonb FROM input WHERE key IS NOT NULL
    RETURNING 1
  ),
  audit AS (
    INSERT INTO audit_log (user_id, role, practice_id, action, resource, target_id, outcome)
    SELECT user_id, role, practice_id, 'write', 'referral', referral_id, 201 FROM input ORDER BY n
    RETURNING 1
  )`;

/* Fails the whole statement (division by zero, rolling every part back) unless every append's projection was written. */
const EVERY_PROJECTION = `SELECT 1 / (CASE WHEN (SELECT count(*) FROM projection) = (SELECT count(*) FROM input) THEN 1 ELSE 0 END) AS ok`;

/*
 * Appends to existing streams in ONE statement, so one transaction and one
 * commit: each append's event, projection, key and audit entry. A projection
 * moves only from the version its event follows, so a version taken
 * meanwhile (or two appends to one referral in one statement) fails the
 * whole statement; the unique (referral_id, version) and key constraints fail
 * it too.
 */
const toStreams = (input: string) => `WITH ${input},
  projection AS (
    UPDATE referrals r SET status = i.status, version = i.version, state = i.state::jsonb,
      updated_at = i.updated_at::timestamptz
    FROM input i WHERE r.id = i.referral_id AND r.version = i.version - 1
    RETURNING 1
  ),
  ${ROWS}
  ${EVERY_PROJECTION}`;
const APPEND_TO_STREAM = toStreams(ONE);
const APPEND_TO_STREAMS = toStreams(SEVERAL);

/* The `created` event of a new stream, with its projection row (the primary key refuses a second one). */
const APPEND_NEW_STREAM = `WITH ${ONE},
  projection AS (
    INSERT INTO referrals (id, practice_id, status, version, state, updated_at)
    SELECT referral_id, practice_id, status, version, state::jsonb, updated_at::timestamptz FROM input
    RETURNING 1
  ),
  ${ROWS}
  ${EVERY_PROJECTION}`;

/** The parameters of several appends: one array per field. */
function columns(appends: readonly AppendWriteParams[]): unknown[][] {
  return appends[0]!.map((_, c) => appends.map((p) => p[c]));
}

/** Writes the first append of a new stream: one statement, one transaction. */
export async function writeNewStream(db: Database, params: AppendWriteParams): Promise<void> {
  await db.query(APPEND_NEW_STREAM, params, { name: 'links_append_new_stream' });
}

interface Pending {
  readonly params: AppendWriteParams;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The most appends one statement writes. */
export const MAX_BATCH = 100;

/**
 * Group commit for appends. Writes go out at once while fewer than
 * `maxInFlight` of this process's append statements are at the database;
 * beyond that they wait, and everything that arrived meanwhile goes out as
 * ONE statement (one round trip, one commit) when a statement comes back. So
 * a lone append is written at once, and under load each append
 * costs the database and this process a fraction of a transaction. When a
 * batch fails, each of its appends is written again on its own, so one
 * append's lost race (a version taken, a key or event id used before) is that
 * append's error alone and the others are unaffected. Every append's promise
 * settles only once its write has committed or failed.
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly db: Database,
    private readonly maxInFlight = 2,
  ) {}

  /** Writes one append (to an existing stream); resolves once committed. */
  write(params: AppendWriteParams): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ params, resolve, reject });
      this.schedule();
    });
  }

  /** Sends what waits at the end of this turn (so appends arriving together share it), if a statement may go. */
  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send(this.queue.splice(0, MAX_BATCH));
    });
  }

  private send(batch: Pending[]): void {
    this.inFlight += 1;
    const done = () => {
      this.inFlight -= 1;
      this.schedule();
    };
    const written = this.writeStatement(batch);
    if (batch.length === 1) {
      void written.then(batch[0]!.resolve, batch[0]!.reject).finally(done);
      return;
    }
    void written
      .then(
        () => {
          for (const p of batch) p.resolve();
        },
        () => Promise.all(batch.map((p) => this.writeStatement([p]).then(p.resolve, p.reject))),
      )
      .finally(done);
  }

  private async writeStatement(batch: readonly Pending[]): Promise<void> {
    if (batch.length === 1) await this.db.query(APPEND_TO_STREAM, batch[0]!.params, { name: 'links_append_to_stream' });
    else
      await this.db.query(APPEND_TO_STREAMS, columns(batch.map((p) => p.params)), { name: 'links_append_to_streams' });
  }
}
