/**
 * The plan schema's fast path, written by hand (no `eval`, so it runs in
 * browsers under a Content Security Policy without `unsafe-eval`).
 *
 * {@link fastParsePlan} returns the value `planSchema` would return (strings
 * trimmed, objects rebuilt with their keys in schema order, absent optional
 * fields left out) when the input is certainly valid, and `undefined`
 * otherwise; callers then run the zod schema, which gives every error
 * message and path. See `validation/fast-checks.ts` for the contract, and
 * `fast-validation.test.ts` for the property tests that hold it to the schema.
 *
 * @internal
 */
import { regexes } from 'zod/v4/core';
import { LIMITS } from '../validation/limits.js';
import {
  absent,
  isIntIn,
  isNumberIn,
  isOneOf,
  isPlain,
  knownKeyCount,
  matches,
  trimmedText,
  type Plain,
} from '../validation/fast-checks.js';
import {
  PLAN_FOCUS_CAPACITY_LIMIT,
  PLAN_KIND,
  PLAN_LIST_SIZE_LIMIT,
  PLAN_NUMBER_LIMIT,
  PLAN_PATTERNS,
  PLAN_SCHEMA_VERSION,
  PLAN_TEAM_LIMIT,
} from './constants.js';
import type { Plan } from './types.js';

const SHORT = LIMITS.shortText;
const LONG = LIMITS.longText;
const ITEMS = LIMITS.listItems;
const ID = PLAN_PATTERNS.id;
const CHI_LIKE = PLAN_PATTERNS.chiLike;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
// zod's own patterns for `z.iso.date()` and `z.iso.datetime({ offset: true })` (planDateSchema and
// planDateTimeSchema), taken from zod's regexes module so that this file loads no schema code
// (quick-validation.test.ts checks they are the schemas' patterns).
const DATE = regexes.date;
const DATE_TIME = /* @__PURE__ */ regexes.datetime({ offset: true, local: false, precision: null });

const COHORTS: ReadonlySet<string> = new Set(['programme', 'comparison']);
const MEASURE_KINDS: ReadonlySet<string> = new Set(['outcome', 'process', 'balancing']);
const DIRECTIONS: ReadonlySet<string> = new Set(['increase', 'decrease']);
const ACTS: ReadonlySet<string> = new Set(['adopt', 'adapt', 'abandon']);
const STATUSES: ReadonlySet<string> = new Set(['draft', 'submitted', 'agreed', 'under-review']);
/** Keys that the JSON safety checks refuse (and that slug-shaped record keys could otherwise be). */
const RESERVED: ReadonlySet<string> = new Set(['constructor', 'prototype', '__proto__']);

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);
const PLAN_KEYS = keys(
  'kind',
  'schemaVersion',
  'id',
  'practice',
  'framework',
  'title',
  'status',
  'revision',
  'savedAt',
  'savedBy',
  'capacities',
  'themes',
);
const PRACTICE_KEYS = keys('id', 'name', 'cohort', 'listSize', 'locality');
const FRAMEWORK_KEYS = keys('id', 'version');
const OWNER_KEYS = keys('role', 'name');
const CAPACITY_KEYS = keys('owner', 'team', 'aims', 'measures', 'changeIdeas', 'evidence', 'selfAssessedLevel');
const AIM_KEYS = keys('id', 'statement', 'target', 'unit', 'targetDate', 'measureId');
const MEASURE_KEYS = keys('id', 'name', 'kind', 'unit', 'direction', 'baseline', 'points');
const BASELINE_KEYS = keys('value', 'date');
const POINT_KEYS = keys('date', 'value', 'note');
const IDEA_KEYS = keys('id', 'title', 'description', 'cycles', 'spread');
const CYCLE_KEYS = keys('id', 'plan', 'prediction', 'startDate', 'do', 'study', 'act', 'completedDate');
const SPREAD_KEYS = keys('date', 'note');
const EVIDENCE_KEYS = keys('id', 'date', 'text');
const THEME_KEYS = keys('focusAreas');
const FOCUS_KEYS = keys('id', 'text', 'capacities');

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 128 && ID.test(value);
}

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && SLUG.test(value);
}

function isPlanNumber(value: unknown): value is number {
  return isNumberIn(value, -PLAN_NUMBER_LIMIT, PLAN_NUMBER_LIMIT);
}

/** `personNameSchema`: trimmed short text that does not look like a CHI number. */
function personName(value: unknown): string | undefined {
  const text = trimmedText(value, SHORT);
  return text !== undefined && !CHI_LIKE.test(text) ? text : undefined;
}

/** A list of at most `max` entries, each parsed by `item`; `undefined` when any is not certainly valid. */
function list<T>(value: unknown, max: number, item: (value: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  const out: T[] = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) {
    const parsed = item(value[i]);
    if (parsed === undefined) return undefined;
    out[i] = parsed;
  }
  return out;
}

function practice(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const cohort = v.cohort;
  const listSize = v.listSize;
  const name = trimmedText(v.name, SHORT);
  if (!isId(id) || name === undefined || !isOneOf(cohort, COHORTS) || !isIntIn(listSize, 0, PLAN_LIST_SIZE_LIMIT))
    return undefined;
  const out: Plain = { id, name, cohort, listSize };
  let n = 4;
  if (v.locality !== undefined) {
    const locality = trimmedText(v.locality, SHORT);
    if (locality === undefined) return undefined;
    out.locality = locality;
    n++;
  } else if (!absent(v, 'locality')) return undefined;
  return knownKeyCount(v, PRACTICE_KEYS) === n ? out : undefined;
}

function framework(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const version = v.version;
  if (!isSlug(id) || !matches(version, VERSION)) return undefined;
  return knownKeyCount(v, FRAMEWORK_KEYS) === 2 ? { id, version } : undefined;
}

function owner(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const role = personName(v.role);
  if (role === undefined) return undefined;
  const out: Plain = { role };
  let n = 1;
  if (v.name !== undefined) {
    const name = personName(v.name);
    if (name === undefined) return undefined;
    out.name = name;
    n++;
  } else if (!absent(v, 'name')) return undefined;
  return knownKeyCount(v, OWNER_KEYS) === n ? out : undefined;
}

function aim(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const statement = trimmedText(v.statement, LONG);
  if (!isId(id) || statement === undefined) return undefined;
  const out: Plain = { id, statement };
  let n = 2;
  const target = v.target;
  if (target !== undefined) {
    if (!isPlanNumber(target)) return undefined;
    out.target = target;
    n++;
  } else if (!absent(v, 'target')) return undefined;
  if (v.unit !== undefined) {
    const unit = trimmedText(v.unit, SHORT);
    if (unit === undefined) return undefined;
    out.unit = unit;
    n++;
  } else if (!absent(v, 'unit')) return undefined;
  const targetDate = v.targetDate;
  if (targetDate !== undefined) {
    if (!matches(targetDate, DATE)) return undefined;
    out.targetDate = targetDate;
    n++;
  } else if (!absent(v, 'targetDate')) return undefined;
  const measureId = v.measureId;
  if (measureId !== undefined) {
    if (!isId(measureId)) return undefined;
    out.measureId = measureId;
    n++;
  } else if (!absent(v, 'measureId')) return undefined;
  return knownKeyCount(v, AIM_KEYS) === n ? out : undefined;
}

function baseline(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const value = v.value;
  if (!isPlanNumber(value)) return undefined;
  const out: Plain = { value };
  let n = 1;
  const date = v.date;
  if (date !== undefined) {
    if (!matches(date, DATE)) return undefined;
    out.date = date;
    n++;
  } else if (!absent(v, 'date')) return undefined;
  return knownKeyCount(v, BASELINE_KEYS) === n ? out : undefined;
}

function dataPoint(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const date = v.date;
  const value = v.value;
  if (!matches(date, DATE) || !isPlanNumber(value)) return undefined;
  const out: Plain = { date, value };
  let n = 2;
  if (v.note !== undefined) {
    const note = trimmedText(v.note, LONG);
    if (note === undefined) return undefined;
    out.note = note;
    n++;
  } else if (!absent(v, 'note')) return undefined;
  return knownKeyCount(v, POINT_KEYS) === n ? out : undefined;
}

function measure(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const kind = v.kind;
  const direction = v.direction;
  const name = trimmedText(v.name, SHORT);
  const unit = trimmedText(v.unit, SHORT);
  if (
    !isId(id) ||
    name === undefined ||
    !isOneOf(kind, MEASURE_KINDS) ||
    unit === undefined ||
    !isOneOf(direction, DIRECTIONS)
  )
    return undefined;
  const out: Plain = { id, name, kind, unit, direction };
  let n = 6;
  if (v.baseline !== undefined) {
    const parsed = baseline(v.baseline);
    if (parsed === undefined) return undefined;
    out.baseline = parsed;
    n++;
  } else if (!absent(v, 'baseline')) return undefined;
  const points = list(v.points, ITEMS, dataPoint);
  if (points === undefined) return undefined;
  out.points = points;
  return knownKeyCount(v, MEASURE_KEYS) === n ? out : undefined;
}

/** An optional long text field: the trimmed text, `null` when absent, `undefined` when not certainly valid. */
function optionalLong(v: Plain, key: string, value: unknown): string | null | undefined {
  if (value === undefined) return absent(v, key) ? null : undefined;
  return trimmedText(value, LONG);
}

function cycle(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const plan = trimmedText(v.plan, LONG);
  const prediction = trimmedText(v.prediction, LONG);
  const startDate = v.startDate;
  if (!isId(id) || plan === undefined || prediction === undefined || !matches(startDate, DATE)) return undefined;
  const out: Plain = { id, plan, prediction, startDate };
  let n = 4;
  const done = optionalLong(v, 'do', v.do);
  if (done === undefined) return undefined;
  if (done !== null) {
    out.do = done;
    n++;
  }
  const study = optionalLong(v, 'study', v.study);
  if (study === undefined) return undefined;
  if (study !== null) {
    out.study = study;
    n++;
  }
  const act = v.act;
  if (act !== undefined) {
    if (!isOneOf(act, ACTS)) return undefined;
    out.act = act;
    n++;
  } else if (!absent(v, 'act')) return undefined;
  const completedDate = v.completedDate;
  if (completedDate !== undefined) {
    if (!matches(completedDate, DATE)) return undefined;
    out.completedDate = completedDate;
    n++;
  } else if (!absent(v, 'completedDate')) return undefined;
  return knownKeyCount(v, CYCLE_KEYS) === n ? out : undefined;
}

function spread(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const date = v.date;
  const note = trimmedText(v.note, LONG);
  if (!matches(date, DATE) || note === undefined) return undefined;
  return knownKeyCount(v, SPREAD_KEYS) === 2 ? { date, note } : undefined;
}

function changeIdea(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const title = trimmedText(v.title, SHORT);
  if (!isId(id) || title === undefined) return undefined;
  const out: Plain = { id, title };
  let n = 3;
  const description = optionalLong(v, 'description', v.description);
  if (description === undefined) return undefined;
  if (description !== null) {
    out.description = description;
    n++;
  }
  const cycles = list(v.cycles, ITEMS, cycle);
  if (cycles === undefined) return undefined;
  out.cycles = cycles;
  if (v.spread !== undefined) {
    const parsed = spread(v.spread);
    if (parsed === undefined) return undefined;
    out.spread = parsed;
    n++;
  } else if (!absent(v, 'spread')) return undefined;
  return knownKeyCount(v, IDEA_KEYS) === n ? out : undefined;
}

function evidence(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const date = v.date;
  const text = trimmedText(v.text, LONG);
  if (!isId(id) || !matches(date, DATE) || text === undefined) return undefined;
  return knownKeyCount(v, EVIDENCE_KEYS) === 3 ? { id, date, text } : undefined;
}

function capacityPlan(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const out: Plain = {};
  let n = 5;
  if (v.owner !== undefined) {
    const parsed = owner(v.owner);
    if (parsed === undefined) return undefined;
    out.owner = parsed;
    n++;
  } else if (!absent(v, 'owner')) return undefined;
  const team = list(v.team, PLAN_TEAM_LIMIT, personName);
  if (team === undefined) return undefined;
  out.team = team;
  const aims = list(v.aims, ITEMS, aim);
  if (aims === undefined) return undefined;
  out.aims = aims;
  const measures = list(v.measures, ITEMS, measure);
  if (measures === undefined) return undefined;
  out.measures = measures;
  const changeIdeas = list(v.changeIdeas, ITEMS, changeIdea);
  if (changeIdeas === undefined) return undefined;
  out.changeIdeas = changeIdeas;
  const evidenceList = list(v.evidence, ITEMS, evidence);
  if (evidenceList === undefined) return undefined;
  out.evidence = evidenceList;
  const level = v.selfAssessedLevel;
  if (level !== undefined) {
    // z.multipleOf(0.5) between 0 and 5: doubling is exact in floating point, so this is certain.
    if (!isNumberIn(level, 0, 5) || !Number.isInteger(level * 2)) return undefined;
    out.selfAssessedLevel = level;
    n++;
  } else if (!absent(v, 'selfAssessedLevel')) return undefined;
  return knownKeyCount(v, CAPACITY_KEYS) === n ? out : undefined;
}

function slugOf(value: unknown): string | undefined {
  return isSlug(value) ? value : undefined;
}

function focusArea(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const id = v.id;
  const text = trimmedText(v.text, LONG);
  if (!isId(id) || text === undefined) return undefined;
  const capacities = list(v.capacities, PLAN_FOCUS_CAPACITY_LIMIT, slugOf);
  if (capacities === undefined) return undefined;
  return knownKeyCount(v, FOCUS_KEYS) === 3 ? { id, text, capacities } : undefined;
}

function themeFocus(v: unknown): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const focusAreas = list(v.focusAreas, ITEMS, focusArea);
  if (focusAreas === undefined) return undefined;
  return knownKeyCount(v, THEME_KEYS) === 1 ? { focusAreas } : undefined;
}

/**
 * `z.record(slugSchema, value)`: every own key an enumerable slug (and not a
 * key the JSON safety checks refuse), every value certainly valid; keys kept
 * in the input's order, as zod keeps them.
 */
function record(v: unknown, value: (value: unknown) => Plain | undefined): Plain | undefined {
  if (!isPlain(v)) return undefined;
  const out: Plain = {};
  for (const key of Reflect.ownKeys(v)) {
    if (typeof key !== 'string' || !isSlug(key) || RESERVED.has(key)) return undefined;
    if (!Object.prototype.propertyIsEnumerable.call(v, key)) return undefined;
    const parsed = value(v[key]);
    if (parsed === undefined) return undefined;
    out[key] = parsed;
  }
  return out;
}

/**
 * The value `planSchema` returns for `input` when `input` is certainly a
 * valid plan shape, else `undefined` (then run the schema for its errors).
 * Anything it accepts also passes the JSON safety checks.
 */
export function fastParsePlan(input: unknown): Plan | undefined {
  if (!isPlain(input)) return undefined;
  const v = input;
  const id = v.id;
  const status = v.status;
  const revision = v.revision;
  const savedAt = v.savedAt;
  if (
    v.kind !== PLAN_KIND ||
    v.schemaVersion !== PLAN_SCHEMA_VERSION ||
    !isId(id) ||
    !isOneOf(status, STATUSES) ||
    !isIntIn(revision, 0, Number.MAX_SAFE_INTEGER) ||
    !matches(savedAt, DATE_TIME)
  )
    return undefined;
  const practiceOut = practice(v.practice);
  const frameworkOut = framework(v.framework);
  const title = trimmedText(v.title, SHORT);
  const savedBy = personName(v.savedBy);
  if (practiceOut === undefined || frameworkOut === undefined || title === undefined || savedBy === undefined)
    return undefined;
  const capacities = record(v.capacities, capacityPlan);
  if (capacities === undefined) return undefined;
  const themes = record(v.themes, themeFocus);
  if (themes === undefined) return undefined;
  if (knownKeyCount(v, PLAN_KEYS) !== 12) return undefined;
  return {
    kind: PLAN_KIND,
    schemaVersion: PLAN_SCHEMA_VERSION,
    id,
    practice: practiceOut,
    framework: frameworkOut,
    title,
    status,
    revision,
    savedAt,
    savedBy,
    capacities,
    themes,
  } as unknown as Plan;
}
