import type { core } from 'zod/mini';
import { formatPath } from './path.js';
import type { ValidationIssue } from './result.js';
import type { MessageParams } from '../messages/types.js';
import {
  codeOfCustomText,
  codeOfZodIssue,
  validationMessage,
  type ValidationCode,
  type ZodIssueFields,
} from '../messages/validation.js';

type ZodIssue = core.$ZodIssue;
type RawIssue = core.$ZodRawIssue;

/**
 * zod error map that speaks plain English. Schemas that want a specific
 * message set it on the check itself; this covers the generic cases.
 */
export function plainEnglish(issue: RawIssue): string | undefined {
  const coded = codeOfZodIssue(issue as ZodIssueFields);
  return coded ? validationMessage(coded.code, coded.params as never) : undefined;
}

/**
 * The message code and parameters of a reported zod issue: its generic
 * code when the message is the generic one (the input must have been
 * reported, `reportInput: true`, to tell "is required" from a wrong type),
 * else the schema's own message's code, else `custom`.
 */
export function codeIssue(issue: ZodIssue): { messageCode: ValidationCode; params: MessageParams } {
  const generic = codeOfZodIssue(issue as ZodIssueFields);
  if (generic && validationMessage(generic.code, generic.params as never) === issue.message) {
    return { messageCode: generic.code, params: generic.params };
  }
  const own = codeOfCustomText(issue.message);
  if (own) return { messageCode: own.code, params: own.params };
  return { messageCode: 'custom', params: { text: issue.message } };
}

/** Converts zod issues to our {@link ValidationIssue}s, with `prefix` segments before each path. */
export function fromZodIssues(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
    ...codeIssue(issue),
  }));
}
