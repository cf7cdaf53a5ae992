/* eslint-disable @typescript-eslint/no-explicit-any -- these tests edit parsed JSON events freely */
// Replay's fast paths against the reference path. Validating replay shares an
// event that is already exactly the schema's value and copies one the schema
// changes; either way its result must be the one the schema's own values give
// (every event parsed by zod, then replayed as trusted), rejections included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateDemoReferrals } from '../demo-data/referrals.js';
import { parseWith } from '../validation/parse.js';
import { applyEvent, replay } from './apply.js';
import { referralEventSchema } from './schema.js';
import type { ReferralEvent, ReferralState } from './types.js';

const DEMO = JSON.parse(
  JSON.stringify(
    generateDemoReferrals({
      practices: [
        { id: 'practice-1', listSize: 6000 },
        { id: 'practice-2', listSize: 4000 },
      ],
      seed: 11,
      asOf: '2025-03-31T12:00:00Z',
      referralsPerPractice: 25,
    }).events,
  ),
) as ReferralEvent[];

/** One way to change an event: pad its text (the schema trims it), reorder its keys, break it, or repeat it. */
const editArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('none', 'none', 'pad', 'reorder', 'reorder-actor', 'break', 'repeat', 'null-proto'),
});

function edited(events: readonly ReferralEvent[], edits: readonly { at: number; kind: string }[]): any[] {
  const out: any[] = JSON.parse(JSON.stringify(events));
  for (const { at, kind } of edits) {
    const i = at % out.length;
    const e = out[i];
    switch (kind) {
      case 'pad':
        for (const key of ['text', 'statement', 'note', 'reason'])
          if (typeof e[key] === 'string') e[key] = ` ${e[key]}\t`;
        break;
      case 'reorder':
        out[i] = Object.fromEntries(Object.entries(e).reverse());
        break;
      case 'reorder-actor':
        e.actor = Object.fromEntries(Object.entries(e.actor).reverse());
        break;
      case 'break':
        e.at = 'yesterday';
        break;
      case 'repeat':
        out.splice(i + 1, 0, JSON.parse(JSON.stringify(e)));
        break;
      case 'null-proto':
        out[i] = Object.assign(Object.create(null), e);
        break;
    }
  }
  return out;
}

/** The reference: each event through zod's schema, invalid ones left out, the rest replayed as trusted. */
function reference(events: readonly unknown[]) {
  const valid: ReferralEvent[] = [];
  const invalid: number[] = [];
  const indexOf: number[] = [];
  events.forEach((event, index) => {
    const parsed = parseWith(referralEventSchema, event);
    if (parsed.ok) {
      valid.push(parsed.value as ReferralEvent);
      indexOf.push(index);
    } else invalid.push(index);
  });
  const result = replay(valid, { trusted: true });
  const rejected = [
    ...invalid.map((index) => ({ index, code: 'invalid-event' })),
    ...result.rejected.map((r) => ({ index: indexOf[r.index]!, code: r.code, reason: r.reason })),
  ].sort((a, b) => a.index - b.index);
  return { state: result.state, applied: result.applied, rejected };
}

test('validating replay gives the result of the schema’s values replayed as trusted, shared or copied', () => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 12 }), (edits) => {
      const events = edited(DEMO, edits);
      const fast = replay(events);
      const ref = reference(events);
      assert.equal(JSON.stringify(fast.state), JSON.stringify(ref.state));
      assert.deepStrictEqual(fast.state, ref.state);
      assert.equal(fast.applied, ref.applied);
      assert.deepStrictEqual(
        fast.rejected.map((r) =>
          r.code === 'invalid-event'
            ? { index: r.index, code: r.code }
            : { index: r.index, code: r.code, reason: r.reason },
        ),
        ref.rejected,
      );
    }),
    { numRuns: 60, seed: 20_261_202, endOnFailure: true },
  );
});

test('replay shares events that are already the schema’s value, and copies those the schema changes', () => {
  const events = edited(DEMO, [{ at: 3, kind: 'pad' }]);
  const result = replay(events);
  const timeline = new Set(result.state.referrals.flatMap((r) => r.timeline));
  assert.ok(timeline.has(events[0]), 'an event already in schema form is kept as given');
  const padded = events[3];
  if (['text', 'statement', 'note', 'reason'].some((k) => typeof padded[k] === 'string'))
    assert.ok(!timeline.has(padded), 'an event the schema trims is replaced by its trimmed copy');
});

test('replay (trusted and validating) and applyEvent one at a time build the same states, with the same rejections', () => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 12 }), (edits) => {
      const events = edited(DEMO, edits).map((e) => JSON.parse(JSON.stringify(e)) as ReferralEvent);
      const states = new Map<string, ReferralState>();
      const rejected: { index: number; code: string }[] = [];
      events.forEach((event, index) => {
        const valid = parseWith(referralEventSchema, event);
        if (!valid.ok) return void rejected.push({ index, code: 'invalid-event' });
        const e = valid.value as ReferralEvent;
        const prior = states.get(e.referralId);
        const previous =
          e.type === 'created' && e.previousReferralId !== undefined ? states.get(e.previousReferralId) : undefined;
        const result = applyEvent(prior, e, { trusted: true, ...(previous ? { previous } : {}) });
        if (result.ok) states.set(e.referralId, result.state);
        else rejected.push({ index, code: result.rejection.code });
      });
      const fast = replay(events);
      assert.deepStrictEqual(
        fast.rejected.map((r) => ({ index: r.index, code: r.code })),
        rejected,
      );
      assert.equal(JSON.stringify(fast.state.referrals), JSON.stringify([...states.values()]));
    }),
    { numRuns: 40, seed: 20_261_203, endOnFailure: true },
  );
});
