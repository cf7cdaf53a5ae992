import { formatPath } from '../validation/path.js';
import { nextItemId } from './operations.js';
import { checkPlanRules } from './rules.js';
import type { Plan, PlanIssue } from './types.js';

/** Which side a person chose for a conflicting field. */
export type MergeChoice = 'mine' | 'theirs';

/** A field (or list item) changed one way in my edits and another way in theirs. */
export interface PlanMergeConflict {
  /**
   * JSON path of the field in the merged plan (`capacities.awareness.aims[1].statement`);
   * for an item the merged plan does not hold, where it is in my plan.
   */
  readonly path: string;
  /** A stable name of the field across merges (item ids instead of positions): the key of a choice. */
  readonly key: string;
  /** The value in the revision both edits started from (`undefined`: absent). */
  readonly base: unknown;
  /** My value (`undefined`: I removed it). */
  readonly mine: unknown;
  /** Their value (`undefined`: they removed it). */
  readonly theirs: unknown;
  /** The side the merged plan holds: `theirs` unless chosen otherwise. */
  readonly chosen: MergeChoice;
}

/** What {@link mergePlanEdits} returns. */
export interface PlanMerge {
  /**
   * Their plan (revision, time and author included) with every change of
   * mine that does not conflict reapplied, and each conflict resolved as chosen.
   */
  readonly plan: Plan;
  /** The fields both sides changed differently, in document order. */
  readonly conflicts: readonly PlanMergeConflict[];
  /** Rules the merged plan breaks (two cycles open at once, say), as `checkPlanRules` reports them; empty when sound. */
  readonly issues: readonly PlanIssue[];
  /** Items I added whose id they had also used for another item: renamed to a fresh id (old → new, by list key). */
  readonly renamed: readonly { readonly key: string; readonly from: string; readonly to: string }[];
}

type Json = unknown;
type Segment = string | number;

const METADATA = new Set(['kind', 'schemaVersion', 'id', 'revision', 'savedAt', 'savedBy']);

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => equal(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** How the items of a list are told apart: by `id`, by `date` (data points), or not at all (plain values). */
function keyOf(list: readonly Json[]): ((item: Json) => string) | undefined {
  if (list.length === 0) return undefined;
  if (list.every((item) => isObject(item) && typeof item['id'] === 'string'))
    return (item) => (item as { id: string }).id;
  if (list.every((item) => isObject(item) && typeof item['date'] === 'string'))
    return (item) => (item as { date: string }).date;
  return undefined;
}

interface Context {
  readonly choices: Readonly<Record<string, MergeChoice>>;
  readonly conflicts: PlanMergeConflict[];
}

function conflict(
  ctx: Context,
  path: readonly Segment[],
  key: readonly Segment[],
  base: Json,
  mine: Json,
  theirs: Json,
): Json {
  const k = key.join('/');
  const chosen: MergeChoice = ctx.choices[k] === 'mine' ? 'mine' : 'theirs';
  ctx.conflicts.push({ path: formatPath(path), key: k, base, mine, theirs, chosen });
  return chosen === 'mine' ? mine : theirs;
}

function mergeValue(ctx: Context, path: Segment[], key: Segment[], base: Json, mine: Json, theirs: Json): Json {
  if (equal(mine, theirs)) return theirs;
  if (equal(base, mine)) return theirs;
  if (equal(base, theirs)) return mine;
  if (isObject(base) && isObject(mine) && isObject(theirs)) return mergeObject(ctx, path, key, base, mine, theirs);
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const b = Array.isArray(base) ? base : [];
    const by = keyOf([...b, ...mine, ...theirs]);
    if (by) return mergeKeyed(ctx, path, key, b, mine, theirs, by);
    if ([...b, ...mine, ...theirs].every((v) => typeof v === 'string' || typeof v === 'number'))
      return mergeSet(b, mine, theirs);
  }
  return conflict(ctx, path, key, base, mine, theirs);
}

function mergeObject(
  ctx: Context,
  path: Segment[],
  key: Segment[],
  base: Record<string, Json>,
  mine: Record<string, Json>,
  theirs: Record<string, Json>,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)])];
  for (const k of keys) {
    const value = mergeValue(ctx, [...path, k], [...key, k], base[k], mine[k], theirs[k]);
    if (value !== undefined)
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Plain values (a team list): their list, less what I removed, plus what I added. */
function mergeSet(base: readonly Json[], mine: readonly Json[], theirs: readonly Json[]): Json[] {
  const removed = base.filter((v) => !mine.includes(v));
  const added = mine.filter((v) => !base.includes(v));
  const out = theirs.filter((v) => !removed.includes(v));
  for (const v of added) if (!out.includes(v)) out.push(v);
  return out;
}

function mergeKeyed(
  ctx: Context,
  path: Segment[],
  key: Segment[],
  base: readonly Json[],
  mine: readonly Json[],
  theirs: readonly Json[],
  by: (item: Json) => string,
): Json[] {
  const index = (list: readonly Json[]) => new Map(list.map((item, i) => [by(item), { item, i }]));
  const b = index(base);
  const m = index(mine);
  const t = index(theirs);
  let order = [...new Set([...t.keys(), ...m.keys(), ...b.keys()])];
  const byDate = !theirs.concat(mine, base).some((item) => isObject(item) && 'id' in item);
  if (byDate) order = order.sort();
  const out: Json[] = [];
  for (const id of order) {
    const itemKey = [...key, id];
    const at = [...path, out.length];
    const bi = b.get(id)?.item;
    const mi = m.get(id)?.item;
    const ti = t.get(id)?.item;
    let value: Json;
    if (bi === undefined) value = ti ?? mi;
    else if (mi === undefined && ti === undefined) value = undefined;
    else if (mi === undefined) value = equal(bi, ti) ? undefined : conflict(ctx, at, itemKey, bi, undefined, ti);
    else if (ti === undefined)
      value = equal(bi, mi) ? undefined : conflict(ctx, [...path, m.get(id)!.i], itemKey, bi, mi, undefined);
    else value = mergeValue(ctx, at, itemKey, bi, mi, ti);
    if (value !== undefined) out.push(value);
  }
  return out;
}

interface Rename {
  readonly key: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Gives my new items a fresh id where they used an id that theirs gave to
 * another new item (ids are numbered per list, so two people adding an aim
 * both make `aim-2`), and points my aims at my renamed measures.
 */
function renameCollisions(base: Json, mine: Json, theirs: Json, key: Segment[], renames: Rename[]): Json {
  if (Array.isArray(mine)) {
    const b = Array.isArray(base) ? base : [];
    const t = Array.isArray(theirs) ? theirs : [];
    const all = [...b, ...mine, ...t];
    if (!all.every((item) => isObject(item) && typeof item['id'] === 'string')) return mine;
    const ids = (list: readonly Json[]) => new Map(list.map((item) => [(item as { id: string }).id, item]));
    const bIds = ids(b);
    const tIds = ids(t);
    const taken = all as { id: string }[];
    return mine.map((item) => {
      const id = (item as { id: string }).id;
      const theirsItem = tIds.get(id);
      let next = item;
      if (!bIds.has(id) && theirsItem !== undefined && !equal(theirsItem, item)) {
        const prefix = /^(.*)-\d+$/.exec(id)?.[1] ?? id;
        const fresh = nextItemId([...taken, ...renames.map((r) => ({ id: r.to }))], prefix);
        renames.push({ key: key.join('/'), from: id, to: fresh });
        next = { ...(item as object), id: fresh };
      }
      return renameCollisions(bIds.get(id), next, theirsItem, [...key, id], renames);
    });
  }
  if (!isObject(mine)) return mine;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(mine)) {
    const child = renameCollisions(
      isObject(base) ? base[k] : undefined,
      v,
      isObject(theirs) ? theirs[k] : undefined,
      [...key, k],
      renames,
    );
    Object.defineProperty(out, k, { value: child, enumerable: true, writable: true, configurable: true });
  }
  // An aim names a measure of its own capacity: follow my renamed measures.
  if (Array.isArray(out['aims']) && Array.isArray(out['measures'])) {
    const measures = renames.filter((r) => r.key === [...key, 'measures'].join('/'));
    if (measures.length > 0) {
      out['aims'] = (out['aims'] as Record<string, Json>[]).map((aim) => {
        const rename = measures.find((r) => r.from === aim['measureId']);
        return rename ? { ...aim, measureId: rename.to } : aim;
      });
    }
  }
  return out;
}

/**
 * Three-way merge of two people's edits of one plan, field by field and
 * item by item: `base` is the revision both started from, `mine` the edits
 * not yet saved, `theirs` the revision saved meanwhile. Every change of
 * mine that theirs did not also make differently is reapplied to theirs;
 * a field both changed differently is a conflict, reported with its JSON
 * path and both values, and resolved as `choices` says (by conflict `key`;
 * theirs by default). Lists of items are merged by id (data points by date,
 * in date order; a plain list such as a team by what each side added and
 * removed), so two people adding an aim keep both (mine gets a fresh id if
 * they took its id). The plan's revision, time and author are theirs, so
 * the result saves as the next revision after theirs.
 *
 * Pure: the inputs are untouched. Run it again with the person's choices
 * to get the plan to save; `issues` lists rules the merged plan breaks.
 */
export function mergePlanEdits(
  base: Plan,
  mine: Plan,
  theirs: Plan,
  choices: Readonly<Record<string, MergeChoice>> = {},
): PlanMerge {
  const ctx: Context = { choices, conflicts: [] };
  const renamed: Rename[] = [];
  const mineRenamed = renameCollisions(base, mine, theirs, [], renamed) as Record<string, Json>;
  const out: Record<string, Json> = {};
  const b = base as unknown as Record<string, Json>;
  const t = theirs as unknown as Record<string, Json>;
  const keys = [...new Set([...Object.keys(t), ...Object.keys(mineRenamed)])];
  for (const k of keys) {
    const value = METADATA.has(k) ? t[k] : mergeValue(ctx, [k], [k], b[k], mineRenamed[k], t[k]);
    if (value !== undefined)
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  const plan = out as unknown as Plan;
  return { plan, conflicts: ctx.conflicts, issues: checkPlanRules(plan), renamed };
}
