import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addRelationship,
  allowedPlanEdits,
  answerIssues,
  changeStatus,
  checkPlanRules,
  completePdsaCycle,
  createNetworkRegister,
  findPlanEdit,
  NETWORK_MESSAGES_EN,
  networkMessage,
  ONS4,
  OUTCOME_MESSAGES_EN,
  outcomeMessage,
  parsePlanDocument,
  PLAN_MESSAGES_EN,
  planMessage,
  recordContact,
  removeMeasure,
  startPdsaCycle,
  validateInstrument,
  validateOutcomeResponses,
  validationMessage,
  type Plan,
  type ValidationIssue,
} from '../test-all.js';
import { NETWORK_SAMPLES, OUTCOME_SAMPLES, PLAN_SAMPLES } from './rule-message-samples.test.js';

/** Every parameter value (numbers, ids, each entry of a list) is written into the English. */
function assertEveryCodeRendered(
  family: string,
  renderers: object,
  samples: object,
  render: (code: string, params: object) => string,
): void {
  assert.deepEqual(Object.keys(renderers).sort(), Object.keys(samples).sort(), `${family}: one English text per code`);
  for (const [code, params] of Object.entries(samples) as [string, Record<string, unknown>][]) {
    assert.ok(code.startsWith(`${family}.`), `${code} is in the ${family} family`);
    const text = render(code, params);
    assert.match(text, /^[a-z"]/, `${code} reads after a field's name: ${text}`);
    for (const [name, value] of Object.entries(params)) {
      if (name === 'item') continue; // an id rendered as its English noun
      for (const part of Array.isArray(value) ? value : [value]) {
        assert.ok(text.includes(String(part)), `${code} writes ${name} (${String(part)}): ${text}`);
      }
    }
  }
}

test('every plan, network register and outcome message code has an English text, with its parameters written into it', () => {
  assertEveryCodeRendered('plan', PLAN_MESSAGES_EN, PLAN_SAMPLES, (c, p) => planMessage(c as never, p as never));
  assertEveryCodeRendered('network', NETWORK_MESSAGES_EN, NETWORK_SAMPLES, (c, p) =>
    networkMessage(c as never, p as never),
  );
  assertEveryCodeRendered('outcome', OUTCOME_MESSAGES_EN, OUTCOME_SAMPLES, (c, p) =>
    outcomeMessage(c as never, p as never),
  );
  assert.equal(
    planMessage('plan.unknown-item', { item: 'change-idea', id: 'change-7' }),
    'has no change idea with the id "change-7"',
  );
  assert.equal(
    planMessage('plan.status-transition', { from: 'agreed', to: 'draft', next: ['under-review', 'submitted'] }),
    'cannot change from "agreed" to "draft": from "agreed" a plan can move to "under-review" or "submitted"',
  );
});

/** The issue's message is the English of its code and parameters, and the parameters survive JSON. */
function assertCoded(
  issue: ValidationIssue | undefined,
  messageCode: string,
  params: object,
  message: string,
  render: (code: string, params: object) => string,
): void {
  assert.ok(issue, `an issue with ${messageCode}`);
  assert.equal(issue.messageCode, messageCode);
  assert.deepEqual(issue.params, params);
  assert.equal(issue.message, message, 'the English is word for word what it was');
  assert.equal(render(issue.messageCode!, issue.params!), issue.message);
  assert.deepEqual(JSON.parse(JSON.stringify(issue.params)), issue.params);
}

const SAMPLE_PLAN = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');
function samplePlan(): Plan {
  const parsed = parsePlanDocument(JSON.parse(SAMPLE_PLAN));
  if (!parsed.ok) throw new Error('sample plan is invalid');
  return parsed.value;
}
const plan = (code: string, params: object) => planMessage(code as never, params as never);

test('plan operations, allowed edits and rule checks give each issue a message code and parameters beside its plan error code', () => {
  const sample = samplePlan();
  const early = completePdsaCycle(sample, 'shared-learning', 'change-1', 'cycle-3', {
    study: 'It worked.',
    act: 'adopt',
    completedDate: '2024-01-01',
  });
  assert.ok(!early.ok);
  assert.equal(early.errors[0]!.code, 'invalid');
  assertCoded(
    early.errors[0],
    'plan.completed-before-start',
    { startDate: '2024-11-04' },
    'must not be before the start date 2024-11-04',
    plan,
  );

  const open = startPdsaCycle(sample, 'shared-learning', 'change-1', {
    plan: 'p',
    prediction: 'q',
    startDate: '2024-12-01',
  });
  assert.ok(!open.ok);
  assert.equal(open.errors[0]!.code, 'state');
  assertCoded(
    open.errors[0],
    'plan.cycle-open',
    { index: 2, id: 'cycle-3' },
    'cannot start while cycles[2] ("cycle-3") is still open: complete it first',
    plan,
  );
  // allowedPlanEdits refuses the same way, with the same code and parameters.
  const start = findPlanEdit(allowedPlanEdits(sample), 'start-pdsa-cycle', {
    changeIdeaId: 'change-1',
    path: 'capacities.shared-learning.changeIdeas[0].cycles[3]',
  });
  assert.deepEqual(start?.refusal, open.errors[0]);

  const spread = findPlanEdit(allowedPlanEdits(sample), 'record-spread', {
    path: 'capacities.shared-learning.changeIdeas[0].spread',
  });
  assertCoded(
    spread?.refusal,
    'plan.spread-needs-adoption',
    {},
    'needs a completed cycle that adopted the change: a change spreads once it is adopted',
    plan,
  );

  const inUse = removeMeasure(sample, 'shared-learning', 'measure-1');
  assert.ok(!inUse.ok);
  assertCoded(
    inUse.errors[0],
    'plan.measure-in-use',
    { aimIndex: 0, aimId: 'aim-1' },
    'is the measure of aims[0] ("aim-1"): unlink it from the aim first',
    plan,
  );

  const status = changeStatus(sample, sample.status === 'draft' ? 'agreed' : 'draft');
  if (!status.ok) assert.equal(status.errors[0]!.messageCode, 'plan.status-transition');

  const capacity = sample.capacities['shared-learning']!;
  const broken = {
    ...sample,
    capacities: {
      ...sample.capacities,
      'shared-learning': { ...capacity, aims: [...capacity.aims, { ...capacity.aims[0]!, measureId: 'measure-9' }] },
    },
  } as Plan;
  const rules = checkPlanRules(broken);
  assertCoded(
    rules.find((i) => i.messageCode === 'plan.duplicate-id'),
    'plan.duplicate-id',
    { id: 'aim-1', list: 'aims', earlier: 0 },
    'repeats the id "aim-1" of aims[0]: ids must be unique in the list',
    plan,
  );
  assertCoded(
    rules.find((i) => i.messageCode === 'plan.unknown-measure'),
    'plan.unknown-measure',
    { measureId: 'measure-9' },
    'names the measure "measure-9", which this capacity does not have',
    plan,
  );
});

test('the network register’s rules and refusals carry a message code and parameters', () => {
  const network = (code: string, params: object) => networkMessage(code as never, params as never);
  let reg = createNetworkRegister('practice-1');
  const added = addRelationship(
    reg,
    { organisation: { name: 'Eastfield Men’s Shed' }, contactRole: 'chair' },
    { on: '2024-02-01', by: 'CLP' },
  );
  assert.ok(added.ok);
  reg = added.value;
  const early = recordContact(reg, 'rel-1', 'visit', { on: '2024-01-01' });
  assert.ok(!early.ok);
  assertCoded(early.errors[0], 'network.before-since', {}, 'must not be before the relationship began', network);
  const twice = addRelationship(
    reg,
    { organisation: { name: 'eastfield men’s shed' }, contactRole: 'chair' },
    { on: '2024-03-01' },
  );
  assert.ok(!twice.ok);
  assertCoded(
    twice.errors[0],
    'network.organisation-active',
    { id: 'rel-1' },
    'already has an active relationship in the register ("rel-1")',
    network,
  );
  const missing = recordContact(reg, 'rel-9', 'contact', { on: '2024-03-01' });
  assert.ok(!missing.ok);
  assertCoded(
    missing.errors[0],
    'network.unknown-relationship',
    { id: 'rel-9' },
    'has no relationship with the id "rel-9"',
    network,
  );
});

test('outcome answers, responses and instrument definitions carry a message code and parameters', () => {
  const outcome = (code: string, params: object) => outcomeMessage(code as never, params as never);
  const item = ONS4.items[0]!;
  const issues = answerIssues(ONS4, { [item.id]: 42, mood: 3 }, { requireAll: true });
  assertCoded(
    issues.find((i) => i.messageCode === 'outcome.not-an-answer'),
    'outcome.not-an-answer',
    { values: item.options.map((o) => String(o.value)), value: '42' },
    `must be one of the answer values ${item.options.map((o) => o.value).join(', ')}, not 42`,
    outcome,
  );
  assertCoded(
    issues.find((i) => i.messageCode === 'outcome.not-an-item'),
    'outcome.not-an-item',
    { instrument: ONS4.name },
    `is not an item of ${ONS4.name}`,
    outcome,
  );
  assertCoded(
    issues.find((i) => i.path === ONS4.items[1]!.id),
    'outcome.needs-answer',
    {},
    'needs an answer',
    outcome,
  );

  const responses = validateOutcomeResponses({
    kind: 'links.outcome-responses',
    schemaVersion: 1,
    responses: [
      {
        id: 'resp-1',
        instrumentId: 'phq-9',
        person: 'pt-1',
        practiceId: 'practice-1',
        timepoint: 'baseline',
        date: '2024-05-01',
        answers: {},
      },
    ],
  });
  assert.ok(!responses.ok, 'an unknown instrument is refused');
  assertCoded(
    responses.errors.find((i) => i.messageCode === 'outcome.unknown-instrument'),
    'outcome.unknown-instrument',
    { instrumentId: 'phq-9' },
    '"phq-9" is not a known instrument: include its definition in "instruments"',
    outcome,
  );

  const options = item.options.map((o) => ({ ...o, value: 1 }));
  const instrument = validateInstrument({ ...ONS4, items: [{ ...item, options }, item], scoring: { items: false } });
  assert.ok(!instrument.ok);
  const codes = instrument.errors.map((e) => e.messageCode);
  for (const code of ['option-values-unique', 'unique-ids', 'scoring-reports-nothing'] as const) {
    const issue: ValidationIssue | undefined = instrument.errors.find((e) => e.messageCode === code);
    assert.ok(issue, `${code} among ${codes.join(', ')}`);
    assert.equal(issue.message, validationMessage(code, issue.params as never));
  }
});
