import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MATURITY_MESSAGES_EN, maturityMessage, scorePlan } from '@links-approach/core/maturity';
import {
  parsePlanDocument,
  PLAN_DOCUMENT_MESSAGES_EN,
  planDocumentMessage,
  type Plan,
} from '@links-approach/core/plan';
import { createMemoryPlanStore, STORE_MESSAGES_EN, storeMessage, type PlanStore } from '@links-approach/core/store';
import { createHttpPlanStore, createServiceClient } from '@links-approach/core/service';
import '../capacity-card/capacity-card.js';
import '../plan-editor/plan-editor.js';
import type { LinksCapacityCard } from '../capacity-card/capacity-card.js';
import type { LinksPlanEditor } from '../plan-editor/plan-editor.js';
import { setLocale } from './localization.js';
import { issueText } from './messages.js';
import { explainAppendError } from '../referral-detail/text.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

// Parameters for each code: names, dates and numbers that must appear in the Gaelic too.
const AGAINST = {
  againstSince: '2024-03-01',
  againstType: 'shift',
  againstLength: 7,
  againstDirection: 'down',
  againstCentre: '31%',
} as const;
const SIGNAL = { signalType: 'trend', signalLength: 6, signalDirection: 'up' } as const;
const STORE_SAMPLES: Record<string, Record<string, unknown>> = {
  'store.expected-revision': {},
  'store.nothing-stored': { expected: 3 },
  'store.newer-revision': { expected: 3, current: 4, savedBy: 'pm-ash', savedAt: '2024-05-01T09:30:00Z' },
  'store.not-a-document': {},
  'store.document-id': {},
  'store.referral-id': {},
  'store.expected-version': {},
  'store.idempotency-key': {},
  'store.idempotency-key-missing': {},
  'store.no-referral': {},
  'store.stream-moved': { current: 7, expected: 5 },
  'store.sign-in-again': {},
  'store.sign-in-kept': {},
  'store.offline-no-owner': {},
  'store.offline-not-loaded': {},
  'store.offline-not-kept': { why: 'QuotaExceededError' },
  'store.offline': {},
  'store.key-used-by-another': {},
  'service.no-fetch': {},
  'service.timeout': { seconds: 30 },
  'service.unreachable': {},
  'service.not-signed-in': {},
  'service.forbidden': {},
  'service.not-found': {},
  'service.busy': {},
  'service.unavailable': {},
  'service.refused': { status: 418 },
};
const MATURITY_SAMPLES: Record<string, Record<string, unknown>> = {
  'maturity.unknown-criterion': { id: 'astrology' },
  'maturity.nothing-for-capacity': {},
  'maturity.capacity-addressed': {},
  'maturity.capacity-empty': {},
  'maturity.no-owner': {},
  'maturity.owned-by': { role: 'Practice manager', name: 'Ash' },
  'maturity.team-members': { count: 7 },
  'maturity.no-team': {},
  'maturity.aims-stated': { count: 7 },
  'maturity.no-aim': {},
  'maturity.aim-target-date': { target: '25%', date: '2024-12-01' },
  'maturity.aim-no-date': {},
  'maturity.aim-no-target': {},
  'maturity.no-aim-target-date': {},
  'maturity.measures-defined': { count: 7 },
  'maturity.no-measure': {},
  'maturity.no-measure-for-baseline': {},
  'maturity.no-baseline': {},
  'maturity.baseline': { measure: 'DNA rate', baseline: '31%', firstPoint: true },
  'maturity.change-ideas-listed': { count: 7 },
  'maturity.no-change-ideas': {},
  'maturity.cycle-studied': { idea: 'Text reminders' },
  'maturity.no-cycle': {},
  'maturity.study-not-completed': { idea: 'Text reminders' },
  'maturity.study-completed-later': { idea: 'Text reminders', completed: '2024-06-01', asOf: '2024-05-01' },
  'maturity.no-study': {},
  'maturity.moved-from-baseline': { measure: 'DNA rate', baseline: '31%', latest: '22%', changeStart: '2024-02-01' },
  'maturity.no-outcome-baseline': {},
  'maturity.no-change-tested-baseline': {},
  'maturity.no-data-since-change': { changeStart: '2024-02-01' },
  'maturity.not-better-against': { measure: 'DNA rate', latest: '35%', baseline: '31%', ...AGAINST },
  'maturity.not-yet-better': { measure: 'DNA rate', latest: '35%', baseline: '31%' },
  'maturity.signal': { measure: 'DNA rate', ...SIGNAL, changeStart: '2024-02-01' },
  'maturity.nothing-to-plot': {},
  'maturity.signal-then-against': { measure: 'DNA rate', ...SIGNAL, ...AGAINST },
  'maturity.no-improvement-against': { measure: 'DNA rate', ...AGAINST },
  'maturity.no-change-tested-signal': {},
  'maturity.no-signal': { measure: 'DNA rate', count: 7, changeStart: '2024-02-01' },
  'maturity.no-target-linked': {},
  'maturity.target-met': { measure: 'DNA rate', target: '25%', points: 3, atLatest: false },
  'maturity.target-no-data': { measure: 'DNA rate', target: '25%' },
  'maturity.target-short': { measure: 'DNA rate', latest: '35%', target: '25%' },
  'maturity.target-not-long-enough': { measure: 'DNA rate', target: '25%', met: 2, points: 6, atLatest: false },
  'maturity.target-met-against': { measure: 'DNA rate', target: '25%', ...AGAINST },
  'maturity.target-met-no-signal': { measure: 'DNA rate', target: '25%' },
  'maturity.adopted': { idea: 'Text reminders' },
  'maturity.none-adopted': {},
  'maturity.spread': { idea: 'Text reminders', date: '2024-09-01' },
  'maturity.none-spread': {},
};
const PLAN_DOCUMENT_SAMPLES: Record<string, Record<string, unknown>> = {
  'plan-document.not-a-document': { kind: 'links.plan' },
  'plan-document.kind-required': { kind: 'links.plan' },
  'plan-document.wrong-kind': { given: '"links.other"', kind: 'links.plan' },
  'plan-document.version-required': { writes: 2 },
  'plan-document.version-not-whole': { writes: 2 },
  'plan-document.version-newer': { version: 9, writes: 2 },
  'plan-document.version-unknown': { version: 0, readable: ['1', '2'] },
  'plan-document.not-a-date-time': {},
  'plan-document.v1-capacity-id': {},
  'plan-document.v1-theme-id': {},
  'plan-document.v1-unit-without-target': {},
  'plan-document.v1-focus-area': {},
  'plan-document.v1-capacity-repeated': { capacity: 'team-wellbeing', earlier: 3 },
  'plan-document.v1-theme-repeated': { theme: 'carers', earlier: 3 },
  'plan-document.v1-lead-required': {},
  'plan-document.v1-baseline-required': {},
  'plan-document.v1-spread-both': {},
};
/** Parameters said as words (or not said at all) in the Gaelic, rather than as the value. */
const WORDS = new Set(['signalType', 'signalDirection', 'againstType', 'againstDirection', 'firstPoint', 'atLatest']);

const english = (code: string, params: Record<string, unknown>): string =>
  code.startsWith('maturity.')
    ? maturityMessage(code as never, params as never)
    : code.startsWith('plan-document.')
      ? planDocumentMessage(code as never, params as never).message
      : storeMessage(code as never, params as never).message;

async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(
    await (await fetch(new URL('../../../../examples/data/sample-plan.json', import.meta.url))).json(),
  );
  if (!result.ok) throw new Error('sample plan is invalid');
  return result.value;
}

describe('store, service, maturity and plan document messages in the page’s language', () => {
  afterEach(() => setLocale('en-GB'));

  it('in English shows core’s words; in Scottish Gaelic says every store, service, maturity and plan document code in Gaelic, with its values', async () => {
    expect(Object.keys(STORE_SAMPLES).sort()).to.deep.equal(Object.keys(STORE_MESSAGES_EN).sort());
    expect(Object.keys(MATURITY_SAMPLES).sort()).to.deep.equal(Object.keys(MATURITY_MESSAGES_EN).sort());
    expect(Object.keys(PLAN_DOCUMENT_SAMPLES).sort()).to.deep.equal(Object.keys(PLAN_DOCUMENT_MESSAGES_EN).sort());
    const samples = { ...STORE_SAMPLES, ...MATURITY_SAMPLES, ...PLAN_DOCUMENT_SAMPLES };
    for (const [code, params] of Object.entries(samples)) {
      const message = english(code, params);
      expect(issueText({ message, messageCode: code, params: params as never }), code).to.equal(message);
    }
    await setLocale('gd');
    for (const [code, params] of Object.entries(samples)) {
      const message = english(code, params);
      const gaelic = issueText({ message, messageCode: code, params: params as never });
      expect(gaelic, code).to.not.equal(message);
      expect(gaelic.length, code).to.be.greaterThan(5);
      for (const [name, value] of Object.entries(params)) {
        if (WORDS.has(name)) continue;
        for (const part of Array.isArray(value) ? value : [value])
          expect(gaelic, `${code} ${name}`).to.contain(String(part));
      }
    }
  });

  it('a Gaelic referral detail explains a refused append with the service’s message in Gaelic', async () => {
    const timeout = { code: 'unreachable', path: '', ...storeMessage('service.timeout', { seconds: 30 }) } as const;
    expect(explainAppendError(timeout)).to.equal(
      'The service cannot be reached. The Links service did not answer within 30 seconds.',
    );
    await setLocale('gd');
    expect(explainAppendError(timeout)).to.equal(
      'Chan urrainnear an t-seirbheis a ruigsinn. Cha do fhreagair seirbheis Links ann an àm (diogan: 30).',
    );
  });

  it('a Gaelic capacity card shows the scorer’s reasons and the next step’s reason in Gaelic', async () => {
    const plan = await samplePlan();
    const score = scorePlan(plan).capacities.find((c) => c.nextStep !== null)!;
    const el = await fixture<LinksCapacityCard>(
      html`<links-capacity-card .score=${score} criteria-open></links-capacity-card>`,
    );
    const root = el.shadowRoot!;
    const reason = score.nextStep!.reason;
    expect(text(root.querySelector('.next-reason'))).to.equal(reason);
    await setLocale('gd');
    await el.updateComplete;
    const gaelic = text(root.querySelector('.next-reason'));
    expect(gaelic).to.not.equal(reason);
    expect(gaelic).to.equal(
      (await import('./on-demand/message-maps.js')).RULE_ISSUES.map((m) =>
        (m as Record<string, ((p: unknown) => string) | undefined>)[score.nextStep!.messageCode!]?.(
          score.nextStep!.params,
        ),
      ).find((t) => t !== undefined),
    );
    // Every criterion's reason is in Gaelic: none of core's English reasons is left on the card.
    const shown = text(root.querySelector('[part="details"]'));
    for (const c of score.criteria) expect(shown, c.id).to.not.contain(c.reason);
    await expect(el).to.be.accessible();
  });

  it('a Gaelic capacity card with nothing in the plan says so in Gaelic', async () => {
    const plan = await samplePlan();
    const empty = scorePlan({ ...plan, capacities: {} }).capacities[0]!;
    const el = await fixture<LinksCapacityCard>(html`<links-capacity-card .score=${empty}></links-capacity-card>`);
    await setLocale('gd');
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.next-reason'))).to.equal(
      'Chan eil càil aig a’ phlana airson a’ chomais seo fhathast.',
    );
  });

  it('a Gaelic plan editor whose save cannot reach the Links service says so in Gaelic, and keeps the edit', async () => {
    const store = createMemoryPlanStore();
    const seeded = await store.save(await samplePlan(), { expectedRevision: 0, author: 'Practice manager' });
    if (!seeded.ok) throw new Error('could not seed the plan');
    const plan = seeded.value;
    // Saves go to a Links service that cannot be reached (core's own service client and HTTP store).
    const offline = createHttpPlanStore(
      createServiceClient({ baseUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('offline')) }),
    );
    const cut: PlanStore = { ...store, save: (doc, options) => offline.save(doc, options) };
    const el = await fixture<LinksPlanEditor>(
      html`<links-plan-editor .store=${cut} plan-id=${plan.id} author="Lead GP" view="awareness"></links-plan-editor>`,
    );
    await el.saveComplete();
    await setLocale('gd');
    await el.updateComplete;
    // An edit made with the editor's own form, which then saves it.
    const form = [...el.shadowRoot!.querySelectorAll<HTMLFormElement>('form.add-form')].find((f) =>
      f.querySelector('[name="statement"]'),
    )!;
    form.closest('details')!.open = true;
    form.querySelector<HTMLTextAreaElement | HTMLInputElement>('[name="statement"]')!.value = 'Kept while offline';
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.saveState === 'error', 'the save failed', { timeout: 10_000 });
    await el.updateComplete;
    const state = text(el.shadowRoot!.querySelector('[part="save-state"]'));
    expect(state).to.contain('Cha b’ urrainn dhuinn seirbheis Links a ruigsinn (gun cheangal?)');
    expect(state).to.not.contain('could not be reached');
    expect(el.plan!.capacities['awareness']!.aims.map((a) => a.statement)).to.include('Kept while offline');
    await expect(el).to.be.accessible();
  });
});
