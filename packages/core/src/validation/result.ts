/**
 * One problem found in input, located by a JSON path such as
 * `capacities.signposting.aims[0].target` and described in plain English.
 */
export interface ValidationIssue {
  /** Where the problem is, as a JSON path from the document root; `""` for the document itself. */
  readonly path: string;
  /** What is wrong, in plain English, e.g. "must be a number". */
  readonly message: string;
}

/** The outcome of a function that can refuse its input: the value, or the reasons. */
export type Result<T, E = ValidationIssue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly E[] };

/** A successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function fail<E = ValidationIssue>(errors: readonly E[]): { readonly ok: false; readonly errors: readonly E[] } {
  return { ok: false, errors };
}

/** Renders issues one per line, `path: message`, for people reading a terminal or a log. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('\n');
}
