import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDemoData, generateDemoReferrals } from '@links-approach/core/demo-data';
import { replay, toNdjson, type ReferralEventsDocument } from '@links-approach/core/referral';
import { REFERRAL_CSV_COLUMNS } from '@links-approach/core/export';
import { toCsv } from '@links-approach/core/csv';
import { serializePlanDocument } from '@links-approach/core/plan';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';
import { COMMANDS } from './index.js';

const links = (argv: string[], io: ReturnType<typeof memoryIo>) => run(argv, io, COMMANDS);

const sample = readFileSync(
  fileURLToPath(new URL('../../../../examples/data/sample-referrals.json', import.meta.url)),
  'utf8',
);
const doc = JSON.parse(sample) as ReferralEventsDocument;
const referrals = replay(doc.events).state.referrals;

const lines = (csv: string) => csv.trimEnd().split('\r\n');

test('links export csv referrals: one row per referral, nothing beyond the pseudonymous reference', async () => {
  const io = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'csv', 'referrals', 'events.json', '--out', 'referrals.csv', '--json'], io), 0);
  assert.deepEqual(JSON.parse(io.out), { ok: true, export: 'referrals', rows: referrals.length, out: 'referrals.csv' });
  const csv = io.files['referrals.csv']!;
  const [header, ...rows] = lines(csv);
  assert.match(header!, /^referral_id,person_ref,practice_id,/);
  assert.equal(rows.length, referrals.length);
  // Free text from the sample (reasons, notes) and staff references never appear.
  for (const text of ['Lonely and low', 'phoned in the mornings', 'gp-sb-1']) assert.ok(!csv.includes(text), text);
});

test('links export csv prints to standard output, and filters by period', async () => {
  const io = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'csv', 'referrals', 'events.json', '--from', '2099-01-01'], io), 0);
  assert.equal(lines(io.out).length, 1, 'header only: nothing requested in 2099');
  assert.ok(io.out.endsWith('\r\n'), 'the CSV is printed exactly');
});

test('links export csv practices: a practice list and events give one row per practice', async () => {
  const practiceIds = [...new Set(referrals.map((r) => r.practiceId))];
  const practices = {
    kind: 'links.practices',
    practices: practiceIds.map((id, i) => ({
      id,
      name: `Practice "${i}", Glasgow`,
      cohort: 'programme',
      listSize: 4000 + i * 1000,
    })),
  };
  const io = memoryIo({ 'events.json': sample, 'practices.json': JSON.stringify(practices) });
  assert.equal(
    await links(['export', 'csv', 'practices', 'events.json', 'practices.json', '--as-of', '2025-04-01', '--json'], io),
    0,
  );
  const out = JSON.parse(io.out);
  assert.equal(out.rows, practiceIds.length);
  const [header, first] = lines(out.csv);
  assert.match(header!, /referrals_per_1000/);
  assert.ok(first!.startsWith(`${practiceIds[0]},"Practice ""0"", Glasgow",programme,4000,`), first);
});

test('links export csv maturity: one row per practice per plan revision', async () => {
  const demo = generateDemoData({ practices: 2, seed: 3, months: 6 });
  const files = Object.fromEntries(demo.plans.map((plan, i) => [`plans/${i}.json`, serializePlanDocument(plan)]));
  const io = memoryIo(files);
  assert.equal(await links(['export', 'csv', 'maturity', ...Object.keys(files), '--out', 'm.csv'], io), 0);
  const [header, ...rows] = lines(io.files['m.csv']!);
  assert.match(header!, /level_team-wellbeing/);
  assert.equal(rows.length, demo.plans.length);
  assert.match(io.out, new RegExp(`Wrote ${demo.plans.length} maturity rows to m.csv`));
});

test('links export: usage and input errors keep the CLI contract', async () => {
  const io = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'xlsx', 'referrals', 'events.json', '--json'], io), 2);
  assert.equal(JSON.parse(io.out).errors[0].path, 'format');
  const what = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'csv', 'people', 'events.json'], what), 2);
  const date = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'csv', 'referrals', 'events.json', '--from', '1 May'], date), 2);
  const noEvents = memoryIo({ 'p.json': JSON.stringify({ kind: 'links.practices', practices: [] }) });
  assert.equal(await links(['export', 'csv', 'referrals', 'p.json', '--json'], noEvents), 1);
  assert.match(JSON.parse(noEvents.out).errors[0].message, /no referral events/);
  const badPractice = memoryIo({
    'events.json': sample,
    'p.json': JSON.stringify({ kind: 'links.practices', practices: [{ id: 'x' }] }),
  });
  assert.equal(await links(['export', 'csv', 'practices', 'events.json', 'p.json', '--json'], badPractice), 1);
  assert.equal(JSON.parse(badPractice.out).errors[0].path, 'practices[0].name');
  const noPlans = memoryIo({ 'events.json': sample });
  assert.equal(await links(['export', 'csv', 'maturity', 'events.json'], noPlans), 1);
});

test('links export is registered with the default CSV loader from core', () => {
  assert.ok(COMMANDS.some((c) => c.name === 'export'));
  assert.ok(COMMANDS.some((c) => c.name === 'fhir'));
});

test('links export csv referrals --json without --out puts the same CSV in its document as the in-memory export, over more than one batch of rows', async () => {
  const cohort = generateDemoReferrals({
    practices: Array.from({ length: 12 }, (_, i) => ({ id: `p-${i + 1}`, listSize: 6000 })),
    seed: 11,
    asOf: '2025-03-31T12:00:00Z',
    referralsPerPractice: 90,
  });
  const all = replay(cohort.events, { trusted: true }).state.referrals;
  assert.ok(all.length > 1000, 'more referrals than one batch of rows');
  const io = memoryIo({ 'events.ndjson': toNdjson(cohort.events) });
  assert.equal(await links(['export', 'csv', 'referrals', 'events.ndjson', '--json'], io), 0);
  const out = JSON.parse(io.out) as { ok: boolean; rows: number; csv: string };
  assert.equal(out.rows, all.length);
  assert.equal(out.csv, toCsv(all, REFERRAL_CSV_COLUMNS));
});
