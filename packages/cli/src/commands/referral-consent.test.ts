// Issue 13 through the CLI: coded status reasons and consent (free text never leaves without consent to share
// the outcome with the GP record), and the workflow rules (draft cancelled with a reason code, CLP self-referral,
// the practice boundary, per-urgency response windows, outcomes that must agree with the record).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referralEventsDocument, type ReferralEvent } from '@links-approach/core/referral';
import { run } from '../run.js';
import { memoryIo } from '../test-io.js';

const SENTINEL = 'SENTINEL-moved-to-refuge';

/** Writes events one hour apart from Monday 3 March 2025 09:00 UTC. */
function writer() {
  let t = Date.parse('2025-03-03T09:00:00Z');
  let n = 0;
  const events: ReferralEvent[] = [];
  const add = (referralId: string, actor: Record<string, unknown>, fields: Record<string, unknown>) => {
    t += 3_600_000;
    events.push({
      id: `e${++n}`,
      referralId,
      at: new Date(t).toISOString(),
      actor,
      ...fields,
    } as unknown as ReferralEvent);
  };
  return { events, add };
}

const GP = { role: 'referrer', id: 'gp-1', practices: ['practice-1'] };
const CLP = { role: 'clp', id: 'clp-1', practices: ['practice-1'] };

const created = (consent: boolean, extra: Record<string, unknown> = {}) => ({
  type: 'created',
  status: 'requested',
  person: 'pt-4f1a',
  practiceId: 'practice-1',
  route: 'gp',
  reasons: [{ themeId: 'facing-challenges-and-crises', text: SENTINEL }],
  urgency: 'routine',
  consent: consent ? ['contact', 'share-outcome-with-gp-record'] : ['contact'],
  note: SENTINEL,
  ...extra,
});

/** A referral on hold (coded reason plus free text), one rejected, one completed with the sentinel everywhere. */
function sentinelFile(consent: boolean): string {
  const { events, add } = writer();
  add('r-hold', GP, created(consent));
  add('r-hold', CLP, { type: 'status-changed', to: 'accepted' });
  add('r-hold', CLP, { type: 'status-changed', to: 'in-progress' });
  add('r-hold', CLP, { type: 'contact-recorded', setting: 'phone', durationMinutes: 20 });
  add('r-hold', CLP, { type: 'note-added', text: SENTINEL });
  add('r-hold', CLP, { type: 'status-changed', to: 'on-hold', reasonCode: 'person-unavailable', reason: SENTINEL });
  add('r-rej', GP, created(consent, { person: 'pt-77aa' }));
  add('r-rej', CLP, { type: 'status-changed', to: 'rejected', reasonCode: 'not-suitable', reason: SENTINEL });
  add('r-done', GP, created(consent, { person: 'pt-88bb' }));
  add('r-done', CLP, { type: 'status-changed', to: 'accepted' });
  add('r-done', CLP, { type: 'status-changed', to: 'in-progress' });
  add('r-done', CLP, { type: 'contact-recorded', setting: 'practice', durationMinutes: 30 });
  add('r-done', CLP, {
    type: 'goal-added',
    goalId: 'g1',
    statement: SENTINEL,
    themeId: 'facing-challenges-and-crises',
    status: 'achieved',
  });
  add('r-done', CLP, {
    type: 'status-changed',
    to: 'completed',
    outcome: { code: 'goals-achieved', summary: SENTINEL },
  });
  return JSON.stringify(referralEventsDocument(events));
}

test('links referral: free text stays out of the message back without consent; the coded reason goes', async () => {
  const io = memoryIo({ 'events.json': sentinelFile(false) });
  assert.equal(await run(['referral', 'events.json', '--message-back', 'r-hold', '--json'], io), 0);
  const out = JSON.parse(io.out);
  assert.equal(out.rejected.length, 0);
  assert.doesNotMatch(JSON.stringify(out.messageBack), new RegExp(SENTINEL));
  assert.equal(out.messageBack.data.statusReasonCode, 'person-unavailable');
  assert.match(out.messageBack.text, /^Reason: The person is unavailable for now\.$/m);
  for (const id of ['r-rej', 'r-done']) {
    const each = memoryIo({ 'events.json': sentinelFile(false) });
    assert.equal(await run(['referral', 'events.json', '--message-back', id], each), 0);
    const message = each.out.slice(each.out.indexOf('Community Links Practitioner: message back'));
    assert.doesNotMatch(message, new RegExp(SENTINEL), id);
  }
  const consented = memoryIo({ 'events.json': sentinelFile(true) });
  assert.equal(await run(['referral', 'events.json', '--message-back', 'r-hold', '--json'], consented), 0);
  assert.match(
    JSON.parse(consented.out).messageBack.text,
    new RegExp(`^Reason: The person is unavailable for now\\. ${SENTINEL}$`, 'm'),
  );
});

test('links fhir: without consent no free text in any Bundle; with consent the reason’s words go as Task.statusReason.text', async () => {
  const io = memoryIo({ 'events.json': sentinelFile(false) });
  assert.equal(await run(['fhir', 'events.json', '--combine'], io), 0);
  assert.doesNotMatch(io.out, new RegExp(SENTINEL));
  const bundle = JSON.parse(io.out) as { entry: { resource: Record<string, unknown> }[] };
  const reasons = bundle.entry
    .map((e) => e.resource)
    .filter((r) => r['resourceType'] === 'Task' && r['statusReason'])
    .map((r) => r['statusReason'] as { coding: { code: string }[]; text: string });
  assert.deepEqual(
    reasons.map((r) => [r.coding[0]!.code, r.text]),
    [
      ['person-unavailable', 'The person is unavailable for now'],
      ['not-suitable', 'Not suitable for the Community Links service'],
    ],
  );
  const consented = memoryIo({ 'events.json': sentinelFile(true) });
  assert.equal(await run(['fhir', 'events.json', '--combine', '--referral', 'r-hold'], consented), 0);
  const task = (JSON.parse(consented.out) as typeof bundle).entry.find(
    (e) => e.resource['resourceType'] === 'Task',
  )!.resource;
  assert.deepEqual(task['statusReason'], {
    coding: [
      {
        system: 'https://links-approach.example/fhir/CodeSystem/referral-status-reason',
        code: 'person-unavailable',
        display: 'The person is unavailable for now',
      },
    ],
    text: SENTINEL,
  });
});

test('links export csv referrals: the reason code, never free text, with or without consent', async () => {
  for (const consent of [false, true]) {
    const io = memoryIo({ 'events.json': sentinelFile(consent) });
    assert.equal(await run(['export', 'csv', 'referrals', 'events.json', '--as-of', '2025-04-01'], io), 0);
    assert.doesNotMatch(io.out, new RegExp(SENTINEL));
    const [header, ...rows] = io.out
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const col = header!.indexOf('status_reason_code');
    assert.ok(col > 0, 'a status_reason_code column');
    assert.deepEqual(
      rows.map((r) => r[col]),
      ['person-unavailable', 'not-suitable', ''],
    );
  }
});

test('links report: no free text from referral events reaches the report', async () => {
  const demo = memoryIo();
  assert.equal(await run(['demo-data', '--practices', '2', '--seed', '3', '--out', 'd'], demo), 0);
  const io = memoryIo({ ...demo.files, 'events.json': sentinelFile(true) });
  assert.equal(
    await run(['report', ...Object.keys(demo.files), 'events.json', '--html', 'out.html', '--csv', 'out.csv'], io),
    0,
  );
  assert.doesNotMatch(io.files['out.html']!, new RegExp(SENTINEL));
  assert.doesNotMatch(io.files['out.csv']!, new RegExp(SENTINEL));
  assert.doesNotMatch(io.out, new RegExp(SENTINEL));
});

test('links referral: a draft cancelled with a reason code; a CLP self-referral; refusals with their codes', async () => {
  const { events, add } = writer();
  add('r-draft', GP, created(false, { status: 'draft' }));
  add('r-draft', GP, { type: 'status-changed', to: 'cancelled', reasonCode: 'draft-not-sent' });
  add('r-self', CLP, created(false, { route: 'self', person: 'pt-self' }));
  add('r-self', CLP, { type: 'status-changed', to: 'accepted' });
  add('r-gp-by-clp', CLP, created(false, { person: 'pt-9c' }));
  add('r-other', { role: 'referrer', id: 'gp-2', practices: ['practice-2'] }, created(false, { person: 'pt-0d' }));
  add(
    'r-self',
    { role: 'referrer', id: 'gp-3', practices: ['practice-2'] },
    { type: 'status-changed', to: 'cancelled', reasonCode: 'duplicate' },
  );
  add('r-self', CLP, { type: 'status-changed', to: 'in-progress' });
  add('r-self', CLP, {
    type: 'status-changed',
    to: 'completed',
    outcome: { code: 'connected-to-support', summary: '' },
  });
  const io = memoryIo({ 'events.json': JSON.stringify(referralEventsDocument(events)) });
  assert.equal(await run(['referral', 'events.json', '--json'], io), 0);
  const out = JSON.parse(io.out);
  const byId = Object.fromEntries(out.referrals.map((r: { id: string }) => [r.id, r]));
  assert.deepEqual([byId['r-draft'].status, byId['r-draft'].statusReasonCode], ['cancelled', 'draft-not-sent']);
  assert.deepEqual(
    [byId['r-self'].status, byId['r-self'].route, byId['r-self'].clpId],
    ['in-progress', 'self', 'clp-1'],
  );
  assert.deepEqual(
    out.rejected.map((r: { referralId: string; code: string }) => [r.referralId, r.code]),
    [
      ['r-gp-by-clp', 'self-referral-only'],
      ['r-other', 'other-practice'],
      ['r-self', 'other-practice'],
      ['r-self', 'outcome-contradicts-record'],
    ],
  );
  assert.equal(out.duplicates.length, 0, 'the cancelled draft is no duplicate');
  const text = memoryIo({ 'events.json': JSON.stringify(referralEventsDocument(events)) });
  assert.equal(await run(['referral', 'events.json'], text), 0);
  assert.match(text.out, /r-draft +Cancelled .* Reason: Draft not sent/);
  assert.match(
    text.out,
    /\[outcome-contradicts-record\]: The outcome "connected to community support" needs at least one contact/,
  );
});

test('links referral: overdue flags follow the urgency (urgent 2 working days), and --response-window sets one window for all', async () => {
  const { events, add } = writer(); // requested Monday 3 March 10:00
  add('r-urgent', GP, created(false, { urgency: 'urgent' }));
  add('r-routine', GP, created(false, { urgency: 'routine', person: 'pt-22' }));
  const file = JSON.stringify(referralEventsDocument(events));
  const io = memoryIo({ 'events.json': file });
  assert.equal(await run(['referral', 'events.json', '--as-of', '2025-03-05T12:00:00Z', '--json'], io), 0);
  const out = JSON.parse(io.out);
  assert.deepEqual(
    out.referrals.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue]),
    [
      ['r-urgent', true],
      ['r-routine', false],
    ],
  );
  assert.equal(out.metrics.overdue, 1);
  const flat = memoryIo({ 'events.json': file });
  assert.equal(
    await run(
      ['referral', 'events.json', '--as-of', '2025-03-05T12:00:00Z', '--response-window', '14', '--json'],
      flat,
    ),
    0,
  );
  assert.equal(JSON.parse(flat.out).metrics.overdue, 0);
});
