// Registers every element. The script-tag bundle (dist/browser/links-components.js)
// is built from this file; see src/bundle/ for the lazy autoloader and the
// domain entry for pages without a build step.
export * from './index.js';
