import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  addAim,
  addEvidence,
  mergePlanEdits,
  parsePlanDocument,
  recordDataPoint,
  removeAim,
  setTeam,
  setTitle,
  updateAim,
  validatePlan,
  type Plan,
  type PlanResult,
} from '../test-all.js';

const SAMPLE_TEXT = readFileSync(new URL('../../../../examples/data/sample-plan.json', import.meta.url), 'utf8');
function sample(): Plan {
  const parsed = parsePlanDocument(JSON.parse(SAMPLE_TEXT));
  if (!parsed.ok) throw new Error('sample plan is invalid');
  return parsed.value;
}
function ok(result: PlanResult): Plan {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}
/** Theirs as the store keeps it: the next revision, by someone else. */
function saved(plan: Plan, by: string): Plan {
  return { ...plan, revision: plan.revision + 1, savedBy: by, savedAt: '2025-06-01T10:00:00.000Z' };
}

test('two people each add an aim to the same capacity: both aims are in the merge, mine renamed to a free id', () => {
  const base = sample();
  const theirs = saved(ok(addAim(base, 'awareness', { statement: 'Theirs' })), 'Practice nurse');
  const mine = ok(addAim(base, 'awareness', { statement: 'Mine' }));
  assert.equal(mine.capacities['awareness']!.aims[1]!.id, theirs.capacities['awareness']!.aims[1]!.id);
  const merge = mergePlanEdits(base, mine, theirs);
  assert.deepEqual(merge.conflicts, []);
  assert.deepEqual(merge.issues, []);
  assert.deepEqual(
    merge.plan.capacities['awareness']!.aims.map((a) => [a.id, a.statement]),
    [
      ['aim-1', base.capacities['awareness']!.aims[0]!.statement],
      ['aim-2', 'Theirs'],
      ['aim-3', 'Mine'],
    ],
  );
  assert.deepEqual(merge.renamed, [{ key: 'capacities/awareness/aims', from: 'aim-2', to: 'aim-3' }]);
  assert.equal(merge.plan.revision, theirs.revision, 'saves as the revision after theirs');
  assert.equal(merge.plan.savedBy, 'Practice nurse');
  assert.ok(validatePlan(merge.plan).ok);
});

test('changes to different fields and items are all kept; the inputs are untouched', () => {
  const base = sample();
  const theirs = saved(ok(setTitle(base, 'Their title')), 'Lead GP');
  const mineText = JSON.stringify(
    ok(
      recordDataPoint(base, 'team-wellbeing', base.capacities['team-wellbeing']!.measures[0]!.id, {
        date: '2030-01-01',
        value: 3,
      }),
    ),
  );
  const mine = ok(addEvidence(JSON.parse(mineText) as Plan, 'intelligence', { date: '2025-01-01', text: 'Mine' }));
  const theirsText = JSON.stringify(theirs);
  const merge = mergePlanEdits(base, mine, theirs);
  assert.deepEqual(merge.conflicts, []);
  assert.equal(merge.plan.title, 'Their title');
  assert.equal(merge.plan.capacities['intelligence']!.evidence.at(-1)!.text, 'Mine');
  assert.equal(merge.plan.capacities['team-wellbeing']!.measures[0]!.points.at(-1)!.date, '2030-01-01');
  assert.equal(JSON.stringify(theirs), theirsText);
});

test('the same field changed both ways is a conflict with its JSON path and both values; theirs until I choose mine', () => {
  const base = sample();
  const aimId = base.capacities['awareness']!.aims[0]!.id;
  const theirs = saved(ok(updateAim(base, 'awareness', aimId, { statement: 'Their wording' })), 'Practice nurse');
  const mine = ok(updateAim(base, 'awareness', aimId, { statement: 'My wording', target: 80 }));
  const merge = mergePlanEdits(base, mine, theirs);
  assert.equal(merge.conflicts.length, 1);
  const [c] = merge.conflicts;
  assert.equal(c!.path, 'capacities.awareness.aims[0].statement');
  assert.equal(c!.mine, 'My wording');
  assert.equal(c!.theirs, 'Their wording');
  assert.equal(c!.chosen, 'theirs');
  assert.equal(merge.plan.capacities['awareness']!.aims[0]!.statement, 'Their wording');
  assert.equal(merge.plan.capacities['awareness']!.aims[0]!.target, 80, 'my other field is reapplied');
  const chosen = mergePlanEdits(base, mine, theirs, { [c!.key]: 'mine' });
  assert.equal(chosen.plan.capacities['awareness']!.aims[0]!.statement, 'My wording');
  assert.equal(chosen.conflicts[0]!.chosen, 'mine');
});

test('removed by one side and changed by the other is a conflict on the item; a plain removal is reapplied', () => {
  const base = ok(addAim(sample(), 'awareness', { statement: 'Second' }));
  const theirs = saved(ok(updateAim(base, 'awareness', 'aim-2', { statement: 'Second, reworded' })), 'Practice nurse');
  const mine = ok(removeAim(base, 'awareness', 'aim-2'));
  const merge = mergePlanEdits(base, mine, theirs);
  assert.deepEqual(
    merge.conflicts.map((c) => [c.path, c.mine, (c.theirs as { statement: string }).statement]),
    [['capacities.awareness.aims[1]', undefined, 'Second, reworded']],
  );
  assert.equal(
    mergePlanEdits(base, mine, theirs, { [merge.conflicts[0]!.key]: 'mine' }).plan.capacities['awareness']!.aims.length,
    1,
  );
  const plainRemoval = mergePlanEdits(base, mine, saved(ok(setTitle(base, 'T')), 'X'));
  assert.equal(plainRemoval.plan.capacities['awareness']!.aims.length, 1);
});

test('team lists merge by what each side added and removed', () => {
  const base = ok(setTeam(sample(), 'awareness', ['Reception', 'GP']));
  const theirs = saved(ok(setTeam(base, 'awareness', ['Reception', 'GP', 'Nurse'])), 'X');
  const mine = ok(setTeam(base, 'awareness', ['GP', 'Pharmacist']));
  assert.deepEqual(mergePlanEdits(base, mine, theirs).plan.capacities['awareness']!.team, [
    'GP',
    'Nurse',
    'Pharmacist',
  ]);
});

test('property: with no conflicts, merging adds every aim both sides added and keeps the plan valid', () => {
  const statements = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 });
  fc.assert(
    fc.property(statements, statements, (mineAims, theirAims) => {
      const base = sample();
      let mine = base;
      for (const s of mineAims) mine = ok(addAim(mine, 'network-building', { statement: `mine ${s}` }));
      let theirs = base;
      for (const s of theirAims) theirs = ok(addAim(theirs, 'network-building', { statement: `theirs ${s}` }));
      const merge = mergePlanEdits(base, mine, saved(theirs, 'X'));
      assert.deepEqual(merge.conflicts, []);
      const got = merge.plan.capacities['network-building']!.aims.map((a) => a.statement);
      assert.deepEqual(got, [...theirAims.map((s) => `theirs ${s}`), ...mineAims.map((s) => `mine ${s}`)]);
      assert.ok(validatePlan(merge.plan).ok);
      // Merging is symmetric when nothing conflicts: neither side's edit is lost.
      assert.equal(
        mergePlanEdits(base, theirs, saved(mine, 'Y')).plan.capacities['network-building']!.aims.length,
        got.length,
      );
    }),
    { numRuns: 80 },
  );
});
