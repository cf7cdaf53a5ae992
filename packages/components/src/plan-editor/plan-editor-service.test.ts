// Two practice managers edit one plan on a real Links service (started by the
// test runner's links-test-service plugin: `links serve --dev-auth` on PGlite,
// see scripts/test-service-plugin.mjs), each in their own <links-plan-editor>.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { createHttpPlanStore, createServiceClient } from '@links-approach/core/service';
import './plan-editor.js';
import '../provider/provider.js';
import type { LinksProvider } from '../provider/provider.js';
import type { LinksPlanEditor } from './plan-editor.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ASH = { id: 'practice-ash', name: 'Ash Street Medical Practice', cohort: 'programme', listSize: 6200 };
/** Ids unique to this run, so reruns against one service never collide. */
const RUN = Math.random().toString(36).slice(2, 8);

let serviceUrl: string | undefined;
async function service(): Promise<string> {
  serviceUrl ??= ((await (await fetch('/__links-service')).json()) as { url: string }).url;
  return serviceUrl;
}

/** A `--dev-auth` token for a demo user (the host page's sign-in, in a real page). */
async function tokenFor(user: string): Promise<string> {
  const response = await fetch(`${await service()}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function plansAs(user: string) {
  return createHttpPlanStore(createServiceClient({ baseUrl: await service(), getToken: () => tokenFor(user) }));
}

async function seedPlan(id: string): Promise<Plan> {
  const parsed = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!parsed.ok) throw new Error('sample plan is invalid');
  const saved = await (
    await plansAs('pm-ash')
  ).save({ ...parsed.value, id, practice: ASH } as Plan, { expectedRevision: 0, author: 'pm-ash' });
  if (!saved.ok) throw new Error(`could not seed the plan: ${JSON.stringify(saved.errors)}`);
  return saved.value;
}

async function editorOnService(
  user: string,
  planId: string,
): Promise<{ provider: LinksProvider; editor: LinksPlanEditor }> {
  const url = await service();
  const getToken = () => tokenFor(user);
  const provider = await fixture<LinksProvider>(
    html`<links-provider service-url=${url} .getToken=${getToken}
      ><links-plan-editor plan-id=${planId} view="awareness" author=${user}></links-plan-editor
    ></links-provider>`,
  );
  const editor = provider.querySelector('links-plan-editor')!;
  await waitUntil(
    () => editor.saveState === 'saved' || editor.saveState === 'missing' || editor.saveState === 'error',
    'the plan loaded',
    { timeout: 10_000 },
  );
  return { provider, editor };
}

/** Adds an aim through the editor's own form, as a user would. */
function addAim(editor: LinksPlanEditor, statement: string): void {
  const form = [...editor.shadowRoot!.querySelectorAll<HTMLFormElement>('form.add-form')].find(
    (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
  )!;
  form.closest('details')!.open = true;
  form.querySelector<HTMLTextAreaElement | HTMLInputElement>('[name="statement"]')!.value = statement;
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

const aims = (plan: Plan | undefined) => plan?.capacities['awareness']?.aims.map((a) => a.statement) ?? [];

describe('<links-plan-editor> on the service: two managers, one plan', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(async function () {
    // The first start of a service on a new PGlite folder takes seconds (more on a busy machine): a bound on hangs, not a timing check.
    this.timeout(300_000);
    await service();
  });

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
