// For core's own tests: every public area in one module, as the package
// entries expose them together. Not built or published (test-*.ts).
export * from './index.js';
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
