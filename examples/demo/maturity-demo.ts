// The plan maturity section of the demo page: the sample plan's profile,
// a card per capacity, a run chart of one measure, and a generated cohort
// (synthetic practices) compared programme vs comparison.
import '@links-approach/components';
import { compareCohorts, generateDemoData, parsePlanDocument, scorePlan, type Plan } from '@links-approach/core';

const section = document.querySelector('#plan-maturity');
const note = document.querySelector('#maturity-note');

async function loadSamplePlan(): Promise<Plan> {
  const response = await fetch(new URL('../data/sample-plan.json', import.meta.url));
  const result = parsePlanDocument(await response.json());
  if (!result.ok)
    throw new Error(`The sample plan is not valid: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
  return result.value;
}

async function main(): Promise<void> {
  const plan = await loadSamplePlan();
  const score = scorePlan(plan);

  // A synthetic cohort: 20 invented practices in Glasgow-like localities, every plan revision over two years.
  const cohort = generateDemoData({ practices: 20, seed: 2024 });
  const comparison = compareCohorts(cohort.practices, cohort.plans);
  const programmeMedians = Object.fromEntries(
    comparison.capacities.map((c) => [c.capacityId, c.programme?.median ?? 0]),
  );

  const profile = section?.querySelector('links-maturity-profile');
  if (profile) {
    profile.score = score;
    profile.compare = programmeMedians;
  }

  const cards = section?.querySelector('#capacity-cards');
  if (cards) {
    cards.replaceChildren(
      ...score.capacities.map((capacity) => {
        const card = document.createElement('links-capacity-card');
        card.headingLevel = 4;
        card.score = capacity;
        return card;
      }),
    );
  }

  // The run chart of the measure with the most data, with the target of the aim that tracks it.
  const chart = section?.querySelector('links-run-chart');
  const measures = Object.values(plan.capacities).flatMap((c) => c.measures.map((m) => ({ m, aims: c.aims })));
  const best = measures.sort((a, b) => b.m.points.length - a.m.points.length)[0];
  if (chart && best) {
    chart.measure = best.m;
    chart.target = best.aims.find((a) => a.measureId === best.m.id)?.target;
  }

  const cohortElement = section?.querySelector('links-cohort-comparison');
  if (cohortElement) cohortElement.comparison = comparison;

  if (note) {
    note.textContent = `Scored as of ${score.asOf ?? 'today'} with the ${score.rubric.id} rubric ${
      score.rubric.version
    }. The cohort is synthetic (seed 2024): ${cohort.practices.length} invented practices, ${
      cohort.plans.length
    } plan revisions.`;
  }
}

main().catch((error: unknown) => {
  if (note)
    note.textContent = `The maturity demo could not load: ${error instanceof Error ? error.message : String(error)}`;
});
