// The demo's seed data, loaded into the provider's stores on the first visit.
// No side effects: the section scripts and the walkthrough test import it.
import { parsePlanDocument, type Plan } from '@links-approach/core/plan';
import { planCodec } from '@links-approach/core/store';
import { demoStore } from './host.js';

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
