// A referral history with a sentinel in every free-text field, for the tests
// that prove free text never leaves the toolkit without the person's consent
// to share the outcome with the GP record (this file holds no tests itself).
import type { ReferralEvent } from '../test-all.js';

/** The sentinel: it must never appear in an output without consent. */
export const SENTINEL = 'SENTINEL-refuge-do-not-share';

/**
 * Three referrals of practice-1, each with the sentinel in every free-text
 * field it can hold: `sx-hold` (on hold, coded reason `person-unavailable`),
 * `sx-rejected` (rejected, `not-suitable`) and `sx-done` (completed,
 * `connected-to-support`, one achieved goal). With `consent`, the person
 * consented to sharing the outcome with the GP record from the start.
 */
export function sentinelEvents(consent: boolean): ReferralEvent[] {
  const events: ReferralEvent[] = [];
  let t = Date.parse('2025-03-03T09:00:00Z');
  let n = 0;
  const referrer = { role: 'referrer', id: 'gp-1' } as const;
  const clp = { role: 'clp', id: 'clp-1' } as const;
  const add = (referralId: string, actor: ReferralEvent['actor'], fields: Record<string, unknown>) => {
    t += 3_600_000;
    events.push({
      id: `sx-e${++n}`,
      referralId,
      at: new Date(t).toISOString(),
      actor,
      ...fields,
    } as unknown as ReferralEvent);
  };
  const created = (referralId: string) =>
    add(referralId, referrer, {
      type: 'created',
      status: 'requested',
      person: `pt-${referralId}`,
      practiceId: 'practice-1',
      route: 'other',
      routeDetail: SENTINEL,
      reasons: [{ themeId: 'facing-challenges-and-crises', text: SENTINEL }],
      urgency: 'soon',
      consent: consent ? ['contact', 'share-outcome-with-gp-record'] : ['contact'],
      note: SENTINEL,
    });
  const casework = (referralId: string, goalStatus: 'active' | 'achieved') => {
    add(referralId, clp, { type: 'status-changed', to: 'accepted', reason: SENTINEL });
    add(referralId, clp, { type: 'status-changed', to: 'in-progress' });
    add(referralId, clp, { type: 'contact-recorded', setting: 'community', durationMinutes: 40, reason: SENTINEL });
    add(referralId, clp, {
      type: 'goal-added',
      goalId: 'g1',
      statement: SENTINEL,
      themeId: 'facing-challenges-and-crises',
      status: goalStatus,
    });
    add(referralId, clp, {
      type: 'resource-linked',
      linkId: 'l1',
      resource: { id: 'aliss:1', name: 'Food bank', source: 'ALISS' },
      mode: 'signposted',
      status: 'attending',
    });
    add(referralId, clp, { type: 'follow-up-scheduled', followUpId: 'f1', due: '2025-04-01', note: SENTINEL });
    add(referralId, clp, { type: 'note-added', text: SENTINEL });
    add(referralId, clp, { type: 'outcome-recorded', outcome: { code: 'connected-to-support', summary: SENTINEL } });
  };
  created('sx-hold');
  casework('sx-hold', 'active');
  add('sx-hold', clp, { type: 'status-changed', to: 'on-hold', reasonCode: 'person-unavailable', reason: SENTINEL });
  created('sx-rejected');
  add('sx-rejected', clp, { type: 'status-changed', to: 'rejected', reasonCode: 'not-suitable', reason: SENTINEL });
  created('sx-done');
  casework('sx-done', 'achieved');
  add('sx-done', clp, { type: 'status-changed', to: 'completed' });
  return events;
}
