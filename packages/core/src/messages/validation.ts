/**
 * Validation messages as codes with parameters, and their English.
 *
 * Every {@link ValidationIssue} core reports carries `messageCode` and
 * `params` beside its English `message`. The generic codes come from zod's
 * issues (`codeOfZodIssue`); a schema's own messages are written with
 * {@link customMessage}, which gives the English text for the schema and
 * remembers its code, so the issue zod reports can be coded again.
 */
import type { MessageRenderers } from './types.js';

/** The type names a value can be expected as, or be received as. */
export type ValueKind =
  | 'string'
  | 'number'
  | 'int'
  | 'boolean'
  | 'object'
  | 'array'
  | 'date'
  | 'bigint'
  | 'null'
  | 'undefined'
  | 'function'
  | 'symbol';

/** The parameters of each validation message code. */
export interface ValidationParams {
  readonly required: Record<string, never>;
  readonly 'wrong-type': { readonly expected: string; readonly received: string };
  readonly 'text-empty': Record<string, never>;
  readonly 'text-too-short': { readonly minimum: number };
  readonly 'text-too-long': { readonly maximum: number };
  readonly 'list-empty': Record<string, never>;
  readonly 'list-too-short': { readonly minimum: number };
  readonly 'list-too-long': { readonly maximum: number };
  readonly 'number-at-least': { readonly minimum: number };
  readonly 'number-more-than': { readonly minimum: number };
  readonly 'number-at-most': { readonly maximum: number };
  readonly 'number-less-than': { readonly maximum: number };
  /** `choices` are the allowed values written as JSON; `more` when the list was cut short. */
  readonly 'not-a-choice': { readonly choices: readonly string[]; readonly more: boolean };
  readonly 'unknown-fields': { readonly keys: readonly string[] };
  readonly 'not-a-date': Record<string, never>;
  readonly 'not-a-date-time': Record<string, never>;
  readonly 'bad-format': Record<string, never>;
  readonly 'invalid-format': { readonly format: string };
  readonly 'not-multiple-of': { readonly divisor: string };
  readonly 'no-matching-form': Record<string, never>;
  readonly 'invalid-key': Record<string, never>;
  readonly 'invalid-entry': Record<string, never>;
  // JSON safety (checkJsonSafety)
  readonly 'not-finite': Record<string, never>;
  readonly 'not-json': { readonly received: string };
  readonly cycle: Record<string, never>;
  readonly 'too-deep': { readonly depth: number };
  readonly 'not-plain-object': Record<string, never>;
  readonly 'reserved-key': { readonly key: string };
  // The schemas' own messages
  readonly 'opaque-reference': Record<string, never>;
  readonly pseudonym: Record<string, never>;
  readonly 'chi-like': Record<string, never>;
  readonly 'change-at-least-one': { readonly fields: readonly string[] };
  readonly 'outcome-only-when-completed': Record<string, never>;
  readonly 'event-type': { readonly types: readonly string[] };
  readonly slug: Record<string, never>;
  readonly 'plan-id': Record<string, never>;
  readonly 'version-number': Record<string, never>;
  readonly 'date-format': Record<string, never>;
  readonly 'no-contact-details': Record<string, never>;
  readonly 'web-address': Record<string, never>;
  readonly 'register-id': Record<string, never>;
  readonly 'unique-ids': { readonly what: string };
  readonly 'staff-name': Record<string, never>;
  /** An outcome instrument item's answer options that repeat a score. */
  readonly 'option-values-unique': Record<string, never>;
  /** An outcome instrument's scoring that reports neither the items nor a total. */
  readonly 'scoring-reports-nothing': Record<string, never>;
  /** A message core has no code for yet: `text` is its English. */
  readonly custom: { readonly text: string };
}

/** A validation message code. */
export type ValidationCode = keyof ValidationParams;

const TYPE_NAMES: Readonly<Record<string, string>> = {
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

const RECEIVED_NAMES: Readonly<Record<string, string>> = {
  null: 'null',
  array: 'a list',
  string: 'text',
  object: 'an object',
  int: 'a whole number',
  number: 'a number',
};

const TOKEN_MESSAGE =
  'must be an opaque reference: 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit, no spaces';

const quoted = (items: readonly string[]): string => items.map((f) => `"${f}"`).join(', ');

/** The English of every validation message code. */
export const VALIDATION_MESSAGES_EN: MessageRenderers<ValidationParams> = {
  required: () => 'is required',
  'wrong-type': (p) =>
    `must be ${TYPE_NAMES[p.expected] ?? p.expected}, not ${RECEIVED_NAMES[p.received] ?? p.received}`,
  'text-empty': () => 'must not be empty',
  'text-too-short': (p) => `must be at least ${p.minimum} characters`,
  'text-too-long': (p) => `must be at most ${p.maximum} characters`,
  'list-empty': () => 'must have at least one entry',
  'list-too-short': (p) => `must have at least ${p.minimum} entries`,
  'list-too-long': (p) => `must have at most ${p.maximum} entries`,
  'number-at-least': (p) => `must be at least ${p.minimum}`,
  'number-more-than': (p) => `must be more than ${p.minimum}`,
  'number-at-most': (p) => `must be at most ${p.maximum}`,
  'number-less-than': (p) => `must be less than ${p.maximum}`,
  'not-a-choice': (p) => {
    const shown = `${p.choices.join(', ')}${p.more ? ', …' : ''}`;
    return p.choices.length === 1 && !p.more ? `must be ${shown}` : `must be one of ${shown}`;
  },
  'unknown-fields': (p) => `has ${p.keys.length === 1 ? 'an unknown field' : 'unknown fields'}: ${quoted(p.keys)}`,
  'not-a-date': () => 'must be a real calendar date written YYYY-MM-DD',
  'not-a-date-time': () => 'must be a date and time written like 2024-05-01T09:30:00Z',
  'bad-format': () => 'is not in the expected format',
  'invalid-format': (p) => `must be a valid ${p.format}`,
  'not-multiple-of': (p) => `must be a multiple of ${p.divisor}`,
  'no-matching-form': () => 'does not match any of the allowed forms',
  'invalid-key': () => 'has an invalid key',
  'invalid-entry': () => 'has an invalid entry',
  'not-finite': () => 'must be a finite number',
  'not-json': (p) => `must be JSON data, not ${p.received === 'undefined' ? 'undefined' : `a ${p.received}`}`,
  cycle: () => 'refers back to itself (a cycle); documents must be trees',
  'too-deep': (p) => `is nested more than ${p.depth} levels deep`,
  'not-plain-object': () => 'must be a plain JSON object',
  'reserved-key': (p) => `uses the reserved key "${p.key}", which is not allowed`,
  'opaque-reference': () => TOKEN_MESSAGE,
  pseudonym: () => `${TOKEN_MESSAGE} (a pseudonymous reference from the host, never a name)`,
  'chi-like': () =>
    'looks like a CHI or NHS number (10 digits in a row): use the pseudonymous reference from the host instead',
  'change-at-least-one': (p) => `must change at least one of: ${quoted(p.fields)}`,
  'outcome-only-when-completed': () => 'an outcome can only come with a change to "completed"',
  'event-type': (p) => `must be one of ${quoted(p.types)}`,
  slug: () => 'must be a lower-case id made of letters, digits and single hyphens, e.g. "team-wellbeing"',
  'plan-id': () => 'must be an id made of letters, digits, ".", "_", ":" or "-", e.g. "aim-1"',
  'version-number': () => 'must be a version number like "1.0.0"',
  'date-format': () => 'must be a date written YYYY-MM-DD',
  'no-contact-details': () =>
    'must not contain an e-mail address or phone number: record a role (e.g. "volunteer coordinator"), not a person’s contact details',
  'web-address': () => 'must be a web address starting http:// or https://',
  'register-id': () => 'must be a lower-case id of letters, digits and hyphens, e.g. "rel-3"',
  'unique-ids': (p) => `must not repeat an id: each ${p.what} needs its own id`,
  'staff-name': () =>
    'must be a staff name or role; it contains a 10-digit number that looks like a CHI number, and plans hold no patient identifiers',
  'option-values-unique': () => 'must not repeat a value: each option needs its own score',
  'scoring-reports-nothing': () => 'must report the items, a total, or both',
  custom: (p) => p.text,
};

/** The English for a validation message code and its parameters. */
export function validationMessage<C extends ValidationCode>(code: C, params: ValidationParams[C]): string {
  return (VALIDATION_MESSAGES_EN[code] as (p: ValidationParams[C]) => string)(params);
}

type Coded = { readonly code: ValidationCode; readonly params: ValidationParams[ValidationCode] };

const customByText = new Map<string, Coded>();

/**
 * The English text of one of the schemas' own messages, for a zod check
 * (`z.regex(pattern, customMessage('slug', {}))`). The code is remembered,
 * so the issue zod reports with this text gets its code back. Call it while
 * building a schema (at module load), not per parse.
 */
export function customMessage<C extends ValidationCode>(code: C, params: ValidationParams[C]): string {
  const text = validationMessage(code, params);
  if (!customByText.has(text)) customByText.set(text, { code, params });
  return text;
}

/** The code and parameters for a message a schema wrote with {@link customMessage}, if it did. */
export function codeOfCustomText(text: string): Coded | undefined {
  return customByText.get(text);
}

/** The fields of a zod issue (raw, as an error map sees it, or final with the input reported) that give its code. */
export interface ZodIssueFields {
  readonly code: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: boolean;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly format?: string;
  readonly divisor?: unknown;
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isInteger(input) ? 'int' : 'number';
  return typeof input;
}

/**
 * The message code and parameters for a zod issue's generic message, or
 * `undefined` for issue kinds with no generic message.
 */
export function codeOfZodIssue(issue: ZodIssueFields): Coded | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required', params: {} };
      return { code: 'wrong-type', params: { expected: String(issue.expected), received: received(issue.input) } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? { code: 'text-empty', params: {} } : { code: 'text-too-short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return minimum <= 1 ? { code: 'list-empty', params: {} } : { code: 'list-too-short', params: { minimum } };
      return { code: issue.inclusive === false ? 'number-more-than' : 'number-at-least', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'text-too-long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'list-too-long', params: { maximum } };
      return { code: issue.inclusive === false ? 'number-less-than' : 'number-at-most', params: { maximum } };
    }
    case 'invalid_value': {
      const values = issue.values ?? [];
      const choices = values.slice(0, 12).map((v) => JSON.stringify(v));
      return { code: 'not-a-choice', params: { choices, more: values.length > 12 } };
    }
    case 'unrecognized_keys':
      return { code: 'unknown-fields', params: { keys: [...(issue.keys ?? [])] } };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'not-a-date', params: {} };
      if (issue.format === 'datetime') return { code: 'not-a-date-time', params: {} };
      if (issue.format === 'regex') return { code: 'bad-format', params: {} };
      return { code: 'invalid-format', params: { format: String(issue.format) } };
    case 'not_multiple_of':
      return { code: 'not-multiple-of', params: { divisor: String(issue.divisor) } };
    case 'invalid_union':
      return { code: 'no-matching-form', params: {} };
    case 'invalid_key':
      return { code: 'invalid-key', params: {} };
    case 'invalid_element':
      return { code: 'invalid-entry', params: {} };
    default:
      return undefined;
  }
}
