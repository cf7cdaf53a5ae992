import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService } from '@links-approach/server';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

const root = mkdtempSync(join(tmpdir(), 'links-backup-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('links backup --help documents export, import and the database options', async () => {
  const io = memoryIo({});
  assert.equal(await run(['backup', '--help'], io), 0);
  for (const word of [
    'export',
    'import',
    '--out',
    '--database-url',
    '--data-dir',
    'DATABASE_URL',
    'LINKS_DATA_DIR',
    'NDJSON',
    'empty',
  ])
    assert.ok(io.out.includes(word), `help lacks ${word}`);
});

test('links backup: usage errors exit 2 with a path', async () => {
  for (const [argv, path] of [
    [['backup', 'copy', '--json'], 'action'],
    [['backup', 'export', '--json', '--data-dir', join(root, 'none')], '--out'],
    [['backup', 'import', '--json', '--data-dir', join(root, 'none')], 'file'],
    [['backup', 'export', '--json', '--database-url', 'mysql://x', '--out', 'x'], '--database-url'],
  ] as const) {
    const io = memoryIo({});
    assert.equal(await run([...argv], io), 2, io.out + io.err);
    assert.equal(JSON.parse(io.out).errors[0].path, path);
  }
});

test('links backup export → import into an empty folder → export gives the same file; a bad file is refused with its line (exit 1) and writes nothing', async () => {
  const source = join(root, 'source');
  const service = await buildService({ devAuth: true, rateLimit: false, database: { dataDir: source } });
  try {
    const token = (await service.devAuth!.sign('gp-ash'))!.token;
    const created = await service.app.inject({
      method: 'POST',
      url: '/api/referrals/ref-cli-1/events',
      headers: { authorization: `Bearer ${token}`, 'if-match': '"0"' },
      payload: {
        event: {
          id: 'e1',
          referralId: 'ref-cli-1',
          at: '2025-03-03T09:00:00Z',
          type: 'created',
          status: 'requested',
          person: 'pt-1',
          practiceId: 'practice-ash',
          route: 'gp',
          reasons: [{ themeId: 'living-well-day-to-day' }],
          urgency: 'routine',
        },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
  } finally {
    await service.close();
  }

  const io = memoryIo({});
  assert.equal(await run(['backup', 'export', '--data-dir', source, '--out', 'first.ndjson', '--json'], io), 0, io.err);
  const exported = JSON.parse(io.out) as { ok: boolean; counts: { events: number; referrals: number } };
  assert.equal(exported.ok, true);
  assert.deepEqual([exported.counts.events, exported.counts.referrals], [1, 1]);
  const first = io.files['first.ndjson']!;
  assert.match(first.split('\n')[0]!, /"kind":"links.backup"/);

  const restored = join(root, 'restored');
  const bad = first.replace('"urgency":"routine"', '"urgency":"whenever"');
  const refused = memoryIo({ 'bad.ndjson': bad });
  assert.equal(
    await run(['backup', 'import', 'bad.ndjson', '--data-dir', restored, '--json'], refused),
    1,
    refused.out + refused.err,
  );
  const report = JSON.parse(refused.out) as { ok: boolean; errors: { path: string; message: string }[] };
  assert.equal(report.ok, false);
  assert.match(report.errors[0]!.path, /^line \d+: event$/);
  assert.match(report.errors[0]!.message, /urgency/);

  // Nothing was written: the same folder then takes the good file.
  const imported = memoryIo({ 'first.ndjson': first });
  assert.equal(
    await run(['backup', 'import', 'first.ndjson', '--data-dir', restored, '--json'], imported),
    0,
    imported.out + imported.err,
  );
  assert.equal(JSON.parse(imported.out).counts.events, 1);
  const again = memoryIo({});
  assert.equal(await run(['backup', 'export', '--data-dir', restored], again), 0, again.err);
  assert.equal(again.out, first);
});
