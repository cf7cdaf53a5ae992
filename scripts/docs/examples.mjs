// The live example on each element's page: which attributes the element gets,
// which properties (realistic, synthetic data made with core from
// examples/data/*.json and core's demo data), and any extra set-up code.
// Runs in Node under tsx with the `@links-approach/source` condition, so core
// is used from source; the page itself only loads the self-contained bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanDocument } from '@links-approach/core/plan';
import { compareCohorts, scorePlan } from '@links-approach/core/maturity';
import { generateDemoData, generateDemoReferrals } from '@links-approach/core/demo-data';
import { parseReferralEvents, replay } from '@links-approach/core/referral';
import { evaluateProgramme, ONS4, validateOutcomeResponses } from '@links-approach/core/outcomes';
import { parseAlissSearchPage } from '@links-approach/core/resources';
import { addRelationship, createNetworkRegister, recordContact, setAlissListing } from '@links-approach/core/network';

/** "Now" for the referral examples (overdue flags and figures are as of this moment). */
const AS_OF = '2025-03-31T17:00:00Z';
const PRACTICE = { id: 'springburn-hc', name: 'Springburn Health Centre', listSize: 9840, clpId: 'clp-sb' };

function fail(what, result) {
  const first = result.errors?.[0];
  throw new Error(
    `docs: the example data ${what} is not valid: ${first ? `${first.path} ${first.message}` : 'unknown problem'}`,
  );
}

function readData(root, name) {
  return readFileSync(join(root, 'examples', 'data', name), 'utf8');
}

/** A small fictional network register, as on the demo page. */
function sampleRegister() {
  const steps = [
    (r) =>
      addRelationship(
        r,
        {
          organisation: { name: 'Brightwater Community Trust' },
          contactRole: 'volunteer coordinator',
          alissListing: 'listed',
        },
        { on: '2025-09-01', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-1', 'visit', { on: '2026-10-14', by: 'CLP', note: 'Joined the Thursday walk' }),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Eastfield Green Men’s Shed' }, contactRole: 'chair', contactLabel: 'Tuesday lead' },
        { on: '2025-11-03', by: 'CLP' },
      ),
    (r) => recordContact(r, 'rel-2', 'contact', { on: '2026-02-20', by: 'CLP' }),
    (r) =>
      addRelationship(
        r,
        { organisation: { name: 'Kelvinbrook Song Circle' }, contactRole: 'organiser' },
        { on: '2026-03-10', by: 'CLP' },
      ),
    (r) =>
      setAlissListing(r, 'rel-3', 'helped-to-list', {
        on: '2026-04-02',
        by: 'CLP',
        note: 'Helped write their first listing',
      }),
    (r) => recordContact(r, 'rel-3', 'visit', { on: '2026-09-22', by: 'CLP' }),
  ];
  let register = createNetworkRegister('demo-practice');
  for (const step of steps) {
    const result = step(register);
    if (!result.ok) fail('network register', result);
    register = result.value;
  }
  return register;
}

/**
 * A minimal in-page `Directory` for the resource finder example: every word
 * must appear in a resource's text, and a category filters by slug. A host
 * would use core's `createMemoryDirectory` or `createAlissDirectory`.
 */
const MINI_DIRECTORY = `// A minimal Directory over the bundled, synthetic ALISS-shaped data (no network).
// A host would pass core's createAlissDirectory() or createMemoryDirectory() instead.
const { source, resources } = extra;
const text = (r) => [r.name, r.description, r.organisation?.name ?? '', ...r.categories.map((c) => c.name)].join(' ').toLowerCase();
const categories = [...new Map(resources.flatMap((r) => r.categories).map((c) => [c.slug, { ...c, depth: 0 }])).values()];
element.directory = {
  source,
  async search(query) {
    const words = (query.text ?? '').toLowerCase().split(/\\s+/).filter(Boolean);
    const found = resources.filter((r) => words.every((w) => text(r).includes(w))
      && (!query.category || r.categories.some((c) => c.slug === query.category)));
    return { ok: true, value: { resources: found.slice(0, query.limit ?? 10), total: found.length, source, pagesFetched: 0 } };
  },
  async getById(id) {
    return { ok: true, value: resources.find((r) => r.id === id) };
  },
  async listCategories() {
    return { ok: true, value: categories };
  },
};
element.asOf = new Date(extra.asOf);
await element.search({ text: 'walk' });`;

/**
 * The examples, by tag. Each: `attributes` (set in the markup), `properties`
 * (assigned from JSON by the page's inline module script), `extra` (JSON
 * the set-up code reads), `setup` (more code, with `element` and `extra` in
 * scope), `content` (light-DOM text, escaped), `children` (light-DOM markup,
 * written here, not escaped) and `about` (one line on the data shown).
 */
export function elementExamples(root) {
  const planResult = parsePlanDocument(JSON.parse(readData(root, 'sample-plan.json')));
  if (!planResult.ok) fail('examples/data/sample-plan.json', planResult);
  const plan = planResult.value;
  const score = scorePlan(plan);

  const cohort = generateDemoData({ practices: 8, seed: 2024 });
  const comparison = compareCohorts(cohort.practices, cohort.plans);
  const medians = Object.fromEntries(comparison.capacities.map((c) => [c.capacityId, c.programme?.median ?? 0]));

  const sampleEvents = parseReferralEvents(readData(root, 'sample-referrals.json'), { format: 'json' });
  if (!sampleEvents.ok) fail('examples/data/sample-referrals.json', sampleEvents);
  const seeded = generateDemoReferrals({ practices: [PRACTICE], seed: 2025, asOf: AS_OF, referralsPerPractice: 24 });
  const referrals = replay([...sampleEvents.value, ...seeded.events], { trusted: true }).state.referrals;
  const open = referrals.find((r) => r.id === 'ref-sb-002') ?? referrals[0];
  const sampleReferralStates = replay(sampleEvents.value, { trusted: true }).state.referrals;
  // Fictional labels a host might resolve references to (no real people).
  const hostLabels = Object.fromEntries(
    [...new Set(sampleReferralStates.map((r) => r.person))].map((ref, i) => [
      ref,
      `Example Person ${String.fromCharCode(65 + i)} (fictional)`,
    ]),
  );

  const outcomes = validateOutcomeResponses(JSON.parse(readData(root, 'sample-outcomes.json')));
  if (!outcomes.ok) fail('examples/data/sample-outcomes.json', outcomes);
  const evaluationCohort = generateDemoData({ practices: 12, seed: 2024 });
  const programme = evaluationCohort.practices.filter((p) => p.cohort === 'programme');
  const evaluationEvents = generateDemoReferrals({
    practices: programme.map((p, i) => ({ id: p.id, listSize: p.listSize, clpId: `clp-${i + 1}` })),
    asOf: '2023-12-31T17:00:00Z',
    seed: 2024,
  }).events;
  const evaluation = evaluateProgramme({
    practices: evaluationCohort.practices,
    referrals: replay(evaluationEvents).state.referrals,
    plans: evaluationCohort.plans,
    outcomes: { instrument: ONS4, responses: outcomes.value.responses },
    asOf: '2023-12-31',
    maturityDates: [
      '2022-03-31',
      '2022-06-30',
      '2022-09-30',
      '2022-12-31',
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
      '2023-12-31',
    ],
  });

  const aliss = parseAlissSearchPage(JSON.parse(readData(root, 'aliss-fixture.json')));
  if (!aliss.ok) fail('examples/data/aliss-fixture.json', aliss);

  // The measure with the most data, and the target of the aim that tracks it.
  const measures = Object.values(plan.capacities).flatMap((c) => c.measures.map((m) => ({ m, aims: c.aims })));
  const best = measures.sort((a, b) => b.m.points.length - a.m.points.length)[0];
  const target = best?.aims.find((a) => a.measureId === best.m.id)?.target;

  // The change idea with the most PDSA cycles.
  const ideas = Object.entries(plan.capacities).flatMap(([capacity, c]) =>
    c.changeIdeas.map((idea) => ({ capacity, idea })),
  );
  const busiest = ideas.sort((a, b) => b.idea.cycles.length - a.idea.cycles.length)[0];

  const cards = [...score.capacities].sort((a, b) => b.level - a.level);
  const card = cards.find((c) => c.level > 0 && c.level < 5) ?? cards[0];

  const samplePlan = 'the sample plan in examples/data/sample-plan.json';
  const SamplePlan = 'The sample plan in examples/data/sample-plan.json';
  const sampleReferrals = `the sample referrals in examples/data/sample-referrals.json and ${seeded.events.length} seeded demo events (core's generateDemoReferrals, seed 2025), replayed with core's replay(); "now" is ${AS_OF}`;

  return new Map([
    [
      'links-framework-overview',
      {
        attributes: { selectable: '', 'heading-level': '3' },
        about: 'The Links framework shipped with core (its default).',
      },
    ],
    [
      'links-plan-editor',
      {
        attributes: { author: 'Practice manager', 'heading-level': '3' },
        properties: { plan },
        about: `${SamplePlan}, given as the plan property (no store, so no autosave).`,
      },
    ],
    ['links-theme-focus', { attributes: { 'heading-level': '3' }, properties: { plan }, about: `${SamplePlan}.` }],
    [
      'links-pdsa-log',
      {
        attributes: { capacity: busiest?.capacity ?? '', 'change-idea': busiest?.idea.id ?? '', 'heading-level': '3' },
        properties: { plan },
        about: `${SamplePlan}: the change idea with the most PDSA cycles.`,
      },
    ],
    [
      'links-run-chart',
      {
        attributes: { 'heading-level': '3', ...(target === undefined ? {} : { target: String(target) }) },
        properties: { measure: best?.m },
        about: `The measure with the most data points in ${samplePlan}, with its aim's target.`,
      },
    ],
    [
      'links-maturity-profile',
      {
        attributes: { 'heading-level': '3', 'compare-label': 'Programme median (synthetic cohort)' },
        properties: { score, compare: medians },
        about: `scorePlan() of ${samplePlan}, overlaid with the programme median of a synthetic cohort (generateDemoData, 8 practices, seed 2024).`,
      },
    ],
    [
      'links-capacity-card',
      {
        attributes: { 'heading-level': '3' },
        properties: { score: card },
        about: `One capacity of scorePlan() of ${samplePlan}.`,
      },
    ],
    [
      'links-cohort-comparison',
      {
        attributes: { 'heading-level': '3' },
        properties: { comparison },
        about: 'compareCohorts() over a synthetic cohort: generateDemoData, 8 invented practices, seed 2024.',
      },
    ],
    [
      'links-referral-form',
      {
        attributes: {
          person: 'pt-sb-6a20',
          'practice-id': PRACTICE.id,
          'referrer-id': 'gp-sb-1',
          'clp-id': PRACTICE.clpId,
          'heading-level': '3',
        },
        properties: { referrals },
        about: `A pseudonymous person reference from the host; the practice's referrals (for the duplicate warning) from ${sampleReferrals}.`,
      },
    ],
    [
      'links-caseload',
      {
        attributes: { 'as-of': AS_OF, 'heading-level': '3' },
        properties: { referrals, practices: [{ id: PRACTICE.id, name: PRACTICE.name }] },
        about: `${referrals.length} referrals: ${sampleReferrals}.`,
      },
    ],
    [
      'links-referral-detail',
      {
        attributes: { 'user-role': 'clp', 'user-id': PRACTICE.clpId, 'as-of': AS_OF, 'heading-level': '3' },
        properties: { referral: open },
        about: `Referral ${open?.id} from ${sampleReferrals}; the user is the practice's CLP.`,
      },
    ],
    [
      'links-caseload-summary',
      {
        attributes: { 'as-of': AS_OF, 'heading-level': '3' },
        properties: { referrals, practices: [PRACTICE] },
        about: `Figures computed from ${sampleReferrals}.`,
      },
    ],
    [
      'links-resource-finder',
      {
        attributes: { 'heading-level': '3', postcode: 'G21 1AA' },
        extra: { source: aliss.value.source, resources: aliss.value.resources, asOf: AS_OF },
        setup: MINI_DIRECTORY,
        content: 'Bundled synthetic listings shaped like ALISS data. Try “walk” or “money”.',
        about:
          'The synthetic ALISS-shaped listings in examples/data/aliss-fixture.json, searched in the page (no network).',
      },
    ],
    [
      'links-network-register',
      {
        attributes: { 'as-of': '2026-11-01', 'recorded-by': 'CLP', 'heading-level': '3' },
        properties: { register: sampleRegister() },
        about: "A small fictional register made with core's network operations.",
      },
    ],
    [
      'links-provider',
      {
        attributes: { storage: 'memory' },
        children: `<links-caseload heading-level="3" as-of="${AS_OF}" label="Caseload (names from the host)"></links-caseload>`,
        extra: { referrals: sampleReferralStates, labels: hostLabels },
        setup: `// The host's person-label resolver: the host system turns each pseudonymous
// reference into the label staff see. Labels are only shown, never stored or logged.
const labels = new Map(Object.entries(extra.labels));
element.personLabel = (personRef) => labels.get(personRef) ?? personRef;
element.querySelector('links-caseload').referrals = extra.referrals;`,
        about:
          'The sample referrals in examples/data/sample-referrals.json in a caseload inside a provider that keeps documents in memory and resolves person references to fictional labels through a host callback.',
      },
    ],
    [
      'links-outcome-form',
      {
        attributes: { name: 'ons4', 'heading-level': '3' },
        about: "The ONS4 personal wellbeing questions (core's default instrument).",
      },
    ],
    [
      'links-programme-report',
      {
        attributes: { 'heading-level': '3' },
        properties: { evaluation },
        about: `evaluateProgramme() over a synthetic cohort (12 invented practices, seed 2024), its demo referrals and the ONS4 answers in examples/data/sample-outcomes.json.`,
      },
    ],
  ]);
}
