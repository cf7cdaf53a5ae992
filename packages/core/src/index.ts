/**
 * `@links-approach/core`: the Links Approach domain as pure TypeScript.
 * No DOM, no UI: every rule lives here, and the components only render it.
 *
 * @packageDocumentation
 */
export * from './validation/index.js';
export * from './framework/index.js';
export * from './plan/index.js';
export * from './store/index.js';
export * from './resources/index.js';
export * from './network/index.js';
export * from './referral/index.js';
export * from './maturity/index.js';
export * from './demo-data/index.js';
export * from './outcomes/index.js';
export * from './codes/index.js';
export * from './fhir/index.js';
export * from './export/index.js';
