import { joinPath } from '../validation/path.js';
import type { ValidationIssue } from '../validation/result.js';
import type { DirectoryError } from './types.js';

/**
 * A directory error as the `{path, message}` issues the CLI and other
 * contracts use: a malformed answer or an invalid query lists its issues
 * (paths point into the directory's answer, or at the query field); every
 * other kind is one issue at path `""` with the error's message.
 */
export function directoryErrorIssues(error: DirectoryError): ValidationIssue[] {
  if (error.kind === 'malformed') {
    return [
      { path: '', message: error.message },
      ...error.issues.map((i) => ({ path: joinPath('response', i.path), message: i.message })),
    ];
  }
  if (error.kind === 'invalid-query')
    return error.issues.length > 0
      ? error.issues.map((i) => ({ path: i.path, message: i.message }))
      : [{ path: '', message: error.message }];
  return [{ path: '', message: error.message }];
}

/**
 * Whether trying the same call again later might work: network failures,
 * timeouts, 408/429 and 5xx answers. A malformed answer or a refused query
 * will fail the same way again.
 */
export function isRetryable(error: DirectoryError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 408 || error.status === 429 || error.status >= 500;
    default:
      return false;
  }
}
