// <links-provider service-url>: the elements on a real Links service (started
// by the test runner's links-test-service plugin: `links serve --dev-auth` on
// PGlite in a fresh folder, see scripts/test-service-plugin.mjs).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { ContextEvent } from '@lit/context';
import type { Plan } from '@links-approach/core/plan';
import { planCodec } from '@links-approach/core/store';
import type { ReferralEvent } from '@links-approach/core/referral';
import { SERVICE_DOCUMENT_KINDS, type ReferralStore } from '@links-approach/core/service';
import { referralContext, type ReferralSource } from '../internal/context.js';
import {
  addAim,
  aims,
  editorOnService,
  plansAs,
  RUN,
  seedPlan,
  service,
  startService,
  text,
  tokenFor,
} from '../internal/test-links-service.js';
import './provider.js';
import type { LinksProvider } from './provider.js';
import type { LinksPlanEditor } from '../plan-editor/plan-editor.js';

function referralSourceOf(element: Element): ReferralSource | undefined {
  let source: ReferralSource | undefined;
  element.dispatchEvent(new ContextEvent(referralContext, element, (value) => (source = value)));
  return source;
}

describe('<links-provider service-url>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  before(startService);

  it('one attribute switches the plan editor from IndexedDB to the service: it loads and autosaves there', async () => {
    const plan = await seedPlan(`plan-svc-${RUN}-1`);
    const { provider, editor } = await editorOnService('pm-ash', plan.id);
    expect(editor.saveState).to.equal('saved');
    expect(editor.plan?.revision).to.equal(1);
    const saved = oneEvent(editor, 'links-plan-saved');
    addAim(editor, 'Saved on the service.');
    expect(((await saved) as CustomEvent<{ plan: Plan }>).detail.plan.revision).to.equal(2);
    const stored = await (await plansAs('clp-ash')).get(plan.id);
    expect(stored?.revision, 'a colleague reads it from the service').to.equal(2);
    expect(stored?.savedBy).to.equal('pm-ash');
    expect(aims(stored)).to.include('Saved on the service.');
    expect(
      provider.storeFor({ kind: 'my-host.notes', validate: () => ({ ok: true, value: {} as never }) }),
      'kinds the service does not keep stay in storage',
    ).to.not.equal(undefined);
    // Every kind the service keeps is read from the service.
    for (const kind of SERVICE_DOCUMENT_KINDS) {
      const store = provider.storeFor({ kind, validate: () => ({ ok: true, value: {} as never }) })!;
      const all = await store.list();
      if (kind === 'links.plan')
        expect((all as unknown as readonly { id: string }[]).map((p) => p.id)).to.include(plan.id);
    }
  });

  it('a conflict over HTTP (412) shows who saved first; the edit is kept and saved as the newest version, theirs stays in the history', async () => {
    const plan = await seedPlan(`plan-svc-${RUN}-2`);
    // Another practice manager's session (the demo has one manager per practice: the same user, on another device)
    // saves just as this editor sends its save. Done inside the editor's request, so the live feed cannot tell the
    // editor of revision 2 before the edit is made (it would then save on top of it, rightly, with no conflict).
    // Installed before the provider starts, as the service client takes `fetch` when it is made.
    const realFetch = window.fetch;
    let armed = false;
    let other: Awaited<ReturnType<Awaited<ReturnType<typeof plansAs>>['save']>> | undefined;
    window.fetch = async (input, init) => {
      if (armed && init?.method === 'PUT') {
        armed = false;
        other = await (
          await plansAs('pm-ash')
        ).save({ ...plan, title: `${plan.title} (elsewhere)` }, { expectedRevision: 1, author: 'pm-ash' });
      }
      return realFetch(input, init);
    };
    let editor: LinksPlanEditor;
    try {
      ({ editor } = await editorOnService('pm-ash', plan.id));
    } catch (error) {
      window.fetch = realFetch;
      throw error;
    }
    armed = true;
    const conflicted = oneEvent(editor, 'links-plan-conflict');
    try {
      addAim(editor, 'My edit, made while someone else saved.');
      await conflicted;
    } finally {
      window.fetch = realFetch;
    }
    expect(other?.ok).to.equal(true);
    await editor.updateComplete;
    const banner = editor.shadowRoot!.querySelector('[part="conflict"]')!;
    expect(text(banner)).to.match(/Revision 2 was saved by pm-ash at .+ while you were editing revision 1\./);
    expect(text(banner)).to.include('Your changes are kept here and have not been saved.');
    expect(aims(editor.plan)).to.include('My edit, made while someone else saved.');
    await expect(editor).to.be.accessible();

    const saved = oneEvent(editor, 'links-plan-saved');
    [...banner.querySelectorAll('button')].find((b) => text(b) === 'Save my changes as the newest version')!.click();
    expect(((await saved) as CustomEvent<{ plan: Plan }>).detail.plan.revision).to.equal(3);
    const history = await (await plansAs('pm-ash')).history(plan.id);
    expect(history.map((p) => p.savedBy)).to.deep.equal(['pm-ash', 'pm-ash', 'pm-ash']);
    expect(history[1]!.title).to.match(/\(elsewhere\)$/);
    expect(aims(history[2])).to.include('My edit, made while someone else saved.');
  });

  it('403: a role that may not change plans is told so, in plain words, and the edit stays on the page', async () => {
    const plan = await seedPlan(`plan-svc-${RUN}-3`);
    const { editor } = await editorOnService('clp-ash', plan.id);
    expect(editor.plan?.revision, 'a CLP reads the plan').to.equal(1);
    addAim(editor, 'A CLP tries to change the plan.');
    await waitUntil(() => editor.saveState === 'error', 'the save was refused', { timeout: 10_000 });
    await editor.updateComplete;
    const state = text(editor.shadowRoot!.querySelector('[part="save-state"]'));
    expect(state).to.match(/^Not saved: your role may not change this plan \(.+\)\. Your changes are kept here\.$/);
    expect(editor.shadowRoot!.querySelector('button.retry'), 'trying again would not help').to.equal(null);
    expect(aims(editor.plan)).to.include('A CLP tries to change the plan.');
    expect((await (await plansAs('pm-ash')).get(plan.id))?.revision).to.equal(1);
    await expect(editor).to.be.accessible();
  });

  it('no connection: the plan is not saved, the edit is kept, and “Try saving again” saves it once the service is back', async () => {
    const plan = await seedPlan(`plan-svc-${RUN}-4`);
    const realFetch = window.fetch;
    let offline = false;
    window.fetch = (input, init) =>
      offline ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    try {
      const { editor } = await editorOnService('pm-ash', plan.id);
      offline = true;
      addAim(editor, 'Written with no signal.');
      await waitUntil(() => editor.saveState === 'error', 'the save failed', { timeout: 10_000 });
      await editor.updateComplete;
      expect(text(editor.shadowRoot!.querySelector('[part="save-state"]'))).to.equal(
        'Not saved: The Links service could not be reached (no connection?). Your changes are kept here; they are saved when you try again or make your next change.',
      );
      expect(aims(editor.plan)).to.include('Written with no signal.');
      await expect(editor).to.be.accessible();

      offline = false;
      const saved = oneEvent(editor, 'links-plan-saved');
      editor.shadowRoot!.querySelector<HTMLButtonElement>('button.retry')!.click();
      expect(((await saved) as CustomEvent<{ plan: Plan }>).detail.plan.revision).to.equal(2);
      expect(aims(await (await plansAs('pm-ash')).get(plan.id))).to.include('Written with no signal.');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('gives the referral elements the service’s referral store (and a host’s own store when set); none without a service', async () => {
    const bare = await fixture<LinksProvider>(html`<links-provider storage="memory"><div></div></links-provider>`);
    expect(referralSourceOf(bare.querySelector('div')!)).to.equal(undefined);

    const provider = await fixture<LinksProvider>(
      html`<links-provider service-url=${await service()} .getToken=${() => tokenFor('gp-ash')}><div></div></links-provider>`,
    );
    const source = referralSourceOf(provider.querySelector('div')!)!;
    expect(source.store).to.not.equal(undefined);
    const id = `ref-svc-${RUN}`;
    const created = {
      id: `${id}-e1`,
      referralId: id,
      type: 'created',
      at: '2025-03-01T09:00:00Z',
      status: 'requested',
      person: 'pt-7f3a9c',
      practiceId: 'practice-ash',
      route: 'gp',
      reasons: [{ themeId: 'living-well-day-to-day' }],
      urgency: 'routine',
      consent: ['contact'],
    } as unknown as ReferralEvent;
    const appended = await source.store.append(created, { expectedVersion: 0, idempotencyKey: `${id}-create` });
    expect(appended.ok, JSON.stringify(appended)).to.equal(true);
    expect((await source.store.list({ practice: 'practice-ash' })).map((r) => r.id)).to.include(id);
    const elsewhere = await source.store.append(
      { ...created, referralId: `${id}-b`, practiceId: 'practice-birch' } as ReferralEvent,
      {
        expectedVersion: 0,
        idempotencyKey: `${id}-b-create`,
      },
    );
    expect(!elsewhere.ok && elsewhere.errors[0]!.code).to.equal('forbidden');

    const own = { list: async () => [] } as unknown as ReferralStore;
    provider.referralStore = own;
    await provider.updateComplete;
    expect(referralSourceOf(provider.querySelector('div')!)?.store).to.equal(own);
    expect(provider.storeFor(planCodec()), 'one store per kind').to.equal(provider.storeFor(planCodec()));
    expect((await provider.serviceStores())?.client.baseUrl).to.equal(await service());
  });
});
