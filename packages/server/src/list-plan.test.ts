import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referralListStatement, type ReferralListFilter } from './repository.js';
import { forEachBackend } from './test-support.js';

/** Every node of an EXPLAIN (FORMAT JSON) plan, depth first. */
function nodes(plan: Record<string, unknown>): Record<string, unknown>[] {
  return [plan, ...((plan['Plans'] as Record<string, unknown>[] | undefined) ?? []).flatMap(nodes)];
}

// As in the bench: a practice's referral ids share a prefix, so a practice's
// rows are one run of the primary key (here the last one, after every other
// practice's), which a walk of the primary key in id order filters past.
const OTHER_PRACTICES = 39;
const PER_PRACTICE = 1_000;

forEachBackend('caseload list query plan', ({ service }) => {
  test('seeding a table of referrals at several practices', async () => {
    const db = service().db;
    const seed = (practice: string) =>
      db.query(
        `INSERT INTO referrals (id, practice_id, status, version, state, updated_at)
         SELECT $1 || '-' || lpad(i::text, 6, '0'), $1, CASE WHEN i % 3 = 0 THEN 'accepted' ELSE 'requested' END, 1, '{}'::jsonb, now()
         FROM generate_series(1, ${PER_PRACTICE}) AS i`,
        [practice],
      );
    await seed('plan-practice-7');
    for (let p = 0; p < OTHER_PRACTICES; p++) await seed(`other-practice-${p}`);
    await db.query('ANALYZE referrals');
  });

  const shapes: { name: string; filter: ReferralListFilter; index: RegExp }[] = [
    {
      name: 'one practice, first page',
      filter: { practices: ['plan-practice-7'], limit: 501 },
      index: /^referrals_practice_id$/,
    },
    {
      name: 'one practice, a later page',
      filter: { practices: ['plan-practice-7'], after: 'plan-practice-7-000400', limit: 501 },
      index: /^referrals_practice_id$/,
    },
    {
      name: 'one practice and a status',
      filter: { practices: ['plan-practice-7'], status: 'accepted', limit: 501 },
      index: /^referrals_practice_(status|id)$/,
    },
  ];
  for (const shape of shapes) {
    test(`listing ${shape.name} is an index range scan on the practice, not a filtered walk of the primary key`, async () => {
      const db = service().db;
      const statement = referralListStatement(shape.filter);
      assert.doesNotMatch(statement.sql, /IS NULL/);
      const explained = await db.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
        statement.params,
      );
      const raw = explained[0]!['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[];
      const all = nodes(plan[0]!.Plan);
      const summary = all
        .map(
          (n) =>
            `${String(n['Node Type'])}${n['Index Name'] ? ` using ${String(n['Index Name'])}` : ''}${n['Rows Removed by Filter'] ? ` (removed ${String(n['Rows Removed by Filter'])})` : ''}`,
        )
        .join(' > ');
      // The referrals are reached through the practice's index (an ordered index scan, or a bitmap of the
      // practice's rows and a top-N sort, as the planner costs it), never the primary key or the whole table.
      const indexes = all.filter((n) => n['Index Name'] !== undefined).map((n) => String(n['Index Name']));
      assert.ok(indexes.length > 0 && indexes.every((name) => shape.index.test(name)), summary);
      assert.ok(!all.some((n) => n['Node Type'] === 'Seq Scan'), summary);
      for (const n of all) assert.ok(!n['Rows Removed by Filter'], `no rows read and thrown away: ${summary}`);

      // And the statement answers what the filter asks, in id order.
      const rows = await db.query<{ id: string; practice_id: string; status: string }>(statement.sql, statement.params);
      assert.ok(rows.length > 0 && rows.length <= shape.filter.limit);
      assert.ok(
        rows.every(
          (r) =>
            r.practice_id === 'plan-practice-7' &&
            (shape.filter.status === undefined || r.status === shape.filter.status) &&
            (shape.filter.after === undefined || r.id > shape.filter.after),
        ),
      );
      assert.deepEqual(
        rows.map((r) => r.id),
        rows.map((r) => r.id).sort(),
      );
    });
  }

  test('every filter shape gives its own statement without "IS NULL OR" (several practices, all practices)', async () => {
    const db = service().db;
    const many = referralListStatement({ practices: ['other-practice-1', 'other-practice-2'], limit: 50 });
    const rows = await db.query<{ practice_id: string }>(many.sql, many.params);
    assert.equal(rows.length, 50);
    assert.ok(rows.every((r) => r.practice_id === 'other-practice-1' || r.practice_id === 'other-practice-2'));
    const every = referralListStatement({ practices: null, status: 'requested', limit: 10 });
    assert.doesNotMatch(every.sql, /WHERE.*practice_id/);
    assert.equal((await db.query(every.sql, every.params)).length, 10);
    const none = referralListStatement({ practices: [], limit: 10 });
    assert.equal((await db.query(none.sql, none.params)).length, 0);
  });
});
