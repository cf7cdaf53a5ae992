// Two practice managers edit one plan on a real Links service (started by the
// test runner's links-test-service plugin: `links serve --dev-auth` on PGlite,
// see scripts/test-service-plugin.mjs), each in their own <links-plan-editor>.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Plan } from '@links-approach/core/plan';
import {
  addAim,
  aims,
  editorOnService,
  plansAs,
  RUN,
  seedPlan,
  startService,
  text,
} from '../internal/test-links-service.js';
import type { LinksPlanEditor } from './plan-editor.js';

describe('<links-plan-editor> on the service: two managers, one plan', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startService);

  it('two practice managers add to the same section at once: the second sees who saved first and, after "Review and reapply my changes", both edits are in the final revision', async () => {
    const plan = await seedPlan(`plan-svc-${RUN}-5`);
    // Two editors of one plan, as on two managers' screens. The first manager's save is made (through their editor)
    // while the second's save is on its way, so the second save meets a newer revision on the service (412).
    const realFetch = window.fetch;
    let armed = false;
    let first: LinksPlanEditor | undefined;
    window.fetch = async (input, init) => {
      if (armed && init?.method === 'PUT' && first) {
        armed = false;
        const saved = oneEvent(first, 'links-plan-saved');
        addAim(first, 'First manager: a Links induction for locums.');
        await saved;
      }
      return realFetch(input, init);
    };
    let second: LinksPlanEditor;
    try {
      ({ editor: first } = await editorOnService('pm-ash', plan.id));
      ({ editor: second } = await editorOnService('pm-ash', plan.id));
      armed = true;
      const conflicted = oneEvent(second, 'links-plan-conflict');
      addAim(second, 'Second manager: reception signposting script.');
      await conflicted;
    } finally {
      window.fetch = realFetch;
    }
    await second.updateComplete;
    const banner = second.shadowRoot!.querySelector<HTMLElement>('[part="conflict"]')!;
    expect(text(banner)).to.match(/Revision 2 was saved by pm-ash at .+ while you were editing revision 1\./);
    await expect(second).to.be.accessible();

    const saved = oneEvent(second, 'links-plan-saved');
    [...banner.querySelectorAll('button')].find((b) => text(b) === 'Review and reapply my changes')!.click();
    const final = ((await saved) as CustomEvent<{ plan: Plan }>).detail.plan;
    expect(final.revision).to.equal(3);
    expect(aims(final)).to.include.members([
      'First manager: a Links induction for locums.',
      'Second manager: reception signposting script.',
    ]);
    const stored = await (await plansAs('pm-ash')).get(plan.id);
    expect(aims(stored), 'both edits are in the final revision on the service').to.include.members([
      'First manager: a Links induction for locums.',
      'Second manager: reception signposting script.',
    ]);
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('[part="conflict"]')).to.equal(null);
    expect(text(second.shadowRoot!.querySelector('[role="status"]'))).to.match(
      /^Your changes were reapplied to revision 2, saved by pm-ash\.$/,
    );
    await waitUntil(() => first!.plan?.revision === 3, 'the first manager sees the merged revision', {
      timeout: 10_000,
    });
    expect(aims(first!.plan)).to.include('Second manager: reception signposting script.');
  });
});
