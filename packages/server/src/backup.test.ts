import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createNetworkRegister } from '@links-approach/core/network';
import { buildService, type LinksService } from './app.js';
import { BackupImportError, exportBackup, importBackup } from './backup.js';
import { DEMO_PRACTICES } from './config.js';
import type { Database } from './db/database.js';
import { as, body, createdEvent, databaseFor, dropSchema, forEachBackend, laterEvent } from './test-support.js';

const SAMPLE = JSON.parse(
  readFileSync(new URL('../../../examples/data/sample-plan.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

async function exportText(db: Database): Promise<string> {
  let out = '';
  await exportBackup(db, async (line) => {
    out += line;
  });
  return out;
}

/** The text in uneven chunks that split lines, as a file read piece by piece arrives. */
async function* chunks(text: string, size = 777): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function counts(db: Database): Promise<number[]> {
  const rows = await db.query<{ e: number; d: number; r: number; a: number }>(
    'SELECT (SELECT count(*) FROM referral_events)::int AS e, (SELECT count(*) FROM documents)::int AS d, (SELECT count(*) FROM referrals)::int AS r, (SELECT count(*) FROM audit_log)::int AS a',
  );
  return [rows[0]!.e, rows[0]!.d, rows[0]!.r, rows[0]!.a];
}

forEachBackend('NDJSON backup and restore', ({ service, backend }) => {
  const fresh: { service: LinksService; schema?: string; url?: string }[] = [];
  const empty = async () => {
    const database = await databaseFor(backend);
    const s = await buildService({ devAuth: true, rateLimit: false, database });
    fresh.push({ service: s, ...(database.schema ? { schema: database.schema, url: database.databaseUrl! } : {}) });
    return s;
  };
  after(async () => {
    for (const f of fresh) {
      await f.service.close();
      if (f.schema) await dropSchema(f.url!, f.schema);
    }
  });
  const post = async (s: LinksService, user: string, id: string, event: Record<string, unknown>, version: number) =>
    s.app.inject({
      method: 'POST',
      url: `/api/referrals/${id}/events`,
      headers: { ...(await as(s, user)), 'if-match': `"${version}"`, 'idempotency-key': `${id}-${version}` },
      payload: { event },
    });

  test('export → import into an empty database → export gives the same file, and the API answers the same', async () => {
    const s = service();
    const notes = new Map<string, Record<string, unknown>>();
    for (const [id, practice, gp, clp] of [
      ['ref-b1', 'practice-ash', 'gp-ash', 'clp-ash'],
      ['ref-b2', 'practice-birch', 'gp-birch', 'clp-birch'],
    ] as const) {
      assert.equal((await post(s, gp, id, createdEvent(id, practice), 0)).statusCode, 201);
      assert.equal(
        (await post(s, clp, id, laterEvent(id, { type: 'status-changed', to: 'accepted' }), 1)).statusCode,
        201,
      );
      notes.set(id, laterEvent(id, { type: 'note-added', text: 'Met at the café' }));
      assert.equal((await post(s, clp, id, notes.get(id)!, 2)).statusCode, 201);
    }
    const plan = { ...SAMPLE, id: 'plan-ash', practice: DEMO_PRACTICES[0], title: 'Backed up' };
    assert.equal(
      (
        await s.app.inject({
          method: 'PUT',
          url: '/api/plans/plan-ash',
          headers: { ...(await as(s, 'pm-ash')), 'if-match': '"0"' },
          payload: plan,
        })
      ).statusCode,
      200,
    );
    const saved = await s.app.inject({
      method: 'PUT',
      url: '/api/network/practice-ash',
      headers: { ...(await as(s, 'clp-ash')), 'if-match': '"0"' },
      payload: createNetworkRegister('practice-ash') as unknown as Record<string, unknown>,
    });
    assert.equal(saved.statusCode, 200, saved.body);

    const first = await exportText(s.db);
    const lines = first
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { type?: string; kind?: string });
    assert.equal(lines[0]!.kind, 'links.backup');
    assert.equal(lines.filter((l) => l.type === 'event').length, 6);
    assert.equal(lines.filter((l) => l.type === 'document').length, 2);
    assert.ok(lines.some((l) => l.type === 'audit'));
    assert.equal(lines[lines.length - 1]!.type, 'end');

    const restored = await empty();
    const imported = await importBackup(restored.db, chunks(first));
    assert.deepEqual([imported.events, imported.referrals, imported.documents], [6, 2, 2]);
    assert.equal(await exportText(restored.db), first, 'the second export is byte for byte the first');

    for (const [user, url] of [
      ['clp-ash', '/api/referrals?practice=practice-ash'],
      ['clp-birch', '/api/referrals?practice=practice-birch'],
      ['gp-ash', '/api/referrals/ref-b1'],
      ['pm-ash', '/api/plans/plan-ash'],
      ['pm-ash', '/api/plans/plan-ash/history'],
      ['clp-ash', '/api/network/practice-ash'],
    ] as const) {
      const before = await s.app.inject({ method: 'GET', url, headers: await as(s, user) });
      const afterRestore = await restored.app.inject({ method: 'GET', url, headers: await as(restored, user) });
      assert.equal(afterRestore.statusCode, 200, `${url}: ${afterRestore.body}`);
      assert.deepEqual(body(afterRestore), body(before), `${url} answers the same after the restore`);
      assert.equal(afterRestore.headers['etag'], before.headers['etag']);
    }
    // The stream goes on where it stopped, and a retried idempotency key still gets its first answer.
    const retried = await post(restored, 'clp-ash', 'ref-b1', notes.get('ref-b1')!, 2);
    assert.equal(retried.statusCode, 201, retried.body);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.equal(
      (await post(restored, 'clp-ash', 'ref-b1', laterEvent('ref-b1', { type: 'note-added', text: 'Next' }), 3))
        .statusCode,
      201,
    );
  });

  test('an import with a bad line is refused with its line and JSON path, and writes nothing', async () => {
    const good = await exportText(service().db);
    const lines = good.trimEnd().split('\n');
    const at = lines.findIndex(
      (l) =>
        (JSON.parse(l) as { type?: string; version?: number }).type === 'event' &&
        (JSON.parse(l) as { version: number }).version === 2,
    );
    const edited = JSON.parse(lines[at]!) as { event: Record<string, unknown> };
    edited.event['to'] = 'finished-somehow';
    const bad = [...lines.slice(0, at), JSON.stringify(edited), ...lines.slice(at + 1)].join('\n');
    const target = await empty();
    const before = await counts(target.db);
    await assert.rejects(importBackup(target.db, chunks(bad)), (error: unknown) => {
      assert.ok(error instanceof BackupImportError);
      assert.ok(
        error.errors.some((e) => e.path === `line ${at + 1}: event` && /core refuses this event/.test(e.message)),
        JSON.stringify(error.errors),
      );
      return true;
    });
    assert.deepEqual(await counts(target.db), before, 'nothing written');

    // A gap in a stream, a truncated file, and not JSON: each named by its line.
    const gap = [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
    await assert.rejects(
      importBackup(target.db, chunks(gap)),
      (error: unknown) =>
        error instanceof BackupImportError && error.errors.some((e) => e.path === `line ${at + 1}: version`),
    );
    const truncated = lines.slice(0, -1).join('\n');
    await assert.rejects(
      importBackup(target.db, chunks(truncated)),
      (error: unknown) => error instanceof BackupImportError && /stops before its "end" line/.test(error.message),
    );
    const garbage = [lines[0], '{not json', ...lines.slice(1)].join('\n');
    await assert.rejects(
      importBackup(target.db, chunks(garbage)),
      (error: unknown) =>
        error instanceof BackupImportError &&
        error.errors[0]!.path === 'line 2' &&
        /not valid JSON/.test(error.errors[0]!.message),
    );
    assert.deepEqual(await counts(target.db), before, 'still nothing written');
  });

  test('an import into a database that already holds data is refused', async () => {
    const text = await exportText(service().db);
    await assert.rejects(
      importBackup(service().db, chunks(text)),
      (error: unknown) => error instanceof BackupImportError && /empty database only/.test(error.message),
    );
  });
});
