import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from '@links-approach/core/referral';
import { parsePlanDocument } from '@links-approach/core/plan';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

test('links demo-data writes a practice list and one valid plan document per revision, and prints a summary', async () => {
  const io = memoryIo();
  assert.equal(await run(['demo-data', '--practices', '4', '--seed', '9', '--out', 'demo/', '--json'], io), 0);
  const summary = JSON.parse(io.out);
  assert.deepEqual(summary, {
    ok: true,
    out: 'demo',
    seed: 9,
    practices: 4,
    programme: 2,
    comparison: 2,
    plans: 32,
    referrals: 355,
    referralEvents: 4398,
    months: 24,
    files: 34,
  });
  const names = Object.keys(io.files).sort();
  assert.equal(names.length, 34);
  assert.equal(names[0], 'demo/plans/demo-001.r1.json');
  assert.ok(names.includes('demo/practices.json'));
  const list = JSON.parse(io.files['demo/practices.json']!);
  assert.equal(list.kind, 'links.practices');
  // Referrals go to the programme practices' CLPs, replay without a refusal, and reach every state.
  const referralDoc = JSON.parse(io.files['demo/referrals.json']!);
  assert.equal(referralDoc.kind, 'links.referral-events');
  const replayed = replay(referralDoc.events);
  assert.equal(replayed.rejected.length, 0);
  const programmeIds = new Set(
    list.practices.filter((p: { cohort: string }) => p.cohort === 'programme').map((p: { id: string }) => p.id),
  );
  assert.ok(replayed.state.referrals.every((r) => programmeIds.has(r.practiceId)));
  assert.equal(new Set(replayed.state.referrals.map((r) => r.status)).size, 10);
  assert.equal(list.meta.synthetic, true);
  assert.equal(list.practices.length, 4);
  for (const name of names.filter((n) => n.startsWith('demo/plans/'))) {
    const result = parsePlanDocument(JSON.parse(io.files[name]!));
    assert.ok(result.ok, name);
  }
});

test('the same seed writes the same files; another seed does not', async () => {
  const a = memoryIo();
  const b = memoryIo();
  const c = memoryIo();
  await run(['demo-data', '--practices', '3', '--seed', 'glasgow', '--out', 'x'], a);
  await run(['demo-data', '--practices', '3', '--seed', 'glasgow', '--out', 'x'], b);
  await run(['demo-data', '--practices', '3', '--seed', 'paisley', '--out', 'x'], c);
  assert.deepEqual(a.files, b.files);
  assert.notDeepEqual(a.files, c.files);
  assert.match(
    a.out,
    /^Wrote 3 synthetic practices \(1 programme, 2 comparison\) and 24 plan revisions over 24 months to x\/$/m,
  );
});

test('usage errors: no --out, a bad count or month span', async () => {
  for (const argv of [
    ['demo-data'],
    ['demo-data', '--out', 'd', '--practices', '0'],
    ['demo-data', '--out', 'd', '--practices', 'ten'],
    ['demo-data', '--out', 'd', '--practices', '999999'],
    ['demo-data', '--out', 'd', '--months', '-3'],
  ]) {
    const io = memoryIo();
    assert.equal(await run(argv, io), 2, argv.join(' '));
    assert.deepEqual(io.files, {});
  }
});
