// The plan maturity section of the demo page: the profile of the plan the
// page shows (see seed.ts: the sample plan in this browser, or the signed-in
// user's practice's plan on the service), a card per capacity, a run chart of
// one measure, and a generated cohort (synthetic practices) compared
// programme vs comparison. It follows the plan: every revision the plan
// editor saves (in this tab, another tab, or by a colleague on the service)
// is scored again, and the profile and cards change at once.
//
// The synthetic cohort is built only when the section comes near the
// screen (lazy.ts): it is a few hundred milliseconds of work the page's
// first load does not need.
import '@links-approach/components/maturity-profile.js';
import '@links-approach/components/capacity-card.js';
import '@links-approach/components/run-chart.js';
import '@links-approach/components/cohort-comparison.js';
import { compareCohorts, firstChangeDate, scorePlan, type PlanScore } from '@links-approach/core/maturity';
import { LINKS_FRAMEWORK } from '@links-approach/core';
import type { Plan } from '@links-approach/core/plan';
import { choosePlan } from './seed.js';
import { session, whileSignedIn, type ServiceSession } from './service.js';
import { whenNear } from './lazy.js';

const section = document.querySelector('#plan-maturity');
const note = document.querySelector('#maturity-note');
const change = document.querySelector('#maturity-change');
const profile = section?.querySelector('links-maturity-profile');
const cards = section?.querySelector<HTMLElement>('#capacity-cards');
const chart = section?.querySelector('links-run-chart');

const capacityName = (id: string) => LINKS_FRAMEWORK.capacities.find((c) => c.id === id)?.name ?? id;
const level = (n: number) => n.toFixed(1);

/** Shows a plan's score in the profile, the cards and the run chart; says what changed since `before`. */
function show(plan: Plan, before: PlanScore | undefined, where: string): PlanScore {
  const score = scorePlan(plan);
  if (profile) profile.score = score;

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
    note.textContent = `Revision ${plan.revision} of the plan ${where}, scored as of ${
      score.asOf ?? 'today'
    } with the ${score.rubric.id} rubric ${
      score.rubric.version
    }. The comparison cohort is synthetic (seed 2024): invented practices only.`;
  }
  return score;
}

let stopFollowing: (() => void) | undefined;

/** Scores the plan the page shows, and again at every revision saved. */
async function follow(service: ServiceSession | undefined): Promise<void> {
  stopFollowing?.();
  const { store, planId, reason } = await choosePlan(service);
  const parts = [profile, cards, chart];
  for (const el of parts) if (el) el.hidden = planId === undefined;
  if (!planId) {
    if (note) note.textContent = reason ?? '';
    if (change) change.textContent = '';
    return;
  }
  const where = service ? `on the team’s service (${planId})` : 'in this browser';
  const plan = await store.get(planId);
  if (!plan) throw new Error('The plan is not in the store.');
  let current = show(plan, undefined, where);
  let shownRevision = plan.revision;
  // Every saved revision, from the editor here, from another tab, or from a colleague (the service's feed).
  stopFollowing = store.subscribe((event) => {
    if (event.id !== planId || event.revision <= shownRevision) return;
    void (event.document ? Promise.resolve(event.document) : store.get(planId)).then((latest) => {
      if (!latest || latest.revision <= shownRevision) return;
      shownRevision = latest.revision;
      current = show(latest, current, where);
    });
  });
}

/** A synthetic cohort: 20 invented practices in Glasgow-like localities, every plan revision over two years. */
async function buildCohort(): Promise<void> {
  const { generateDemoData } = await import('@links-approach/core/demo-data');
  const cohort = generateDemoData({ practices: 20, seed: 2024 });
  const comparison = compareCohorts(cohort.practices, cohort.plans);
  if (profile)
    profile.compare = Object.fromEntries(comparison.capacities.map((c) => [c.capacityId, c.programme?.median ?? 0]));
  const cohortElement = section?.querySelector('links-cohort-comparison');
  // The service's cohort report (evaluation-demo.ts) may have put the service's own practices there already.
  if (cohortElement && !cohortElement.dataset['fromService']) cohortElement.comparison = comparison;
}

/** The synthetic cohort, built when the section comes near the screen (before its profile shows); `cohort.now()` builds it at once. */
export const cohort = whenNear(section, buildCohort);

async function main(): Promise<void> {
  const service = await session;
  if (service) await whileSignedIn(service, () => follow(service));
  else await follow(undefined);
}

/** Resolves when the section is ready (the demo page's walkthrough test waits for it; the cohort is `cohort.done`). */
export const ready = main().catch((error: unknown) => {
  if (note)
    note.textContent = `The maturity demo could not load: ${error instanceof Error ? error.message : String(error)}`;
});
