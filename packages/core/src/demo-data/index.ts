/**
 * `@links-approach/core/demo-data`: A seeded generator of realistic synthetic practices, plan revisions, referrals and outcomes, for demos, benchmarks and tests.
 *
 * @packageDocumentation
 */
export {
  generateDemoData,
  generatePractices,
  DEMO_DATA_GENERATOR,
  type DemoData,
  type DemoDataMeta,
  type DemoDataOptions,
} from './generate.js';
export { createDemoRandom, type DemoRandom } from './random.js';
export { generateDemoReferrals, type DemoPractice, type DemoReferralOptions } from './referrals.js';
