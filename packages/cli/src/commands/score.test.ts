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
    for (const criterion of c.criteria) {
      // The reason in English, and the same as a stable code with its parameters (for other languages).
      assert.deepEqual(Object.keys(criterion).sort(), [
        'id',
        'level',
        'messageCode',
        'met',
        'params',
        'reason',
        'title',
      ]);
      assert.match(criterion.messageCode, /^maturity\.[a-z-]+$/);
    }
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

test('an invalid plan exits 1 with { path, message, code } errors only; a missing file too', async () => {
  const doc = JSON.parse(SAMPLE);
  doc.capacities.signposting.measures[0].points[0].value = 'many';
  const io = memoryIo({ 'plan.json': JSON.stringify(doc) });
  assert.equal(await run(['score', 'plan.json', '--json'], io), 1);
  const out = JSON.parse(io.out);
  assert.equal(out.ok, false);
  assert.deepEqual(Object.keys(out.errors[0]).sort(), ['code', 'message', 'path']);
  assert.equal(out.errors[0].code, 'wrong-type');
  assert.match(out.errors[0].path, /^capacities\.signposting\.measures\[0\]\.points\[0\]\.value$/);
  const missing = memoryIo();
  assert.equal(await run(['score', 'nope.json'], missing), 1);
  assert.match(missing.out, /cannot read "nope\.json": no such file/);
  const usage = memoryIo();
  assert.equal(await run(['score'], usage), 2);
});

const month = (i: number) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;

/** A plan document whose signposting capacity has everything up to a studied PDSA cycle, and one measure. */
function planDocument(shape: {
  values: readonly number[];
  direction?: 'increase' | 'decrease';
  changeAt?: number;
  baseline?: number;
  target?: number;
}): string {
  const changeAt = shape.changeAt ?? 1;
  const direction = shape.direction ?? 'increase';
  return JSON.stringify({
    kind: 'links.plan',
    schemaVersion: 2,
    id: 'plan-1',
    practice: { id: 'practice-1', name: 'Parkhead Health Centre', cohort: 'programme', listSize: 6200 },
    framework: { id: 'links-approach', version: '1.0.0' },
    title: 'Links business plan',
    status: 'agreed',
    revision: 1,
    savedAt: `${month(Math.max(shape.values.length - 1, changeAt))}T12:00:00Z`,
    savedBy: 'Practice manager',
    capacities: {
      signposting: {
        owner: { role: 'Community Links Practitioner' },
        team: ['Reception lead'],
        aims: [
          {
            id: 'aim-1',
            statement: 'More people are offered information about local support.',
            target: shape.target ?? (direction === 'increase' ? 1000 : 0),
            unit: 'signposts',
            targetDate: '2030-12-31',
            measureId: 'm-1',
          },
        ],
        measures: [
          {
            id: 'm-1',
            name: 'Signposts recorded',
            kind: 'outcome',
            unit: 'signposts',
            direction,
            ...(shape.baseline !== undefined ? { baseline: { value: shape.baseline } } : {}),
            points: shape.values.map((value, i) => ({ date: month(i), value })),
          },
        ],
        changeIdeas: [
          {
            id: 'ci-1',
            title: 'ALISS search at reception',
            cycles: [
              {
                id: 'cy-1',
                plan: 'Try it on Mondays',
                prediction: 'More signposts',
                startDate: month(changeAt),
                do: 'Done',
                study: 'As predicted',
                act: 'adopt',
                completedDate: month(changeAt),
              },
            ],
          },
        ],
        evidence: [],
      },
    },
    themes: {},
  });
}

async function scoreSignposting(document: string) {
  const io = memoryIo({ 'plan.json': document });
  assert.equal(await run(['score', 'plan.json', '--json'], io), 0, io.err);
  const doc = JSON.parse(io.out);
  assert.equal(doc.ok, true);
  return doc.capacities.find((c: { capacityId: string }) => c.capacityId === 'signposting') as {
    level: number;
    nextStep: { reason: string } | null;
  };
}

test('links score --json: a measure that deteriorates in any shape never lifts its capacity to Improvement (3.5)', async () => {
  const shapes = {
    'issue 13: 30 ×6 then 11 ×6': { values: [30, 30, 30, 30, 30, 30, 11, 11, 11, 11, 11, 11] },
    'issue 13: a steady fall from 30 to 11 over 20 months, target 11': {
      values: Array.from({ length: 20 }, (_, i) => 30 - i),
      baseline: 30,
      target: 11,
    },
    'a rise then a fall': { values: [10, 12, 14, 16, 18, 20, 22, 20, 17, 14, 11, 8, 6, 5], baseline: 10 },
    'a steady decline': { values: Array.from({ length: 18 }, (_, i) => 40 - 2 * i), baseline: 40 },
    'a late collapse': { values: [10, 11, 10, 12, 15, 18, 20, 21, 20, 22, 4, 3, 4, 3, 2, 3], baseline: 10 },
    'a "decrease" measure that rises': {
      values: [2, 2, 2, 5, 2, 2, 2, 8, 8, 8, 8, 8, 5],
      direction: 'decrease' as const,
      changeAt: 7,
    },
  };
  for (const [name, shape] of Object.entries(shapes)) {
    const signposting = await scoreSignposting(planDocument(shape));
    assert.ok(signposting.level < 3.5, `${name}: ${signposting.level}`);
    assert.match(
      signposting.nextStep?.reason ?? '',
      /the measure has moved against its aim since \d{4}-\d\d-\d\d/,
      name,
    );
  }
});

test('links score --json: a sustained improvement after the baseline still reaches Improvement (3.5) or above', async () => {
  const rising = await scoreSignposting(
    planDocument({ values: [10, 11, 9, 10, 13, 15, 16, 18, 18, 19, 20, 21], changeAt: 4, baseline: 10 }),
  );
  assert.equal(rising.level, 3.5);
  const falling = await scoreSignposting(
    planDocument({ values: [30, 31, 29, 30, 26, 22, 20, 18, 18, 17, 16, 15], direction: 'decrease', changeAt: 4 }),
  );
  assert.equal(falling.level, 3.5);
});
