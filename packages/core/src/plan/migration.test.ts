/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely to break them */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatIssues, migratePlanDocument, parsePlanDocument, planToV1, type PlanDocumentV1 } from '../test-all.js';

/** A schemaVersion 1 document using every field of the old format. */
const V1_DOCUMENT: PlanDocumentV1 = {
  kind: 'links.plan',
  schemaVersion: 1,
  id: 'plan-springburn-2022',
  practice: {
    id: 'springburn-hc',
    name: 'Springburn Health Centre (fictional)',
    cohort: 'programme',
    listSize: 9700,
    locality: 'Glasgow City HSCP, North East',
  },
  frameworkVersion: '1.0.0',
  title: 'Springburn Links plan 2022',
  status: 'review',
  revision: 4,
  savedAt: '2022-11-30T10:15:00Z',
  savedBy: 'Community Links Practitioner',
  capacities: [
    {
      capacity: 'team-wellbeing',
      lead: 'Practice manager',
      leadName: 'Morag Campbell',
      team: ['Practice manager', 'Lead GP'],
      aims: [
        {
          id: 'aim-1',
          statement: 'Staff feel able to cope.',
          target: '70 %',
          targetDate: '2023-12-31',
          measure: 'pulse',
        },
        { id: 'aim-2', statement: 'Fewer days lost to sickness.', target: '-3.5 days per month' },
        { id: 'aim-3', statement: 'Twelve huddles a month.', target: '12' },
      ],
      measures: [
        {
          id: 'pulse',
          name: '% of staff able to cope',
          type: 'outcome',
          unit: '%',
          higherIsBetter: true,
          baseline: 41,
          baselineDate: '2022-03-01',
          data: [
            { date: '2022-04-01', value: 44 },
            { date: '2022-05-01', value: 47.5, note: 'Huddle started' },
          ],
        },
        {
          id: 'absence',
          name: 'Sickness absence',
          type: 'balancing',
          unit: 'days',
          higherIsBetter: false,
          baseline: 19,
          data: [],
        },
      ],
      changeIdeas: [
        {
          id: 'huddle',
          title: 'Daily huddle',
          description: 'Ten minutes before surgery.',
          cycles: [
            {
              id: 'c1',
              plan: 'Huddle at 08:30',
              prediction: '8 of 12 attend',
              started: '2022-04-04',
              did: 'Held 9 of 10 days',
              studied: '7 of 12 came',
              decision: 'adapt',
              finished: '2022-04-15',
            },
            {
              id: 'c2',
              plan: 'Huddle at 08:45',
              prediction: '10 of 12 attend',
              started: '2022-05-02',
              did: 'Every day',
              studied: '11 of 12 came',
              decision: 'adopt',
              finished: '2022-05-27',
            },
          ],
          spreadDate: '2022-09-01',
          spreadNote: 'In the induction pack.',
        },
      ],
      evidence: [{ id: 'e1', date: '2022-10-01', text: 'Staff survey results.' }],
      selfAssessment: 3.5,
    },
    {
      capacity: 'signposting',
      lead: 'Reception supervisor',
      team: [],
      aims: [],
      measures: [],
      changeIdeas: [],
      evidence: [],
    },
    {
      capacity: 'awareness',
      team: [],
      aims: [],
      measures: [],
      changeIdeas: [
        { id: 'x', title: 'Training', cycles: [{ id: 'c1', plan: 'p', prediction: 'q', started: '2022-06-01' }] },
      ],
      evidence: [],
    },
  ],
  themes: [
    { theme: 'navigating-systems', focus: ['Benefits and housing', 'Council tax reduction'] },
    { theme: 'dying-well', focus: [] },
  ],
};

test('a schemaVersion 1 document migrates to the current format with every field in its new place', () => {
  const result = parsePlanDocument(structuredClone(V1_DOCUMENT));
  assert.ok(result.ok, result.ok ? '' : formatIssues(result.errors));
  const plan = result.value;
  assert.equal(plan.schemaVersion, 2);
  assert.equal(plan.status, 'under-review');
  assert.deepEqual(plan.framework, { id: 'links-approach', version: '1.0.0' });
  assert.deepEqual(Object.keys(plan.capacities), ['team-wellbeing', 'signposting', 'awareness']);
  const tw = plan.capacities['team-wellbeing']!;
  assert.deepEqual(tw.owner, { role: 'Practice manager', name: 'Morag Campbell' });
  assert.deepEqual(tw.aims[0], {
    id: 'aim-1',
    statement: 'Staff feel able to cope.',
    target: 70,
    unit: '%',
    targetDate: '2023-12-31',
    measureId: 'pulse',
  });
  assert.deepEqual(tw.aims[1], {
    id: 'aim-2',
    statement: 'Fewer days lost to sickness.',
    target: -3.5,
    unit: 'days per month',
  });
  assert.deepEqual(tw.aims[2], { id: 'aim-3', statement: 'Twelve huddles a month.', target: 12 });
  assert.deepEqual(tw.measures[0]!.baseline, { value: 41, date: '2022-03-01' });
  assert.equal(tw.measures[0]!.direction, 'increase');
  assert.equal(tw.measures[1]!.direction, 'decrease');
  assert.deepEqual(tw.changeIdeas[0]!.cycles[1], {
    id: 'c2',
    plan: 'Huddle at 08:45',
    prediction: '10 of 12 attend',
    startDate: '2022-05-02',
    do: 'Every day',
    study: '11 of 12 came',
    act: 'adopt',
    completedDate: '2022-05-27',
  });
  assert.deepEqual(tw.changeIdeas[0]!.spread, { date: '2022-09-01', note: 'In the induction pack.' });
  assert.equal(tw.selfAssessedLevel, 3.5);
  assert.deepEqual(plan.themes['navigating-systems']!.focusAreas, [
    { id: 'focus-1', text: 'Benefits and housing', capacities: [] },
    { id: 'focus-2', text: 'Council tax reduction', capacities: [] },
  ]);
});

test('v1 → v2 → v1 is lossless for the fixture, byte for byte', () => {
  const migrated = migratePlanDocument(structuredClone(V1_DOCUMENT));
  assert.ok(migrated.ok);
  const back = planToV1(migrated.value);
  assert.ok(back.ok, back.ok ? '' : formatIssues(back.errors));
  assert.deepEqual(back.value, V1_DOCUMENT);
  assert.equal(JSON.stringify(sortKeys(back.value)), JSON.stringify(sortKeys(V1_DOCUMENT)));
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

// Arbitrary valid v1 documents for the property test.
const text = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const unit = fc.constantFrom('%', 'days', 'referrals per month', 'resources', '£', 'people seen 3+ times');
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,4}){0,2}$/);
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
// v1 targets are plainly written decimals ("12", "-3.5", "0.25"): that is what the v1 format allowed.
const plainNumber = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((n) => n / 100);
const target = fc
  .tuple(plainNumber, fc.option(unit, { nil: undefined }))
  .map(([n, u]) => (u === undefined ? String(n) : `${String(n)} ${u}`));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const cycle = fc
  .record({
    id,
    plan: text,
    prediction: text,
    started: date,
    did: optional(text),
    studied: optional(text),
    decision: optional(fc.constantFrom('adopt', 'adapt', 'abandon')),
    finished: optional(date),
  })
  .map(strip);
const capacity = fc
  .record({
    capacity: id,
    lead: optional(text),
    leadName: optional(text),
    team: fc.array(text, { maxLength: 3 }),
    aims: fc.uniqueArray(
      fc
        .record({ id, statement: text, target: optional(target), targetDate: optional(date), measure: optional(id) })
        .map(strip),
      { selector: (a) => a.id, maxLength: 3 },
    ),
    measures: fc.uniqueArray(
      fc
        .record({
          id,
          name: text,
          type: fc.constantFrom('outcome', 'process', 'balancing'),
          unit,
          higherIsBetter: fc.boolean(),
          baseline: optional(number),
          baselineDate: optional(date),
          data: fc.array(fc.record({ date, value: number, note: optional(text) }).map(strip), { maxLength: 4 }),
        })
        .map(strip)
        .map((m) => (m.baseline === undefined ? strip({ ...m, baselineDate: undefined }) : m)),
      { selector: (m) => m.id, maxLength: 2 },
    ),
    changeIdeas: fc.array(
      fc
        .record({
          id,
          title: text,
          description: optional(text),
          cycles: fc.array(cycle, { maxLength: 3 }),
          spread: optional(fc.tuple(date, text)),
        })
        .map(({ spread, ...rest }) => strip({ ...rest, spreadDate: spread?.[0], spreadNote: spread?.[1] })),
      { maxLength: 2 },
    ),
    evidence: fc.array(fc.record({ id, date, text }), { maxLength: 2 }),
    selfAssessment: optional(fc.integer({ min: 0, max: 10 }).map((n) => n / 2)),
  })
  .map(strip)
  .map((c) => (c.lead === undefined ? strip({ ...c, leadName: undefined }) : c));

const v1Document = fc
  .record({
    kind: fc.constant('links.plan' as const),
    schemaVersion: fc.constant(1 as const),
    id,
    practice: fc
      .record({
        id,
        name: text,
        cohort: fc.constantFrom('programme', 'comparison'),
        listSize: fc.integer({ min: 0, max: 1_000_000 }),
        locality: optional(text),
      })
      .map(strip),
    frameworkVersion: fc.constantFrom('1.0.0', '1.2.3'),
    title: text,
    status: fc.constantFrom('draft', 'submitted', 'agreed', 'review'),
    revision: fc.nat(),
    savedAt: date.map((d) => `${d}T08:00:00Z`),
    savedBy: fc.constantFrom('Practice manager', 'CLP', 'Lead GP'),
    capacities: fc.uniqueArray(capacity, { selector: (c) => c.capacity, maxLength: 4 }),
    themes: fc.uniqueArray(fc.record({ theme: id, focus: fc.array(text, { maxLength: 3 }) }), {
      selector: (t) => t.theme,
      maxLength: 3,
    }),
  })
  .map((doc) => doc as unknown as PlanDocumentV1);

test('property: every valid v1 document survives v1 → v2 → v1 unchanged', () => {
  fc.assert(
    fc.property(v1Document, (doc) => {
      const input = JSON.parse(JSON.stringify(doc)) as unknown;
      const migrated = migratePlanDocument(input);
      if (!migrated.ok) throw new Error(formatIssues(migrated.errors));
      const back = planToV1(migrated.value);
      if (!back.ok) throw new Error(formatIssues(back.errors));
      assert.deepEqual(back.value, input);
    }),
    { numRuns: 300 },
  );
});

test('v1 errors carry v1 paths; v1 rules are enforced', () => {
  const broken = structuredClone(V1_DOCUMENT) as any;
  broken.capacities[0].aims[0].target = 'about 70%';
  broken.capacities[0].measures[1].baselineDate = '2022-03-01';
  delete broken.capacities[0].measures[1].baseline;
  const result = migratePlanDocument(broken);
  assert.ok(!result.ok);
  assert.deepEqual(
    result.errors.map((e) => e.path),
    ['capacities[0].aims[0].target'],
  );
  assert.match(result.errors[0]!.message, /a number written plainly/);

  broken.capacities[0].aims[0].target = '70.0 %';
  assert.equal(migratePlanDocument(broken).ok, false, '"70.0" is not written plainly (it would come back as "70")');
  broken.capacities[0].aims[0].target = '70 %';
  const rules = migratePlanDocument(broken);
  assert.ok(!rules.ok);
  assert.deepEqual(rules.errors, [
    {
      path: 'capacities[0].measures[1].baselineDate',
      message: 'needs a baseline value as well',
      messageCode: 'plan-document.v1-baseline-required',
      params: {},
      code: 'invalid',
    },
  ]);

  const dup = structuredClone(V1_DOCUMENT) as any;
  dup.capacities[1].capacity = 'team-wellbeing';
  const dupResult = migratePlanDocument(dup);
  assert.ok(!dupResult.ok);
  assert.equal(dupResult.errors[0]!.code, 'duplicate');
});

test('planToV1 refuses what v1 cannot hold, and says where', () => {
  const sample = parsePlanDocument(
    JSON.parse(readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8')),
  );
  assert.ok(sample.ok);
  const result = planToV1(sample.value);
  assert.ok(!result.ok);
  assert.ok(result.errors.every((e) => e.code === 'version'));
  assert.ok(result.errors.some((e) => e.path === 'themes.adapting-to-diagnosis.focusAreas[0].capacities'));
});
