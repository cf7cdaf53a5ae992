import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replay, toNdjson, type ReferralEventsDocument } from '@links-approach/core/referral';
import { type toFhirBundle } from '@links-approach/core/fhir';

type Bundle = ReturnType<typeof toFhirBundle>;
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

const samplePath = fileURLToPath(new URL('../../../../examples/data/sample-referrals.json', import.meta.url));
const sample = readFileSync(samplePath, 'utf8');
const doc = JSON.parse(sample) as ReferralEventsDocument;
const referralCount = replay(doc.events).state.referrals.length;

test('links fhir --json: one Bundle per referral, refused events listed', async () => {
  const io = memoryIo({ 'events.json': sample });
  assert.equal(await run(['fhir', 'events.json', '--json'], io), 0);
  const out = JSON.parse(io.out);
  assert.equal(out.ok, true);
  assert.equal(out.referrals, referralCount);
  assert.equal(out.bundles.length, referralCount);
  for (const bundle of out.bundles as Bundle[]) {
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    const types = bundle.entry!.map((e) => e.resource!.resourceType);
    assert.deepEqual(types.slice(0, 3), ['ServiceRequest', 'Task', 'PractitionerRole']);
  }
  assert.ok(out.rejected.length > 0, 'the sample holds refused events');
  assert.ok(out.rejected.every((r: { reason: string }) => r.reason.length > 0));
  assert.equal(io.err, '', 'nothing on stderr with --json');
});

test('links fhir --out writes NDJSON, one Bundle per line; --combine writes one Bundle', async () => {
  const io = memoryIo({ 'events.ndjson': toNdjson(doc.events) });
  assert.equal(await run(['fhir', 'events.ndjson', '--out', 'out/bundles.ndjson'], io), 0);
  const lines = io.files['out/bundles.ndjson']!.trimEnd().split('\n');
  assert.equal(lines.length, referralCount);
  assert.equal((JSON.parse(lines[0]!) as Bundle).resourceType, 'Bundle');
  assert.match(
    io.out,
    new RegExp(
      `Wrote ${referralCount} FHIR Bundles \\(${referralCount} referrals, \\d+ resources\\) to out/bundles.ndjson as NDJSON`,
    ),
  );
  assert.match(io.out, /refused by the referral workflow/);

  const combined = memoryIo({ 'events.json': sample });
  assert.equal(await run(['fhir', 'events.json', '--combine', '--out', 'all.json', '--json'], combined), 0);
  const bundle = JSON.parse(combined.files['all.json']!) as Bundle;
  assert.equal(bundle.entry!.filter((e) => e.resource!.resourceType === 'Task').length, referralCount);
  assert.equal(JSON.parse(combined.out).out, 'all.json');
});

test('links fhir prints the FHIR to standard output, and selects referrals', async () => {
  const first = doc.events[0]!.referralId;
  const io = memoryIo({ 'events.json': sample });
  assert.equal(
    await run(
      ['fhir', 'events.json', '--referral', first, '--system-base', 'https://fhir.example.org/links', '--combine'],
      io,
    ),
    0,
  );
  const bundle = JSON.parse(io.out) as Bundle;
  const task = bundle.entry!.find((e) => e.resource!.resourceType === 'Task')!.resource as {
    identifier: { system: string; value: string }[];
  };
  assert.deepEqual(task.identifier, [{ system: 'https://fhir.example.org/links/id/referral', value: first }]);
  assert.match(io.err, /refused by the referral workflow/, 'warnings go to stderr, not into the FHIR');
});

test('links fhir: usage and input errors keep the CLI contract', async () => {
  const io = memoryIo({
    'events.json': sample,
    'bad.json': '{"kind":"links.referral-events","schemaVersion":1,"events":[{"type":"created"}]}',
  });
  assert.equal(await run(['fhir', 'events.json', '--referral', 'nope', '--json'], io), 2);
  assert.deepEqual(JSON.parse(io.out), {
    ok: false,
    errors: [{ path: '--referral', message: '--referral: there is no referral "nope" in events.json', code: 'usage' }],
  });

  const badBase = memoryIo({ 'events.json': sample });
  assert.equal(await run(['fhir', 'events.json', '--system-base', 'not a url'], badBase), 2);

  const bad = memoryIo({
    'bad.json': '{"kind":"links.referral-events","schemaVersion":1,"events":[{"type":"created"}]}',
  });
  assert.equal(await run(['fhir', 'bad.json', '--json'], bad), 1);
  const out = JSON.parse(bad.out);
  assert.equal(out.ok, false);
  assert.ok(out.errors.some((e: { path: string }) => e.path.startsWith('events[0]')));

  const missing = memoryIo();
  assert.equal(await run(['fhir', 'missing.json'], missing), 1);
});
