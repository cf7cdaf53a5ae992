import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { toNdjson, type ReferralEventsDocument } from '@links-approach/core/referral';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

const samplePath = fileURLToPath(new URL('../../../../examples/data/sample-referrals.json', import.meta.url));
const sample = readFileSync(samplePath, 'utf8');
const doc = JSON.parse(sample) as ReferralEventsDocument;

test('links referral --json replays the sample: every status, refused events with reasons, duplicates, figures', async () => {
  const io = memoryIo({ 'sample.json': sample });
  assert.equal(await run(['referral', 'sample.json', '--json'], io), 0);
  const out = JSON.parse(io.out);
  assert.equal(out.ok, true);
  assert.equal(out.events, doc.events.length);
  assert.equal(out.applied + out.rejected.length, out.events);
  assert.equal(out.asOf, '2025-03-28T10:05:00.000Z', 'as of the latest event by default');
  assert.deepEqual(
    new Set(out.referrals.map((r: { status: string }) => r.status)),
    new Set([
      'draft',
      'requested',
      'accepted',
      'rejected',
      'in-progress',
      'on-hold',
      'completed',
      'failed',
      'cancelled',
      'entered-in-error',
    ]),
  );
  assert.deepEqual(out.rejected.map((r: { code: string }) => r.code).sort(), [
    'do-not-contact',
    'out-of-order',
    'outcome-required',
    'reason-required',
    'referral-finished',
    'referral-finished',
    'role-not-allowed',
  ]);
  const refused = out.rejected.find((r: { code: string }) => r.code === 'role-not-allowed');
  assert.deepEqual(refused, {
    index: refused.index,
    eventId: 'ref-sb-006-02',
    referralId: 'ref-sb-006',
    type: 'status-changed',
    at: '2025-03-24T09:00:00Z',
    code: 'role-not-allowed',
    reason: 'Only the Community Links Practitioner may accept a referral; this event came from the referrer.',
  });
  const overdue = out.referrals.find((r: { id: string }) => r.id === 'ref-sb-003');
  assert.equal(overdue.overdue, true);
  assert.equal(overdue.timeline, undefined, 'summaries leave the timeline out');
  assert.equal(overdue.events, 1);
  assert.deepEqual(out.duplicates, [{ person: 'pt-sb-2c71', referralIds: ['ref-sb-002', 'ref-sb-004'] }]);
  assert.equal(out.metrics.byStatus.completed, 2);
  assert.equal(out.metrics.overdue, 1);
  assert.equal(io.err, '');
});

test('links referral reads NDJSON and prints a readable report', async () => {
  const io = memoryIo({ 'events.ndjson': toNdjson(doc.events) });
  assert.equal(await run(['referral', 'events.ndjson', '--as-of', '2025-04-30'], io), 0);
  assert.match(
    io.out,
    /^events\.ndjson: 74 events, 67 applied, 7 refused; 13 referrals \(as of 2025-04-30 00:00 UTC\)/,
  );
  assert.match(io.out, /ref-sb-004 +Requested, OVERDUE/, 'a later --as-of makes the second request overdue too');
  assert.match(
    io.out,
    /\[reason-required\]: A reason is required to mark a referral "rejected": choose one of not-suitable, /,
  );
  assert.match(io.out, /pt-sb-2c71: ref-sb-002, ref-sb-004/);
  assert.match(io.out, /People seen 3 or more times: 1 of 9 \(11%\)/);
});

test('--message-back prints the summary for the GP and referrer', async () => {
  const io = memoryIo({ 'sample.json': sample });
  assert.equal(await run(['referral', 'sample.json', '--message-back', 'ref-sb-001'], io), 0);
  assert.match(io.out, /Community Links Practitioner: message back\nReferral ref-sb-001 for person pt-sb-4f1a/);
  assert.match(io.out, /- Springburn Park walking group: signposted, attending/);
  const json = memoryIo({ 'sample.json': sample });
  assert.equal(await run(['referral', 'sample.json', '--message-back', 'ref-sb-013', '--json'], json), 0);
  assert.equal(JSON.parse(json.out).messageBack.data.detailsShared, false);
  const missing = memoryIo({ 'sample.json': sample });
  assert.equal(await run(['referral', 'sample.json', '--message-back', 'nope'], missing), 2);
});

test('a file that is not a valid events document exits 1 with JSON paths or line numbers', async () => {
  const broken = structuredClone(doc) as { events: Record<string, unknown>[] };
  broken.events[12]!.at = 'last Tuesday';
  const io = memoryIo({ 'bad.json': JSON.stringify(broken) });
  assert.equal(await run(['referral', 'bad.json', '--json'], io), 1);
  assert.deepEqual(JSON.parse(io.out), {
    ok: false,
    errors: [
      {
        path: 'events[12].at',
        message: 'must be a date and time written like 2024-05-01T09:30:00Z',
        code: 'not-a-date-time',
      },
    ],
  });
  const lines = toNdjson(doc.events).split('\n');
  const at = lines.findIndex((line, i) => i > 2 && line.includes('"person":"pt-sb-'));
  lines[at] = lines[at]!.replace('"person":"pt-sb-', '"person":"Mary Smith ');
  const nd = memoryIo({ 'bad.ndjson': lines.join('\n') });
  assert.equal(await run(['referral', 'bad.ndjson'], nd), 1);
  assert.match(
    nd.out,
    new RegExp(`^bad\\.ndjson is not valid:\\n {2}line ${at + 1}: person: must be an opaque reference`),
  );
  for (const [name, text] of [
    ['missing.json', undefined],
    ['empty.ndjson', ''],
    ['plan.json', '{"kind":"links.plan"}'],
  ] as const) {
    const files: Record<string, string> = text === undefined ? {} : { [name]: text };
    const e = memoryIo(files);
    assert.equal(await run(['referral', name, '--json'], e), 1, name);
    assert.equal(JSON.parse(e.out).ok, false);
  }
});

test('usage errors exit 2', async () => {
  for (const argv of [
    ['referral'],
    ['referral', 'a.json', '--as-of', '31/03/2025'],
    ['referral', 'a.json', '--response-window', '-3'],
    ['referral', 'a.json', '--format', 'xml'],
  ]) {
    const io = memoryIo({ 'a.json': sample });
    assert.equal(await run(argv, io), 2, argv.join(' '));
    assert.match(io.err, /links: /);
  }
});

test('the links bin replays the sample file as a real process', () => {
  const bin = fileURLToPath(new URL('../../bin/links.js', import.meta.url));
  const result = spawnSync(process.execPath, [bin, 'referral', samplePath, '--json'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout).referrals.length, 13);
});
