import { LIMITS } from './limits.js';
import { formatPath } from './path.js';
import type { ValidationIssue } from './result.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks that untrusted input is plain JSON data we can safely hold: no
 * prototype-polluting keys, no non-finite numbers, no functions or other
 * non-JSON values, and no runaway nesting. Runs before schema validation,
 * so a schema never sees a hostile object.
 */
export function checkJsonSafety(input: unknown, maxIssues = 20): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const path: PropertyKey[] = [];
  const seen = new Set<object>();

  const visit = (value: unknown): void => {
    if (issues.length >= maxIssues) return;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) issues.push({ path: formatPath(path), message: 'must be a finite number' });
      return;
    }
    if (typeof value !== 'object') {
      const what = value === undefined ? 'undefined' : `a ${typeof value}`;
      issues.push({ path: formatPath(path), message: `must be JSON data, not ${what}` });
      return;
    }
    if (seen.has(value)) {
      issues.push({ path: formatPath(path), message: 'refers back to itself (a cycle); documents must be trees' });
      return;
    }
    if (path.length >= LIMITS.depth) {
      issues.push({ path: formatPath(path), message: `is nested more than ${LIMITS.depth} levels deep` });
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        visit(item);
        path.pop();
      });
    } else {
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        issues.push({ path: formatPath(path), message: 'must be a plain JSON object' });
      } else {
        for (const key of Reflect.ownKeys(value)) {
          if (typeof key === 'symbol') continue;
          if (FORBIDDEN_KEYS.has(key)) {
            issues.push({ path: formatPath([...path, key]), message: `uses the reserved key "${key}", which is not allowed` });
            continue;
          }
          const child = (value as Record<string, unknown>)[key];
          // An undefined property is an absent one (JSON.stringify drops it too).
          if (child === undefined) continue;
          path.push(key);
          visit(child);
          path.pop();
        }
      }
    }
    seen.delete(value);
  };

  visit(input);
  return issues;
}
