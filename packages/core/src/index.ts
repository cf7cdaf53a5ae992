/**
 * `@links-approach/core`: the Links Approach domain as pure TypeScript.
 * No DOM, no UI: every rule lives here, and the components only render it.
 *
 * The main entry holds the Links framework and the validation layer every
 * other area builds on. Each area has its own entry so a page pays only for
 * what it uses: `@links-approach/core/plan`, `/maturity`, `/referral`,
 * `/resources`, `/network`, `/outcomes`, `/codes`, `/fhir`, `/export`,
 * `/csv`, `/store` and `/demo-data`.
 *
 * @packageDocumentation
 */
export * from './validation/index.js';
export * from './framework/index.js';
