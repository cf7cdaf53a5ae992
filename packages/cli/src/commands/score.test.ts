import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LINKS_RUBRIC, scorePlan } from '@links-approach/core/maturity';
import { generateDemoData } from '@links-approach/core/demo-data';
import { serializePlanDocument } from '@links-approach/core/plan';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

const SAMPLE_PATH = fileURLToPath(new URL('../../../../examples/data/sample-plan.json', import.meta.url));
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
const CAPACITY_IDS = [
  'team-wellbeing',
  'shared-learning',
  'awareness',
  'intelligence',
  'signposting',
  'problem-solving',
  'network-building',
];

/** A fixture of our own: the latest revision of a generated programme practice. */
const OWN = generateDemoData({ practices: 2, seed: 'score-cli' })
  .plans.filter((p) => p.practice.cohort === 'programme')
  .at(-1)!;

test('links score examples/data/sample-plan.json --json prints all 7 capacities with level, criteria and next step', () => {
  const bin = fileURLToPath(new URL('../../bin/links.js', import.meta.url));
  const result = spawnSync(process.execPath, [bin, 'score', SAMPLE_PATH, '--json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const doc = JSON.parse(result.stdout);
  assert.equal(doc.ok, true);
  assert.deepEqual(
    doc.capacities.map((c: { capacityId: string }) => c.capacityId),
    CAPACITY_IDS,
  );
  for (const c of doc.capacities) {
    assert.equal(typeof c.level, 'number');
    assert.equal(c.criteria.length, 16);
    for (const criterion of c.criteria)
      assert.deepEqual(Object.keys(criterion).sort(), ['id', 'level', 'met', 'reason', 'title']);
    assert.ok(c.nextStep === null || (typeof c.nextStep.criterion === 'string' && c.nextStep.level > c.level));
  }
  assert.deepEqual(doc.rubric, { id: 'links-maturity', version: '1.0.0' });
  assert.equal(doc.asOf, '2025-03-14');
});

test('the JSON is exactly the core score of the plan', async () => {
  const io = memoryIo({ 'plan.json': serializePlanDocument(OWN) });
  assert.equal(await run(['score', 'plan.json', '--json'], io), 0);
  assert.deepEqual(JSON.parse(io.out), JSON.parse(JSON.stringify({ ok: true, ...scorePlan(OWN) })));
});

test('human output: overall, a line per capacity with its next step, weakest, themes; --criteria lists every criterion', async () => {
  const io = memoryIo({ 'plan.json': SAMPLE });
  assert.equal(await run(['score', 'plan.json'], io), 0);
  assert.match(io.out, /our adaptation of the IHI Assessment Scale for Collaboratives/);
  assert.match(io.out, /^Overall: \d\.\d \(mean/m);
  assert.match(io.out, /^ {2}Network Building +0\.0 +Not addressed$/m);
  assert.match(io.out, /Next \(to reach 0\.5 Intent\): Start the plan for this capacity\./);
  assert.match(io.out, /^Weakest: /m);
  assert.match(io.out, /^Themes with agreed focus areas: \d of 5/m);
  assert.doesNotMatch(io.out, /✓/);
  const all = memoryIo({ 'plan.json': SAMPLE });
  assert.equal(await run(['score', 'plan.json', '--criteria'], all), 0);
  assert.equal(all.out.match(/^ {6}[✓✗] /gm)?.length, 7 * 16);
});

test('--as-of ignores later evidence; a malformed date is a usage error', async () => {
  const early = memoryIo({ 'plan.json': serializePlanDocument(OWN) });
  assert.equal(await run(['score', 'plan.json', '--as-of', '2022-01-31', '--json'], early), 0);
  const doc = JSON.parse(early.out);
  assert.equal(doc.asOf, '2022-01-31');
  assert.ok(doc.overall.mean < scorePlan(OWN).overall.mean);
  for (const bad of ['2024-02-30', '31/01/2024', 'soon']) {
    const io = memoryIo({ 'plan.json': SAMPLE });
    assert.equal(await run(['score', 'plan.json', '--as-of', bad], io), 2, bad);
    assert.match(io.err, /--as-of must be a real date written YYYY-MM-DD/);
  }
});

test('--rubric scores against a host rubric; an invalid rubric is refused with JSON paths', async () => {
  const rubric = {
    ...structuredClone(LINKS_RUBRIC),
    id: 'strict',
    version: '2.0.0',
    parameters: { sustainedPoints: 100, outstandingPoints: 200 },
  };
  const io = memoryIo({ 'plan.json': SAMPLE, 'rubric.json': JSON.stringify(rubric) });
  assert.equal(await run(['score', 'plan.json', '--rubric', 'rubric.json', '--json'], io), 0);
  const doc = JSON.parse(io.out);
  assert.deepEqual(doc.rubric, { id: 'strict', version: '2.0.0' });
  assert.ok(
    doc.capacities.every((c: { level: number }) => c.level <= 4),
    'nothing is sustained over 100 points',
  );

  const broken = structuredClone(LINKS_RUBRIC) as unknown as { levels: { criteria: string[] }[] };
  broken.levels[2]!.criteria = ['no-such-thing'];
  const bad = memoryIo({ 'plan.json': SAMPLE, 'rubric.json': JSON.stringify(broken) });
  assert.equal(await run(['score', 'plan.json', '--rubric', 'rubric.json', '--json'], bad), 1);
  const errors = JSON.parse(bad.out);
  assert.equal(errors.ok, false);
  assert.equal(errors.errors[0].path, 'levels[2].criteria[0]');
  assert.match(errors.errors[0].message, /is not a known criterion: "no-such-thing"/);
});

test('an invalid plan exits 1 with { path, message } errors only; a missing file too', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.capacities.signposting.measures[0].points[0].value = 'many';
  const io = memoryIo({ 'plan.json': JSON.stringify(doc) });
  assert.equal(await run(['score', 'plan.json', '--json'], io), 1);
  const out = JSON.parse(io.out);
  assert.equal(out.ok, false);
  assert.deepEqual(Object.keys(out.errors[0]).sort(), ['message', 'path']);
  assert.match(out.errors[0].path, /^capacities\.signposting\.measures\[0\]\.points\[0\]\.value$/);
  const missing = memoryIo();
  assert.equal(await run(['score', 'nope.json'], missing), 1);
  assert.match(missing.out, /cannot read "nope\.json": no such file/);
  const usage = memoryIo();
  assert.equal(await run(['score'], usage), 2);
});
