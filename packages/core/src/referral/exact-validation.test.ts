/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON events freely */
// Property tests of the exact check (isExactReferralEvent): it says "this input
// is already the very value the schema returns" exactly when the fast path
// accepts the input and its value is the input itself (same primitives, same
// key order, ordinary objects). Then the schema accepts the input and returns
// an equal value with keys in the same order, so replay and the CLI may keep
// the input instead of a copy. validateOwnedReferralEvent gives the results and
// errors of validateReferralEvent on every input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import { applySharedEdit, slotAt } from '../validation/test-edits.js';
import { demoEventsAsJson, FULL_EVENTS } from './test-events.js';
import { parseReferralEvents, validateOwnedReferralEvent, validateReferralEvent } from './document.js';
import { fastParseReferralEvent, fastReferralEventForReplay, isExactReferralEvent } from './fast-validation.js';
import { replay } from './apply.js';
import { REFERRAL_EVENT_TYPES, referralEventSchema } from './schema.js';

/**
 * The oracle: `input` is the value `parsed` describes (primitives equal, arrays of the same length, objects with
 * prototype Object.prototype and the same keys in the same order).
 */
function sameValue(input: unknown, parsed: unknown): boolean {
  if (input === parsed) return true;
  if (typeof parsed !== 'object' || parsed === null || typeof input !== 'object' || input === null) return false;
  if (Array.isArray(parsed)) {
    if (!Array.isArray(input) || input.length !== parsed.length) return false;
    for (let i = 0; i < parsed.length; i++) if (!sameValue(input[i], parsed[i])) return false;
    return true;
  }
  if (Array.isArray(input) || Object.getPrototypeOf(input) !== Object.prototype) return false;
  const keys = Object.keys(parsed);
  let i = 0;
  for (const key in input as Record<string, unknown>) {
    if (key !== keys[i] || !sameValue((input as any)[key], (parsed as any)[key])) return false;
    i++;
  }
  return i === keys.length;
}

const FULL = FULL_EVENTS;
const DEMO = demoEventsAsJson(11);

/** Checks the exact check against the oracle on one input; says which way it went. */
function agree(input: unknown): 'exact' | 'copied' | 'refused' {
  const fast = fastParseReferralEvent(input);
  const expected = fast !== undefined && sameValue(input, fast);
  assert.equal(isExactReferralEvent(input), expected, JSON.stringify(input));
  // The owned form gives validateReferralEvent's result (value for value, errors for errors).
  assert.deepStrictEqual(validateOwnedReferralEvent(input), validateReferralEvent(input));
  const forReplay = fastReferralEventForReplay(input);
  if (expected) {
    const schema = parseWith(referralEventSchema, input);
    assert.ok(schema.ok, 'the schema accepts what the exact check accepts');
    assert.deepStrictEqual(input, schema.value);
    assert.equal(JSON.stringify(input), JSON.stringify(schema.value), 'keys in the same order');
    assert.equal(forReplay, input, 'replay keeps the input itself');
    const owned = validateOwnedReferralEvent(input);
    assert.ok(owned.ok && owned.value === input, 'the owned form hands the input back');
    return 'exact';
  }
  if (fast === undefined) {
    assert.equal(forReplay, undefined);
    return 'refused';
  }
  assert.notEqual(forReplay, input, 'a value the schema changes is copied');
  assert.deepStrictEqual(forReplay, fast);
  return 'copied';
}

test('events of every type, with and without each optional field, are exact as JSON gives them', () => {
  for (const event of [...FULL, ...DEMO]) {
    const parsed = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    const result = agree(parsed);
    // The demo generator writes some "reason" fields after "type": valid, but not in schema order.
    if (FULL.includes(event)) assert.equal(result, 'exact', JSON.stringify(event));
    for (const key of Object.keys(parsed)) {
      const copy = structuredClone(parsed);
      delete copy[key];
      agree(copy);
    }
  }
});

test('inputs the schema would change are never exact: trimmed text, key order, prototypes, undefined fields', () => {
  const created = FULL[0]!;
  const cases: [string, (e: any) => void][] = [
    ['a note to trim', (e) => (e.note = ' Padded ')],
    ['a note ending in a non-breaking space', (e) => (e.note = 'Note\u00a0')],
    ['a note starting with a byte-order mark', (e) => (e.note = '\ufeffNote')],
    ['a route detail to trim', (e) => (e.routeDetail = '\tDr Ahmed')],
    ['keys out of order', (e) => (delete e.id, (e.id = 'e-created'))],
    ['actor keys out of order', (e) => (e.actor = { id: 'clp-7', role: 'clp' })],
    ['reason keys out of order', (e) => (e.reasons = [{ text: 'Lonely', themeId: 'dying-well' }])],
    ['an optional field present as undefined', (e) => (e.note = undefined)],
    ['a null-prototype actor', (e) => (e.actor = Object.assign(Object.create(null), e.actor))],
    ['a null-prototype event', (e) => Object.setPrototypeOf(e, null)],
    ['a class instance', (e) => (e.actor = Object.assign(new (class Actor {})(), e.actor))],
    ['an unknown key', (e) => (e.extra = 1)],
    ['a parsed __proto__ key', (e) => (e.actor = JSON.parse('{"role":"clp","id":"clp-7","__proto__":{"x":1}}'))],
    ['an inherited field', (e) => Object.setPrototypeOf(e, { note: 'Inherited' })],
    ['a sparse list', (e) => (e.reasons.length += 1)],
    ['a type inherited from Object.prototype', (e) => (e.type = 'toString')],
  ];
  for (const [name, change] of cases) {
    const copy = structuredClone(created) as any;
    change(copy);
    assert.notEqual(agree(copy), 'exact', name);
  }
  const resource = structuredClone(FULL[12]!) as any;
  resource.resource.name = 'Walking group ';
  assert.equal(agree(resource), 'copied');
});

const STRINGS = [
  '',
  ' ',
  ' padded ',
  'padded\u2028',
  '\u00a0x',
  'x'.repeat(LIMITS.shortText),
  'x'.repeat(LIMITS.shortText + 1),
  '😀'.repeat(LIMITS.shortText),
  'x'.repeat(LIMITS.longText + 1),
  'clp-1234567890',
  'a'.repeat(129),
  '2025-02-29',
  '2024-02-29',
  '2025-01-02T10:00:00+01:00',
  '2025-01-02 10:00',
  'Not-A-Slug',
  'dying-well',
  'contact',
  'completed',
  ...REFERRAL_EVENT_TYPES,
];

const valueArb = fc.oneof(
  fc.constantFrom<unknown>(...STRINGS, 0, 1, 600, 601, 1.5, -1, null, true, [], {}, ['contact']),
  fc.string({ maxLength: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const editArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'move-last', 'pad', 'optional', 'stretch'),
  value: valueArb,
});

function applyEdit(event: any, edit: { at: number; kind: string; value: unknown }): void {
  const slot = slotAt(event, edit.at);
  if (!slot || applySharedEdit(slot.parent, slot.key, edit.kind, edit.value)) return;
  const { parent, key } = slot;
  switch (edit.kind) {
    case 'move-last':
      // The same key, moved to the end of its object: the same value, another key order.
      if (!Array.isArray(parent)) {
        const value = parent[key];
        delete parent[key];
        parent[key] = value;
      }
      break;
    case 'pad':
      if (typeof parent[key] === 'string') parent[key] = edit.at % 2 ? `${parent[key]} ` : `\u00a0${parent[key]}`;
      break;
    case 'stretch':
      if (typeof parent[key] === 'string') parent[key] = parent[key] + 'x'.repeat(edit.at % (LIMITS.longText + 2));
      break;
    case 'optional':
      if (!Array.isArray(parent))
        parent[['note', 'reason', 'routeDetail', 'status', 'source', 'text', 'outcome', 'clpId'][edit.at % 8]!] =
          structuredClone(edit.value);
      break;
  }
}

test('on random edits of events of every type, the exact check holds to the fast path and the schema', () => {
  const seen = { exact: 0, copied: 0, refused: 0 };
  fc.assert(
    fc.property(fc.constantFrom(...FULL, ...DEMO), fc.array(editArb, { maxLength: 3 }), (event, edits) => {
      const copy = structuredClone(event) as any;
      for (const edit of edits) applyEdit(copy, edit);
      seen[agree(copy)]++;
    }),
    { numRuns: 5000, seed: 20_261_202, endOnFailure: true },
  );
  assert.ok(seen.exact > 500 && seen.copied > 100 && seen.refused > 500, JSON.stringify(seen));
});

test('replay and parseReferralEvents give the same results whether events are kept or copied', () => {
  const mixed = DEMO.map((event, i) => {
    const copy = structuredClone(event) as any;
    // Every third event written with its keys in another order (valid; the schema puts them back).
    if (i % 3 === 0) {
      const id = copy.id;
      delete copy.id;
      copy.id = id;
    }
    return copy;
  });
  const validating = replay(mixed);
  const trusted = replay(
    mixed.map((e) => (parseWith(referralEventSchema, e) as any).value),
    { trusted: true },
  );
  assert.deepStrictEqual(validating, trusted);
  assert.equal(JSON.stringify(validating), JSON.stringify(trusted));
  const text = mixed.map((e) => JSON.stringify(e)).join('\n');
  const parsed = parseReferralEvents(text);
  assert.ok(parsed.ok);
  assert.equal(
    JSON.stringify(parsed.value),
    JSON.stringify(mixed.map((e) => (parseWith(referralEventSchema, e) as any).value)),
  );
});
