// Referral fixtures for the FHIR and export tests (no tests here; not published).
import { replay } from '../referral/apply.js';
import type { ReferralEvent, ReferralState } from '../referral/types.js';

export const REFERRER = { role: 'referrer', id: 'gp-1' } as const;
export const CLP = { role: 'clp', id: 'clp-1' } as const;

/** Writes events for one referral, an hour apart from `start`. */
export function writer(referralId: string, start = '2025-01-06T09:00:00Z') {
  let t = Date.parse(start);
  let n = 0;
  return (actor: { role: string; id: string }, fields: Record<string, unknown>): ReferralEvent => {
    t += 3_600_000;
    return {
      id: `${referralId}-e${++n}`,
      referralId,
      at: new Date(t).toISOString(),
      actor,
      ...fields,
    } as unknown as ReferralEvent;
  };
}

/** A completed journey with consent to share: 3 contacts, 2 goals, 2 resources, an outcome. */
export function completedEvents(referralId = 'ref-1', person = 'pt-7f3a9c'): ReferralEvent[] {
  const e = writer(referralId);
  return [
    e(REFERRER, {
      type: 'created',
      status: 'requested',
      person,
      practiceId: 'practice-1',
      route: 'gp',
      reasons: [
        { themeId: 'living-well-day-to-day', text: 'Lonely since retiring' },
        { themeId: 'navigating-systems' },
      ],
      urgency: 'soon',
      consent: ['contact', 'share-outcome-with-gp-record'],
    }),
    e(CLP, { type: 'status-changed', to: 'accepted' }),
    e(CLP, { type: 'status-changed', to: 'in-progress' }),
    e(CLP, { type: 'contact-attempted', method: 'phone', outcome: 'no-answer' }),
    e(CLP, { type: 'contact-recorded', setting: 'practice', durationMinutes: 45 }),
    e(CLP, {
      type: 'goal-added',
      goalId: 'g1',
      statement: 'Join a walking group',
      themeId: 'living-well-day-to-day',
      status: 'active',
    }),
    e(CLP, {
      type: 'goal-added',
      goalId: 'g2',
      statement: 'Complete the benefits form',
      themeId: 'navigating-systems',
    }),
    e(CLP, { type: 'consent-given', scope: 'share-with-community-organisation' }),
    e(CLP, {
      type: 'resource-linked',
      linkId: 'l1',
      resource: { id: 'svc-42', name: 'Springburn Walking Group', source: 'aliss' },
      mode: 'referred',
    }),
    e(CLP, {
      type: 'resource-linked',
      linkId: 'l2',
      resource: { id: 'welfare-1', name: 'Welfare rights advice' },
      mode: 'signposted',
    }),
    e(CLP, { type: 'contact-recorded', setting: 'community', durationMinutes: 60 }),
    e(CLP, { type: 'resource-updated', linkId: 'l1', status: 'attending' }),
    e(CLP, { type: 'goal-updated', goalId: 'g1', status: 'achieved' }),
    e(CLP, { type: 'goal-updated', goalId: 'g2', status: 'not-achieved' }),
    e(CLP, { type: 'contact-recorded', setting: 'phone', durationMinutes: 20 }),
    e(CLP, {
      type: 'outcome-recorded',
      outcome: { code: 'connected-to-support', summary: 'Walking weekly with the group' },
    }),
    e(CLP, { type: 'status-changed', to: 'completed' }),
  ];
}

/** A referral the CLP accepted and started (contacting), consent to contact only. */
export function inProgressEvents(referralId = 'ref-2'): ReferralEvent[] {
  const e = writer(referralId);
  return [
    e(REFERRER, {
      type: 'created',
      status: 'requested',
      person: 'pt-11aa',
      practiceId: 'practice-1',
      route: 'nurse',
      reasons: [{ themeId: 'facing-challenges-and-crises', text: 'Debt and rent arrears' }],
      urgency: 'urgent',
      consent: ['contact'],
    }),
    e(CLP, { type: 'status-changed', to: 'accepted' }),
    e(CLP, { type: 'status-changed', to: 'in-progress' }),
    e(CLP, {
      type: 'goal-added',
      goalId: 'g1',
      statement: 'Keep the tenancy',
      themeId: 'facing-challenges-and-crises',
    }),
  ];
}

/** A referral the CLP rejected, with a reason. */
export function rejectedEvents(referralId = 'ref-3'): ReferralEvent[] {
  const e = writer(referralId);
  return [
    e(REFERRER, {
      type: 'created',
      status: 'requested',
      person: 'pt-22bb',
      practiceId: 'practice-2',
      route: 'self',
      reasons: [{ themeId: 'dying-well' }],
      urgency: 'routine',
    }),
    e(CLP, { type: 'status-changed', to: 'rejected', reason: 'Already supported by the hospice' }),
  ];
}

/** Replays events and returns the referral states (failing loudly on any rejection). */
export function states(events: readonly ReferralEvent[]): ReferralState[] {
  const result = replay(events);
  if (result.rejected.length > 0)
    throw new Error(`fixture events refused: ${result.rejected.map((r) => `${r.event.id}: ${r.reason}`).join('; ')}`);
  return [...result.state.referrals];
}

/** One referral state from its events. */
export function stateOf(events: readonly ReferralEvent[]): ReferralState {
  return states(events)[0]!;
}
