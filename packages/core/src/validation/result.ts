import type { MessageParams } from '../messages/types.js';

/**
 * One problem found in input, located by a JSON path such as
 * `capacities.signposting.aims[0].target` and described in plain English.
 */
export interface ValidationIssue {
  /** Where the problem is, as a JSON path from the document root; `""` for the document itself. */
  readonly path: string;
  /** What is wrong, in plain English, e.g. "must be a number". */
  readonly message: string;
  /**
   * What is wrong as a stable code, e.g. `wrong-type` (see `ValidationParams`
   * for every code and its parameters): with {@link ValidationIssue.params}
   * it renders the message in any language (`VALIDATION_MESSAGES_EN` is the
   * English). Absent on issues from older code: show `message` then.
   */
  readonly messageCode?: string;
  /** The values the message names (numbers, field names, allowed choices), by name. */
  readonly params?: MessageParams;
}

/** The outcome of a function that can refuse its input: the value, or the reasons. */
export type Result<T, E = ValidationIssue> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly E[] };

/** A successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function fail<E = ValidationIssue>(errors: readonly E[]): { readonly ok: false; readonly errors: readonly E[] } {
  return { ok: false, errors };
}

/**
 * The coded part of an issue (`messageCode` and `params`), to keep when an
 * issue is copied with another path: `{ path, message, ...messageCodeOf(issue) }`.
 */
export function messageCodeOf(issue: ValidationIssue): {
  readonly messageCode?: string;
  readonly params?: MessageParams;
} {
  return issue.messageCode === undefined ? {} : { messageCode: issue.messageCode, params: issue.params ?? {} };
}

/** Renders issues one per line, `path: message`, for people reading a terminal or a log. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('\n');
}
