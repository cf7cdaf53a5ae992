// The demo's seed data, loaded into the provider's stores on the first visit
// (this browser only), and the choice of the plan the page shows (on the
// service: the signed-in user's practice's plan).
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { planCodec, type DocumentStore } from '@links-approach/core/store';
import { demoStore } from './host.js';
import { isRefusal, type ServiceSession } from './service.js';

/** The sample plan (examples/data/sample-plan.json), checked by core. */
export async function loadSamplePlan(): Promise<Plan> {
  const response = await fetch(new URL('../data/sample-plan.json', import.meta.url));
  const result = parsePlanDocument(await response.json());
  if (!result.ok)
    throw new Error(`The sample plan is not valid: ${result.errors[0]?.path} ${result.errors[0]?.message}`);
  return result.value;
}

let seeding: Promise<string> | undefined;

/** Puts the sample plan in the provider's plan store on the first visit (once per page); returns its id. */
export function seedPlan(): Promise<string> {
  return (seeding ??= seed());
}

async function seed(): Promise<string> {
  const store = demoStore(planCodec());
  const sample = await loadSamplePlan();
  if (!(await store.get(sample.id))) {
    const seeded = await store.save(sample, { expectedRevision: 0, author: 'Demo data' });
    // Another tab may have seeded it at the same moment: that is fine.
    if (!seeded.ok && seeded.errors[0]?.code !== 'conflict')
      throw new Error(seeded.errors.map((e) => e.message).join('; '));
  }
  return sample.id;
}

/** The plan a section shows: the store it is in, its id (none when there is no plan to show) and why not. */
export interface PlanChoice {
  readonly store: DocumentStore<Plan>;
  readonly planId: string | undefined;
  /** When there is no plan to show: why, in plain words (the service's own, for a refusal). */
  readonly reason?: string;
}

/**
 * The plan the page shows. In this browser only: the sample plan, seeded on
 * the first visit. On the service: the business plan of the signed-in
 * user's first practice, read through the provider (a role the service
 * shows no plans to gets the service's reason instead).
 */
export async function choosePlan(service: ServiceSession | undefined): Promise<PlanChoice> {
  const store = demoStore(planCodec());
  if (!service) return { store, planId: await seedPlan() };
  const { user } = service;
  try {
    const plans = await store.list();
    const plan = plans.find((p) => user.practices.includes(p.practice.id)) ?? plans[0];
    if (!plan)
      return { store, planId: undefined, reason: `The service has no business plan for ${user.name}’s practice yet.` };
    return { store, planId: plan.id };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return {
      store,
      planId: undefined,
      reason: `Signed in as ${user.name}, the service shows no business plans: ${(error as Error).message}`,
    };
  }
}
