// Referral events for the fast-path property tests (no tests here; not published).
import { generateDemoReferrals } from '../demo-data/referrals.js';

/** An event of `type` with the common fields filled in and `extra` after them. */
export const eventOf = (type: string, extra: Record<string, unknown>): Record<string, unknown> => ({
  id: `e-${type}`,
  referralId: 'r-1',
  at: '2025-01-02T10:00:00Z',
  actor: { role: 'clp', id: 'clp-7', practices: ['practice-1', 'practice-2'] },
  reason: 'Because',
  type,
  ...extra,
});

/** One event of every type, every optional field present, keys in schema order. */
export const FULL_EVENTS: readonly Record<string, unknown>[] = [
  eventOf('created', {
    status: 'requested',
    person: 'person-1',
    practiceId: 'practice-1',
    clpId: 'clp-7',
    route: 'gp',
    routeDetail: 'Dr Ahmed',
    reasons: [{ themeId: 'living-well-day-to-day', text: 'Lonely' }, { themeId: 'dying-well' }],
    urgency: 'soon',
    consent: ['contact', 'share-with-community-organisation'],
    previousReferralId: 'r-0',
    note: 'First contact by phone',
  }),
  eventOf('details-updated', {
    route: 'nurse',
    routeDetail: 'Practice nurse',
    reasons: [{ themeId: 'navigating-systems' }],
    urgency: 'urgent',
    clpId: 'clp-8',
  }),
  eventOf('status-changed', { to: 'completed', reasonCode: 'other', outcome: { code: 'goals-achieved', summary: '' } }),
  eventOf('clp-assigned', { clpId: 'clp-9' }),
  eventOf('consent-given', { scope: 'contact' }),
  eventOf('consent-withdrawn', { scope: 'share-outcome-with-gp-record' }),
  eventOf('do-not-contact-set', {}),
  eventOf('do-not-contact-cleared', {}),
  eventOf('contact-attempted', { method: 'phone', outcome: 'no-answer' }),
  eventOf('contact-recorded', { setting: 'home', durationMinutes: 45 }),
  eventOf('goal-added', {
    goalId: 'g-1',
    statement: 'Walk weekly',
    themeId: 'living-well-day-to-day',
    status: 'active',
  }),
  eventOf('goal-updated', { goalId: 'g-1', statement: 'Walk twice a week', status: 'achieved' }),
  eventOf('resource-linked', {
    linkId: 'l-1',
    resource: { id: 'aliss:123', name: 'Walking group', source: 'ALISS' },
    mode: 'referred',
    status: 'contacted',
  }),
  eventOf('resource-updated', { linkId: 'l-1', mode: 'accompanied', status: 'attending' }),
  eventOf('follow-up-scheduled', { followUpId: 'f-1', due: '2025-02-28', note: 'Check in' }),
  eventOf('follow-up-done', { followUpId: 'f-1' }),
  eventOf('outcome-recorded', { outcome: { code: 'connected-to-support', summary: 'Goes weekly' } }),
  eventOf('note-added', { text: 'Called back' }),
];

/** Thirty demo referrals' events for one practice, as JSON gives them back (plain objects, no undefined). */
export function demoEventsAsJson(seed: number): Record<string, unknown>[] {
  const { events } = generateDemoReferrals({
    practices: [{ id: 'practice-1', listSize: 6000 }],
    seed,
    asOf: '2025-03-31T12:00:00Z',
    referralsPerPractice: 30,
  });
  return JSON.parse(JSON.stringify(events)) as Record<string, unknown>[];
}
