/**
 * `@links-approach/core`: the Links Approach domain as pure TypeScript.
 * No DOM, no UI: every rule lives here, and the components only render it.
 *
 * @packageDocumentation
 */
export * from './validation/index.js';
export * from './framework/index.js';
