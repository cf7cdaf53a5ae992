import { parseWith } from '../validation/parse.js';
import type { Result } from '../validation/result.js';
import { frameworkSchema } from './framework-schema.js';
import type { Capacity, Framework, Theme } from './types.js';

/**
 * Validates a host-supplied framework (for example a revised set of
 * capacities) and returns it, or every problem found with its JSON path.
 *
 * @example
 * const result = validateFramework(JSON.parse(text));
 * if (!result.ok) console.log(formatIssues(result.errors));
 */
export function validateFramework(input: unknown): Result<Framework> {
  return parseWith(frameworkSchema, input);
}

/** Finds a capacity by id, or `undefined`. */
export function findCapacity(framework: Framework, id: string): Capacity | undefined {
  return framework.capacities.find((capacity) => capacity.id === id);
}

/** Finds a theme by id, or `undefined`. */
export function findTheme(framework: Framework, id: string): Theme | undefined {
  return framework.themes.find((theme) => theme.id === id);
}
