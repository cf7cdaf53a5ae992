import { LIMITS } from './limits.js';
import { formatPath } from './path.js';
import type { ValidationIssue } from './result.js';
import { validationMessage, type ValidationCode, type ValidationParams } from '../messages/validation.js';

/**
 * State of one walk over a document. One object per call, passed down, so
 * the walk allocates no closures and nothing per node: it runs over every
 * value of every document we read, before the schema does.
 */
interface Walk {
  readonly issues: ValidationIssue[];
  readonly maxIssues: number;
  /** Keys and indices from the root to the value being visited. */
  readonly path: PropertyKey[];
  /** The objects and arrays from the root to the value being visited: meeting one of them again is a cycle. */
  readonly ancestors: object[];
}

/** Keys that could reach or replace a prototype. */
function isReservedKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/** A value that is JSON data by itself and needs no visit: text, true/false, null, or a finite number. */
function isSafeScalar(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function report<C extends ValidationCode>(walk: Walk, messageCode: C, params: ValidationParams[C]): void {
  walk.issues.push({
    path: formatPath(walk.path),
    message: validationMessage(messageCode, params),
    messageCode,
    params,
  });
}

function visit(walk: Walk, value: unknown): void {
  if (walk.issues.length >= walk.maxIssues) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) report(walk, 'not-finite', {});
    return;
  }
  if (typeof value !== 'object') {
    report(walk, 'not-json', { received: typeof value });
    return;
  }
  visitContainer(walk, value);
}

function visitContainer(walk: Walk, value: object): void {
  const { path, ancestors } = walk;
  for (let i = 0; i < ancestors.length; i++) {
    if (ancestors[i] === value) {
      report(walk, 'cycle', {});
      return;
    }
  }
  if (path.length >= LIMITS.depth) {
    report(walk, 'too-deep', { depth: LIMITS.depth });
    return;
  }
  ancestors.push(value);
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (isSafeScalar(item)) continue;
      // A hole in a sparse array is skipped (as Array#forEach does); an explicit undefined is not.
      if (item === undefined && !(index in items)) continue;
      path.push(index);
      visit(walk, item);
      path.pop();
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      report(walk, 'not-plain-object', {});
    } else {
      const record = value as Record<string, unknown>;
      // Own string keys, enumerable or not, in Reflect.ownKeys order; symbol keys are not data and are ignored.
      // (getOwnPropertyNames is several times faster than Reflect.ownKeys on V8.)
      const keys = Object.getOwnPropertyNames(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (isReservedKey(key)) {
          path.push(key);
          report(walk, 'reserved-key', { key });
          path.pop();
          continue;
        }
        const child = record[key];
        // An undefined property is an absent one (JSON.stringify drops it too).
        if (child === undefined || isSafeScalar(child)) continue;
        path.push(key);
        visit(walk, child);
        path.pop();
      }
    }
  }
  ancestors.pop();
}

/**
 * Checks that untrusted input is plain JSON data we can safely hold: no
 * prototype-polluting keys, no non-finite numbers, no functions or other
 * non-JSON values, and no runaway nesting. Runs before schema validation,
 * so a schema never sees a hostile object.
 *
 * The walk is depth-first in key order (own string keys, enumerable or
 * not, in `Reflect.ownKeys` order; symbol keys are ignored), so issues come
 * out in document order. Once `maxIssues` issues are found the walk goes no
 * deeper (reserved keys of the objects already being walked are still
 * reported).
 */
export function checkJsonSafety(input: unknown, maxIssues = 20): ValidationIssue[] {
  const walk: Walk = { issues: [], maxIssues, path: [], ancestors: [] };
  visit(walk, input);
  return walk.issues;
}
