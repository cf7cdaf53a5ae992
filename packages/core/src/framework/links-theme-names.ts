import type { DefaultThemeId } from './types.js';

/**
 * The ids and names of the 5 themes of the Self Management Strategy for
 * Scotland, in the Links framework's order (the names quoted from the
 * programme). On their own for code that shows theme names only (the
 * caseload's theme filter and reasons column), so it loads neither the
 * descriptions nor the rest of the framework. `LINKS_THEMES` is this list
 * with each theme's description. Frozen, as the framework is.
 */
export const LINKS_THEME_NAMES: readonly { readonly id: DefaultThemeId; readonly name: string }[] = Object.freeze([
  Object.freeze({ id: 'adapting-to-diagnosis', name: 'Adapting to diagnosis' }),
  Object.freeze({ id: 'living-well-day-to-day', name: 'Living well day to day' }),
  Object.freeze({ id: 'facing-challenges-and-crises', name: 'Facing challenges and crises' }),
  Object.freeze({ id: 'navigating-systems', name: 'Navigating systems' }),
  Object.freeze({ id: 'dying-well', name: 'Dying well' }),
] as const);
