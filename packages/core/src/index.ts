/**
 * `@links-approach/core`: the Links Approach domain as pure TypeScript.
 * No DOM, no UI: every rule lives here, and the components only render it.
 *
 * The main entry holds the Links framework (as data) and the validation
 * layer every other area builds on. Each area has its own entry so a page
 * pays only for what it uses: `@links-approach/core/framework` (validating
 * a host's revised framework: `validateFramework` and the framework's
 * schemas), `/plan`, `/maturity`, `/referral`, `/resources`, `/network`,
 * `/outcomes`, `/codes`, `/fhir`, `/export`, `/csv`, `/store` and
 * `/demo-data`.
 *
 * @packageDocumentation
 */
export * from './validation/index.js';
export { LINKS_FRAMEWORK } from './framework/links-framework.js';
export { LINKS_THEMES } from './framework/links-themes.js';
export { LINKS_THEME_NAMES } from './framework/links-theme-names.js';
export { findCapacity, findTheme } from './framework/framework.js';
export type {
  Framework,
  Capacity,
  Theme,
  Responsibility,
  DefaultCapacityId,
  DefaultThemeId,
  DefaultResponsibilityId,
} from './framework/types.js';
