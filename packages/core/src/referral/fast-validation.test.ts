/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON events freely */
// Property tests: the hand-written fast path of the referral event schema
// (fast-validation.ts) against zod's interpreted schema, on random valid and
// broken events of every type. Whenever the fast path accepts, the schema
// (with the JSON safety checks) accepts too, with the same value, keys in the
// same order; for JSON events the fast path accepts every event the schema
// accepts. Errors always come from the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { STATUS_REASON_CODES } from '../codes/status-reasons.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import {
  ACTOR_ROLES,
  CONSENT_SCOPES,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_SETTINGS,
  GOAL_STATUSES,
  OUTCOME_CODES,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  URGENCIES,
} from './constants.js';
import { applySharedEdit, pathsOf, slotAt } from '../validation/test-edits.js';
import { demoEventsAsJson, FULL_EVENTS } from './test-events.js';
import { parseReferralEvents, validateReferralEvent, validateReferralEventsDocument } from './document.js';
import {
  fastParseReferralEvent,
  fastParseReferralEventsDocument,
  fastReferralEventForReplay,
} from './fast-validation.js';
import { REFERRAL_EVENT_TYPES, referralEventSchema, referralEventsDocumentSchema } from './schema.js';

const FULL = FULL_EVENTS;
const DEMO = demoEventsAsJson(7);

const CHOICES = [
  ...ACTOR_ROLES,
  ...CONSENT_SCOPES,
  ...CONTACT_ATTEMPT_OUTCOMES,
  ...CONTACT_METHODS,
  ...CONTACT_SETTINGS,
  ...GOAL_STATUSES,
  ...OUTCOME_CODES,
  ...REFERRAL_ROUTES,
  ...REFERRAL_STATUSES,
  ...RESOURCE_LINK_STATUSES,
  ...RESOURCE_MODES,
  ...URGENCIES,
  ...STATUS_REASON_CODES,
  ...REFERRAL_EVENT_TYPES,
  'Completed',
  'constructor',
];

const OPTIONAL_FIELDS = [
  'reason',
  'practices',
  'clpId',
  'routeDetail',
  'reasons',
  'urgency',
  'route',
  'consent',
  'previousReferralId',
  'note',
  'reasonCode',
  'outcome',
  'statement',
  'status',
  'mode',
  'text',
  'source',
];

const edgy = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    ' padded ',
    'x'.repeat(LIMITS.shortText + 1),
    '😀'.repeat(LIMITS.shortText),
    'x'.repeat(LIMITS.longText + 1),
    'clp 7',
    'clp-1234567890',
    'p1234567890x',
    'a'.repeat(128),
    'a'.repeat(129),
    '-token',
    '2025-02-29',
    '2024-02-29',
    '2025-01-02T10:00:00+01:00',
    '2025-01-02T10:00:00.5Z',
    '2025-01-02 10:00',
    'living-well-day-to-day',
    'Not-A-Slug',
    0,
    1,
    600,
    601,
    1.5,
    -1,
    null,
    true,
    [],
    ['contact'],
    ['contact', 'contact', 'contact', 'contact'],
    [{ themeId: 'dying-well' }],
    { code: 'goals-achieved', summary: 'x' },
    {},
  ),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

const editArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'unknown-key', 'pad', 'optional', 'stretch', 'choice', 'choice'),
  value: edgy,
  limit: fc.constantFrom(64, 128, LIMITS.shortText, 2 * LIMITS.shortText, LIMITS.longText),
  over: fc.constantFrom(-1, 0, 1),
});

function applyEdit(event: any, edit: { at: number; kind: string; value: unknown; limit: number; over: number }): void {
  const slot = slotAt(event, edit.at);
  if (!slot || applySharedEdit(slot.parent, slot.key, edit.kind, edit.value)) return;
  const { parent, key } = slot;
  switch (edit.kind) {
    case 'unknown-key':
      if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) parent[key].extra = 1;
      break;
    case 'pad':
      if (typeof parent[key] === 'string') parent[key] = `\t${parent[key]} `;
      break;
    case 'stretch':
      if (typeof parent[key] === 'string')
        parent[key] = parent[key] + 'x'.repeat(Math.max(0, edit.limit + edit.over - parent[key].length));
      break;
    case 'choice':
      parent[key] = CHOICES[edit.at % CHOICES.length];
      break;
    case 'optional':
      if (!Array.isArray(parent))
        parent[OPTIONAL_FIELDS[edit.at % OPTIONAL_FIELDS.length]!] = structuredClone(edit.value);
      break;
  }
}

function agree(event: unknown): 'fast' | 'refused' {
  const fast = fastParseReferralEvent(event);
  const schema = parseWith(referralEventSchema, event);
  // Replay's form: the input itself when it already is the schema's value, else the same copy.
  const forReplay = fastReferralEventForReplay(event);
  if (fast !== undefined) {
    assert.ok(schema.ok, `the fast path accepted what the schema refuses: ${JSON.stringify(schema)}`);
    assert.deepStrictEqual(fast, schema.value);
    assert.equal(JSON.stringify(fast), JSON.stringify(schema.value), 'keys in the same order');
    assert.deepStrictEqual(forReplay, schema.value);
    assert.equal(JSON.stringify(forReplay), JSON.stringify(schema.value), 'replay: keys in the same order');
    return 'fast';
  }
  assert.equal(forReplay, undefined, 'replay takes the fast path exactly when the fast path does');
  assert.ok(!schema.ok, `the schema accepts an event the fast path sent to it: ${JSON.stringify(event)}`);
  return 'refused';
}

test('every event type, with and without its optional fields, takes the fast path with the schema value', () => {
  for (const event of FULL) {
    assert.equal(agree(event), 'fast', JSON.stringify(event));
    // Each optional field removed in turn.
    for (const key of Object.keys(event as object)) {
      const copy = structuredClone(event) as any;
      delete copy[key];
      agree(copy);
    }
  }
});

/** Every value of `edgy`'s constant list, every choice, and numbers around each bound. */
const POOL: readonly unknown[] = [
  ...CHOICES,
  '',
  ' ',
  ' padded ',
  'clp 7',
  'clp-1234567890',
  '-token',
  'a'.repeat(128),
  'a'.repeat(129),
  '2025-02-29',
  '2024-02-29',
  '2025-01-02T10:00:00+01:00',
  '2025-01-02T10:00:00.5Z',
  '2025-01-02 10:00',
  'Not-A-Slug',
  '😀'.repeat(LIMITS.shortText),
  0,
  1,
  1.5,
  599,
  600,
  601,
  -1,
  null,
  true,
  [],
  ['contact'],
  ['contact', 'contact', 'contact', 'contact'],
  [{ themeId: 'dying-well' }],
  { code: 'goals-achieved', summary: 'x' },
  {},
];

test('every field of every event type, replaced by each value near its bounds, agrees with the schema', () => {
  const seen = { fast: 0, refused: 0 };
  for (const event of FULL) {
    for (const path of pathsOf(event)) {
      const key = path[path.length - 1]!;
      const variants: unknown[] = [...POOL];
      let original: any = event;
      for (const segment of path) original = original[segment];
      if (typeof original === 'string')
        for (const limit of [64, 128, LIMITS.shortText, 2 * LIMITS.shortText, LIMITS.longText])
          for (const over of [0, 1]) variants.push(original + 'x'.repeat(Math.max(0, limit + over - original.length)));
      for (const value of variants) {
        const copy = structuredClone(event) as any;
        let parent = copy;
        for (const segment of path.slice(0, -1)) parent = parent[segment];
        parent[key] = structuredClone(value);
        seen[agree(copy)]++;
      }
    }
  }
  assert.ok(seen.fast > 500 && seen.refused > 5000, JSON.stringify(seen));
});

test('on random edits of events of every type, the fast path accepts exactly what the schema accepts, with the same value', () => {
  const seen = { fast: 0, refused: 0 };
  fc.assert(
    fc.property(fc.constantFrom(...FULL, ...DEMO), fc.array(editArb, { maxLength: 3 }), (event, edits) => {
      const copy = structuredClone(event) as any;
      for (const edit of edits) applyEdit(copy, edit);
      seen[agree(JSON.parse(JSON.stringify(copy)))]++;
    }),
    { numRuns: 6000, seed: 20_251_202, endOnFailure: true },
  );
  assert.ok(seen.fast > 1000, `accepted ${seen.fast}`);
  assert.ok(seen.refused > 1000, `refused ${seen.refused}`);
});

test('input that is not JSON data never takes the fast path wrongly', () => {
  const event = FULL[0] as any;
  const cases: [string, (e: any) => void][] = [
    ['an optional field present as undefined', (e) => (e.note = undefined)],
    ['a class instance', (e) => (e.actor = Object.assign(new (class Actor {})(), e.actor))],
    ['a null-prototype object', (e) => (e.actor = Object.assign(Object.create(null), e.actor))],
    ['a parsed __proto__ key', (e) => (e.actor = JSON.parse('{"role":"clp","id":"clp-7","__proto__":{"x":1}}'))],
    ['a non-enumerable field', (e) => Object.defineProperty(e, 'note', { value: 'Hidden', enumerable: false })],
    ['an inherited field', (e) => Object.setPrototypeOf(e, { note: 'Inherited' })],
    ['a cycle', (e) => (e.reasons[0].text = e)],
    ['a sparse list', (e) => (e.reasons.length += 1)],
    ['a type inherited from Object.prototype', (e) => (e.type = 'toString')],
  ];
  for (const [name, change] of cases) {
    const copy = structuredClone(event);
    change(copy);
    const fast = fastParseReferralEvent(copy);
    const schema = parseWith(referralEventSchema, copy);
    if (fast !== undefined) {
      assert.ok(schema.ok, name);
      assert.deepStrictEqual(fast, schema.value, name);
    }
  }
});

test('validateReferralEvent, documents and NDJSON give the schema result with or without the fast path', () => {
  const events = [...FULL, ...DEMO.slice(0, 50)];
  for (const event of events)
    assert.deepStrictEqual(validateReferralEvent(event), parseWith(referralEventSchema, event));
  const document = { kind: 'links.referral-events', schemaVersion: 1, events };
  assert.ok(fastParseReferralEventsDocument(document, 1000), 'a valid document takes the fast path');
  assert.equal(
    fastParseReferralEventsDocument(document, events.length - 1),
    undefined,
    'too many events for the limit',
  );
  assert.deepStrictEqual(validateReferralEventsDocument(document), parseWith(referralEventsDocumentSchema, document));
  const broken = structuredClone(document) as any;
  broken.events[3].at = 'yesterday';
  const result = validateReferralEventsDocument(broken);
  assert.deepStrictEqual(result, parseWith(referralEventsDocumentSchema, broken));
  assert.equal(result.ok ? '' : result.errors[0]!.path, 'events[3].at');
  const ndjson = parseReferralEvents(events.map((e) => JSON.stringify(e)).join('\n'));
  assert.deepStrictEqual(ndjson, {
    ok: true,
    value: events.map((e) => (parseWith(referralEventSchema, e) as any).value),
  });
  assert.deepStrictEqual(parseReferralEvents(`${JSON.stringify(FULL[1])}\n{"type":"created"}\n`), {
    ok: false,
    errors: (parseWith(referralEventSchema, { type: 'created' }) as any).errors.map((issue: any) => ({
      path: issue.path ? `line 2: ${issue.path}` : 'line 2',
      message: issue.message,
      messageCode: issue.messageCode,
      params: issue.params,
    })),
  });
});
