// The budget table (scripts/size-budgets.mjs) covers every element exactly once, and the
// same-run comparison with other libraries' selects (`node scripts/size.mjs --compare`,
// docs/bundle-size.md) still measures: it is no budget, but it must not rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGETS } from './size-budgets.mjs';
import { KB, budgetRows, builtElements, measureComparison, COMPARISON } from './size.mjs';

test('every element the components package registers has exactly one budget category', () => {
  const elements = builtElements();
  assert.ok(elements.length >= 17, `found ${elements.length} elements`);
  const rows = budgetRows(elements);
  for (const name of elements) assert.equal(rows.filter((r) => r.name === name).length, 1, name);
  // The numbers, by category.
  const budgetOf = (name) => rows.find((r) => r.name === name).budget;
  assert.equal(budgetOf('autoloader'), 2);
  assert.equal(budgetOf('core'), 10);
  assert.equal(budgetOf('run-chart'), 20);
  assert.equal(budgetOf('caseload'), 22);
  assert.equal(budgetOf('pdsa-log'), 25);
  assert.equal(budgetOf('plan-editor'), 32);
});

test('an element missing from the table, or one that does not exist, fails the size check', () => {
  assert.throws(() => budgetRows([...builtElements(), 'new-widget']), /no budget category for links-new-widget/);
  assert.throws(() => budgetRows(builtElements().filter((n) => n !== 'caseload')), /"caseload" is not an element/);
  assert.ok(BUDGETS.every((b) => b.budget === null || (b.budget > 0 && b.budget <= 50)));
});

test("the comparison measures Shoelace's sl-select and Material Web's md-outlined-select beside Lit", async () => {
  const rows = await measureComparison({ ours: [] });
  assert.equal(rows.length, COMPARISON.length + 1);
  const lit = rows.at(-1).size;
  assert.ok(lit > 3 * KB && lit < 10 * KB, `Lit alone ${lit}`);
  for (const row of rows.slice(0, -1)) {
    // Each select is a Lit element with its own parts: more than Lit, far less than a whole library.
    assert.ok(row.size > lit + 2 * KB && row.size < 150 * KB, `${row.label}: ${row.size} bytes`);
  }
});
