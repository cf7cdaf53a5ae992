// Sample parameters for every plan, network register and outcome message code, shared by core's
// rule-message tests (the English) and the components' (every other language): one table, so a new
// code is added once. This file holds no tests itself.
import type { NetworkMessageParams, OutcomeMessageParams, PlanMessageParams } from '../test-all.js';

// One set of parameters per code. The mapped types make the compiler refuse a missing code.
export const PLAN_SAMPLES: { readonly [C in keyof PlanMessageParams]: PlanMessageParams[C] } = {
  'plan.duplicate-id': { id: 'aim-7', list: 'aims', earlier: 3 },
  'plan.id-taken': { id: 'aim-7' },
  'plan.point-date-repeated': { date: '2024-05-01', earlier: 3 },
  'plan.point-out-of-order': { previous: '2024-05-01', earlier: 3 },
  'plan.points-repeat-date': { date: '2024-05-01' },
  'plan.point-exists': { date: '2024-05-01', value: 42 },
  'plan.no-point-on': { date: '2024-05-01' },
  'plan.list-full': { maximum: 500 },
  'plan.cycle-open': { index: 3, id: 'cycle-7' },
  'plan.second-open-cycle': { index: 3 },
  'plan.measure-in-use': { aimIndex: 3, aimId: 'aim-7' },
  'plan.completed-before-start': { startDate: '2024-05-01' },
  'plan.study-required': {},
  'plan.act-required': {},
  'plan.act-before-completion': {},
  'plan.cycle-completed': { completedDate: '2024-05-01' },
  'plan.cycle-already-completed': { completedDate: '2024-05-01' },
  'plan.spread-needs-adoption': {},
  'plan.unknown-measure': { measureId: 'measure-7' },
  'plan.unknown-item': { item: 'change-idea', id: 'change-7' },
  'plan.unknown-capacity': {},
  'plan.unknown-theme': {},
  'plan.status-transition': { from: 'agreed', to: 'draft', next: ['under-review'] },
  'plan.team-repeated': { name: 'Practice nurse', earlier: 3 },
  'plan.capacity-repeated': { capacityId: 'awareness' },
  'plan.framework-mismatch': { planFramework: 'other-framework', framework: 'links-approach' },
  'plan.not-framework-capacity': { framework: 'links-approach', version: '1.0.0' },
  'plan.not-framework-theme': { framework: 'links-approach', version: '1.0.0' },
  'plan.focus-areas-not-list': {},
};

export const NETWORK_SAMPLES: { readonly [C in keyof NetworkMessageParams]: NetworkMessageParams[C] } = {
  'network.last-contact-before-since': {},
  'network.history-starts-added': {},
  'network.unknown-relationship': { id: 'rel-7' },
  'network.register-full': { maximum: 500 },
  'network.organisation-active': { id: 'rel-7' },
  'network.id-taken': { id: 'rel-7' },
  'network.before-since': {},
  'network.contact-kind': {},
  'network.ended-no-contact': {},
  'network.listing': { listings: ['listed', 'not-listed'] },
  'network.end-reason-required': {},
  'network.already-ended': {},
  'network.already-active': {},
  'network.reactivate-duplicate': {},
};

export const OUTCOME_SAMPLES: { readonly [C in keyof OutcomeMessageParams]: OutcomeMessageParams[C] } = {
  'outcome.not-an-item': { instrument: 'ONS4 personal well-being' },
  'outcome.not-an-answer': { values: ['0', '1', '2'], value: '42' },
  'outcome.needs-answer': {},
  'outcome.response-id-repeated': { id: 'resp-7' },
  'outcome.second-response': { timepoint: 'baseline', instrumentId: 'ons4', date: '2024-05-01' },
  'outcome.unknown-practice': { practiceId: 'practice-7' },
  'outcome.unknown-instrument': { instrumentId: 'phq-9' },
};

/** Every sample, by code: plan, network register and outcome codes together. */
export const RULE_MESSAGE_SAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  ...PLAN_SAMPLES,
  ...NETWORK_SAMPLES,
  ...OUTCOME_SAMPLES,
};
