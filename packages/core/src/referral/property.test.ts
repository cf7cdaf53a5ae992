import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  allowedActions,
  applyEvent,
  checkReferralState,
  CONSENT_SCOPES,
  CONTACT_ATTEMPT_OUTCOMES,
  CONTACT_METHODS,
  CONTACT_SETTINGS,
  CONTENT_RULES,
  GOAL_STATUSES,
  OUTCOME_CODES,
  REFERRAL_ROUTES,
  REFERRAL_STATUSES,
  replay,
  RESOURCE_LINK_STATUSES,
  RESOURCE_MODES,
  STATUS_ROLES,
  TRANSITIONS,
  URGENCIES,
  type ActorRole,
  type ReferralEvent,
  type ReferralState,
  type ReferralStatus,
  type RejectionCode,
} from '../test-all.js';

const ACTORS: Record<ActorRole, readonly { role: ActorRole; id: string }[]> = {
  referrer: [{ role: 'referrer', id: 'gp-1' }],
  clp: [
    { role: 'clp', id: 'clp-1' },
    { role: 'clp', id: 'clp-1' },
    { role: 'clp', id: 'clp-2' },
  ],
  'practice-manager': [{ role: 'practice-manager', id: 'pm-1' }],
  system: [{ role: 'system', id: 'host' }],
};
const ALL_ACTORS = Object.values(ACTORS).flat();
const THEMES = ['living-well-day-to-day', 'navigating-systems', 'dying-well', 'not-a-theme'] as const;

/** Mostly an actor whose role may write this kind of event, sometimes anyone. */
const actorFor = (roles: readonly ActorRole[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...roles.flatMap((r) => ACTORS[r])) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_ACTORS) },
  );

const referralId = fc.constantFrom('r1', 'r2', 'r3');
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const content = (type: keyof typeof CONTENT_RULES, fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ type: fc.constant(type), actor: actorFor(CONTENT_RULES[type].roles), referralId, ...fields });

const bodies = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('created'),
      actor: actorFor(['referrer']),
      referralId,
      status: fc.constantFrom('draft', 'requested'),
      person: fc.constantFrom('pt-a1', 'pt-b2'),
      practiceId: fc.constantFrom('practice-1', 'practice-2'),
      clpId: option(fc.constantFrom('clp-1', 'clp-2')),
      route: fc.constantFrom(...REFERRAL_ROUTES),
      reasons: fc.array(fc.record({ themeId: fc.constantFrom(...THEMES) }), { minLength: 1, maxLength: 2 }),
      urgency: fc.constantFrom(...URGENCIES),
      consent: fc.oneof(
        { weight: 1, arbitrary: fc.constant(['contact']) },
        { weight: 1, arbitrary: option(fc.subarray([...CONSENT_SCOPES])) },
      ),
      previousReferralId: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: referralId },
      ),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(...REFERRAL_STATUSES).chain((to) =>
      fc.record({
        type: fc.constant('status-changed'),
        actor: actorFor(STATUS_ROLES[to]),
        referralId,
        to: fc.constant(to),
        reason: fc.oneof(
          { weight: 6, arbitrary: fc.constant('Because') },
          { weight: 1, arbitrary: fc.constantFrom(undefined, '', ' ') },
        ),
        outcome:
          to === 'completed'
            ? option(fc.record({ code: fc.constantFrom(...OUTCOME_CODES), summary: fc.constant('Done') }))
            : fc.constant(undefined),
      }),
    ),
  },
  { weight: 1, arbitrary: content('details-updated', { urgency: fc.constantFrom(...URGENCIES) }) },
  { weight: 1, arbitrary: content('clp-assigned', { clpId: fc.constantFrom('clp-1', 'clp-2') }) },
  { weight: 2, arbitrary: content('consent-given', { scope: fc.constantFrom(...CONSENT_SCOPES) }) },
  { weight: 2, arbitrary: content('consent-withdrawn', { scope: fc.constantFrom(...CONSENT_SCOPES) }) },
  { weight: 3, arbitrary: content('do-not-contact-set', {}) },
  { weight: 1, arbitrary: content('do-not-contact-cleared', {}) },
  {
    weight: 3,
    arbitrary: content('contact-attempted', {
      method: fc.constantFrom(...CONTACT_METHODS),
      outcome: fc.constantFrom(...CONTACT_ATTEMPT_OUTCOMES),
    }),
  },
  {
    weight: 4,
    arbitrary: content('contact-recorded', {
      setting: fc.constantFrom(...CONTACT_SETTINGS),
      durationMinutes: fc.integer({ min: 1, max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: content('goal-added', {
      goalId: fc.constantFrom('g1', 'g2'),
      statement: fc.constant('A goal'),
      themeId: fc.constantFrom(...THEMES),
      status: option(fc.constantFrom(...GOAL_STATUSES)),
    }),
  },
  {
    weight: 2,
    arbitrary: content('goal-updated', {
      goalId: fc.constantFrom('g1', 'g2', 'g3'),
      status: fc.constantFrom(...GOAL_STATUSES),
    }),
  },
  {
    weight: 2,
    arbitrary: content('resource-linked', {
      linkId: fc.constantFrom('l1', 'l2'),
      resource: fc.constant({ id: 'res-1', name: 'Walking group' }),
      mode: fc.constantFrom(...RESOURCE_MODES),
      status: option(fc.constantFrom(...RESOURCE_LINK_STATUSES)),
    }),
  },
  {
    weight: 2,
    arbitrary: content('resource-updated', {
      linkId: fc.constantFrom('l1', 'l2', 'l3'),
      status: fc.constantFrom(...RESOURCE_LINK_STATUSES),
    }),
  },
  {
    weight: 1,
    arbitrary: content('follow-up-scheduled', {
      followUpId: fc.constantFrom('f1', 'f2'),
      due: fc.constant('2025-02-01'),
    }),
  },
  { weight: 1, arbitrary: content('follow-up-done', { followUpId: fc.constantFrom('f1', 'f2') }) },
  {
    weight: 2,
    arbitrary: content('outcome-recorded', {
      outcome: fc.record({ code: fc.constantFrom(...OUTCOME_CODES), summary: fc.constant('Moved on') }),
    }),
  },
  { weight: 1, arbitrary: content('note-added', { text: fc.constant('A note') }) },
);

type Step = { body: Record<string, unknown>; guided: number; pick: number; which: number; delta: number; dup: number };

/** A plausible next event for a referral: one of the transitions open from its status, or casework that fits it. */
function guidedEvent(state: ReferralState, pick: number): Record<string, unknown> {
  const clp = { role: 'clp', id: state.clpId ?? 'clp-1' };
  const options: Record<string, unknown>[] = TRANSITIONS[state.status].map((to) => {
    const role = STATUS_ROLES[to][pick % STATUS_ROLES[to].length]!;
    return {
      type: 'status-changed',
      to,
      actor: role === 'clp' ? clp : ACTORS[role][0],
      ...(pick % 11 === 0 ? {} : { reason: 'Because' }),
      ...(to === 'completed' && pick % 2 === 0 ? { outcome: { code: 'other', summary: 'Done' } } : {}),
    };
  });
  if (state.status === 'in-progress') {
    options.push(
      { type: 'contact-recorded', actor: clp, setting: 'home', durationMinutes: 30 },
      { type: 'contact-recorded', actor: clp, setting: 'practice', durationMinutes: 45 },
      { type: 'contact-attempted', actor: clp, method: 'phone', outcome: 'no-answer' },
    );
  }
  if (['accepted', 'in-progress', 'on-hold'].includes(state.status)) {
    options.push(
      { type: 'goal-added', actor: clp, goalId: `g${pick % 3}`, statement: 'A goal', themeId: 'navigating-systems' },
      { type: 'goal-updated', actor: clp, goalId: `g${pick % 3}`, status: GOAL_STATUSES[pick % GOAL_STATUSES.length] },
      {
        type: 'resource-linked',
        actor: clp,
        linkId: `l${pick % 2}`,
        resource: { id: 'res-1', name: 'Walking group' },
        mode: RESOURCE_MODES[pick % 3],
      },
      {
        type: 'resource-updated',
        actor: clp,
        linkId: `l${pick % 2}`,
        status: RESOURCE_LINK_STATUSES[pick % RESOURCE_LINK_STATUSES.length],
      },
      { type: 'follow-up-scheduled', actor: clp, followUpId: `f${pick % 2}`, due: '2025-03-01' },
      { type: 'follow-up-done', actor: clp, followUpId: `f${pick % 2}` },
      { type: 'outcome-recorded', actor: clp, outcome: { code: 'goals-achieved', summary: 'Done' } },
      { type: 'consent-given', actor: clp, scope: CONSENT_SCOPES[pick % 3] },
    );
  }
  if (['requested', 'accepted', 'in-progress', 'on-hold'].includes(state.status)) {
    options.push(
      state.doNotContact
        ? { type: 'do-not-contact-cleared', actor: ACTORS['practice-manager'][0] }
        : { type: 'do-not-contact-set', actor: ACTORS['practice-manager'][0] },
      { type: 'consent-withdrawn', actor: ACTORS.referrer[0], scope: 'contact' },
    );
  }
  const chosen = options[pick % options.length];
  return chosen ? { ...chosen, referralId: state.id } : {};
}

/**
 * Event streams: a few referrals created first (more may be created later),
 * then mostly guided steps (a transition open from the referral's current
 * status, or casework that fits it) mixed with events of every kind at
 * random. Ids are mostly unique (sometimes a re-delivered one), times
 * mostly rising (sometimes earlier).
 */
const streams = fc
  .tuple(
    fc
      .subarray(['r1', 'r2', 'r3'], { minLength: 1 })
      .chain((ids) =>
        fc.tuple(
          ...ids.map((id) =>
            bodies
              .filter((b) => b.type === 'created')
              .map((b) => ({ ...b, referralId: id, previousReferralId: undefined })),
          ),
        ),
      ),
    fc.array(
      fc.record({
        body: bodies,
        guided: fc.integer({ min: 0, max: 9 }),
        pick: fc.nat({ max: 1000 }),
        which: fc.nat({ max: 1000 }),
        delta: fc.integer({ min: -3, max: 12 }),
        dup: fc.integer({ min: 0, max: 30 }),
      }),
      { minLength: 5, maxLength: 80, size: 'large' },
    ),
  )
  .map(([created, steps]) => {
    let t = Date.parse('2025-01-06T09:00:00Z');
    const states = new Map<string, ReferralState>();
    const all: Step[] = [
      ...created.map((body) => ({ body, guided: 9, pick: 0, which: 0, delta: 1, dup: 1 })),
      ...(steps as Step[]),
    ];
    return all.map(({ body, guided, pick, which, delta, dup }, i) => {
      t += delta * 3_600_000;
      const known = [...states.values()];
      const guidedBody = guided < 7 && known.length > 0 ? guidedEvent(known[which % known.length]!, pick) : {};
      const chosen = 'type' in guidedBody ? guidedBody : body;
      const id = dup === 0 && i > 0 ? `e${i - 1}` : `e${i}`;
      // Through JSON, as events arrive from a file or a store.
      const event = JSON.parse(JSON.stringify({ ...chosen, id, at: new Date(t).toISOString() })) as ReferralEvent;
      const result = applyEvent(states.get(event.referralId), event);
      if (result.ok) states.set(event.referralId, result.state);
      return event;
    });
  });

const reached = new Set<ReferralStatus>();
const codes = new Set<string>();

interface Live {
  states: Map<string, ReferralState>;
  outcomes: (RejectionCode | 'ok')[];
}

function liveFold(events: readonly ReferralEvent[]): Live {
  const states = new Map<string, ReferralState>();
  const outcomes: (RejectionCode | 'ok')[] = [];
  for (const event of events) {
    const before = states.get(event.referralId);
    const snapshot = before === undefined ? undefined : structuredClone(before);
    const previous =
      event.type === 'created' && event.previousReferralId ? states.get(event.previousReferralId) : undefined;
    const result = applyEvent(before, event, previous ? { previous } : {});
    if (result.ok) {
      states.set(event.referralId, result.state);
      reached.add(result.state.status);
      outcomes.push('ok');
    } else {
      // A rejected event changes nothing: the state given is exactly as it was.
      assert.deepEqual(before, snapshot);
      assert.equal(result.rejection.eventId, event.id);
      outcomes.push(result.rejection.code);
    }
  }
  return { states, outcomes };
}

test('random event streams never produce an invalid state, and live application equals replay', () => {
  fc.assert(
    fc.property(streams, (events) => {
      const result = replay(events);
      const live = liveFold(events);
      // Same decision for every event, by both entry points.
      const replayOutcomes: (RejectionCode | 'ok')[] = events.map(() => 'ok');
      for (const r of result.rejected) replayOutcomes[r.index] = r.code;
      assert.deepEqual(replayOutcomes, live.outcomes);
      assert.equal(result.applied + result.rejected.length, events.length);
      // Same states.
      assert.deepEqual(result.state.referrals, [...live.states.values()]);
      for (const state of result.state.referrals) {
        assert.deepEqual(checkReferralState(state), [], `state of ${state.id} breaks an invariant`);
      }
      for (const r of result.rejected) codes.add(r.code);
    }),
    { numRuns: 250, seed: 20250106 },
  );
  // The streams must actually explore the workflow, or this test proves little.
  assert.deepEqual([...reached].sort(), [...REFERRAL_STATUSES].sort(), 'every status was reached by some stream');
  for (const code of [
    'transition-not-allowed',
    'role-not-allowed',
    'reason-required',
    'out-of-order',
    'duplicate-event-id',
    'referral-finished',
    'not-assigned-clp',
    'do-not-contact',
    'no-consent-to-contact',
  ]) {
    assert.ok(codes.has(code), `some stream was refused with ${code} (seen: ${[...codes].join(', ')})`);
  }
});

test('replaying only the accepted events gives the same state, with nothing refused; replay is deterministic', () => {
  fc.assert(
    fc.property(streams, (events) => {
      const all = replay(events);
      const refused = new Set(all.rejected.map((r) => r.index));
      const accepted = events.filter((_, i) => !refused.has(i));
      const again = replay(accepted, { trusted: true });
      assert.equal(again.rejected.length, 0);
      assert.equal(again.applied, accepted.length);
      assert.deepEqual(again.state, all.state);
      assert.deepEqual(replay(events), all);
    }),
    { numRuns: 300, seed: 7 },
  );
});

test('allowedActions offers a status change exactly when the workflow would accept it from that user', () => {
  fc.assert(
    fc.property(streams, (events) => {
      for (const state of replay(events).state.referrals) {
        for (const actor of ALL_ACTORS) {
          const offered = new Set(
            allowedActions(state, actor)
              .filter((a) => a.type === 'status-changed')
              .map((a) => a.to),
          );
          for (const to of REFERRAL_STATUSES) {
            const event = {
              id: 'probe',
              referralId: state.id,
              type: 'status-changed',
              at: state.updatedAt,
              actor,
              to,
              reason: 'Because',
              ...(to === 'completed' ? { outcome: { code: 'other', summary: 'x' } } : {}),
            } as ReferralEvent;
            assert.equal(
              offered.has(to),
              applyEvent(state, event).ok,
              `${state.status} → ${to} by ${actor.role} ${actor.id}`,
            );
          }
        }
      }
    }),
    { numRuns: 150, seed: 99 },
  );
});
