import * as z from 'zod';
import { parseWith, type ValidationIssue } from '@links-approach/core';
import { practiceSchema, type Practice } from '@links-approach/core/plan';
import { replay, type ReferralEvent, type ReferralState } from '@links-approach/core/referral';
import type { StoredDocument } from '@links-approach/core/store';
import type { Database, Queryable } from './db/database.js';
import { schemaVersion } from './db/database.js';
import { NETWORK, OUTCOMES, PLANS } from './documents.js';
import { summarise, type DocumentKind } from './repository.js';

/** The `kind` of a backup's first line. */
export const BACKUP_KIND = 'links.backup';
/** The backup format this version writes and reads. */
export const BACKUP_FORMAT = 1;

/** How many of each record a backup holds. */
export interface BackupCounts {
  practices: number;
  documents: number;
  events: number;
  referrals: number;
  idempotencyKeys: number;
  audit: number;
}

/** Why an import was refused: every problem found, each with its line and JSON path. Nothing was written. */
export class BackupImportError extends Error {
  constructor(readonly errors: readonly ValidationIssue[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
  }
}

const PAGE = 2_000;
/** The most problems an import lists before it stops reading. */
const MAX_ERRORS = 100;

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const zeroCounts = (): BackupCounts => ({
  practices: 0,
  documents: 0,
  events: 0,
  referrals: 0,
  idempotencyKeys: 0,
  audit: 0,
});

const DOCUMENT_KINDS: ReadonlyMap<string, DocumentKind<StoredDocument>> = new Map(
  [PLANS, NETWORK, OUTCOMES].map((k) => [k.kind, k as unknown as DocumentKind<StoredDocument>]),
);

/**
 * Writes the whole database as NDJSON, one record a line, in a fixed order
 * (so two exports of the same data are byte for byte the same): a header,
 * the practices, every revision of every document, every referral event
 * (by referral and version), the idempotency keys, the audit trail (oldest
 * first) and an `end` line with the counts. Referral projections are not
 * written: an import rebuilds them with core's replay. Reads page by page,
 * inside one repeatable-read transaction so the copy is consistent.
 */
export async function exportBackup(db: Database, write: (line: string) => Promise<void>): Promise<BackupCounts> {
  const counts = zeroCounts();
  const line = (record: unknown) => write(`${JSON.stringify(record)}\n`);
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await line({ kind: BACKUP_KIND, format: BACKUP_FORMAT, schemaVersion: await schemaVersion(tx) });
    const practices = await tx.query<{
      id: string;
      name: string;
      list_size: number;
      cohort: string;
      locality: string | null;
    }>('SELECT id, name, list_size, cohort, locality FROM practices ORDER BY id');
    for (const p of practices) {
      await line({
        type: 'practice',
        practice: {
          id: p.id,
          name: p.name,
          listSize: p.list_size,
          cohort: p.cohort,
          ...(p.locality !== null ? { locality: p.locality } : {}),
        },
      });
      counts.practices++;
    }
    let after: [string, string, number] = ['', '', 0];
    for (let page = 0; ; page++) {
      const rows = await tx.query<{
        kind: string;
        id: string;
        revision: number;
        practice_id: string;
        body: unknown;
        saved_at: unknown;
        saved_by: string;
      }>(
        'SELECT kind, id, revision, practice_id, body, saved_at, saved_by FROM documents WHERE (kind, id, revision) > ($1, $2, $3) ORDER BY kind, id, revision LIMIT $4',
        [...after, PAGE],
      );
      for (const r of rows) {
        await line({
          type: 'document',
          kind: r.kind,
          id: r.id,
          revision: r.revision,
          practiceId: r.practice_id,
          savedAt: iso(r.saved_at),
          savedBy: r.saved_by,
          body: r.body,
        });
        counts.documents++;
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      after = [last.kind, last.id, last.revision];
    }
    let afterEvent: [string, number] = ['', 0];
    let referral = '';
    for (let page = 0; ; page++) {
      const rows = await tx.query<{
        referral_id: string;
        version: number;
        practice_id: string;
        event: unknown;
        recorded_at: unknown;
        recorded_by: string;
      }>(
        'SELECT referral_id, version, practice_id, event, recorded_at, recorded_by FROM referral_events WHERE (referral_id, version) > ($1, $2) ORDER BY referral_id, version LIMIT $3',
        [...afterEvent, PAGE],
      );
      for (const r of rows) {
        await line({
          type: 'event',
          referralId: r.referral_id,
          version: r.version,
          practiceId: r.practice_id,
          recordedAt: iso(r.recorded_at),
          recordedBy: r.recorded_by,
          event: r.event,
        });
        counts.events++;
        if (r.referral_id !== referral) counts.referrals++;
        referral = r.referral_id;
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      afterEvent = [last.referral_id, last.version];
    }
    let afterKey: [string, string] = ['', ''];
    for (let page = 0; ; page++) {
      const rows = await tx.query<{
        user_id: string;
        key: string;
        request_hash: string;
        status: number;
        response: unknown;
        created_at: unknown;
      }>(
        'SELECT user_id, key, request_hash, status, response, created_at FROM idempotency_keys WHERE (user_id, key) > ($1, $2) ORDER BY user_id, key LIMIT $3',
        [...afterKey, PAGE],
      );
      for (const r of rows) {
        await line({
          type: 'idempotency-key',
          userId: r.user_id,
          key: r.key,
          requestHash: r.request_hash,
          status: r.status,
          response: r.response,
          createdAt: iso(r.created_at),
        });
        counts.idempotencyKeys++;
      }
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1]!;
      afterKey = [last.user_id, last.key];
    }
    let afterSeq = 0;
    for (let page = 0; ; page++) {
      const rows = await tx.query<{
        seq: number;
        at: unknown;
        user_id: string;
        role: string;
        practice_id: string | null;
        action: string;
        resource: string;
        target_id: string | null;
        outcome: number;
      }>(
        'SELECT seq::int AS seq, at, user_id, role, practice_id, action, resource, target_id, outcome FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2',
        [afterSeq, PAGE],
      );
      for (const r of rows) {
        await line({
          type: 'audit',
          at: iso(r.at),
          userId: r.user_id,
          role: r.role,
          practiceId: r.practice_id,
          action: r.action,
          resource: r.resource,
          targetId: r.target_id,
          outcome: r.outcome,
        });
        counts.audit++;
      }
      if (rows.length < PAGE) break;
      afterSeq = rows[rows.length - 1]!.seq;
    }
    await line({ type: 'end', counts });
  });
  return counts;
}

// Import --------------------------------------------------------------------

const text = (max = 200) => z.string().check(z.minLength(1), z.maxLength(max));
const id = text(128);
const instant = z.iso.datetime({ offset: true });
const json = z.record(z.string(), z.unknown());

const headerSchema = z.strictObject({
  kind: z.literal(BACKUP_KIND),
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.int().check(z.gte(0)),
});
const lineSchemas = {
  practice: z.strictObject({ type: z.literal('practice'), practice: z.unknown() }),
  document: z.strictObject({
    type: z.literal('document'),
    kind: text(),
    id,
    revision: z.int().check(z.gte(1)),
    practiceId: id,
    savedAt: instant,
    savedBy: text(),
    body: json,
  }),
  event: z.strictObject({
    type: z.literal('event'),
    referralId: id,
    version: z.int().check(z.gte(1)),
    practiceId: id,
    recordedAt: instant,
    recordedBy: text(),
    event: json,
  }),
  'idempotency-key': z.strictObject({
    type: z.literal('idempotency-key'),
    userId: text(),
    key: text(300),
    requestHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    status: z.int(),
    response: json,
    createdAt: instant,
  }),
  audit: z.strictObject({
    type: z.literal('audit'),
    at: instant,
    userId: text(),
    role: text(),
    practiceId: z.nullable(id),
    action: z.enum(['read', 'write', 'refused']),
    resource: text(),
    targetId: z.nullable(text(300)),
    outcome: z.int(),
  }),
  end: z.strictObject({
    type: z.literal('end'),
    counts: z.strictObject({
      practices: z.int(),
      documents: z.int(),
      events: z.int(),
      referrals: z.int(),
      idempotencyKeys: z.int(),
      audit: z.int(),
    }),
  }),
} as const;
type LineType = keyof typeof lineSchemas;
type Line<T extends LineType> = z.infer<(typeof lineSchemas)[T]>;

/** Rows waiting to be written, a batch per table (one multi-row INSERT each). */
interface Batches {
  practices: Practice[];
  documents: Line<'document'>[];
  events: Line<'event'>[];
  referrals: { id: string; practice_id: string; status: string; version: number; state: unknown; updated_at: string }[];
  keys: Line<'idempotency-key'>[];
  audit: Line<'audit'>[];
}

const BATCH = 1_000;

async function flush(tx: Queryable, batches: Batches, all = false): Promise<void> {
  const due = (rows: unknown[]) => rows.length > 0 && (all || rows.length >= BATCH);
  if (due(batches.practices)) {
    await tx.query(
      `INSERT INTO practices (id, name, list_size, cohort, locality)
       SELECT x.id, x.name, x."listSize", x.cohort, x.locality FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, "listSize" int, cohort text, locality text)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, list_size = EXCLUDED.list_size, cohort = EXCLUDED.cohort, locality = EXCLUDED.locality`,
      [JSON.stringify(batches.practices)],
    );
    batches.practices = [];
  }
  if (due(batches.documents)) {
    await tx.query(
      `INSERT INTO documents (kind, id, revision, practice_id, body, saved_at, saved_by)
       SELECT x.kind, x.id, x.revision, x."practiceId", x.body, x."savedAt", x."savedBy"
       FROM jsonb_to_recordset($1::jsonb) AS x(kind text, id text, revision int, "practiceId" text, body jsonb, "savedAt" timestamptz, "savedBy" text)`,
      [JSON.stringify(batches.documents)],
    );
    batches.documents = [];
  }
  if (due(batches.events)) {
    await tx.query(
      `INSERT INTO referral_events (referral_id, version, event_id, practice_id, event, recorded_at, recorded_by)
       SELECT x."referralId", x.version, x.event->>'id', x."practiceId", x.event, x."recordedAt", x."recordedBy"
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS ("referralId" text, version int, "practiceId" text, event jsonb, "recordedAt" timestamptz, "recordedBy" text))
         WITH ORDINALITY AS x("referralId", version, "practiceId", event, "recordedAt", "recordedBy", n)
       ORDER BY n`,
      [JSON.stringify(batches.events)],
    );
    batches.events = [];
  }
  if (due(batches.referrals)) {
    await tx.query(
      `INSERT INTO referrals (id, practice_id, status, version, state, updated_at)
       SELECT x.id, x.practice_id, x.status, x.version, x.state, x.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, practice_id text, status text, version int, state jsonb, updated_at timestamptz)`,
      [JSON.stringify(batches.referrals)],
    );
    batches.referrals = [];
  }
  if (due(batches.keys)) {
    await tx.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
       SELECT x."userId", x.key, x."requestHash", x.status, x.response, x."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS x("userId" text, key text, "requestHash" text, status int, response jsonb, "createdAt" timestamptz)`,
      [JSON.stringify(batches.keys)],
    );
    batches.keys = [];
  }
  if (due(batches.audit)) {
    await tx.query(
      `INSERT INTO audit_log (at, user_id, role, practice_id, action, resource, target_id, outcome)
       SELECT x.at, x."userId", x.role, x."practiceId", x.action, x.resource, x."targetId", x.outcome
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (at timestamptz, "userId" text, role text, "practiceId" text, action text, resource text, "targetId" text, outcome int))
         WITH ORDINALITY AS x(at, "userId", role, "practiceId", action, resource, "targetId", outcome, n)
       ORDER BY n`,
      [JSON.stringify(batches.audit)],
    );
    batches.audit = [];
  }
}

/** Splits text arriving in chunks into lines (without their line ends). */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    carry += chunk;
    let start = 0;
    for (let end = carry.indexOf('\n'); end !== -1; end = carry.indexOf('\n', start)) {
      yield carry.slice(start, end).replace(/\r$/, '');
      start = end + 1;
    }
    carry = carry.slice(start);
  }
  if (carry !== '') yield carry.replace(/\r$/, '');
}

const SECTION_ORDER: readonly LineType[] = ['practice', 'document', 'event', 'idempotency-key', 'audit', 'end'];

/**
 * Reads a backup written by {@link exportBackup} into an EMPTY database, in
 * ONE transaction: every line is checked (the envelope by its schema;
 * practices, plans, network registers and outcome responses with core's
 * validators; each referral's events replayed by core's `replay`, which
 * refuses what the workflow refuses, and its projection rebuilt from that
 * replay) and written in batches; if any line is wrong, or the file stops
 * before its `end` line, the transaction rolls back and nothing is written.
 * @throws BackupImportError with every problem (up to 100), each naming its line.
 */
export async function importBackup(db: Database, chunks: AsyncIterable<string>): Promise<BackupCounts> {
  const errors: ValidationIssue[] = [];
  const fail = (lineNo: number, path: string, message: string) => {
    errors.push({ path: path ? `line ${lineNo}: ${path}` : `line ${lineNo}`, message });
  };
  const counts = zeroCounts();
  const ROLLBACK = new Error('rollback');
  try {
    await db.transaction(async (tx) => {
      const used = await tx.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM referral_events) + (SELECT count(*) FROM documents) + (SELECT count(*) FROM idempotency_keys) + (SELECT count(*) FROM audit_log))::int AS n`,
      );
      if ((used[0]?.n ?? 0) > 0) {
        errors.push({
          path: '',
          message:
            'the database already holds data: a backup is imported into an empty database only (a new data folder, or a new PostgreSQL database)',
        });
        throw ROLLBACK;
      }
      const current = await schemaVersion(tx);
      const batches: Batches = { practices: [], documents: [], events: [], referrals: [], keys: [], audit: [] };
      let lineNo = 0;
      let header = false;
      let ended: Line<'end'> | undefined;
      let section = 0;
      // The referral whose events are being read, and the referral ids already finished.
      let stream:
        | { id: string; practiceId: string; events: ReferralEvent[]; lines: number[]; records: Line<'event'>[] }
        | undefined;
      const finished = new Set<string>();
      const documentRevision = new Map<string, number>();
      const seenPractices = new Set<string>();

      const closeStream = () => {
        if (!stream) return;
        const { id: referralId, events, lines, records } = stream;
        finished.add(referralId);
        stream = undefined;
        const result = replay(events);
        for (const r of result.rejected)
          fail(lines[r.index]!, 'event', `core refuses this event (${r.code}): ${r.reason}`);
        if (result.rejected.length > 0) return;
        const state = result.state.referrals[0] as ReferralState | undefined;
        if (!state) return;
        // Written only once core has accepted the whole stream.
        for (const record of records) batches.events.push(record);
        const summary = JSON.parse(JSON.stringify(summarise(state))) as ReturnType<typeof summarise>;
        batches.referrals.push({
          id: referralId,
          practice_id: state.practiceId,
          status: state.status,
          version: events.length,
          state: summary,
          updated_at: state.updatedAt,
        });
      };

      for await (const raw of linesOf(chunks)) {
        lineNo++;
        if (errors.length >= MAX_ERRORS) break;
        if (raw.trim() === '') continue;
        if (ended) {
          fail(lineNo, '', 'comes after the "end" line: the backup ends there');
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(raw);
        } catch (error) {
          fail(lineNo, '', `is not valid JSON (${(error as Error).message})`);
          continue;
        }
        if (!header) {
          header = true;
          const parsed = parseWith(headerSchema, value);
          if (!parsed.ok) {
            for (const e of parsed.errors)
              fail(
                lineNo,
                e.path,
                `${e.message} (the first line of a backup is {"kind":"${BACKUP_KIND}","format":${BACKUP_FORMAT},"schemaVersion":N})`,
              );
            throw ROLLBACK;
          }
          if (parsed.value.schemaVersion > current)
            fail(
              lineNo,
              'schemaVersion',
              `is ${parsed.value.schemaVersion}, newer than this version of links (${current}): import it with the version that exported it, or a newer one`,
            );
          continue;
        }
        const type = (value as { type?: unknown } | null)?.type;
        if (typeof type !== 'string' || !(type in lineSchemas)) {
          fail(lineNo, 'type', `must be one of ${SECTION_ORDER.map((t) => `"${t}"`).join(', ')}`);
          continue;
        }
        const at = SECTION_ORDER.indexOf(type as LineType);
        if (at < section) {
          fail(
            lineNo,
            'type',
            `a "${type}" line cannot come after the "${SECTION_ORDER[section]}" lines: keep the order of the export`,
          );
          continue;
        }
        if (at > section && SECTION_ORDER[section] === 'event') closeStream();
        section = at;
        const parsed = parseWith(lineSchemas[type as LineType], value);
        if (!parsed.ok) {
          for (const e of parsed.errors) fail(lineNo, e.path, e.message);
          continue;
        }
        switch (type as LineType) {
          case 'practice': {
            const practice = parseWith(practiceSchema, (parsed.value as Line<'practice'>).practice);
            if (!practice.ok)
              for (const e of practice.errors) fail(lineNo, e.path ? `practice.${e.path}` : 'practice', e.message);
            else if (seenPractices.has(practice.value.id))
              fail(lineNo, 'practice.id', `"${practice.value.id}" is listed twice`);
            else {
              seenPractices.add(practice.value.id);
              batches.practices.push(practice.value as Practice);
              counts.practices++;
            }
            break;
          }
          case 'document': {
            const d = parsed.value as Line<'document'>;
            const kind = DOCUMENT_KINDS.get(d.kind);
            if (!kind) {
              fail(lineNo, 'kind', `must be one of ${[...DOCUMENT_KINDS.keys()].map((k) => `"${k}"`).join(', ')}`);
              break;
            }
            const checked = kind.codec.validate(d.body);
            if (!checked.ok) {
              for (const e of checked.errors) fail(lineNo, e.path ? `body.${e.path}` : 'body', e.message);
              break;
            }
            const doc = checked.value;
            if (doc.id !== d.id) fail(lineNo, 'body.id', `must be "${d.id}", the line's id`);
            else if (doc.revision !== d.revision)
              fail(lineNo, 'body.revision', `must be ${d.revision}, the line's revision`);
            else if (kind.practiceOf(doc) !== d.practiceId)
              fail(lineNo, 'practiceId', `must be "${kind.practiceOf(doc)}", the document's practice`);
            else {
              const key = `${d.kind}\u0000${d.id}`;
              const expected = (documentRevision.get(key) ?? 0) + 1;
              if (d.revision !== expected)
                fail(lineNo, 'revision', `must be ${expected}: every revision of a document, in order, from 1`);
              else {
                documentRevision.set(key, d.revision);
                batches.documents.push(d);
                counts.documents++;
              }
            }
            break;
          }
          case 'event': {
            const e = parsed.value as Line<'event'>;
            if (!stream || stream.id !== e.referralId) {
              closeStream();
              if (finished.has(e.referralId)) {
                fail(lineNo, 'referralId', `the events of "${e.referralId}" must be together, in version order`);
                break;
              }
              stream = { id: e.referralId, practiceId: e.practiceId, events: [], lines: [], records: [] };
              counts.referrals++;
            }
            const expected = stream.events.length + 1;
            if (e.version !== expected)
              fail(lineNo, 'version', `must be ${expected}: a referral's events run 1, 2, 3… without a gap`);
            else if (e.event['referralId'] !== e.referralId)
              fail(lineNo, 'event.referralId', `must be "${e.referralId}", the line's referral`);
            else if (e.practiceId !== stream.practiceId)
              fail(lineNo, 'practiceId', `must be "${stream.practiceId}", as on the referral's first event`);
            else if (e.version === 1 && e.event['practiceId'] !== e.practiceId)
              fail(lineNo, 'event.practiceId', `must be "${e.practiceId}", the line's practice`);
            else {
              stream.events.push(e.event as unknown as ReferralEvent);
              stream.lines.push(lineNo);
              stream.records.push(e);
              counts.events++;
            }
            break;
          }
          case 'idempotency-key':
            batches.keys.push(parsed.value as Line<'idempotency-key'>);
            counts.idempotencyKeys++;
            break;
          case 'audit':
            batches.audit.push(parsed.value as Line<'audit'>);
            counts.audit++;
            break;
          case 'end':
            ended = parsed.value as Line<'end'>;
            break;
        }
        if (errors.length === 0) await flush(tx, batches);
      }
      closeStream();
      if (!header) errors.push({ path: 'line 1', message: 'the file is empty: a backup starts with its header line' });
      else if (!ended && errors.length === 0)
        errors.push({
          path: `line ${lineNo + 1}`,
          message: 'the backup stops before its "end" line: the file is incomplete',
        });
      else if (ended) {
        for (const [name, n] of Object.entries(counts) as [keyof BackupCounts, number][]) {
          if (ended.counts[name] !== n)
            errors.push({
              path: `line ${lineNo}: counts.${name}`,
              message: `says ${ended.counts[name]}, but the file holds ${n}: the file is incomplete or was edited`,
            });
        }
      }
      if (errors.length > 0) throw ROLLBACK;
      await flush(tx, batches, true);
      if (db.kind === 'postgres') await tx.query('ANALYZE');
    });
  } catch (error) {
    if (error === ROLLBACK || errors.length > 0) throw new BackupImportError(errors);
    throw error;
  }
  return counts;
}
