import type { DefaultThemeId } from './types.js';
import { LINKS_THEME_NAMES } from './links-theme-names.js';

/** Each theme's description, written by this project. */
const DESCRIPTIONS: Record<DefaultThemeId, string> = {
  'adapting-to-diagnosis': 'Supporting people as they come to terms with, and learn to live with, a new diagnosis.',
  'living-well-day-to-day': 'Supporting people to manage their health and wellbeing in everyday life.',
  'facing-challenges-and-crises': 'Supporting people through difficult times, setbacks and crises in their lives.',
  'navigating-systems': 'Helping people find their way through health, social care, benefits and other systems.',
  'dying-well': 'Supporting people, and those close to them, towards the end of life.',
};

/**
 * The 5 themes of the Self Management Strategy for Scotland, as the Links
 * framework lists them (`LINKS_FRAMEWORK.themes` is this list): the names
 * quoted from the programme (`LINKS_THEME_NAMES`), the descriptions written
 * by this project. On their own for code that shows themes only, so it does
 * not load the whole framework with its capacities and responsibilities.
 * Frozen, as the framework is.
 */
export const LINKS_THEMES: { id: DefaultThemeId; name: string; description: string }[] = Object.freeze(
  LINKS_THEME_NAMES.map((theme) => Object.freeze({ ...theme, description: DESCRIPTIONS[theme.id] })),
) as { id: DefaultThemeId; name: string; description: string }[];
