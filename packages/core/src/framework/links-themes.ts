import type { DefaultThemeId } from './types.js';

/**
 * The 5 themes of the Self Management Strategy for Scotland, as the Links
 * framework lists them (`LINKS_FRAMEWORK.themes` is this list): the names
 * quoted from the programme, the descriptions written by this project. On
 * their own for code that shows theme names only (the caseload's filter and
 * reasons), so it does not load the whole framework with its capacities and
 * responsibilities. Frozen, as the framework is.
 */
export const LINKS_THEMES: { id: DefaultThemeId; name: string; description: string }[] = Object.freeze([
  Object.freeze({
    id: 'adapting-to-diagnosis',
    name: 'Adapting to diagnosis',
    description: 'Supporting people as they come to terms with, and learn to live with, a new diagnosis.',
  }),
  Object.freeze({
    id: 'living-well-day-to-day',
    name: 'Living well day to day',
    description: 'Supporting people to manage their health and wellbeing in everyday life.',
  }),
  Object.freeze({
    id: 'facing-challenges-and-crises',
    name: 'Facing challenges and crises',
    description: 'Supporting people through difficult times, setbacks and crises in their lives.',
  }),
  Object.freeze({
    id: 'navigating-systems',
    name: 'Navigating systems',
    description: 'Helping people find their way through health, social care, benefits and other systems.',
  }),
  Object.freeze({
    id: 'dying-well',
    name: 'Dying well',
    description: 'Supporting people, and those close to them, towards the end of life.',
  }),
]) as { id: DefaultThemeId; name: string; description: string }[];
