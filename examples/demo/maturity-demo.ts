// The plan maturity section of the demo page: the profile of the plan in the
// page's store, a card per capacity, a run chart of one measure, and a
// generated cohort (synthetic practices) compared programme vs comparison.
// It follows the plan: every revision the plan editor saves (in this tab or
// another) is scored again, and the profile and cards change at once.
import '@links-approach/components';
import { compareCohorts, firstChangeDate, scorePlan, type PlanScore } from '@links-approach/core/maturity';
import { generateDemoData } from '@links-approach/core/demo-data';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import type { Plan } from '@links-approach/core/plan';
import { planCodec } from '@links-approach/core/store';
import { demoStore } from './host.js';
import { seedPlan } from './seed.js';

const section = document.querySelector('#plan-maturity');
const note = document.querySelector('#maturity-note');
const change = document.querySelector('#maturity-change');

const capacityName = (id: string) => LINKS_FRAMEWORK.capacities.find((c) => c.id === id)?.name ?? id;
const level = (n: number) => n.toFixed(1);

/** Shows a plan's score in the profile, the cards and the run chart; says what changed since `before`. */
function show(plan: Plan, before: PlanScore | undefined): PlanScore {
  const score = scorePlan(plan);
  const profile = section?.querySelector('links-maturity-profile');
  if (profile) profile.score = score;

  const cards = section?.querySelector('#capacity-cards');
  if (cards) {
    const existing = [...cards.querySelectorAll('links-capacity-card')];
    if (existing.length === score.capacities.length) {
      // Update in place, so keyboard focus inside a card is kept.
      existing.forEach((card, i) => (card.score = score.capacities[i]));
    } else {
      cards.replaceChildren(
        ...score.capacities.map((capacity) => {
          const card = document.createElement('links-capacity-card');
          card.headingLevel = 4;
          card.score = capacity;
          return card;
        }),
      );
    }
  }

  // The run chart of the measure with the most data, with the target of the aim that tracks it.
  const chart = section?.querySelector('links-run-chart');
  // Its baseline is the points before the capacity's first PDSA cycle started.
  const measures = Object.values(plan.capacities).flatMap((c) =>
    c.measures.map((m) => ({ m, aims: c.aims, changeStart: firstChangeDate(c.changeIdeas, score.asOf) })),
  );
  const best = measures.sort((a, b) => b.m.points.length - a.m.points.length)[0];
  if (chart && best) {
    chart.measure = best.m;
    chart.target = best.aims.find((a) => a.measureId === best.m.id)?.target;
    chart.changeStart = best.changeStart;
  }

  if (change && before) {
    const moved = score.capacities
      .map((c) => ({ id: c.capacityId, from: before.profile[c.capacityId] ?? 0, to: c.level }))
      .filter((c) => c.from !== c.to);
    change.textContent = moved.length
      ? `Revision ${plan.revision} scored: ${moved
          .map(
            (c) => `${capacityName(c.id)} ${c.to > c.from ? 'rose' : 'fell'} from ${level(c.from)} to ${level(c.to)}`,
          )
          .join('; ')}.`
      : `Revision ${plan.revision} scored: no capacity changed level.`;
  }
  if (note) {
    note.textContent = `Revision ${plan.revision} of the plan in this browser, scored as of ${
      score.asOf ?? 'today'
    } with the ${score.rubric.id} rubric ${
      score.rubric.version
    }. The comparison cohort is synthetic (seed 2024): invented practices only.`;
  }
  return score;
}

async function main(): Promise<void> {
  const store = demoStore(planCodec());
  const planId = await seedPlan();

  // A synthetic cohort: 20 invented practices in Glasgow-like localities, every plan revision over two years.
  const cohort = generateDemoData({ practices: 20, seed: 2024 });
  const comparison = compareCohorts(cohort.practices, cohort.plans);
  const profile = section?.querySelector('links-maturity-profile');
  if (profile)
    profile.compare = Object.fromEntries(comparison.capacities.map((c) => [c.capacityId, c.programme?.median ?? 0]));
  const cohortElement = section?.querySelector('links-cohort-comparison');
  if (cohortElement) cohortElement.comparison = comparison;

  const plan = await store.get(planId);
  if (!plan) throw new Error('The plan is not in the store.');
  let current = show(plan, undefined);
  let shownRevision = plan.revision;
  // Every saved revision, from the editor here or from another tab.
  store.subscribe((event) => {
    if (event.id !== planId || event.revision <= shownRevision) return;
    void (event.document ? Promise.resolve(event.document) : store.get(planId)).then((latest) => {
      if (!latest || latest.revision <= shownRevision) return;
      shownRevision = latest.revision;
      current = show(latest, current);
    });
  });
}

/** Resolves when the section is ready (the demo page's walkthrough test waits for it). */
export const ready = main().catch((error: unknown) => {
  if (note)
    note.textContent = `The maturity demo could not load: ${error instanceof Error ? error.message : String(error)}`;
});
