// Entry of the self-contained script-tag bundle: registers every element and
// re-exports core so a page without a build step can use the domain too.
export * from './index.js';
export * as core from '@links-approach/core';
