/* eslint-disable no-console -- one test replaces the console's methods to prove no label is ever logged */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { createMemoryPlanStore, planCodec, type DocumentStore, type PlanStore } from '@links-approach/core/store';
import { replay, type ReferralEvent, type ReferralState } from '@links-approach/core/referral';
import { deleteIdbStore } from '../idb-store/idb-store.js';
import '../plan-editor/plan-editor.js';
import '../caseload/caseload.js';
import '../referral-detail/referral-detail.js';
import '../referral-form/referral-form.js';
import './provider.js';
import { LinksProvider } from './provider.js';
import type { LinksPlanEditor } from '../plan-editor/plan-editor.js';
import type { LinksCaseload } from '../caseload/caseload.js';
import type { LinksReferralDetail } from '../referral-detail/referral-detail.js';
import type { LinksReferralForm } from '../referral-form/referral-form.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const tick = () => new Promise((resolve) => setTimeout(resolve));

let sample: Plan | undefined;
async function samplePlan(): Promise<Plan> {
  if (sample) return sample;
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return (sample = result.value);
}

async function seed(store: PlanStore): Promise<Plan> {
  const saved = await store.save(await samplePlan(), { expectedRevision: 0, author: 'Practice manager' });
  if (!saved.ok) throw new Error('could not seed the store');
  return saved.value;
}

/** Adds an aim through the editor's own form, as a user would, and waits for the save. */
async function addAim(editor: LinksPlanEditor, statement: string): Promise<Plan> {
  const root = editor.shadowRoot!;
  const form = [...root.querySelectorAll<HTMLFormElement>('form.add-form')].find(
    (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
  )!;
  form.closest('details')!.open = true;
  form.querySelector<HTMLTextAreaElement | HTMLInputElement>('[name="statement"]')!.value = statement;
  const saved = oneEvent(editor, 'links-plan-saved');
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  return ((await saved) as CustomEvent<{ plan: Plan }>).detail.plan;
}

async function loaded(editor: LinksPlanEditor): Promise<void> {
  await waitUntil(() => editor.saveState === 'saved' || editor.saveState === 'missing', 'the plan loaded', {
    timeout: 5000,
  });
  await editor.updateComplete;
}

const AIM_COUNT = (plan: Plan | undefined) => plan?.capacities['awareness']?.aims.length ?? 0;

function referral(person: string, id = 'ref-1'): ReferralState {
  const created = {
    id: `${id}-e1`,
    referralId: id,
    type: 'created',
    at: '2025-03-01T09:00:00Z',
    actor: { role: 'referrer', id: 'gp-sb-1' },
    status: 'requested',
    person,
    practiceId: 'springburn-hc',
    route: 'gp',
    reasons: [{ themeId: 'living-well-day-to-day' }],
    urgency: 'routine',
    consent: ['contact'],
  } as ReferralEvent;
  return replay([created]).state.referrals[0]!;
}

/** A fictional lookup, as a host's would be: references to names. */
const NAMES: Record<string, string> = {
  'pt-abc123': 'Zebedee Quuxley',
  'pt-def456': 'Ottoline Flibbert',
  'pt-new999': 'Ysolde Wimbrel',
};

describe('<links-provider>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('memory storage: a plan editor inside loads and autosaves through the provider’s store', async () => {
    const provider = await fixture<LinksProvider>(html`<links-provider storage="memory"></links-provider>`);
    const store = provider.storeFor(planCodec())!;
    expect(provider.storeFor(planCodec()), 'one store per kind').to.equal(store);
    const plan = await seed(store);

    const editor = document.createElement('links-plan-editor');
    editor.planId = plan.id;
    editor.view = 'awareness';
    editor.author = 'Lead GP';
    provider.append(editor);
    await loaded(editor);
    expect(editor.store).to.equal(store);
    expect(text(editor.shadowRoot!.querySelector('[part="save-state"]'))).to.match(/^All changes saved: revision 1,/);

    const saved = await addAim(editor, 'Reception staff complete awareness training.');
    expect(saved.revision).to.equal(2);
    expect(AIM_COUNT(await store.get(plan.id))).to.equal(AIM_COUNT(plan) + 1);
    expect(await store.history(plan.id)).to.have.length(2);
    await expect(provider).to.be.accessible();
  });

  it('IndexedDB by default: what the editor saved is there for the next page (a new provider)', async () => {
    const prefix = `links-provider-test-${Date.now()}:`;
    try {
      const first = await fixture<LinksProvider>(html`<links-provider database-prefix=${prefix}></links-provider>`);
      expect(first.storage).to.equal('indexeddb');
      const plan = await seed(first.storeFor(planCodec())!);
      const editor = document.createElement('links-plan-editor');
      editor.planId = plan.id;
      editor.view = 'awareness';
      first.append(editor);
      await loaded(editor);
      await addAim(editor, 'Saved in IndexedDB.');
      first.remove();

      const second = await fixture<LinksProvider>(
        html`<links-provider database-prefix=${prefix}
          ><links-plan-editor plan-id=${plan.id} view="awareness"></links-plan-editor
        ></links-provider>`,
      );
      const again = second.querySelector('links-plan-editor')!;
      await loaded(again);
      expect(again.plan?.revision).to.equal(2);
      expect(AIM_COUNT(again.plan)).to.equal(AIM_COUNT(plan) + 1);
      (second.storeFor(planCodec()) as unknown as { close(): void }).close();
      (first.storeFor(planCodec()) as unknown as { close(): void }).close();
    } finally {
      await deleteIdbStore(`${prefix}links.plan`);
    }
  });

  it('a host adapter (a DocumentStore, or storeFor per kind) receives every load and save', async () => {
    const backing = createMemoryPlanStore();
    const plan = await seed(backing);
    const calls: string[] = [];
    const adapter: PlanStore = {
      get: (id) => (calls.push(`get ${id}`), backing.get(id)),
      list: () => (calls.push('list'), backing.list()),
      save: (doc, options) => (
        calls.push(`save ${doc.id} from ${options.expectedRevision} by ${options.author}`),
        backing.save(doc, options)
      ),
      history: (id) => (calls.push(`history ${id}`), backing.history(id)),
      subscribe: (listener) => (calls.push('subscribe'), backing.subscribe(listener)),
    };
    const provider = await fixture<LinksProvider>(
      html`<links-provider .store=${adapter}
        ><links-plan-editor plan-id=${plan.id} view="awareness" author="Practice nurse"></links-plan-editor
      ></links-provider>`,
    );
    const editor = provider.querySelector('links-plan-editor')!;
    await loaded(editor);
    expect(editor.store).to.equal(adapter);
    await addAim(editor, 'Through the host adapter.');
    expect(calls).to.include.members(['subscribe', `get ${plan.id}`, `save ${plan.id} from 1 by Practice nurse`]);

    // One store per kind: the provider asks the host's source for the plan kind.
    const kinds: string[] = [];
    provider.store = {
      storeFor: (codec) => {
        kinds.push(codec.kind);
        return backing as unknown as DocumentStore<never>;
      },
    };
    await provider.updateComplete;
    await loaded(editor);
    expect(kinds).to.deep.equal(['links.plan']);
    expect(editor.store).to.equal(backing);
    expect(editor.plan?.revision).to.equal(2);
  });

  it('a store set on the element itself wins over the provider’s, and is kept when the provider changes', async () => {
    const own = createMemoryPlanStore();
    const plan = await seed(own);
    const provider = await fixture<LinksProvider>(
      html`<links-provider storage="memory"
        ><links-plan-editor .store=${own} plan-id=${plan.id}></links-plan-editor
      ></links-provider>`,
    );
    const editor = provider.querySelector('links-plan-editor')!;
    await loaded(editor);
    expect(editor.store).to.equal(own);
    expect(editor.plan?.id).to.equal(plan.id);
    provider.storage = 'indexeddb';
    provider.databasePrefix = 'never-opened:';
    await provider.updateComplete;
    expect(editor.store).to.equal(own);

    // Set after the provider gave one: the host's store replaces it for good.
    const inner = document.createElement('links-plan-editor');
    const memoryProvider = await fixture<LinksProvider>(html`<links-provider storage="memory"></links-provider>`);
    memoryProvider.append(inner);
    expect(inner.store).to.equal(memoryProvider.storeFor(planCodec()));
    inner.store = own;
    memoryProvider.storage = 'memory';
    memoryProvider.store = createMemoryPlanStore();
    await memoryProvider.updateComplete;
    expect(inner.store).to.equal(own);
  });

  it('nested providers: the nearest one wins, for the store and for person labels', async () => {
    const outer = await fixture<LinksProvider>(html`<links-provider
      storage="memory"
      .personLabel=${(ref: string) => NAMES[ref] ?? ref}
    >
      <links-plan-editor id="outer-editor" plan-id="p"></links-plan-editor>
      <links-referral-detail id="outer-detail"></links-referral-detail>
      <links-provider storage="memory" id="inner">
        <links-plan-editor id="inner-editor" plan-id="p"></links-plan-editor>
        <links-referral-detail id="inner-detail"></links-referral-detail>
      </links-provider>
    </links-provider>`);
    const inner = outer.querySelector<LinksProvider>('#inner')!;
    const outerEditor = outer.querySelector<LinksPlanEditor>('#outer-editor')!;
    const innerEditor = outer.querySelector<LinksPlanEditor>('#inner-editor')!;
    expect(outerEditor.store).to.equal(outer.storeFor(planCodec()));
    expect(innerEditor.store).to.equal(inner.storeFor(planCodec()));
    expect(innerEditor.store).not.to.equal(outerEditor.store);

    const outerDetail = outer.querySelector<LinksReferralDetail>('#outer-detail')!;
    const innerDetail = outer.querySelector<LinksReferralDetail>('#inner-detail')!;
    outerDetail.referral = referral('pt-abc123');
    innerDetail.referral = referral('pt-abc123');
    await outerDetail.updateComplete;
    await innerDetail.updateComplete;
    const person = (el: LinksReferralDetail) =>
      text([...el.shadowRoot!.querySelectorAll('dt')].find((dt) => text(dt) === 'Person')?.nextElementSibling);
    expect(person(outerDetail)).to.equal('Zebedee Quuxley (pt-abc123)');
    expect(person(innerDetail), 'the inner provider has no resolver: references only').to.equal('pt-abc123');

    inner.personLabel = (ref) => `Inner ${ref.slice(3)}`;
    await inner.updateComplete;
    await innerDetail.updateComplete;
    expect(person(innerDetail)).to.equal('Inner abc123 (pt-abc123)');
    expect(person(outerDetail)).to.equal('Zebedee Quuxley (pt-abc123)');
  });

  it('person labels come from the host’s resolver, synchronous or asynchronous; references otherwise', async () => {
    const referrals = [referral('pt-abc123', 'ref-1'), referral('pt-def456', 'ref-2')];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    const provider = await fixture<LinksProvider>(html`<links-provider storage="memory">
      <links-caseload heading-level="3" .referrals=${referrals} as-of="2025-03-20"></links-caseload>
      <links-referral-detail heading-level="3" .referral=${referrals[0]} as-of="2025-03-20"></links-referral-detail>
      <links-referral-form
        heading-level="3"
        person="pt-new999"
        practice-id="springburn-hc"
        referrer-id="gp-sb-1"
      ></links-referral-form>
    </links-provider>`);
    const caseload = provider.querySelector<LinksCaseload>('links-caseload')!;
    const detail = provider.querySelector<LinksReferralDetail>('links-referral-detail')!;
    const form = provider.querySelector<LinksReferralForm>('links-referral-form')!;
    const cells = async () => {
      await caseload.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return [...caseload.shadowRoot!.querySelectorAll('.cell.person[role="cell"]')].map(text).sort();
    };
    const shownPerson = () => text(form.shadowRoot!.querySelector('.person strong'));
    const detailPerson = () =>
      text([...detail.shadowRoot!.querySelectorAll('dt')].find((dt) => text(dt) === 'Person')?.nextElementSibling);

    // No resolver: the pseudonymous references, as without a provider.
    await waitUntil(async () => (await cells()).length === 2, 'caseload rows');
    expect(await cells()).to.deep.equal(['pt-abc123', 'pt-def456']);
    expect(shownPerson()).to.equal('pt-new999');

    // An asynchronous resolver: references until it answers, then the labels.
    provider.personLabel = async (ref) => {
      asked.push(ref);
      await gate;
      return NAMES[ref] ?? ref;
    };
    await provider.updateComplete;
    await detail.updateComplete;
    expect(detailPerson()).to.equal('pt-abc123');
    release();
    await waitUntil(() => detailPerson() === 'Zebedee Quuxley (pt-abc123)', 'the detail shows the label');
    await waitUntil(
      async () => (await cells()).join() === 'Ottoline Flibbert (pt-def456),Zebedee Quuxley (pt-abc123)',
      'caseload labels',
    );
    await waitUntil(() => shownPerson() === 'Ysolde Wimbrel (pt-new999)', 'form label');
    expect(asked.filter((ref) => ref === 'pt-abc123').length, 'each element asks once per reference').to.be.at.most(2);

    // A failing or unhelpful resolver shows the reference: never an error, never a blank.
    provider.personLabel = (ref) => {
      if (ref === 'pt-abc123') throw new Error('lookup failed for Zebedee Quuxley');
      return ref === 'pt-new999' ? '   ' : Promise.reject(new Error('offline'));
    };
    await provider.updateComplete;
    await waitUntil(() => detailPerson() === 'pt-abc123', 'the reference again');
    await waitUntil(async () => (await cells()).join() === 'pt-abc123,pt-def456', 'caseload references again');
    expect(shownPerson()).to.equal('pt-new999');
    await expect(provider).to.be.accessible();
  });

  it('never writes a label to the store, events, the address or the console', async () => {
    const consoleCalls: unknown[][] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => {
        consoleCalls.push(args);
      };
    });
    const events: string[] = [];
    const record = (e: Event) => events.push(JSON.stringify((e as CustomEvent).detail));
    const names = Object.values(NAMES);
    try {
      const provider = await fixture<LinksProvider>(html`<links-provider
        storage="memory"
        .personLabel=${async (ref: string) => NAMES[ref] ?? ref}
        @links-referral-create=${record}
        @links-referral-change=${record}
        @links-plan-saved=${record}
        @links-plan-change=${record}
      >
        <links-referral-form
          person="pt-new999"
          practice-id="springburn-hc"
          referrer-id="gp-sb-1"
          referral-id="ref-new"
        ></links-referral-form>
        <links-referral-detail user-role="clp" user-id="clp-sb"></links-referral-detail>
        <links-plan-editor view="awareness"></links-plan-editor>
      </links-provider>`);
      const form = provider.querySelector('links-referral-form')!;
      const detail = provider.querySelector('links-referral-detail')!;
      const editor = provider.querySelector('links-plan-editor')!;
      const plan = await seed(provider.storeFor(planCodec())!);
      editor.planId = plan.id;
      await loaded(editor);
      await waitUntil(
        () => text(form.shadowRoot!.querySelector('.person strong')).startsWith('Ysolde Wimbrel'),
        'label shown',
      );

      // Make a referral: the created event carries the reference only.
      const $ = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`)!;
      $('f-route').click();
      $('f-reasons').click();
      $('f-consent').click();
      await form.updateComplete;
      const created = oneEvent(form, 'links-referral-create');
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
      const { detail: made } = (await created) as CustomEvent<{ referral: ReferralState }>;
      expect(made.referral.person).to.equal('pt-new999');

      // Act on it in the detail, and save a plan edit.
      detail.referral = made.referral;
      await waitUntil(() => text(detail.shadowRoot!.querySelector('dd')).length > 0, 'detail rendered');
      await waitUntil(
        () => text(detail.shadowRoot!.querySelector('[part="facts"]')).includes('Ysolde Wimbrel'),
        'detail label',
      );
      const accept = [...detail.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="action-button"]')].find(
        (b) => text(b) === 'Accept',
      )!;
      accept.click();
      await detail.updateComplete;
      const changed = oneEvent(detail, 'links-referral-change');
      detail.shadowRoot!.querySelector<HTMLFormElement>('[part="action-form"]')!.requestSubmit();
      await changed;
      await addAim(editor, 'A plan edit while names are on screen.');
      await tick();

      const stored = JSON.stringify(
        await Promise.all([
          await provider.storeFor(planCodec())!.list(),
          ...[plan.id].map((id) => provider.storeFor(planCodec())!.history(id)),
        ]),
      );
      expect(events.length).to.be.greaterThan(2);
      for (const name of names) {
        for (const word of name.split(' ')) {
          expect(events.join('\n').includes(word), `events hold "${word}"`).to.be.false;
          expect(stored.includes(word), `the store holds "${word}"`).to.be.false;
          expect(location.href.includes(word), `the address holds "${word}"`).to.be.false;
          const logged = JSON.stringify(consoleCalls.map((args) => args.map(String)));
          expect(logged.includes(word), `the console holds "${word}"`).to.be.false;
        }
      }
      // The labels were on screen all along (so the checks above could have failed).
      expect(text(detail.shadowRoot!.querySelector('[part="facts"]'))).to.contain('Ysolde Wimbrel (pt-new999)');
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
  });

  it('answers elements that were in the page before the provider was defined', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <links-provider-late storage="memory">
        <links-plan-editor plan-id="p"></links-plan-editor>
      </links-provider-late>
    </div>`);
    const editor = wrapper.querySelector('links-plan-editor')!;
    expect(editor.store, 'no provider yet').to.equal(undefined);
    customElements.define('links-provider-late', class extends LinksProvider {});
    const late = wrapper.querySelector('links-provider-late') as LinksProvider;
    await late.updateComplete;
    expect(editor.store).to.equal(late.storeFor(planCodec()));
  });

  it('locale sets the language of the elements inside (page-wide), and an unsupported one is ignored with a warning', async () => {
    const { getLocale, setLocale } = await import('../internal/localization.js');
    const wrapper = await fixture<HTMLElement>(html`
      <links-provider storage="memory" locale="gd"><links-referral-form></links-referral-form></links-provider>
    `);
    const form = wrapper.querySelector('links-referral-form') as LinksReferralForm;
    const send = () => form.shadowRoot!.querySelector('[part="send-button"]')?.textContent?.trim();
    await waitUntil(() => send() === 'Cuir an tar-chur', 'the form shows Scottish Gaelic');
    expect(getLocale()).to.equal('gd');

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      (wrapper as unknown as LinksProvider).locale = 'fr' as never;
      await (wrapper as unknown as LinksProvider).updateComplete;
      await waitUntil(() => warnings.length === 1, 'a warning for the unsupported locale');
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]).to.contain('Unsupported locale "fr"');
    expect(getLocale()).to.equal('gd');

    await setLocale('en-GB');
    await waitUntil(() => send() === 'Send referral', 'back to English');
  });
});
