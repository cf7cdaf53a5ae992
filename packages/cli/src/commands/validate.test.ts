/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON documents freely to break them */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';
import { COMMANDS } from './index.js';
import { createValidateCommand, planValidator, type DocumentValidator } from './validate.js';

const SAMPLE_PATH = fileURLToPath(new URL('../../../../examples/data/sample-plan.json', import.meta.url));
const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');

function broken(edit: (doc: any) => void): string {
  const doc = JSON.parse(SAMPLE);
  edit(doc);
  return JSON.stringify(doc);
}

test('links validate is registered and a valid plan exits 0 with { ok: true, kind: "links.plan", … }', async () => {
  assert.ok(COMMANDS.some((c) => c.name === 'validate'));
  const io = memoryIo({ 'plan.json': SAMPLE });
  assert.equal(await run(['validate', 'plan.json', '--json'], io), 0);
  const doc = JSON.parse(io.out);
  assert.equal(doc.ok, true);
  assert.equal(doc.kind, 'links.plan');
  assert.equal(doc.schemaVersion, 2);
  assert.equal(doc.practice.name, 'Springburn Health Centre (fictional)');
  assert.deepEqual(doc.counts, {
    capacities: 7,
    capacitiesAddressed: 6,
    aims: 5,
    measures: 6,
    dataPoints: 57,
    changeIdeas: 5,
    pdsaCycles: 5,
    evidence: 3,
    focusAreas: 5,
  });
  assert.equal(io.err, '');

  const human = memoryIo({ 'plan.json': SAMPLE });
  assert.equal(await run(['validate', 'plan.json'], human), 0);
  assert.match(human.out, /^plan\.json is a valid business plan \(links\.plan, schemaVersion 2\)$/m);
  assert.match(human.out, /6 of 7 capacities addressed/);
});

test('an invalid plan exits 1 with every problem at its JSON path, only { path, message, code } per error', async () => {
  const text = broken((doc) => {
    doc.capacities.signposting.aims[0].target = 'thirty';
    doc.capacities['team-wellbeing'].measures[0].points[2].date = '2023-02-30';
    doc.capacities.intelligence.aims[0].measureId = 'nope';
  });
  const io = memoryIo({ 'plan.json': text });
  assert.equal(await run(['validate', 'plan.json', '--json'], io), 1);
  const doc = JSON.parse(io.out);
  assert.equal(doc.ok, false);
  assert.deepEqual(doc.errors, [
    {
      path: 'capacities.team-wellbeing.measures[0].points[2].date',
      message: 'must be a real calendar date written YYYY-MM-DD',
      code: 'not-a-date',
    },
    { path: 'capacities.signposting.aims[0].target', message: 'must be a number, not text', code: 'wrong-type' },
  ]);

  // Cross-field rules are reported once the shape is right.
  const rules = memoryIo({ 'plan.json': broken((doc) => (doc.capacities.intelligence.aims[0].measureId = 'nope')) });
  assert.equal(await run(['validate', 'plan.json'], rules), 1);
  assert.equal(
    rules.out,
    'plan.json is not valid:\n  capacities.intelligence.aims[0].measureId: names the measure "nope", which this capacity does not have\n',
  );
});

test('kind decides the format: frameworks validate too; unknown or missing kinds, newer versions and bad JSON exit 1', async () => {
  const fw = memoryIo({ 'fw.json': JSON.stringify(LINKS_FRAMEWORK) });
  assert.equal(await run(['validate', 'fw.json', '--json'], fw), 0);
  assert.equal(JSON.parse(fw.out).kind, 'links.framework');

  const cases: [string, string, string][] = [
    [
      JSON.stringify({ kind: 'links.referral-event' }),
      'kind',
      'is "links.referral-event", which links validate does not know (it knows "links.plan", "links.framework")',
    ],
    [JSON.stringify({ title: 'x' }), 'kind', 'is required: links validate knows "links.plan", "links.framework"'],
    ['[1,2]', '', 'must be a Links document: a JSON object with a "kind" ("links.plan", "links.framework")'],
    [
      broken((doc) => (doc.schemaVersion = 9)),
      'schemaVersion',
      'schemaVersion 9 is newer than this library understands (2)',
    ],
    ['{"kind": "links.plan", ', '', ''],
  ];
  for (const [text, path, message] of cases) {
    const io = memoryIo({ 'f.json': text });
    assert.equal(await run(['validate', 'f.json', '--json'], io), 1, text.slice(0, 40));
    const out = JSON.parse(io.out);
    assert.equal(out.ok, false);
    assert.equal(out.errors[0].path, path);
    if (message) assert.equal(out.errors[0].message, message);
    else assert.match(out.errors[0].message, /is not valid JSON/);
  }
  const missing = memoryIo();
  assert.equal(await run(['validate', 'missing.json', '--json'], missing), 1);
  assert.deepEqual(JSON.parse(missing.out).errors, [
    { path: '', message: 'cannot read "missing.json": no such file', code: 'invalid' },
  ]);
});

test('a schemaVersion 1 plan validates through the migration and says so', async () => {
  const v1 = {
    kind: 'links.plan',
    schemaVersion: 1,
    id: 'old',
    practice: { id: 'p', name: 'Old Practice', cohort: 'comparison', listSize: 3000 },
    frameworkVersion: '1.0.0',
    title: 'Old plan',
    status: 'review',
    revision: 2,
    savedAt: '2022-01-01T00:00:00Z',
    savedBy: 'CLP',
    capacities: [
      {
        capacity: 'signposting',
        lead: 'CLP',
        team: [],
        aims: [{ id: 'a', statement: 's', target: '20 referrals' }],
        measures: [],
        changeIdeas: [],
        evidence: [],
      },
    ],
    themes: [],
  };
  const io = memoryIo({ 'old.json': JSON.stringify(v1) });
  assert.equal(await run(['validate', 'old.json', '--json'], io), 0);
  const out = JSON.parse(io.out);
  assert.equal(out.schemaVersion, 1);
  assert.equal(out.migratedFrom, 1);
  assert.equal(out.status, 'under-review');
});

test('--framework checks plan ids against a revised framework', async () => {
  const revised = structuredClone(LINKS_FRAMEWORK) as any;
  revised.version = '2.0.0';
  revised.capacities.push({
    id: 'digital-inclusion',
    name: 'Digital Inclusion',
    description: 'Help people get online.',
  });
  const plan = broken(
    (doc) =>
      (doc.capacities['digital-inclusion'] = { team: [], aims: [], measures: [], changeIdeas: [], evidence: [] }),
  );
  const io = memoryIo({ 'plan.json': plan, 'fw.json': JSON.stringify(revised) });
  assert.equal(await run(['validate', 'plan.json', '--json'], io), 1);
  assert.deepEqual(JSON.parse(io.out).errors, [
    {
      path: 'capacities.digital-inclusion',
      message: 'is not a capacity of the framework links-approach 1.0.0',
      code: 'not-found',
    },
  ]);
  const io2 = memoryIo({ 'plan.json': plan, 'fw.json': JSON.stringify(revised) });
  assert.equal(await run(['validate', 'plan.json', '--framework', 'fw.json', '--json'], io2), 0);
  const io3 = memoryIo({ 'plan.json': plan, 'fw.json': '{"kind":"links.framework"}' });
  assert.equal(await run(['validate', 'plan.json', '--framework', 'fw.json'], io3), 1);
  assert.match(io3.out, /^fw\.json is not valid:/);
});

test('usage errors exit 2: no file, two files, unknown option', async () => {
  for (const argv of [['validate'], ['validate', 'a.json', 'b.json'], ['validate', 'a.json', '--bogus']]) {
    const io = memoryIo();
    assert.equal(await run(argv, io), 2, argv.join(' '));
    assert.match(io.err, /^links: validate: /);
  }
});

test('other document kinds join by adding a validator', async () => {
  const referral: DocumentValidator = {
    kind: 'links.referral-events',
    validate: (input) =>
      Array.isArray((input as { events?: unknown }).events)
        ? {
            ok: true,
            value: {
              headline: 'a valid referral history',
              details: [],
              fields: { events: (input as { events: unknown[] }).events.length },
            },
          }
        : { ok: false, errors: [{ path: 'events', message: 'is required' }] },
  };
  const command = createValidateCommand([planValidator, referral]);
  const io = memoryIo({ 'r.json': JSON.stringify({ kind: 'links.referral-events', events: [1, 2] }) });
  assert.equal(await run(['validate', 'r.json', '--json'], io, [command]), 0);
  assert.deepEqual(JSON.parse(io.out), { ok: true, kind: 'links.referral-events', file: 'r.json', events: 2 });
});

test('the real links bin validates the sample plan (exit 0) and a broken copy (exit 1)', () => {
  const bin = fileURLToPath(new URL('../../bin/links.js', import.meta.url));
  const ok = spawnSync(process.execPath, [bin, 'validate', SAMPLE_PATH, '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).kind, 'links.plan');
  const dir = mkdtempSync(join(tmpdir(), 'links-validate-'));
  try {
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      broken((doc) => (doc.capacities.signposting.aims[0].target = 'thirty')),
    );
    const bad = spawnSync(process.execPath, [bin, 'validate', file], { encoding: 'utf8' });
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /capacities\.signposting\.aims\[0\]\.target: must be a number, not text/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
