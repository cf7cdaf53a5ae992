import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectReferralEventsFormat,
  parseReferralEvents,
  referralEventsDocument,
  replay,
  toNdjson,
  validateReferralEvent,
  type ReferralEvent,
} from '../test-all.js';
import { CLP, eventsTo, script } from './fixtures.test.js';

const events = (): ReferralEvent[] => JSON.parse(JSON.stringify(eventsTo('in-progress'))) as ReferralEvent[];

test('a JSON events document round-trips and replays', () => {
  const doc = referralEventsDocument(events());
  const text = JSON.stringify(doc, null, 2);
  assert.equal(detectReferralEventsFormat(text), 'json');
  const parsed = parseReferralEvents(text);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, doc.events);
  assert.equal(replay(parsed.value, { trusted: true }).state.referrals[0]!.status, 'in-progress');
});

test('NDJSON: one event per line, blank lines and CRLF tolerated', () => {
  const text = toNdjson(events()).replace(/\n/g, '\r\n') + '\r\n\r\n';
  assert.equal(detectReferralEventsFormat(text), 'ndjson');
  const parsed = parseReferralEvents(text);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  assert.equal(parsed.value.length, 3);
  const single = toNdjson(events().slice(0, 1));
  assert.equal(detectReferralEventsFormat(single), 'ndjson', 'a one-line NDJSON file is not mistaken for a document');
  assert.ok(parseReferralEvents(single).ok);
});

test('problems in a document come with JSON paths such as events[12].at', () => {
  const list = events();
  (list[1] as { at: string }).at = 'yesterday';
  (list[2] as unknown as { actor: { role: string } }).actor.role = 'doctor';
  const withUnknownType = [...list, { ...list[0], type: 'teleported' }];
  const parsed = parseReferralEvents(
    JSON.stringify({ kind: 'links.referral-events', schemaVersion: 1, events: withUnknownType }),
  );
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.errors.map(({ path, message }) => ({ path, message })),
    [
      { path: 'events[1].at', message: 'must be a date and time written like 2024-05-01T09:30:00Z' },
      { path: 'events[2].actor.role', message: 'must be one of "referrer", "clp", "practice-manager", "system"' },
      {
        path: 'events[3].type',
        message:
          'must be one of "created", "details-updated", "status-changed", "clp-assigned", "consent-given", "consent-withdrawn", "do-not-contact-set", "do-not-contact-cleared", "contact-attempted", "contact-recorded", "goal-added", "goal-updated", "resource-linked", "resource-updated", "follow-up-scheduled", "follow-up-done", "outcome-recorded", "note-added"',
      },
    ],
  );
  const wrongKind = parseReferralEvents(JSON.stringify({ kind: 'links.plan', schemaVersion: 2, events: [] }));
  assert.ok(!wrongKind.ok);
  assert.deepEqual(
    wrongKind.errors.map((e) => e.path),
    ['kind', 'schemaVersion'],
  );
  const bare = parseReferralEvents(JSON.stringify(events()));
  assert.ok(!bare.ok);
  assert.match(bare.errors[0]!.message, /not a bare list/);
  const broken = parseReferralEvents('{ "kind": "links.referral-events", ');
  assert.ok(!broken.ok);
  assert.equal(broken.errors[0]!.path, '');
});

test('problems in NDJSON come with line numbers: "line 13: at"', () => {
  const lines = toNdjson(events()).split('\n');
  const bad = JSON.parse(lines[1]!) as Record<string, unknown>;
  bad.at = '2025-13-45T00:00:00Z';
  lines[1] = JSON.stringify(bad);
  lines.splice(2, 0, '', '{ not json');
  const parsed = parseReferralEvents(lines.join('\n'), { format: 'ndjson' });
  assert.ok(!parsed.ok);
  assert.equal(parsed.errors[0]!.path, 'line 2: at');
  assert.equal(parsed.errors[1]!.path, 'line 4');
  assert.match(parsed.errors[1]!.message, /^is not valid JSON/);
  const empty = parseReferralEvents('\n\n', { format: 'ndjson' });
  assert.ok(!empty.ok);
  assert.match(empty.errors[0]!.message, /holds no events/);
  const hostile = parseReferralEvents('{"__proto__":{"x":1},"type":"note-added"}\n');
  assert.ok(!hostile.ok);
  assert.equal(hostile.errors[0]!.path, 'line 1: __proto__');
});

test('the person must be a pseudonymous reference: no names, no CHI-like numbers', () => {
  const s = script();
  const base = JSON.parse(JSON.stringify(s.created())) as Record<string, unknown>;
  for (const [person, pattern] of [
    ['0101011234', /looks like a CHI or NHS number/],
    ['chi-0101011234', /looks like a CHI or NHS number/],
    ['Mary Smith', /no spaces/],
    ['', /opaque reference/],
    ['mary@example.org', /opaque reference/],
  ] as const) {
    const result = validateReferralEvent({ ...base, person });
    assert.ok(!result.ok, person);
    assert.equal(result.errors[0]!.path, 'person');
    assert.match(result.errors[0]!.message, pattern);
  }
  assert.ok(validateReferralEvent({ ...base, person: 'pt-7f3a9c' }).ok);
  assert.ok(
    validateReferralEvent({ ...base, person: 'urn:uuid:9b2e1c40-3c7e-4f4a-9a51-2b0f0f7e8d11' }).ok,
    'a UUID is fine',
  );
  const staff = validateReferralEvent({ ...base, actor: { role: 'referrer', id: 'Dr Jane Brown' } });
  assert.ok(!staff.ok);
  assert.equal(staff.errors[0]!.path, 'actor.id');
});

test('events are strict: unknown fields are refused, texts are trimmed and bounded', () => {
  const s = script();
  const note = JSON.parse(
    JSON.stringify(s.event(CLP, { type: 'note-added', text: '  Spoke to daughter  ' })),
  ) as Record<string, unknown>;
  const ok = validateReferralEvent(note);
  assert.ok(ok.ok);
  assert.equal((ok.value as { text: string }).text, 'Spoke to daughter');
  const extra = validateReferralEvent({ ...note, nhsNumber: '123' });
  assert.ok(!extra.ok);
  assert.deepEqual(extra.errors, [
    {
      path: '',
      message: 'has an unknown field: "nhsNumber"',
      messageCode: 'unknown-fields',
      params: { keys: ['nhsNumber'] },
    },
  ]);
  const long = validateReferralEvent({ ...note, text: 'x'.repeat(10_001) });
  assert.ok(!long.ok);
  assert.equal(long.errors[0]!.message, 'must be at most 10000 characters');
  const empty = validateReferralEvent({ ...note, type: 'goal-updated', goalId: 'g1', text: undefined });
  assert.ok(!empty.ok);
});
