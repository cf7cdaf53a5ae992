// The React wrappers in real Chromium: React 19 renders them with react-dom/client,
// core objects go in as properties, and `on…` props receive the elements' typed events
// when a user clicks or types in the shadow DOM.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { act, createElement as h, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LINKS_FRAMEWORK, type Capacity, type Framework } from '@links-approach/core';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { scorePlan } from '@links-approach/core/maturity';
import * as wrappers from './index.js';
import {
  FrameworkOverview,
  MaturityProfile,
  OutcomeForm,
  PlanEditor,
  ReferralForm,
  type CapacitySelectDetail,
  type OutcomeChangeDetail,
  type ReferralCreateDetail,
} from './index.js';

// Tells React that these tests wrap updates in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface ManifestElement {
  tagName?: string;
  customElement?: boolean;
  events?: { name: string }[];
}
interface Manifest {
  modules: { declarations?: ManifestElement[] }[];
}

const pascal = (name: string) =>
  name
    .replace(/^links-/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Renders a React tree into a fresh container and waits for React and the elements to settle. */
async function render(tree: ReactElement): Promise<HTMLElement> {
  container ??= document.body.appendChild(document.createElement('div'));
  root ??= createRoot(container);
  await act(async () => root!.render(tree));
  await settle(container);
  return container;
}

/** Waits for every `links-*` element's Lit update (React has already applied its props). */
async function settle(where: ParentNode): Promise<void> {
  for (const el of where.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) {
    if (el.localName.startsWith('links-')) await el.updateComplete;
  }
}

/** A user action inside React's act(), so the state updates it causes are rendered before asserting. */
async function user(action: () => unknown): Promise<void> {
  await act(async () => {
    await action();
  });
  if (container) await settle(container);
}

async function samplePlan(): Promise<Plan> {
  const response = await fetch(new URL('../../../examples/data/sample-plan.json', import.meta.url));
  const result = parsePlanDocument(await response.json());
  if (!result.ok) throw new Error('the sample plan is invalid');
  return result.value;
}

afterEach(async () => {
  if (root) await act(async () => root!.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
});

describe('@links-approach/react', () => {
  it('has a wrapper for every element in custom-elements.json, with an on… prop for each of its events', async () => {
    const manifest = (await (
      await fetch(new URL('../../components/custom-elements.json', import.meta.url))
    ).json()) as Manifest;
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    expect(elements.length, 'elements in the manifest').to.be.greaterThan(15);
    const exported = wrappers as unknown as Record<string, unknown>;
    let events = 0;
    for (const element of elements) {
      const tag = element.tagName!;
      const Wrapper = exported[pascal(tag)] as Parameters<typeof h>[0] | undefined;
      expect(Wrapper, `a wrapper ${pascal(tag)} for <${tag}>`).to.exist;
      const received: [string, unknown][] = [];
      const props: Record<string, unknown> = {};
      for (const { name } of element.events ?? []) {
        props[`on${pascal(name)}`] = (event: CustomEvent) => received.push([name, event.detail]);
      }
      const where = await render(h(Wrapper!, props));
      const el = where.querySelector(tag);
      expect(el, `<${tag}> rendered by ${pascal(tag)}`).to.exist;
      expect(el).to.be.instanceOf(customElements.get(tag)!);
      for (const { name } of element.events ?? []) {
        el!.dispatchEvent(new CustomEvent(name, { detail: { probe: name }, bubbles: true, composed: true }));
        events += 1;
      }
      expect(received, `<${tag}>'s event props`).to.deep.equal(
        (element.events ?? []).map(({ name }) => [name, { probe: name }]),
      );
    }
    expect(events, 'events in the manifest').to.be.greaterThan(10);
  });

  it('FrameworkOverview: a core framework as a property; choosing a capacity with the keyboard reaches React state', async () => {
    const framework: Framework = { ...LINKS_FRAMEWORK, name: 'Links framework (React test)' };
    const details: CapacitySelectDetail[] = [];
    function App() {
      const [chosen, setChosen] = useState<Capacity | undefined>();
      return h(
        'div',
        null,
        h(FrameworkOverview, {
          framework,
          selectable: true,
          headingLevel: 3,
          onCapacitySelect: (event) => {
            details.push(event.detail);
            setChosen(event.detail.capacity);
          },
        }),
        h('p', { id: 'chosen' }, chosen ? `Chosen: ${chosen.name}` : 'Nothing chosen'),
      );
    }
    const where = await render(h(App));
    const el = where.querySelector('links-framework-overview')!;
    expect(el.framework).to.equal(framework);
    expect(text(el.shadowRoot!.querySelector('h3'))).to.equal('Links framework (React test)');
    expect(text(where.querySelector('#chosen'))).to.equal('Nothing chosen');

    const button = el.shadowRoot!.querySelectorAll('button')[4]!;
    button.focus();
    await user(() => sendKeys({ press: 'Enter' }));
    expect(details).to.have.length(1);
    expect(details[0]!.capacity, 'the framework object itself, not a copy').to.equal(framework.capacities[4]);
    expect(text(where.querySelector('#chosen'))).to.equal('Chosen: Signposting');
    expect(el.shadowRoot!.querySelectorAll('li')[4]!.getAttribute('aria-current')).to.equal('true');
  });

  it('FrameworkOverview: a changed handler replaces the old one and a removed handler stops listening', async () => {
    const calls: string[] = [];
    const tree = (handler?: (e: CustomEvent<CapacitySelectDetail>) => void) =>
      h(FrameworkOverview, { selectable: true, ...(handler ? { onCapacitySelect: handler } : {}) });
    const where = await render(tree(() => calls.push('first')));
    const button = () => where.querySelector('links-framework-overview')!.shadowRoot!.querySelector('button')!;
    await user(() => button().click());
    await render(tree(() => calls.push('second')));
    await user(() => button().click());
    await render(tree());
    await user(() => button().click());
    expect(calls).to.deep.equal(['first', 'second']);
  });

  it('PlanEditor (controlled): the sample plan in; adding an aim calls onPlanChange and React keeps the new plan', async () => {
    const sample = await samplePlan();
    const changes: { plan: Plan; previous: Plan }[] = [];
    let current: Plan = sample;
    function App() {
      const [plan, setPlan] = useState(sample);
      current = plan;
      return h(
        'div',
        null,
        h(PlanEditor, {
          plan,
          view: 'awareness',
          headingLevel: 2,
          onPlanChange: (event) => {
            changes.push(event.detail);
            setPlan(event.detail.plan);
          },
        }),
        h('p', { id: 'aims' }, `Awareness aims: ${plan.capacities['awareness']?.aims.length ?? 0}`),
      );
    }
    const where = await render(h(App));
    const el = where.querySelector('links-plan-editor')!;
    const shadow = el.shadowRoot!;
    expect(text(shadow.querySelector('h2'))).to.equal('Springburn Health Centre Links business plan 2023 to 2025');
    expect(text(shadow.querySelector('#panel-title'))).to.equal('Awareness');
    expect(text(where.querySelector('#aims'))).to.equal('Awareness aims: 1');

    const form = [...shadow.querySelectorAll<HTMLFormElement>('form.add-form')].find(
      (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
    )!;
    form.closest('details')!.open = true;
    const statement = form.querySelector<HTMLInputElement>('[name="statement"]')!;
    statement.focus();
    await sendKeys({ type: 'Every new member of staff attends Links induction.' });
    await user(() => form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());

    expect(changes).to.have.length(1);
    expect(changes[0]!.previous).to.equal(sample);
    expect(changes[0]!.plan.capacities['awareness']!.aims.at(-1)!.statement).to.equal(
      'Every new member of staff attends Links induction.',
    );
    expect(current, 'React state holds the plan from the event').to.equal(changes[0]!.plan);
    expect(el.plan).to.equal(current);
    expect(sample.capacities['awareness']!.aims, 'the sample plan is untouched').to.have.length(1);
    expect(text(where.querySelector('#aims'))).to.equal('Awareness aims: 2');
    expect(shadow.querySelectorAll('[part="card"]')).to.have.length(2);
  });

  it('ReferralForm: string and function props as properties; sending calls onReferralCreate with the created event', async () => {
    const created: ReferralCreateDetail[] = [];
    const where = await render(
      h(ReferralForm, {
        person: 'pt-react-01',
        practiceId: 'springburn-hc',
        referrerId: 'gp-sb-1',
        clpId: 'clp-sb',
        referralId: 'ref-react-1',
        eventId: () => 'evt-react-1',
        now: () => new Date('2025-03-20T12:00:00Z'),
        onReferralCreate: (event) => created.push(event.detail),
      }),
    );
    const el = where.querySelector('links-referral-form')!;
    const shadow = el.shadowRoot!;
    for (const id of ['f-route', 'f-reasons', 'theme-navigating-systems', 'f-consent']) {
      await user(() => shadow.querySelector<HTMLInputElement>(`#${CSS.escape(id)}`)!.click());
    }
    await user(() => shadow.querySelector<HTMLButtonElement>('[part="send-button"]')!.click());
    expect(created).to.have.length(1);
    expect(created[0]!.event).to.include({
      id: 'evt-react-1',
      referralId: 'ref-react-1',
      type: 'created',
      person: 'pt-react-01',
    });
    expect(created[0]!.referral.status).to.equal('requested');
    expect(text(shadow.querySelector('[part="confirmation"]'))).to.equal(
      'Referral ref-react-1 sent to the Community Links Practitioner.',
    );
  });

  it('OutcomeForm: arrow keys change an answer and onOutcomeChange receives the answers', async () => {
    const changes: OutcomeChangeDetail[] = [];
    const where = await render(h(OutcomeForm, { onOutcomeChange: (event) => changes.push(event.detail) }));
    const el = where.querySelector('links-outcome-form')!;
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="happiness"]')];
    radios[5]!.focus();
    await user(() => radios[5]!.click());
    await user(() => sendKeys({ press: 'ArrowRight' }));
    expect(changes.map((c) => c.answers)).to.deep.equal([{ happiness: 5 }, { happiness: 6 }]);
    expect(changes[1]).to.include({ itemId: 'happiness', complete: false });
  });

  it('MaturityProfile: a core score as a property; a new prop value re-renders the element', async () => {
    const plan = await samplePlan();
    const score = scorePlan(plan);
    const tree = (label: string) => h(MaturityProfile, { score, label, headingLevel: 3 });
    const where = await render(tree('Our plan'));
    const el = where.querySelector('links-maturity-profile')!;
    const shadow = el.shadowRoot!;
    expect(text(shadow.querySelector('h3'))).to.equal('Our plan');
    expect(shadow.querySelectorAll('rect.bar')).to.have.length(7);
    expect([...shadow.querySelectorAll('tbody tr')].map((r) => text(r.children[1]))).to.deep.equal(
      score.capacities.map((c) => c.level.toFixed(1)),
    );
    await render(tree('Our plan, this quarter'));
    expect(text(shadow.querySelector('h3'))).to.equal('Our plan, this quarter');
  });
});
