import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  MAX_OPEN_CYCLES,
  PLAN_STATUS_TRANSITIONS,
  SPREAD_NEEDS_ADOPTION,
  addAim,
  allowedPlanEdits,
  changeStatus,
  completePdsaCycle,
  findPlanEdit,
  parsePlanDocument,
  recordSpread,
  removeMeasure,
  startPdsaCycle,
  type Plan,
  type PlanStatus,
} from '../test-all.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');
function sample(): Plan {
  const parsed = parsePlanDocument(JSON.parse(SAMPLE_TEXT));
  if (!parsed.ok) throw new Error('sample plan is invalid');
  return parsed.value;
}

test('status changes: exactly the lifecycle transitions are allowed, the others refused with the operation’s reason at "status"', () => {
  const plan = sample();
  const edits = allowedPlanEdits(plan).filter((e) => e.edit === 'change-status');
  assert.deepEqual(
    edits.filter((e) => e.allowed).map((e) => e.to),
    PLAN_STATUS_TRANSITIONS[plan.status],
  );
  const refused = edits.find((e) => e.to === 'draft')!;
  assert.equal(refused.allowed, false);
  assert.equal(refused.path, 'status');
  const operation = changeStatus(plan, 'draft');
  assert.ok(!operation.ok);
  assert.deepEqual(refused.refusal, operation.errors[0]);
  assert.equal(refused.refusal!.code, 'transition');
});

test('a new PDSA cycle is refused while one is open, at the new cycle’s path, with the code and reason startPdsaCycle gives', () => {
  const plan = sample();
  assert.equal(MAX_OPEN_CYCLES, 1);
  const edits = allowedPlanEdits(plan, { capacityId: 'shared-learning' });
  const open = findPlanEdit(edits, 'start-pdsa-cycle', { changeIdeaId: 'change-1' })!;
  assert.equal(open.allowed, false);
  assert.equal(open.path, 'capacities.shared-learning.changeIdeas[0].cycles[3]');
  assert.equal(open.refusal!.code, 'state');
  const attempt = startPdsaCycle(plan, 'shared-learning', 'change-1', {
    plan: 'p',
    prediction: 'q',
    startDate: '2024-06-01',
  });
  assert.ok(!attempt.ok);
  assert.deepEqual(open.refusal, attempt.errors[0]);
  assert.equal(findPlanEdit(edits, 'start-pdsa-cycle', { changeIdeaId: 'change-2' })!.allowed, true);
  assert.equal(findPlanEdit(edits, 'complete-pdsa-cycle', { itemId: 'cycle-3' })!.allowed, true);
  assert.equal(
    edits.some((e) => e.capacityId !== undefined && e.capacityId !== 'shared-learning'),
    false,
    'capacityId limits the capacity edits',
  );
});

test('spread needs an adopted cycle: refused with SPREAD_NEEDS_ADOPTION at the spread field until a cycle adopts the change', () => {
  const plan = sample();
  const before = findPlanEdit(allowedPlanEdits(plan), 'record-spread', {
    path: 'capacities.shared-learning.changeIdeas[0].spread',
  })!;
  assert.deepEqual(before.refusal, {
    path: 'capacities.shared-learning.changeIdeas[0].spread',
    message: SPREAD_NEEDS_ADOPTION,
    messageCode: 'plan.spread-needs-adoption',
    params: {},
    code: 'state',
  });
  const adopted = completePdsaCycle(plan, 'shared-learning', 'change-1', 'cycle-3', {
    study: 'It worked.',
    act: 'adopt',
    completedDate: '2024-12-01',
  });
  assert.ok(adopted.ok);
  const after = findPlanEdit(allowedPlanEdits(adopted.value), 'record-spread', { path: before.path })!;
  assert.equal(after.allowed, true);
  assert.equal(
    findPlanEdit(allowedPlanEdits(plan), 'withdraw-spread', { changeIdeaId: 'change-1' })?.capacityId,
    'team-wellbeing',
  );
});

test('a measure an aim names cannot be removed: refused as in-use with removeMeasure’s reason', () => {
  const plan = sample();
  const capacity = plan.capacities['team-wellbeing']!;
  const linked = capacity.aims.find((a) => a.measureId)!.measureId!;
  const edit = findPlanEdit(allowedPlanEdits(plan), 'remove-measure', { itemId: linked })!;
  assert.equal(edit.allowed, false);
  const attempt = removeMeasure(plan, 'team-wellbeing', linked);
  assert.ok(!attempt.ok);
  assert.deepEqual(edit.refusal, attempt.errors[0]);
});

test('property: every status change and new cycle is offered exactly when the operation accepts it, refused with its issue', () => {
  const statuses: PlanStatus[] = ['draft', 'submitted', 'agreed', 'under-review'];
  const capacityIds = Object.keys(sample().capacities);
  fc.assert(
    fc.property(
      fc.constantFrom(...statuses),
      fc.array(fc.tuple(fc.constantFrom(...capacityIds), fc.boolean()), { maxLength: 6 }),
      (status, steps) => {
        let plan: Plan = { ...sample(), status };
        // Random history: start or complete cycles, add aims.
        for (const [capacityId, start] of steps) {
          const idea = plan.capacities[capacityId]!.changeIdeas[0];
          if (!idea) {
            const added = addAim(plan, capacityId, { statement: 'An aim' });
            if (added.ok) plan = added.value;
            continue;
          }
          const open = idea.cycles.find((c) => c.completedDate === undefined);
          const next =
            start || !open
              ? startPdsaCycle(plan, capacityId, idea.id, { plan: 'p', prediction: 'q', startDate: '2025-01-01' })
              : completePdsaCycle(plan, capacityId, idea.id, open.id, {
                  study: 's',
                  act: 'adopt',
                  completedDate: '2025-02-01',
                });
          if (next.ok) plan = next.value;
        }
        for (const edit of allowedPlanEdits(plan)) {
          let result;
          if (edit.edit === 'change-status') result = changeStatus(plan, edit.to!);
          else if (edit.edit === 'start-pdsa-cycle')
            result = startPdsaCycle(plan, edit.capacityId!, edit.changeIdeaId!, {
              plan: 'p',
              prediction: 'q',
              startDate: '2025-03-01',
            });
          else if (edit.edit === 'record-spread')
            result = recordSpread(plan, edit.capacityId!, edit.changeIdeaId!, { date: '2025-04-01', note: 'n' });
          else continue;
          assert.equal(edit.allowed, result.ok, `${edit.edit} ${edit.path}`);
          if (!result.ok) assert.deepEqual(edit.refusal, result.errors[0]);
        }
      },
    ),
    { numRuns: 60 },
  );
});
