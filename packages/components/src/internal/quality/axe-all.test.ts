// Quality gate: axe with the WCAG 2.2 A/AA rules (tags wcag2a, wcag2aa,
// wcag21a, wcag21aa, wcag22aa) on EVERY element that all.ts registers, in
// its main states — empty, filled with realistic data (examples/data/*.json
// and core's demo data generators), with validation errors shown, and with
// its expandable parts open or an item selected. A new element added to
// all.ts without scenarios here fails the coverage test.
//
// chai-a11y-axe's `to.be.accessible()` only takes `ignoredRules`,
// `ignoredTags` and `done` (no `runOnly`), so this file calls axe itself with
// `runOnly: { type: 'tag', values: WCAG_TAGS }`.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { definedTags } from './test-define-recorder.js';
import * as all from '../../all.js';
import { createPlan, type Plan } from '@links-approach/core/plan';
import { createMemoryPlanStore, planCodec, type PlanStore } from '@links-approach/core/store';
import { addAim } from '@links-approach/core/plan';
import { createNetworkRegister } from '@links-approach/core/network';
import { PLAN_SECTION_TAGS } from '../../plan-editor/internal/sections.js';
import { caseloadMetrics, type ReferralState } from '@links-approach/core/referral';
import type { Directory } from '@links-approach/core/resources';
import {
  AS_OF,
  WCAG_TAGS,
  alissDirectory,
  alissServices,
  clickButton,
  deepText,
  demoComparison,
  demoData,
  demoEvaluation,
  demoMeasure,
  demoReferrals,
  demoRegister,
  demoScores,
  openAllDetails,
  samplePlan,
  sampleReferrals,
  settle,
  shadow,
  wcagViolations,
} from './test-harness.js';

type Scenario = readonly [name: string, render: () => Promise<HTMLElement>];

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function mount<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const el = await fixture<T>(template);
  await settle(el);
  return el;
}

async function expectWcagClean(el: HTMLElement, state: string): Promise<void> {
  const violations = await wcagViolations(el);
  expect(
    violations,
    `<${el.localName}> ${state}: WCAG 2.2 A/AA violations\n  ${violations.join('\n  ')}`,
  ).to.deep.equal([]);
}

async function emptyPlan(): Promise<Plan> {
  const made = createPlan(
    { id: 'springburn', name: 'Springburn Health Centre', cohort: 'programme', listSize: 9800 },
    undefined,
    { now: new Date(AS_OF) },
  );
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.value;
}

function fill(form: ParentNode, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (!field) throw new Error(`no field named ${name}`);
    field.value = value;
  }
}

async function planEditorWithError(): Promise<HTMLElement> {
  const el = await mount(html`<links-plan-editor .plan=${await samplePlan()} view="awareness"></links-plan-editor>`);
  const root = shadow(el);
  const form = [...root.querySelectorAll<HTMLFormElement>('form.add-form')].find(
    (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
  )!;
  form.closest('details')!.open = true;
  fill(form, { statement: 'Aim', target: 'thirty' });
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle(el);
  expect(root.querySelector('.error-summary'), 'the refused edit shows an error summary').to.exist;
  await openAllDetails(el);
  return el;
}

async function planEditorInConflict(): Promise<HTMLElement> {
  const store = createMemoryPlanStore();
  const plan = await samplePlan();
  const saved = await store.save(plan, { expectedRevision: 0, author: 'Practice manager' });
  if (!saved.ok) throw new Error('could not seed the store');
  const quiet: PlanStore = { ...store, subscribe: () => () => undefined };
  const el = await mount(
    html`<links-plan-editor .store=${quiet} plan-id=${plan.id} author="Lead GP" view="awareness"></links-plan-editor>`,
  );
  await (el as HTMLElement & { saveComplete(): Promise<void> }).saveComplete();
  const other = addAim(saved.value, 'intelligence', { statement: 'Saved on another device' });
  if (!other.ok) throw new Error();
  await store.save(other.value, { expectedRevision: 1, author: 'Practice nurse' });
  const root = shadow(el);
  const form = [...root.querySelectorAll<HTMLFormElement>('form.add-form')].find(
    (f) => text(f.querySelector('button[type="submit"]')) === 'Add aim',
  )!;
  form.closest('details')!.open = true;
  fill(form, { statement: 'My edit, made while someone else saved' });
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle(el);
  await (el as HTMLElement & { saveComplete(): Promise<void> }).saveComplete();
  await settle(el);
  expect(root.querySelector('[part="conflict"]'), 'conflict banner').to.exist;
  return el;
}

async function finderAfterSearch(directory: Directory, values: Record<string, string> = {}): Promise<HTMLElement> {
  const el = await mount(
    html`<links-resource-finder .directory=${directory} .asOf=${new Date('2026-11-01T00:00:00Z')}></links-resource-finder>`,
  );
  const root = shadow(el);
  for (const [id, value] of Object.entries(values)) root.querySelector<HTMLInputElement>(`#${id}`)!.value = value;
  root.querySelector<HTMLButtonElement>('[part="search-button"]')!.click();
  await settle(el, 5);
  return el;
}

function failingDirectory(base: Directory): Directory {
  return {
    ...base,
    search: async () => ({ ok: false, error: { kind: 'network', message: 'The directory could not be reached.' } }),
  };
}

/**
 * Opens each action a user may take on a referral, one at a time, sends it
 * with every field empty and runs axe on the form with the errors shown. An
 * action that needs nothing (e.g. "Accept") is recorded instead; it is then
 * reopened and checked as an open form.
 */
async function walkReferralActions(el: HTMLElement, label: string): Promise<number> {
  const root = shadow(el);
  const host = el as HTMLElement & { referral: unknown };
  const original = host.referral;
  const labels = [...root.querySelectorAll<HTMLButtonElement>('[part="action-button"]')].map(text);
  const open = async (action: string) => {
    host.referral = original;
    await settle(el);
    const button = [...root.querySelectorAll<HTMLButtonElement>('[part="action-button"]')].find(
      (b) => text(b) === action,
    );
    if (!button) throw new Error(`no action "${action}" on the ${label}`);
    if (button.getAttribute('aria-expanded') !== 'true') button.click();
    await settle(el);
    expect(button.getAttribute('aria-expanded'), `${action} opens its form`).to.equal('true');
  };
  for (const action of labels) {
    await open(action);
    for (const field of root.querySelectorAll<HTMLSelectElement>('[part="action-form"] select'))
      field.selectedIndex = -1;
    root.querySelector<HTMLButtonElement>('[part="action-form"] button[type="submit"]')!.click();
    await settle(el);
    if (root.querySelector('[part="action-form"]')) {
      await expectWcagClean(el, `${label}, "${action}" sent empty (errors shown)`);
    } else {
      await open(action);
      await expectWcagClean(el, `${label}, "${action}" form open`);
    }
    const cancel = [...root.querySelectorAll<HTMLButtonElement>('[part="action-form"] button')].find(
      (b) => text(b) === 'Cancel',
    );
    cancel?.click();
    await settle(el);
  }
  return labels.length;
}

async function referralIn(status: string): Promise<ReferralState> {
  const found = [...(await sampleReferrals()), ...demoReferrals(30)].find((r) => r.status === status);
  if (!found) throw new Error(`no sample referral is ${status}`);
  return found;
}

const detail = async (referral: unknown, role = 'clp', user = 'clp-sb') =>
  mount(html`<links-referral-detail
    .referral=${referral}
    user-role=${role}
    user-id=${user}
    as-of="2025-03-31"
    .eventId=${() => `ui-${Math.random().toString(36).slice(2)}`}
    .now=${() => new Date(AS_OF)}
  ></links-referral-detail>`);

const referralForm = (referrals: readonly unknown[] = [], person = 'pt-new999') =>
  mount(html`<links-referral-form
    person=${person}
    practice-id="springburn-hc"
    referrer-id="gp-sb-1"
    referral-id="ref-new"
    .referrals=${referrals}
    .eventId=${() => 'evt-1'}
    .now=${() => new Date(AS_OF)}
  ></links-referral-form>`);

/** Every registered element and the states axe checks it in. */
const SCENARIOS: Record<string, readonly Scenario[]> = {
  'links-provider': [
    ['empty', () => mount(html`<links-provider storage="memory"></links-provider>`)],
    [
      'memory storage and person labels, around a referral, a caseload, a referral form and a plan editor',
      providerAroundElements,
    ],
  ],

  'links-framework-overview': [
    ['the whole framework', () => mount(html`<links-framework-overview></links-framework-overview>`)],
    [
      'selectable, a capacity selected',
      () =>
        mount(html`<links-framework-overview selectable selected-capacity="signposting"></links-framework-overview>`),
    ],
    [
      'themes only, at heading level 3',
      () => mount(html`<links-framework-overview heading-level="3" sections="themes"></links-framework-overview>`),
    ],
  ],

  'links-plan-editor': [
    ['no plan', () => mount(html`<links-plan-editor></links-plan-editor>`)],
    ...[
      'team-wellbeing',
      'shared-learning',
      'awareness',
      'intelligence',
      'signposting',
      'problem-solving',
      'network-building',
      'themes',
      'details',
    ].map((view): Scenario => [
      `the sample plan, section "${view}", every disclosure open`,
      async () => {
        const el = await mount(html`<links-plan-editor .plan=${await samplePlan()} view=${view}></links-plan-editor>`);
        await openAllDetails(el);
        return el;
      },
    ]),
    [
      'a new, empty plan, every disclosure open',
      async () => {
        const el = await mount(html`<links-plan-editor .plan=${await emptyPlan()}></links-plan-editor>`);
        await openAllDetails(el);
        return el;
      },
    ],
    ['a refused edit: error summary and inline error', planEditorWithError],
    ['store-bound, after a conflicting save', planEditorInConflict],
    ['disabled', async () => mount(html`<links-plan-editor disabled .plan=${await samplePlan()}></links-plan-editor>`)],
  ],

  'links-theme-focus': [
    ['no plan', () => mount(html`<links-theme-focus></links-theme-focus>`)],
    [
      'the sample plan, every disclosure open',
      async () => {
        const el = await mount(html`<links-theme-focus .plan=${await samplePlan()}></links-theme-focus>`);
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'a refused focus area: errors shown',
      async () => {
        const el = await mount(html`<links-theme-focus .plan=${await samplePlan()}></links-theme-focus>`);
        const theme = shadow(el).querySelectorAll('.theme')[4]!;
        theme.querySelector<HTMLButtonElement>('.add-form button')!.click();
        await settle(el);
        expect(shadow(el).querySelector('.error-summary'), 'error summary').to.exist;
        return el;
      },
    ],
    [
      'read-only',
      async () => mount(html`<links-theme-focus readonly .plan=${await samplePlan()}></links-theme-focus>`),
    ],
  ],

  'links-pdsa-log': [
    ['no plan', () => mount(html`<links-pdsa-log></links-pdsa-log>`)],
    [
      'three cycles, one open, every disclosure open',
      async () => {
        const el = await mount(
          html`<links-pdsa-log .plan=${await samplePlan()} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
        );
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'completing the open cycle with nothing filled in: errors shown',
      async () => {
        const el = await mount(
          html`<links-pdsa-log .plan=${await samplePlan()} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
        );
        await openAllDetails(el);
        shadow(el).querySelector<HTMLButtonElement>('.complete-form button[type="submit"]')!.click();
        await settle(el);
        expect(shadow(el).querySelector('.error-summary'), 'error summary').to.exist;
        return el;
      },
    ],
    [
      'a change idea with no cycles yet (start form)',
      async () => {
        const el = await mount(
          html`<links-pdsa-log .plan=${await samplePlan()} capacity="signposting" change-idea="change-1"></links-pdsa-log>`,
        );
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'read-only',
      async () =>
        mount(
          html`<links-pdsa-log readonly .plan=${await samplePlan()} capacity="shared-learning" change-idea="change-1"></links-pdsa-log>`,
        ),
    ],
  ],

  'links-resource-finder': [
    ['before a search', () => mount(html`<links-resource-finder></links-resource-finder>`)],
    ['results from the ALISS fixture', async () => finderAfterSearch(alissDirectory(await alissServices()))],
    ['no results', async () => finderAfterSearch(alissDirectory(await alissServices()), { text: 'zzzzqqq' })],
    [
      'an invalid postcode: field error shown',
      async () => finderAfterSearch(alissDirectory(await alissServices()), { postcode: 'not a postcode!' }),
    ],
    [
      'the directory cannot be reached: error with retry',
      async () => finderAfterSearch(failingDirectory(alissDirectory(await alissServices()))),
    ],
  ],

  'links-network-register': [
    [
      'an empty register',
      () =>
        mount(
          html`<links-network-register .register=${createNetworkRegister('practice-1')} as-of="2026-11-20"></links-network-register>`,
        ),
    ],
    [
      'active, quiet and ended relationships',
      () =>
        mount(html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`),
    ],
    ...(['Record contact', 'Record visit', 'Edit', 'End'] as const).map((action): Scenario => [
      `the "${action}" panel open`,
      async () => {
        const el = await mount(
          html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`,
        );
        await clickButton(el, shadow(el).querySelector('tr[data-id="rel-2"]')!, action);
        expect(shadow(el).querySelector('[part="panel"]'), 'panel open').to.exist;
        return el;
      },
    ]),
    [
      'ending with no reason: panel errors shown',
      async () => {
        const el = await mount(
          html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`,
        );
        await clickButton(el, shadow(el).querySelector('tr[data-id="rel-2"]')!, 'End');
        await clickButton(el, shadow(el).querySelector('[part="panel"]')!, 'End relationship');
        expect(shadow(el).querySelector('[part="panel"] [part="error"]'), 'panel error').to.exist;
        return el;
      },
    ],
    [
      'adding with nothing filled in: errors shown',
      async () => {
        const el = await mount(
          html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`,
        );
        await clickButton(el, shadow(el).querySelector('[part="add-form"]')!, 'Add relationship');
        expect(shadow(el).querySelector('[part="add-form"] [part="error"]'), 'add error').to.exist;
        return el;
      },
    ],
    [
      'showing only quiet relationships',
      async () => {
        const el = await mount(
          html`<links-network-register .register=${demoRegister()} as-of="2026-11-20"></links-network-register>`,
        );
        shadow(el).querySelector<HTMLInputElement>('.filter input')!.click();
        await settle(el);
        return el;
      },
    ],
  ],

  'links-run-chart': [
    ['no measure', () => mount(html`<links-run-chart></links-run-chart>`)],
    [
      'a measure with a shift and a target, table open',
      () => mount(html`<links-run-chart .measure=${demoMeasure()} .target=${18} table-open></links-run-chart>`),
    ],
    [
      'a measure to decrease, with too few points for signals',
      () =>
        mount(
          html`<links-run-chart
            .measure=${{ ...demoMeasure(), direction: 'decrease', points: demoMeasure().points.slice(0, 3) }}
          ></links-run-chart>`,
        ),
    ],
  ],

  'links-maturity-profile': [
    ['no score', () => mount(html`<links-maturity-profile></links-maturity-profile>`)],
    [
      'a plan score',
      () => mount(html`<links-maturity-profile .score=${demoScores().latest}></links-maturity-profile>`),
    ],
    [
      'a plan score against the previous revision',
      () => {
        const { latest, previous } = demoScores();
        return mount(
          html`<links-maturity-profile .score=${latest} .compare=${previous} label="Springburn"></links-maturity-profile>`,
        );
      },
    ],
  ],

  'links-capacity-card': [
    ['no score', () => mount(html`<links-capacity-card></links-capacity-card>`)],
    ...[0, 4].map((index): Scenario => [
      `capacity ${index + 1} of a demo plan, criteria open`,
      () =>
        mount(
          html`<links-capacity-card .score=${demoScores().latest.capacities[index]} criteria-open></links-capacity-card>`,
        ),
    ]),
    [
      'compact',
      () =>
        mount(html`<links-capacity-card compact .score=${demoScores().latest.capacities[1]}></links-capacity-card>`),
    ],
  ],

  'links-cohort-comparison': [
    ['no comparison', () => mount(html`<links-cohort-comparison></links-cohort-comparison>`)],
    [
      'programme against comparison practices',
      () => mount(html`<links-cohort-comparison .comparison=${demoComparison()}></links-cohort-comparison>`),
    ],
    [
      'an empty comparison cohort',
      () => {
        const c = demoComparison();
        const empty = {
          ...c,
          capacities: c.capacities.map((x) => ({ ...x, comparison: null, medianDifference: null })),
          practices: { ...c.practices, comparison: 0 },
          behind: [],
        };
        return mount(html`<links-cohort-comparison .comparison=${empty}></links-cohort-comparison>`);
      },
    ],
  ],

  'links-referral-form': [
    ['empty', () => referralForm()],
    ['a duplicate warning', async () => referralForm(await sampleReferrals(), (await sampleReferrals())[0]!.person)],
    [
      'sent with nothing chosen: error summary and inline errors',
      async () => {
        const el = await referralForm();
        shadow(el).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
        await settle(el);
        expect(shadow(el).querySelector('.error-summary'), 'error summary').to.exist;
        return el;
      },
    ],
    [
      'filled in: route "other", every theme chosen with its reason box',
      async () => {
        const el = await referralForm();
        const root = shadow(el);
        const routes = [...root.querySelectorAll<HTMLInputElement>('input[name="route"]')];
        routes.at(-1)!.click();
        for (const box of root.querySelectorAll<HTMLInputElement>('input[name="theme"]')) box.click();
        await settle(el);
        return el;
      },
    ],
  ],

  'links-caseload': [
    ['no referrals', () => mount(html`<links-caseload .referrals=${[]} as-of=${AS_OF}></links-caseload>`)],
    [
      'demo referrals, one selected',
      () => {
        const referrals = demoReferrals();
        return mount(
          html`<links-caseload .referrals=${referrals} as-of=${AS_OF} .selected=${referrals[3]!.id}></links-caseload>`,
        );
      },
    ],
    [
      'the sample referrals, only overdue, sorted by status',
      async () =>
        mount(
          html`<links-caseload
            .referrals=${await sampleReferrals()}
            as-of=${AS_OF}
            .filter=${{ overdue: true }}
            .sort=${{ key: 'status', direction: 'ascending' }}
          ></links-caseload>`,
        ),
    ],
    [
      'filtered to nothing',
      () =>
        mount(
          html`<links-caseload .referrals=${demoReferrals()} as-of=${AS_OF} .filter=${{ text: 'no-such-reference' }}></links-caseload>`,
        ),
    ],
  ],

  'links-referral-detail': [
    ['no referral', () => mount(html`<links-referral-detail></links-referral-detail>`)],
    [
      'a requested referral seen by the referrer, message back open',
      async () => {
        const el = await detail(await referralIn('requested'), 'referrer', (await referralIn('requested')).referrerId);
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'an in-progress referral seen by the CLP, message back open',
      async () => {
        const r = await referralIn('in-progress');
        const el = await detail(r, 'clp', r.clpId ?? 'clp-sb');
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'a completed referral, final message back open',
      async () => {
        const r = await referralIn('completed');
        const el = await detail(r, 'clp', r.clpId ?? 'clp-sb');
        await openAllDetails(el);
        return el;
      },
    ],
    [
      'no user: actions not offered',
      async () =>
        mount(
          html`<links-referral-detail .referral=${await referralIn('accepted')} as-of="2025-03-31"></links-referral-detail>`,
        ),
    ],
  ],

  'links-caseload-summary': [
    ['no figures', () => mount(html`<links-caseload-summary></links-caseload-summary>`)],
    [
      'figures from referrals, with practice names',
      () =>
        mount(
          html`<links-caseload-summary
            .referrals=${demoReferrals(30)}
            .practices=${[
              { id: 'practice-a', name: 'Possilpark', listSize: 6000 },
              { id: 'practice-b', listSize: 3000 },
            ]}
            as-of=${AS_OF}
          ></links-caseload-summary>`,
        ),
    ],
    [
      'metrics given directly, no referrals yet',
      () =>
        mount(html`<links-caseload-summary .metrics=${caseloadMetrics([], { asOf: AS_OF })}></links-caseload-summary>`),
    ],
  ],

  'links-outcome-form': [
    ['ONS4, unanswered', () => mount(html`<links-outcome-form></links-outcome-form>`)],
    [
      'ONS4, answered',
      () =>
        mount(
          html`<links-outcome-form .value=${{ 'life-satisfaction': 7, worthwhile: 8, happiness: 6, anxiety: 2 }}></links-outcome-form>`,
        ),
    ],
    [
      'required and submitted unanswered: errors shown',
      async () => {
        const form = await fixture<HTMLFormElement>(
          html`<form><links-outcome-form name="ons4" required></links-outcome-form></form>`,
        );
        const el = form.querySelector('links-outcome-form')!;
        await settle(el);
        (el as unknown as { reportValidity(): boolean }).reportValidity();
        await settle(el);
        expect(shadow(el).querySelectorAll('.error-message').length, 'errors shown').to.be.greaterThan(0);
        return el;
      },
    ],
    ['disabled', () => mount(html`<links-outcome-form disabled></links-outcome-form>`)],
  ],

  'links-programme-report': [
    ['no evaluation', () => mount(html`<links-programme-report></links-programme-report>`)],
    [
      'a programme evaluation, tables open',
      async () => {
        const el = await mount(html`<links-programme-report .evaluation=${demoEvaluation()}></links-programme-report>`);
        await openAllDetails(el);
        return el;
      },
    ],
  ],
};

/** A memory-backed provider with a person-label resolver around the elements that use it, the plan seeded in its store. */
async function providerAroundElements(): Promise<HTMLElement> {
  const plan = await samplePlan();
  const referrals = await sampleReferrals();
  const el = await fixture<HTMLElement & { storeFor: (codec: ReturnType<typeof planCodec>) => PlanStore | undefined }>(
    html`<links-provider storage="memory" .personLabel=${(ref: string) => `Person ${ref.slice(-4).toUpperCase()}`}>
      <links-caseload .referrals=${referrals} as-of=${AS_OF}></links-caseload>
      <links-referral-detail .referral=${referrals[0]} user-role="clp" user-id="clp-sb" as-of="2025-03-31"></links-referral-detail>
      <links-referral-form person=${referrals[0]!.person} practice-id="springburn-hc" referrer-id="gp-sb-1"></links-referral-form>
      <links-plan-editor plan-id=${plan.id}></links-plan-editor>
    </links-provider>`,
  );
  const saved = await el.storeFor(planCodec())!.save(plan, { expectedRevision: 0, author: 'Practice manager' });
  if (!saved.ok) throw new Error('could not seed the provider store');
  await settle(el, 5);
  // The caseload's virtualizer lays rows out only while it is on screen (an off-screen, empty scroll
  // region is what axe would otherwise see): bring it into view and wait for its rows.
  const caseload = el.querySelector('links-caseload')!;
  caseload.scrollIntoView();
  await waitUntil(() => shadow(caseload).querySelectorAll('[part="row"]').length > 0, 'caseload rows rendered');
  const editor = el.querySelector('links-plan-editor')!;
  expect(text(shadow(editor).querySelector('h2')), 'the editor loaded the plan through the provider').to.equal(
    plan.title,
  );
  expect(deepText(el), 'labels from the resolver are shown').to.contain('Person ');
  return el;
}

describe('quality: axe WCAG 2.2 A/AA on every element', () => {
  // The caseload's virtualizer may log a benign "ResizeObserver loop" notice.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('covers every links-* element all.ts registers, and nothing that is not registered', () => {
    // The plan editor's sections render inside its shadow root: its scenarios cover them.
    const registered = new Set(
      definedTags.filter((tag) => tag.startsWith('links-') && !PLAN_SECTION_TAGS.includes(tag)),
    );
    // Also every exported element class, by the tag it is registered under.
    for (const value of Object.values(all)) {
      if (typeof value === 'function' && value.prototype instanceof HTMLElement) {
        const tag = customElements.getName(value as CustomElementConstructor);
        if (tag?.startsWith('links-') && !PLAN_SECTION_TAGS.includes(tag)) registered.add(tag);
      }
    }
    expect(registered.size, 'all.ts registers elements').to.be.greaterThan(10);
    const missing = [...registered].filter((tag) => !(tag in SCENARIOS));
    expect(missing, 'elements registered by all.ts with no axe scenarios here: add them to SCENARIOS').to.deep.equal(
      [],
    );
    const stale = Object.keys(SCENARIOS).filter((tag) => !registered.has(tag));
    expect(stale, 'scenarios for tags all.ts does not register').to.deep.equal([]);
    expect(WCAG_TAGS).to.deep.equal(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  });

  it('the gate sees inside shadow roots: an unlabelled input in a shadow root is reported', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<form><input type="text"></form>';
    const violations = await wcagViolations(host);
    expect(violations.some((v) => v.startsWith('label '))).to.be.true;
  });

  it('the gate can fail: an unlabelled input and low-contrast text are reported', async () => {
    const el = await fixture<HTMLElement>(
      html`<div><input type="text" /><p style="color:#bbb;background:#fff">Faint text</p></div>`,
    );
    const violations = await wcagViolations(el);
    expect(violations.some((v) => v.startsWith('label '))).to.be.true;
    expect(violations.some((v) => v.startsWith('color-contrast '))).to.be.true;
  });

  for (const [tag, scenarios] of Object.entries(SCENARIOS)) {
    describe(`<${tag}>`, () => {
      for (const [name, render] of scenarios) {
        it(name, async function () {
          this.timeout(30_000);
          const el = await render();
          expect(el.localName).to.equal(tag);
          await expectWcagClean(el, name);
        });
      }
    });
  }

  describe('<links-referral-detail> every action form, open and sent empty', () => {
    for (const status of ['requested', 'accepted', 'in-progress']) {
      it(`a ${status} referral, as the CLP`, async function () {
        this.timeout(120_000);
        const r = await referralIn(status);
        const el = await detail(r, 'clp', r.clpId ?? 'clp-sb');
        const walked = await walkReferralActions(el, `${status} referral`);
        expect(walked, 'actions offered').to.be.greaterThan(0);
      });
    }
    it('a requested referral, as its referrer', async function () {
      this.timeout(120_000);
      const r = await referralIn('requested');
      const el = await detail(r, 'referrer', r.referrerId);
      const walked = await walkReferralActions(el, 'requested referral, referrer');
      expect(walked, 'actions offered').to.be.greaterThan(0);
    });
  });

  it('the demo data behind these scenarios is realistic (sanity)', async () => {
    const plan = await samplePlan();
    expect(Object.keys(plan.capacities)).to.have.length(7);
    expect((await sampleReferrals()).length).to.be.greaterThan(3);
    expect(demoData(4).plans.length).to.be.greaterThan(4);
  });
});
