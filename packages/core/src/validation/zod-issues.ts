import type { core } from 'zod/mini';
import { formatPath } from './path.js';
import type { ValidationIssue } from './result.js';

type ZodIssue = core.$ZodIssue;
type RawIssue = core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  date: 'a date',
  bigint: 'a whole number',
  null: 'null',
};

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : 'a number';
  return typeof input;
}

function listChoices(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length <= 12 ? shown.join(', ') : `${shown.slice(0, 12).join(', ')}, …`;
}

/**
 * zod error map that speaks plain English. Schemas that want a specific
 * message set it on the check itself; this covers the generic cases.
 */
export function plainEnglish(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeReceived(issue.input)}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'must have at least one entry' : `must have at least ${min} entries`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${max} entries`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${listChoices(issue.values)}` : `must be one of ${listChoices(issue.values)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'}: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'date') return 'must be a real calendar date written YYYY-MM-DD';
      if (issue.format === 'datetime') return 'must be a date and time written like 2024-05-01T09:30:00Z';
      if (issue.format === 'regex') return 'is not in the expected format';
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid entry';
    default:
      return undefined;
  }
}

/** Converts zod issues to our {@link ValidationIssue}s, with `prefix` segments before each path. */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}
