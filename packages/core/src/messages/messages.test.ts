import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  applyEvent,
  checkJsonSafety,
  describeEvent,
  eventMessage,
  EVENT_MESSAGES_EN,
  parseWith,
  REFUSAL_MESSAGES_EN,
  refusalReason,
  renderEventMessage,
  renderWith,
  validateReferralEvent,
  VALIDATION_MESSAGES_EN,
  validationMessage,
  type EventMessageParams,
  type RefusalParams,
  type RejectionCode,
  type ValidationParams,
} from '../test-all.js';
import { pseudonymSchema } from '../referral/schema.js';
import { build, CLP, REFERRER, script } from '../referral/fixtures.test.js';

// One set of parameters per code. The mapped types make the compiler refuse a missing code.
const REFUSAL_SAMPLES: { readonly [C in RejectionCode]: RefusalParams[C] } = {
  'invalid-event': { issues: ['at: is required'] },
  'unknown-referral': { referralId: 'ref-9' },
  'referral-exists': { referralId: 'ref-9' },
  'wrong-referral': { referralId: 'ref-9', expected: 'ref-1' },
  'duplicate-event-id': { eventId: 'e-9' },
  'out-of-order': {
    kind: 'overwrites-later',
    at: '2025-01-01T09:00:00Z',
    previous: '2025-01-02T09:00:00Z',
    eventType: 'status-changed',
  },
  'role-not-allowed': { kind: 'status', to: 'accepted', roles: ['clp'], actor: 'referrer' },
  'not-assigned-clp': { clpId: 'clp-9' },
  'transition-not-allowed': { from: 'draft', to: 'completed', next: ['requested', 'cancelled'] },
  'referral-finished': { status: 'completed', eventType: 'note-added' },
  'not-allowed-in-status': { eventType: 'goal-added', status: 'requested', statuses: ['accepted', 'in-progress'] },
  'reason-required': { to: 'rejected', codes: ['not-suitable', 'duplicate'] },
  'reason-code-not-allowed': { to: 'rejected', reasonCode: 'moved-away', codes: ['not-suitable'] },
  'other-practice': { practiceId: 'practice-9', actor: 'referrer', actorId: 'gp-9', practices: ['practice-1'] },
  'self-referral-only': { field: 'route' },
  'outcome-contradicts-record': { outcome: 'goals-achieved', needs: 'achieved-goal' },
  'outcome-required': {},
  'do-not-contact': {},
  'no-consent-to-contact': { consent: 'withdrawn' },
  'no-consent-to-share': {},
  'unknown-theme': { themeId: 'astrology', framework: 'links 1.0.0', themes: ['a', 'b'] },
  'unknown-goal': { goalId: 'goal-9' },
  'duplicate-goal': { goalId: 'goal-9' },
  'unknown-resource-link': { linkId: 'link-9' },
  'duplicate-resource-link': { linkId: 'link-9' },
  'unknown-follow-up': { followUpId: 'fu-9' },
  'duplicate-follow-up': { followUpId: 'fu-9' },
  'follow-up-already-done': { followUpId: 'fu-9' },
  'previous-not-finished': { referralId: 'ref-0', status: 'in-progress' },
  'previous-other-person': { referralId: 'ref-0' },
  'previous-is-self': {},
};

const VALIDATION_SAMPLES: { readonly [C in keyof ValidationParams]: ValidationParams[C] } = {
  required: {},
  'wrong-type': { expected: 'number', received: 'string' },
  'text-empty': {},
  'text-too-short': { minimum: 3 },
  'text-too-long': { maximum: 200 },
  'list-empty': {},
  'list-too-short': { minimum: 2 },
  'list-too-long': { maximum: 50 },
  'number-at-least': { minimum: 7 },
  'number-more-than': { minimum: 7 },
  'number-at-most': { maximum: 7 },
  'number-less-than': { maximum: 7 },
  'not-a-choice': { choices: ['"a"', '"b"'], more: false },
  'unknown-fields': { keys: ['colour'] },
  'not-a-date': {},
  'not-a-date-time': {},
  'bad-format': {},
  'invalid-format': { format: 'email' },
  'not-multiple-of': { divisor: '5' },
  'no-matching-form': {},
  'invalid-key': {},
  'invalid-entry': {},
  'not-finite': {},
  'not-json': { received: 'function' },
  cycle: {},
  'too-deep': { depth: 64 },
  'not-plain-object': {},
  'reserved-key': { key: '__proto__' },
  'opaque-reference': {},
  pseudonym: {},
  'chi-like': {},
  'change-at-least-one': { fields: ['route', 'urgency'] },
  'outcome-only-when-completed': {},
  'event-type': { types: ['created', 'note-added'] },
  slug: {},
  'plan-id': {},
  'version-number': {},
  'date-format': {},
  'no-contact-details': {},
  'web-address': {},
  'register-id': {},
  'unique-ids': { what: 'capacity' },
  'staff-name': {},
  'option-values-unique': {},
  'scoring-reports-nothing': {},
  custom: { text: 'is odd' },
};

const EVENT_CODES = Object.keys(EVENT_MESSAGES_EN) as (keyof EventMessageParams)[];

test('every refusal code has an English text, with its parameters written into it', () => {
  assert.deepEqual(Object.keys(REFUSAL_MESSAGES_EN).sort(), Object.keys(REFUSAL_SAMPLES).sort());
  const ids = ['ref-9', 'e-9', 'clp-9', 'goal-9', 'link-9', 'fu-9', 'practice-9', 'astrology', 'ref-0', 'moved-away'];
  for (const [code, params] of Object.entries(REFUSAL_SAMPLES)) {
    const text = refusalReason(code as RejectionCode, params as never);
    assert.match(text, /^[A-Z"].{20,}$/, `${code}: ${text}`);
    // Every id among the parameters is written into the sentence.
    for (const value of Object.values(params)) {
      if (typeof value === 'string' && ids.includes(value))
        assert.ok(text.includes(value), `${code} names ${value}: ${text}`);
    }
  }
  assert.equal(refusalReason('unknown-goal', { goalId: 'goal-42' }), 'There is no goal "goal-42" on this referral.');
  assert.equal(
    refusalReason('transition-not-allowed', { from: 'draft', to: 'completed', next: ['requested', 'cancelled'] }),
    'A referral cannot go from "draft" to "completed". From "draft" it can go to "requested" or "cancelled".',
  );
  assert.equal(
    refusalReason('role-not-allowed', { kind: 'content', eventType: 'goal-added', roles: ['clp'], actor: 'referrer' }),
    'Only the Community Links Practitioner may record a new goal; this event came from the referrer.',
  );
});

test('every validation code has an English text, with its parameters written into it', () => {
  assert.deepEqual(Object.keys(VALIDATION_MESSAGES_EN).sort(), Object.keys(VALIDATION_SAMPLES).sort());
  for (const [code, params] of Object.entries(VALIDATION_SAMPLES)) {
    const text = validationMessage(code as keyof ValidationParams, params as never);
    assert.ok(text.length > 0, code);
    for (const value of Object.values(params)) {
      if (typeof value === 'number') assert.ok(text.includes(String(value)), `${code}: ${text}`);
    }
  }
  assert.equal(validationMessage('text-too-long', { maximum: 200 }), 'must be at most 200 characters');
  assert.equal(validationMessage('unknown-fields', { keys: ['a', 'b'] }), 'has unknown fields: "a", "b"');
  assert.equal(validationMessage('not-a-choice', { choices: ['"x"'], more: false }), 'must be "x"');
});

test('every event description code has an English text', () => {
  assert.equal(EVENT_CODES.length, 22);
  for (const code of EVENT_CODES) assert.equal(typeof EVENT_MESSAGES_EN[code], 'function');
});

test('a refusal carries its code and parameters, and its reason is their English', () => {
  const s = script('ref-msg');
  const referral = build([s.created()]);
  const result = applyEvent(referral, s.status('completed', CLP));
  assert.equal(result.ok, false);
  if (result.ok) return;
  const { code, params, reason } = result.rejection;
  assert.equal(code, 'transition-not-allowed');
  assert.deepEqual(params, {
    from: 'requested',
    to: 'completed',
    next: ['accepted', 'rejected', 'cancelled', 'entered-in-error'],
  });
  assert.equal(reason, refusalReason(code, params as RefusalParams['transition-not-allowed']));
  // Parameters are data: they survive JSON, so a server's refusal renders the same in the browser.
  assert.deepEqual(JSON.parse(JSON.stringify(params)), params);

  const byReferrer = applyEvent(
    referral,
    s.event(REFERRER, { type: 'goal-added', goalId: 'g1', themeId: 'living-well-day-to-day', statement: 'Walk' }),
  );
  assert.equal(byReferrer.ok, false);
  if (!byReferrer.ok) {
    assert.equal(byReferrer.rejection.code, 'role-not-allowed');
    assert.deepEqual(byReferrer.rejection.params, {
      kind: 'content',
      eventType: 'goal-added',
      roles: ['clp'],
      actor: 'referrer',
    });
  }
});

test('validation issues carry a code and parameters, and their message is the English of them', () => {
  const result = parseWith(
    z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(5)), count: z.number(), when: z.iso.date() }),
    { name: 'far too long', count: 'three', extra: 1 },
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
  assert.deepEqual(
    result.errors.map((e) => [e.path, e.messageCode, e.params]),
    [
      ['name', 'text-too-long', { maximum: 5 }],
      ['count', 'wrong-type', { expected: 'number', received: 'string' }],
      ['when', 'required', {}],
      ['', 'unknown-fields', { keys: ['extra'] }],
    ],
  );
  assert.equal(byPath['count']!.message, 'must be a number, not text');
  for (const issue of result.errors) {
    assert.equal(issue.message, validationMessage(issue.messageCode as never, issue.params as never));
  }
});

test('a schema’s own messages keep their code', () => {
  const chi = parseWith(pseudonymSchema, '0123456789');
  assert.equal(chi.ok, false);
  if (!chi.ok) {
    assert.equal(chi.errors[0]!.messageCode, 'chi-like');
    assert.match(chi.errors[0]!.message, /^looks like a CHI or NHS number/);
  }
  const event = validateReferralEvent({
    id: 'e1',
    referralId: 'r1',
    at: '2025-01-01T09:00:00Z',
    actor: { role: 'referrer', id: 'gp-1' },
    type: 'details-updated',
  });
  assert.equal(event.ok, false);
  if (!event.ok) {
    const issue = event.errors.find((e) => e.messageCode === 'change-at-least-one');
    assert.ok(issue, JSON.stringify(event.errors));
    assert.deepEqual(issue.params, { fields: ['route', 'routeDetail', 'reasons', 'urgency', 'clpId'] });
    assert.equal(issue.message, validationMessage('change-at-least-one', issue.params as never));
  }
  const unsafe = checkJsonSafety({ a: { ['__proto__']: 1 }, b: Number.NaN });
  assert.ok(
    unsafe.every(
      (i) => i.messageCode !== undefined && i.message === validationMessage(i.messageCode as never, i.params as never),
    ),
  );
});

test('describeEvent is the English of eventMessage', () => {
  const s = script('ref-describe');
  const created = s.created();
  assert.deepEqual(eventMessage(created), {
    code: 'event.made',
    params: { route: 'gp', urgency: 'routine', themes: ['Living well day to day'] },
  });
  assert.equal(describeEvent(created), renderEventMessage(eventMessage(created)));
  assert.equal(describeEvent(created), 'Referral made (GP, routine): Living well day to day');
});

test('renderWith renders a known code and leaves an unknown one to the caller', () => {
  const map = { hello: (p: { name: string }) => `Hello ${p.name}` };
  assert.equal(renderWith(map, 'hello', { name: 'Ailsa' }), 'Hello Ailsa');
  assert.equal(renderWith(map, 'toString', {}), undefined);
  assert.equal(renderWith(map, 'bye', {}), undefined);
});
