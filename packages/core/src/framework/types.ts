import type * as z from 'zod/mini';
import type { capacitySchema, frameworkSchema, responsibilitySchema, themeSchema } from './framework-schema.js';

/** One of the practice capacities a business plan addresses. */
export type Capacity = z.infer<typeof capacitySchema>;
/** One of the self-management themes practices agree focus areas under. */
export type Theme = z.infer<typeof themeSchema>;
/** One of the Community Links Practitioner's responsibilities. */
export type Responsibility = z.infer<typeof responsibilitySchema>;
/** A versioned Links framework: capacities, themes and CLP responsibilities. */
export type Framework = z.infer<typeof frameworkSchema>;

/** Ids of the 7 capacities in the default framework. */
export type DefaultCapacityId =
  | 'team-wellbeing'
  | 'shared-learning'
  | 'awareness'
  | 'intelligence'
  | 'signposting'
  | 'problem-solving'
  | 'network-building';

/** Ids of the 5 self-management themes in the default framework. */
export type DefaultThemeId =
  | 'adapting-to-diagnosis'
  | 'living-well-day-to-day'
  | 'facing-challenges-and-crises'
  | 'navigating-systems'
  | 'dying-well';

/** Ids of the 3 CLP responsibilities in the default framework. */
export type DefaultResponsibilityId = 'people' | 'practice-team' | 'community';
