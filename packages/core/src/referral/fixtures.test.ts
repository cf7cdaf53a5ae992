// Builders shared by the referral tests (this file holds no tests itself).
import {
  applyEvent,
  type ApplyResult,
  type ReferralEvent,
  type ReferralState,
  type ReferralStatus,
  type Rejection,
} from '../test-all.js';

export const REFERRER = { role: 'referrer', id: 'gp-1' } as const;
export const CLP = { role: 'clp', id: 'clp-1' } as const;
export const OTHER_CLP = { role: 'clp', id: 'clp-2' } as const;
export const MANAGER = { role: 'practice-manager', id: 'pm-1' } as const;
export const SYSTEM = { role: 'system', id: 'host-system' } as const;

const HOUR = 3_600_000;
export const T0 = Date.parse('2025-01-06T09:00:00Z');

type Actor = ReferralEvent['actor'];
type Fields = Record<string, unknown> & { type: ReferralEvent['type'] };

let counter = 0;

/** Writes events for one referral, one hour apart, with ids unique in the test run. */
export function script(referralId = 'ref-1', start = T0) {
  let t = start;
  const make = (actor: Actor, fields: Fields, options: { at?: string; id?: string } = {}): ReferralEvent => {
    t += HOUR;
    const { id: _id, at: _at, actor: _actor, referralId: _referralId, ...rest } = fields;
    return {
      id: options.id ?? `${referralId}-e${++counter}`,
      referralId,
      at: options.at ?? new Date(t).toISOString(),
      actor,
      ...rest,
    } as unknown as ReferralEvent;
  };
  return {
    /** The time the next event will get, as ISO. */
    next: () => new Date(t + HOUR).toISOString(),
    created: (fields: Record<string, unknown> = {}, actor: Actor = REFERRER) =>
      make(actor, {
        type: 'created',
        status: 'requested',
        person: 'pt-7f3a9c',
        practiceId: 'practice-1',
        route: 'gp',
        reasons: [{ themeId: 'living-well-day-to-day', text: 'Lonely since retiring' }],
        urgency: 'routine',
        consent: ['contact', 'share-outcome-with-gp-record'],
        ...fields,
      }),
    status: (to: ReferralStatus, actor: Actor = CLP, extra: Record<string, unknown> = {}) =>
      make(actor, { type: 'status-changed', to, ...extra }),
    event: (actor: Actor, fields: Fields, options: { at?: string; id?: string } = {}) => make(actor, fields, options),
  };
}

/** Applies events one by one with applyEvent; fails loudly if one is refused. */
export function build(events: readonly ReferralEvent[]): ReferralState {
  let state: ReferralState | undefined;
  for (const event of events) {
    const result = applyEvent(state, event);
    if (!result.ok)
      throw new Error(`fixture event ${event.id} (${event.type}) was refused: ${result.rejection.reason}`);
    state = result.state;
  }
  if (!state) throw new Error('no events');
  return state;
}

/** The rejection of an apply result, or a failure. */
export function rejectionOf(result: ApplyResult): Rejection {
  if (result.ok) throw new Error('expected the event to be refused, but it was applied');
  return result.rejection;
}

/** Events that bring a referral `ref-1` to each status, by the usual path. */
export function eventsTo(status: ReferralStatus, referralId = 'ref-1'): ReferralEvent[] {
  const s = script(referralId);
  const requested = [s.created()];
  switch (status) {
    case 'draft':
      return [s.created({ status: 'draft' })];
    case 'requested':
      return requested;
    case 'accepted':
      return [...requested, s.status('accepted')];
    case 'in-progress':
      return [...requested, s.status('accepted'), s.status('in-progress')];
    case 'on-hold':
      return [
        ...requested,
        s.status('accepted'),
        s.status('in-progress'),
        s.status('on-hold', CLP, { reason: 'In hospital' }),
      ];
    case 'completed':
      return [
        ...requested,
        s.status('accepted'),
        s.status('completed', CLP, { outcome: { code: 'support-no-longer-needed', summary: 'Managing well' } }),
      ];
    case 'rejected':
      return [...requested, s.status('rejected', CLP, { reason: 'Needs are clinical' })];
    case 'failed':
      return [...requested, s.status('accepted'), s.status('failed', CLP, { reason: 'Could not reach' })];
    case 'cancelled':
      return [...requested, s.status('cancelled', REFERRER, { reason: 'Needs met' })];
    case 'entered-in-error':
      return [...requested, s.status('entered-in-error', REFERRER, { reason: 'Wrong person' })];
  }
}
