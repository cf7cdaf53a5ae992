// Test support for the quality gates (axe on every element, the XSS corpus):
// realistic data from examples/data/*.json and core's demo data generators,
// a deep (shadow-root piercing) DOM walk, and an axe runner restricted to the
// WCAG 2.2 A/AA rules. Not part of the package's API.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import {
  generateDemoReferrals,
  parseReferralEvents,
  replay,
  type ReferralEvent,
  type ReferralState,
} from '@links-approach/core/referral';
import {
  createMemoryDirectory,
  parseAlissSearchPage,
  type Directory,
  type DirectoryCategory,
  type DirectorySource,
  type CommunityResource,
} from '@links-approach/core/resources';
import { generateDemoData, type DemoData } from '@links-approach/core/demo-data';
import { compareCohorts, scoreHistory, type PlanScore, type ScorableMeasure } from '@links-approach/core/maturity';
import {
  addRelationship,
  createNetworkRegister,
  endRelationship,
  recordContact,
  type NetworkRegister,
} from '@links-approach/core/network';
import { evaluateProgramme, ONS4, type OutcomeResponse } from '@links-approach/core/outcomes';

/** "Now" for every scenario, so overdue flags and freshness do not drift with the calendar. */
export const AS_OF = '2025-03-31T17:00:00Z';

/** The rule tags the gate runs: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

const dataUrl = (name: string) => new URL(`../../../../../examples/data/${name}`, import.meta.url);

async function fetchText(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.pathname}: ${response.status}`);
  return response.text();
}

/** The sample business plan (examples/data/sample-plan.json), parsed by core. */
export async function samplePlan(): Promise<Plan> {
  const result = parsePlanDocument(JSON.parse(await fetchText(dataUrl('sample-plan.json'))));
  if (!result.ok) throw new Error(`sample plan is invalid: ${JSON.stringify(result.errors[0])}`);
  return result.value;
}

/** The sample referral events (examples/data/sample-referrals.json). */
export async function sampleReferralEvents(): Promise<ReferralEvent[]> {
  const parsed = parseReferralEvents(await fetchText(dataUrl('sample-referrals.json')), { format: 'json' });
  if (!parsed.ok) throw new Error(`sample referrals are invalid: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.value;
}

/** The sample referrals replayed into their states. */
export async function sampleReferrals(): Promise<ReferralState[]> {
  return [...replay(await sampleReferralEvents(), { trusted: true }).state.referrals];
}

/** Seeded demo referrals from core's generator, for two practices. */
export function demoReferrals(perPractice = 20): ReferralState[] {
  const events = generateDemoReferrals({
    practices: ['practice-a', 'practice-b'],
    seed: 3,
    asOf: AS_OF,
    referralsPerPractice: perPractice,
  }).events;
  return [...replay(events, { trusted: true }).state.referrals];
}

/** Core's demo practices and plan revisions. */
export function demoData(practices = 8): DemoData {
  return generateDemoData({ practices, seed: 'quality', months: 12 });
}

/** The latest score of a programme practice's plan, and its previous revision's profile. */
export function demoScores(): { latest: PlanScore; previous: Readonly<Record<string, number>> } {
  const data = generateDemoData({ practices: 2, seed: 'profile' });
  const history = scoreHistory(data.plans.filter((p) => p.practice.cohort === 'programme'));
  return { latest: history.latest!.score, previous: history.revisions.at(-2)!.profile };
}

/** Programme vs comparison practices from the demo data. */
export function demoComparison(): ReturnType<typeof compareCohorts> {
  const data = generateDemoData({ practices: 16, seed: 'cohorts' });
  return compareCohorts(data.practices, data.plans);
}

/** A run-chart measure with a shift, as the run-chart tests use. */
export function demoMeasure(): ScorableMeasure {
  const values = [10, 12, 11, 13, 10, 12, 11, 13, 10, 12, 20, 22, 21, 23, 20, 22, 21, 23, 20, 22];
  return {
    id: 'm-1',
    name: 'People signposted to local support',
    unit: 'people per month',
    direction: 'increase',
    points: values.map((value, i) => ({
      date: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      value,
    })),
  };
}

/** A network register with an active, a quiet and an ended relationship. */
export function demoRegister(): NetworkRegister {
  const steps: ((r: NetworkRegister) => ReturnType<typeof addRelationship>)[] = [
    (r) =>
      addRelationship(
        r,
        {
          organisation: { name: 'Brightwater Community Trust' },
          contactRole: 'volunteer coordinator',
          alissListing: 'listed',
        },
        { on: '2026-01-10', by: 'CLP' },
      ),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Eastfield Men’s Shed' }, contactRole: 'chair', contactLabel: 'Tuesday lead' },
        { on: '2026-02-01', by: 'CLP' },
      ),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Northside Food Larder' }, contactRole: 'manager', alissListing: 'helped-to-list' },
        { on: '2026-02-01', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-1', 'visit', { on: '2026-10-01', by: 'CLP', note: 'Visited the Tuesday group.' }),
    (r) => endRelationship(r, 'rel-3', { on: '2026-10-02', by: 'CLP', note: 'The larder closed.' }),
  ];
  let register = createNetworkRegister('practice-1');
  for (const step of steps) {
    const result = step(register);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    register = result.value;
  }
  return register;
}

/** The ALISS-shaped services the resource tests use (test/fixtures/aliss/services.json). */
export async function alissServices(): Promise<Record<string, unknown>[]> {
  return JSON.parse(
    await fetchText(new URL('../../../../../test/fixtures/aliss/services.json', import.meta.url)),
  ) as Record<string, unknown>[];
}

/** The ALISS fixture's licence and attribution block. */
export const ALISS_META = {
  licence: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: [{ text: 'Contains contributions from ALISS users', url: 'https://www.aliss.org/terms-and-conditions' }],
};

/** A memory directory over ALISS-shaped services, mapped by core's ALISS mapper. */
export function alissDirectory(services: readonly unknown[], meta: unknown = ALISS_META): Directory {
  const page = parseAlissSearchPage({ meta, count: services.length, next: null, previous: null, data: services });
  if (!page.ok) throw new Error(`fixture invalid: ${JSON.stringify(page.errors[0])}`);
  const made = createMemoryDirectory({ source: page.value.source, resources: page.value.resources });
  if (!made.ok) throw new Error(`fixture invalid: ${JSON.stringify(made.errors[0])}`);
  return made.value;
}

/**
 * A host's own directory adapter that returns what it is given, unchecked:
 * what a careless host integration could hand the resource finder.
 */
export function rawDirectory(
  source: DirectorySource,
  resources: readonly CommunityResource[],
  categories?: readonly DirectoryCategory[],
): Directory {
  return {
    source,
    search: async () => ({ ok: true, value: { resources, source, total: resources.length, pagesFetched: 0 } }),
    getById: async (id) => ({ ok: true, value: resources.find((r) => r.id === id) }),
    ...(categories ? { listCategories: async () => ({ ok: true as const, value: categories }) } : {}),
  };
}

/** A programme evaluation over demo data with ONS4 responses, as the report tests build it. */
export function demoEvaluation(): ReturnType<typeof evaluateProgramme> {
  const demo = generateDemoData({ practices: 6, seed: 7, months: 12 });
  const programme = demo.practices.filter((p) => p.cohort === 'programme');
  const comparison = demo.practices.filter((p) => p.cohort === 'comparison');
  const events = generateDemoReferrals({
    practices: programme.map((p) => ({ id: p.id, listSize: p.listSize })),
    asOf: '2022-12-31T17:00:00Z',
    seed: 3,
  }).events;
  let n = 0;
  const response = (
    person: string,
    practiceId: string,
    timepoint: 'baseline' | 'follow-up',
    life: number,
  ): OutcomeResponse => ({
    id: `r${++n}`,
    instrumentId: 'ons4',
    person,
    practiceId,
    timepoint,
    date: timepoint === 'baseline' ? '2022-03-01' : '2022-11-01',
    answers: { 'life-satisfaction': life, worthwhile: Math.min(10, life + 1) },
  });
  const responses = [
    ...[
      [5, 7],
      [4, 5],
      [6, 6],
      [3, 6],
      [7, 8],
    ].flatMap(([b, f], i) => [
      response(`p${i}`, programme[0]!.id, 'baseline', b!),
      response(`p${i}`, programme[0]!.id, 'follow-up', f!),
    ]),
    ...[
      [6, 7],
      [5, 5],
      [4, 3],
      [7, 7],
    ].flatMap(([b, f], i) => [
      response(`c${i}`, comparison[0]!.id, 'baseline', b!),
      response(`c${i}`, comparison[0]!.id, 'follow-up', f!),
    ]),
  ];
  return evaluateProgramme({
    practices: demo.practices,
    referrals: replay(events).state.referrals,
    plans: demo.plans,
    outcomes: { instrument: ONS4, responses },
    asOf: '2022-12-31',
    maturityDates: ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31'],
  });
}

// ---------------------------------------------------------------------------
// DOM helpers

/** Every element under `root`, descending into open shadow roots (and slotted light DOM once). */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** The text of `root` and every shadow root inside it, form values and `<title>`/`<desc>` included. */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(` ${node.value} `);
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join('');
}

/** Waits for a Lit element (and those inside it) to finish rendering and for pending tasks to run. */
export async function settle(el: Element, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await new Promise((resolve) => setTimeout(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const node of deepElements(el)) {
      const pending = (node as { updateComplete?: Promise<unknown> }).updateComplete;
      if (pending) await pending;
    }
  }
}

/** Opens every `<details>` in every shadow root under `el`. */
export async function openAllDetails(el: Element): Promise<number> {
  const all = deepElements(el).filter((n): n is HTMLDetailsElement => n instanceof HTMLDetailsElement);
  for (const details of all) details.open = true;
  await settle(el, 1);
  return all.length;
}

/** The element's shadow root, or a clear failure. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no open shadow root`);
  return el.shadowRoot;
}

/** Clicks the first button under `root` (deep) whose text matches. */
export async function clickButton(host: Element, root: ParentNode, match: string | RegExp): Promise<HTMLButtonElement> {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')];
  const button = buttons.find((b) => {
    const text = (b.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof match === 'string' ? text === match || text.startsWith(`${match} `) : match.test(text);
  });
  if (!button) throw new Error(`no button "${String(match)}" in <${host.localName}>`);
  button.click();
  await settle(host);
  return button;
}

// ---------------------------------------------------------------------------
// axe

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs axe on `el` (its shadow DOM included) with only the WCAG 2.0/2.1/2.2
 * A and AA rules, one run at a time. Returns the violations, described one
 * line per node.
 */
export async function wcagViolations(el: Element): Promise<string[]> {
  const axe = (window as unknown as { axe?: AxeGlobal }).axe;
  if (!axe) throw new Error('axe-core did not load');
  const run = queue.then(() =>
    axe.run(el, { runOnly: { type: 'tag', values: [...WCAG_TAGS] }, resultTypes: ['violations'] }),
  );
  queue = run.catch(() => undefined);
  const results = await run;
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? 'n/a'}; ${v.tags.filter((t) => /^wcag\d/.test(t)).join(' ')}): ${v.help}\n    at ${JSON.stringify(
          node.target,
        )}\n    ${node.html.slice(0, 240)}\n    ${(node.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
    ),
  );
}
