// The core API reference, checked lightly: typedoc converts every public
// entry of core (from its exports map, named as imported) without writing the
// HTML, and the symbols the guides send readers to are documented there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReflectionKind } from 'typedoc';
import { root } from '../lib.mjs';
import { convertApi } from './api.mjs';

test('typedoc documents every public entry of core, with TSDoc on every exported symbol', async () => {
  const { entries, project, errors } = await convertApi({ root });
  assert.deepEqual(errors, [], 'typedoc found problems (an exported symbol without TSDoc fails the docs build)');
  const modules = new Map(
    (project.children ?? []).filter((c) => c.kindOf(ReflectionKind.Module)).map((m) => [m.name, m]),
  );
  assert.deepEqual(
    [...modules.keys()].sort(),
    entries.map((e) => e.specifier).sort(),
    'one module per entry, named as imported',
  );

  const documented = (specifier, name) => {
    const symbol = modules.get(specifier)?.getChildByName(name);
    assert.ok(symbol, `${name} is not in ${specifier}`);
    const comment = symbol.comment ?? symbol.signatures?.[0]?.comment;
    assert.ok(comment && comment.summary.length > 0, `${specifier} ${name} has no TSDoc summary`);
  };
  documented('@links-approach/core/plan', 'validatePlan');
  documented('@links-approach/core/maturity', 'scorePlan');
  documented('@links-approach/core/referral', 'applyEvent');
  documented('@links-approach/core/store', 'DocumentStore');
  documented('@links-approach/core', 'LINKS_FRAMEWORK');
});
