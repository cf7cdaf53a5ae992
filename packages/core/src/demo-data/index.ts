export {
  generateDemoData,
  generatePractices,
  DEMO_DATA_GENERATOR,
  type DemoData,
  type DemoDataMeta,
  type DemoDataOptions,
} from './generate.js';
export { createDemoRandom, type DemoRandom } from './random.js';
