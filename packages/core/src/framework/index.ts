/**
 * `@links-approach/core/framework`: The Links framework: its data (`LINKS_FRAMEWORK`, also in the main entry), and validating a host's revised framework (`validateFramework`, `frameworkSchema` and the schemas it is made of).
 *
 * @packageDocumentation
 */
export { LINKS_FRAMEWORK } from './links-framework.js';
export { LINKS_THEMES } from './links-themes.js';
export { LINKS_THEME_NAMES } from './links-theme-names.js';
export { validateFramework, findCapacity, findTheme } from './framework.js';
export {
  frameworkSchema,
  capacitySchema,
  themeSchema,
  responsibilitySchema,
  slugSchema,
  shortTextSchema,
  longTextSchema,
} from './framework-schema.js';
export type {
  Framework,
  Capacity,
  Theme,
  Responsibility,
  DefaultCapacityId,
  DefaultThemeId,
  DefaultResponsibilityId,
} from './types.js';
