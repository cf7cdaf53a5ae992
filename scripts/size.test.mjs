// The budget table (scripts/size-budgets.mjs) covers every element exactly once, and the
// same-run comparison with other libraries' selects (`node scripts/size.mjs --compare`,
// docs/bundle-size.md) still measures: it is no budget, but it must not rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGETS } from './size-budgets.mjs';
import { KB, budgetRows, builtElements, graphParts, graphSizes, measureComparison, COMPARISON } from './size.mjs';

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

test('on-demand code: a dynamic import() of a module in an on-demand/ folder is left out of the figure, a static import of one is counted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'size-on-demand-'));
  try {
    const write = (path, code) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), code);
    };
    // Each module logs a marker so terser keeps it; the entry reaches them in each way.
    write('on-demand/imported.js', "export const imported = () => console.log('MARK-STATIC-ON-DEMAND');\n");
    write('on-demand/later.js', "export const later = () => console.log('MARK-DYNAMIC-ON-DEMAND');\n");
    write('lazy/layout.js', "export const layout = () => console.log('MARK-DYNAMIC-ELSEWHERE');\n");
    write(
      'entry.js',
      [
        "import { imported } from './on-demand/imported.js';",
        'imported();',
        "export const submit = () => import('./on-demand/later.js').then((m) => m.later());",
        "export const open = () => import('./lazy/layout.js').then((m) => m.layout());",
      ].join('\n'),
    );
    const { loaded, onDemand } = await graphParts(join(dir, 'entry.js'));
    const code = (chunks) => chunks.map((c) => c.code).join('');
    assert.match(code(loaded), /MARK-STATIC-ON-DEMAND/, 'a static import of an on-demand module is in the figure');
    assert.match(code(loaded), /MARK-DYNAMIC-ELSEWHERE/, 'a dynamic import outside on-demand/ is in the figure');
    assert.doesNotMatch(code(loaded), /MARK-DYNAMIC-ON-DEMAND/, 'a dynamic import of an on-demand module is not');
    assert.match(code(onDemand), /MARK-DYNAMIC-ON-DEMAND/, '… it is reported as on demand');
    assert.doesNotMatch(code(onDemand), /MARK-STATIC-ON-DEMAND|MARK-DYNAMIC-ELSEWHERE/);
    const sizes = await graphSizes(join(dir, 'entry.js'));
    assert.ok(sizes.size > 0 && sizes.onDemand > 0, JSON.stringify(sizes));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
