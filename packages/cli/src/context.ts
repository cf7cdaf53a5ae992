import { formatIssues, type ValidationIssue } from '@links-approach/core';
import { jsonErrors } from './errors.js';
import type { CliIo } from './io.js';

/** What a command gets: its parsed options, the IO, and the two ways to answer. */
export class CommandContext {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /**
   * Answers successfully. With `--json`, prints exactly one JSON document,
   * `{ "ok": true, ...payload }`; otherwise prints `human()`.
   */
  succeed(payload: Record<string, unknown>, human: () => string): void {
    if (this.json) this.io.stdout(JSON.stringify({ ok: true, ...payload }, null, 2));
    else this.io.stdout(human());
  }

  /**
   * Answers with the input's problems (exit 1 is the caller's job).
   * With `--json`: `{ "ok": false, "errors": [ { "path", "message", "code" } ] }`.
   */
  reportInvalid(errors: readonly ValidationIssue[], subject?: string): void {
    if (this.json) {
      this.io.stdout(JSON.stringify({ ok: false, errors: jsonErrors(errors) }, null, 2));
    } else {
      const heading = subject ? `${subject} is not valid:` : 'The input is not valid:';
      this.io.stdout(`${heading}\n${indent(formatIssues(errors))}`);
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
