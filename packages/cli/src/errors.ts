import type { ValidationIssue } from '@links-approach/core';

/** Exit codes: the CLI's contract with scripts and other tools. */
export const EXIT = Object.freeze({
  /** Success. */
  ok: 0,
  /** The input (a file, a document) is invalid; the errors say where and why. */
  invalidInput: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** Something failed that is not the input's fault (a bug, a full disk). */
  internal: 3,
});

/** Thrown by a command when the command line is wrong; reported with exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/** Thrown by a command when its input is invalid; reported with exit 1. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly errors: readonly ValidationIssue[],
    readonly subject?: string,
  ) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
  }
}

/** One error as `--json` prints it: where, what in plain English, and a stable code for scripts. */
export interface JsonError {
  readonly path: string;
  readonly message: string;
  /**
   * What is wrong, as a stable code: a validation issue's code (`required`,
   * `wrong-type`, `text-empty`… as core names them), a workflow refusal's code
   * (`transition-not-allowed`…), a plan issue's code (`not-found`,
   * `duplicate`, `state`…), or `usage`, `internal`, `invalid` for the rest.
   * The message codes of core's rule families (`plan.*`, `network.*`,
   * `outcome.*`) are for rendering messages in other languages; they are not
   * printed here, so these codes stay as scripts have read them.
   */
  readonly code: string;
}

/** A validation message code (`required`, `text-too-long`…), not a rule family's message code (`plan.unknown-item`). */
const validationCodeOf = (messageCode: string | undefined): string | undefined =>
  messageCode !== undefined && !messageCode.includes('.') ? messageCode : undefined;

/**
 * The errors of an `{ ok: false, errors }` document: `path`, `message` and
 * `code` for each, and nothing else (no parameters, no internal fields).
 */
export function jsonErrors(
  errors: readonly (ValidationIssue & { readonly code?: string })[],
  fallback = 'invalid',
): JsonError[] {
  return errors.map((e) => ({
    path: e.path,
    message: e.message,
    code: validationCodeOf(e.messageCode) ?? e.code ?? fallback,
  }));
}
