import { withoutUndefined } from '../shared/object.js';
import { produce, type Draft } from 'immer';
import * as z from 'zod/mini';
import { shortTextSchema, slugSchema } from '../framework/framework-schema.js';
import type { PlanItemKind, PlanMessageCode, PlanMessageParams } from '../messages/plan.js';
import { validationMessage } from '../messages/validation.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import { formatPath, joinPath } from '../validation/path.js';
import { messageCodeOf, type Result } from '../validation/result.js';
import {
  canSpread,
  checkPlanRules,
  listFullRefusal,
  measureInUseRefusal,
  openCycleRefusal,
  planIssue,
  spreadRefusal,
} from './rules.js';
import { statusTransitionRefusal } from './transitions.js';
import {
  PLAN_FOCUS_CAPACITY_LIMIT,
  PLAN_TEAM_LIMIT,
  aimSchema,
  baselineSchema,
  dataPointSchema,
  directionSchema,
  evidenceSchema,
  measureKindSchema,
  ownerSchema,
  pdsaActSchema,
  personNameSchema,
  planDateSchema,
  planIdSchema,
  planLongTextSchema,
  planStatusSchema,
  selfAssessedLevelSchema,
  spreadSchema,
} from './schema.js';
import type {
  Aim,
  Baseline,
  CapacityPlan,
  ChangeIdea,
  DataPoint,
  Evidence,
  FocusArea,
  Measure,
  MeasureKind,
  Direction,
  Owner,
  PdsaAct,
  PdsaCycle,
  Plan,
  PlanErrorCode,
  PlanIssue,
  PlanStatus,
  Spread,
} from './types.js';

/** What every plan operation returns: the new plan (the input is untouched), or why not. */
export type PlanResult = Result<Plan, PlanIssue>;

type Segments = readonly PropertyKey[];

function failWith<C extends PlanMessageCode>(
  path: Segments,
  messageCode: C,
  params: PlanMessageParams[C],
  code: PlanErrorCode,
): { ok: false; errors: PlanIssue[] } {
  return { ok: false, errors: [planIssue(path, messageCode, params, code)] };
}

/** Validates an operation's input against a schema; errors carry the document path where it would land. */
function checkInput<S extends z.ZodMiniType>(schema: S, input: unknown, at: Segments): Result<z.infer<S>, PlanIssue> {
  const result = parseWith(schema, withoutUndefined(input));
  if (result.ok) return result as Result<z.infer<S>, PlanIssue>;
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      path: joinPath(formatPath(at), e.path),
      message: e.message,
      ...messageCodeOf(e),
      code: 'invalid' as const,
    })),
  };
}

/**
 * Applies a change with immer, then checks the rules that span the whole plan
 * (unique ids, links, dates in order, cycles), without a framework. Every
 * value that went in was validated against its schema first, so together no
 * operation can return a broken plan (the tests check each result in full).
 */
function commit(plan: Plan, recipe: (draft: Draft<Plan>) => void): PlanResult {
  const next = produce(plan, recipe);
  const problems = checkPlanRules(next);
  return problems.length === 0 ? { ok: true, value: next } : { ok: false, errors: problems };
}

function capacityAt(plan: Plan, capacityId: string): Result<CapacityPlan, PlanIssue> {
  if (typeof capacityId !== 'string' || !Object.hasOwn(plan.capacities, capacityId)) {
    return failWith(['capacities', String(capacityId)], 'plan.unknown-capacity', {}, 'not-found');
  }
  return { ok: true, value: plan.capacities[capacityId]! };
}

function indexOfId(items: readonly { id: string }[], id: string): number {
  return items.findIndex((item) => item.id === id);
}

function findIn<T extends { id: string }>(
  items: readonly T[],
  id: string,
  path: Segments,
  item: PlanItemKind,
): Result<number, PlanIssue> {
  const index = indexOfId(items, id);
  return index < 0
    ? failWith(path, 'plan.unknown-item', { item, id: String(id) }, 'not-found')
    : { ok: true, value: index };
}

/**
 * A fresh id for a new item: `prefix-N`, one more than the highest `prefix-N`
 * already in the list (so ids are never reused within a list).
 */
export function nextItemId(items: readonly { id: string }[], prefix: string): string {
  let highest = 0;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  for (const item of items) {
    const match = pattern.exec(item.id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix}-${highest + 1}`;
}

function checkListRoom(
  items: readonly unknown[],
  path: Segments,
  max: number = LIMITS.listItems,
): PlanResult | undefined {
  return items.length >= max ? { ok: false, errors: [listFullRefusal(path, max)] } : undefined;
}

function checkNewId(items: readonly { id: string }[], id: string, path: Segments): PlanResult | undefined {
  return indexOfId(items, id) >= 0 ? failWith([...path, 'id'], 'plan.id-taken', { id }, 'duplicate') : undefined;
}

/** Applies `changes` to `current`: keys with `undefined` are removed, others replaced; `id` is kept. */
function merged<T extends { id: string }>(current: T, changes: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'id') continue;
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  out['id'] = current.id;
  return out;
}

// ---------------------------------------------------------------------------
// Plan-level

/** Sets the plan's title. */
export function setTitle(plan: Plan, title: string): PlanResult {
  const input = checkInput(shortTextSchema, title, ['title']);
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    draft.title = input.value;
  });
}

/** Moves the plan along its lifecycle; refuses (code `transition`) a move {@link PLAN_STATUS_TRANSITIONS} does not allow. */
export function changeStatus(plan: Plan, to: PlanStatus): PlanResult {
  const input = checkInput(planStatusSchema, to, ['status']);
  if (!input.ok) return input;
  const refusal = statusTransitionRefusal(plan.status, input.value);
  if (refusal) return { ok: false, errors: [refusal] };
  return commit(plan, (draft) => {
    draft.status = input.value;
  });
}

// ---------------------------------------------------------------------------
// Owner, team, self-assessment

/** Names (or, with `undefined`, clears) the lead of a capacity: a role and optionally a staff name. */
export function setOwner(plan: Plan, capacityId: string, owner: Owner | undefined): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  if (owner === undefined) {
    return commit(plan, (draft) => {
      delete draft.capacities[capacityId]!.owner;
    });
  }
  const input = checkInput(ownerSchema, owner, ['capacities', capacityId, 'owner']);
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.owner = input.value;
  });
}

/** Replaces the team of a capacity (staff names or roles, at most {@link PLAN_TEAM_LIMIT}, no repeats). */
export function setTeam(plan: Plan, capacityId: string, team: readonly string[]): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const at = ['capacities', capacityId, 'team'];
  const input = checkInput(z.array(personNameSchema).check(z.maxLength(PLAN_TEAM_LIMIT)), team, at);
  if (!input.ok) return input;
  const seen = new Map<string, number>();
  for (const [index, name] of input.value.entries()) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) return failWith([...at, index], 'plan.team-repeated', { name, earlier }, 'duplicate');
    seen.set(name.toLowerCase(), index);
  }
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.team = input.value;
  });
}

/** Records (or, with `undefined`, clears) the team's own assessment of a capacity: 0 to 5 in steps of 0.5. */
export function setSelfAssessedLevel(plan: Plan, capacityId: string, level: number | undefined): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  if (level === undefined) {
    return commit(plan, (draft) => {
      delete draft.capacities[capacityId]!.selfAssessedLevel;
    });
  }
  const input = checkInput(selfAssessedLevelSchema, level, ['capacities', capacityId, 'selfAssessedLevel']);
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.selfAssessedLevel = input.value;
  });
}

// ---------------------------------------------------------------------------
// Aims

/** A new aim; `id` is generated (`aim-N`) when left out. */
export interface AimInput {
  readonly id?: string;
  readonly statement: string;
  readonly target?: number;
  readonly unit?: string;
  readonly targetDate?: string;
  readonly measureId?: string;
}

function checkMeasureLink(capacity: CapacityPlan, measureId: string | undefined, at: Segments): PlanResult | undefined {
  if (measureId === undefined || indexOfId(capacity.measures, measureId) >= 0) return undefined;
  return failWith([...at, 'measureId'], 'plan.unknown-measure', { measureId }, 'not-found');
}

/** Adds an aim to a capacity. A `measureId` must name a measure of the same capacity. */
export function addAim(plan: Plan, capacityId: string, aim: AimInput): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const list = capacity.value.aims;
  const at = ['capacities', capacityId, 'aims', list.length];
  const full = checkListRoom(list, ['capacities', capacityId, 'aims']);
  if (full) return full;
  const input = checkInput(aimSchema, { ...aim, id: aim.id ?? nextItemId(list, 'aim') }, at);
  if (!input.ok) return input;
  const problem = checkNewId(list, input.value.id, at) ?? checkMeasureLink(capacity.value, input.value.measureId, at);
  if (problem) return problem;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.aims.push(input.value);
  });
}

/** Changes fields of an aim; a field given as `undefined` is cleared. The id cannot change. */
export function updateAim(
  plan: Plan,
  capacityId: string,
  aimId: string,
  changes: Partial<Omit<Aim, 'id'>>,
): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.aims, aimId, ['capacities', capacityId, 'aims'], 'aim');
  if (!found.ok) return found;
  const at = ['capacities', capacityId, 'aims', found.value];
  const input = checkInput(aimSchema, merged(capacity.value.aims[found.value]!, changes), at);
  if (!input.ok) return input;
  const problem = checkMeasureLink(capacity.value, input.value.measureId, at);
  if (problem) return problem;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.aims[found.value] = input.value;
  });
}

/** Removes an aim. */
export function removeAim(plan: Plan, capacityId: string, aimId: string): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.aims, aimId, ['capacities', capacityId, 'aims'], 'aim');
  if (!found.ok) return found;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.aims.splice(found.value, 1);
  });
}

// ---------------------------------------------------------------------------
// Measures and data points

/** A new measure; `id` is generated (`measure-N`) when left out, `points` default to none. */
export interface MeasureInput {
  readonly id?: string;
  readonly name: string;
  readonly kind: MeasureKind;
  readonly unit: string;
  readonly direction: Direction;
  readonly baseline?: Baseline;
  readonly points?: readonly DataPoint[];
}

const measureFieldsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    name: shortTextSchema,
    kind: measureKindSchema,
    unit: shortTextSchema,
    direction: directionSchema,
    baseline: z.optional(baselineSchema),
    points: z.array(dataPointSchema).check(z.maxLength(LIMITS.listItems)),
  }))();

function sortedPoints(points: readonly DataPoint[], at: Segments): Result<DataPoint[], PlanIssue> {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.date === sorted[i - 1]!.date) {
      const index = points.lastIndexOf(sorted[i]!);
      return failWith(
        [...at, 'points', index, 'date'],
        'plan.points-repeat-date',
        { date: sorted[i]!.date },
        'duplicate',
      );
    }
  }
  return { ok: true, value: sorted };
}

/** Adds a measure to a capacity. Points given with it are put in date order; two points on one date are refused. */
export function addMeasure(plan: Plan, capacityId: string, measure: MeasureInput): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const list = capacity.value.measures;
  const at = ['capacities', capacityId, 'measures', list.length];
  const full = checkListRoom(list, ['capacities', capacityId, 'measures']);
  if (full) return full;
  const input = checkInput(
    measureFieldsSchema,
    { ...measure, id: measure.id ?? nextItemId(list, 'measure'), points: measure.points ?? [] },
    at,
  );
  if (!input.ok) return input;
  const problem = checkNewId(list, input.value.id, at);
  if (problem) return problem;
  const points = sortedPoints(input.value.points, at);
  if (!points.ok) return points;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.measures.push({ ...input.value, points: points.value });
  });
}

/** Changes a measure's name, kind, unit, direction or baseline (`baseline: undefined` clears it). Points change through {@link recordDataPoint} and {@link removeDataPoint}. */
export function updateMeasure(
  plan: Plan,
  capacityId: string,
  measureId: string,
  changes: Partial<Omit<Measure, 'id' | 'points'>>,
): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.measures, measureId, ['capacities', capacityId, 'measures'], 'measure');
  if (!found.ok) return found;
  const at = ['capacities', capacityId, 'measures', found.value];
  const current = capacity.value.measures[found.value]!;
  const { points: _ignored, ...rest } = changes as Partial<Measure>;
  const input = checkInput(measureFieldsSchema, { ...merged(current, rest), points: current.points }, at);
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.measures[found.value] = input.value;
  });
}

/** Removes a measure; refused (code `in-use`) while an aim of the capacity names it. */
export function removeMeasure(plan: Plan, capacityId: string, measureId: string): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.measures, measureId, ['capacities', capacityId, 'measures'], 'measure');
  if (!found.ok) return found;
  const inUse = measureInUseRefusal(capacity.value, measureId, ['capacities', capacityId, 'measures', found.value]);
  if (inUse) return { ok: false, errors: [inUse] };
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.measures.splice(found.value, 1);
  });
}

/** Options for {@link recordDataPoint}. */
export interface RecordDataPointOptions {
  /** Replace the value (and note) of a point already recorded on that date, instead of refusing it. */
  readonly replace?: boolean;
}

/**
 * Records a dated value of a measure, keeping the points in date order. A
 * second point on a date already recorded is refused (code `duplicate`)
 * unless `replace` is set.
 */
export function recordDataPoint(
  plan: Plan,
  capacityId: string,
  measureId: string,
  point: DataPoint,
  options: RecordDataPointOptions = {},
): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.measures, measureId, ['capacities', capacityId, 'measures'], 'measure');
  if (!found.ok) return found;
  const measure = capacity.value.measures[found.value]!;
  const listPath = ['capacities', capacityId, 'measures', found.value, 'points'];
  const rawDate: unknown = (point as { date?: unknown } | null)?.date;
  let index = typeof rawDate === 'string' ? measure.points.findIndex((p) => p.date >= rawDate) : -1;
  if (index < 0) index = measure.points.length;
  const input = checkInput(dataPointSchema, point, [...listPath, index]);
  if (!input.ok) return input;
  const existing = measure.points[index];
  const same = existing?.date === input.value.date;
  if (same && !options.replace) {
    return failWith(
      [...listPath, index, 'date'],
      'plan.point-exists',
      { date: input.value.date, value: existing!.value },
      'duplicate',
    );
  }
  if (!same) {
    const full = checkListRoom(measure.points, listPath);
    if (full) return full;
  }
  return commit(plan, (draft) => {
    const points = draft.capacities[capacityId]!.measures[found.value]!.points;
    if (same) points[index] = input.value;
    else points.splice(index, 0, input.value);
  });
}

/** Removes the data point recorded on `date`. */
export function removeDataPoint(plan: Plan, capacityId: string, measureId: string, date: string): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.measures, measureId, ['capacities', capacityId, 'measures'], 'measure');
  if (!found.ok) return found;
  const listPath = ['capacities', capacityId, 'measures', found.value, 'points'];
  const index = capacity.value.measures[found.value]!.points.findIndex((p) => p.date === date);
  if (index < 0) return failWith(listPath, 'plan.no-point-on', { date: String(date) }, 'not-found');
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.measures[found.value]!.points.splice(index, 1);
  });
}

// ---------------------------------------------------------------------------
// Change ideas and PDSA cycles

/** A new change idea; `id` is generated (`change-N`) when left out. */
export interface ChangeIdeaInput {
  readonly id?: string;
  readonly title: string;
  readonly description?: string;
}

const changeIdeaFieldsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    title: shortTextSchema,
    description: z.optional(planLongTextSchema),
  }))();

/** Adds a change idea (with no cycles yet) to a capacity. */
export function addChangeIdea(plan: Plan, capacityId: string, idea: ChangeIdeaInput): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const list = capacity.value.changeIdeas;
  const at = ['capacities', capacityId, 'changeIdeas', list.length];
  const full = checkListRoom(list, ['capacities', capacityId, 'changeIdeas']);
  if (full) return full;
  const input = checkInput(changeIdeaFieldsSchema, { ...idea, id: idea.id ?? nextItemId(list, 'change') }, at);
  if (!input.ok) return input;
  const problem = checkNewId(list, input.value.id, at);
  if (problem) return problem;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.changeIdeas.push({ ...input.value, cycles: [] });
  });
}

/** Changes a change idea's title or description (`description: undefined` clears it). */
export function updateChangeIdea(
  plan: Plan,
  capacityId: string,
  ideaId: string,
  changes: Partial<Pick<ChangeIdea, 'title' | 'description'>>,
): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.changeIdeas, ideaId, ['capacities', capacityId, 'changeIdeas'], 'change-idea');
  if (!found.ok) return found;
  const current = capacity.value.changeIdeas[found.value]!;
  const { cycles: _c, spread: _s, ...fields } = merged(current, changes);
  const input = checkInput(changeIdeaFieldsSchema, fields, ['capacities', capacityId, 'changeIdeas', found.value]);
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    const idea = draft.capacities[capacityId]!.changeIdeas[found.value]!;
    idea.title = input.value.title;
    if (input.value.description === undefined) delete idea.description;
    else idea.description = input.value.description;
  });
}

/** Removes a change idea with its cycles. */
export function removeChangeIdea(plan: Plan, capacityId: string, ideaId: string): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.changeIdeas, ideaId, ['capacities', capacityId, 'changeIdeas'], 'change-idea');
  if (!found.ok) return found;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.changeIdeas.splice(found.value, 1);
  });
}

function ideaAt(
  plan: Plan,
  capacityId: string,
  ideaId: string,
): Result<{ index: number; idea: ChangeIdea }, PlanIssue> {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.changeIdeas, ideaId, ['capacities', capacityId, 'changeIdeas'], 'change-idea');
  if (!found.ok) return found;
  return { ok: true, value: { index: found.value, idea: capacity.value.changeIdeas[found.value]! } };
}

/** A new PDSA cycle: the plan and the prediction, and when it starts. `id` is generated (`cycle-N`) when left out. */
export interface StartPdsaCycleInput {
  readonly id?: string;
  readonly plan: string;
  readonly prediction: string;
  readonly startDate: string;
  readonly do?: string;
}

const startCycleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    plan: planLongTextSchema,
    prediction: planLongTextSchema,
    startDate: planDateSchema,
    do: z.optional(planLongTextSchema),
  }))();

/**
 * Starts a PDSA cycle for a change idea, with its plan and prediction.
 * Refused (code `state`) while another cycle of the idea is still open:
 * complete one cycle before starting the next.
 */
export function startPdsaCycle(plan: Plan, capacityId: string, ideaId: string, cycle: StartPdsaCycleInput): PlanResult {
  const found = ideaAt(plan, capacityId, ideaId);
  if (!found.ok) return found;
  const { index, idea } = found.value;
  const listPath = ['capacities', capacityId, 'changeIdeas', index, 'cycles'];
  const at = [...listPath, idea.cycles.length];
  const full = checkListRoom(idea.cycles, listPath);
  if (full) return full;
  const input = checkInput(startCycleSchema, { ...cycle, id: cycle.id ?? nextItemId(idea.cycles, 'cycle') }, at);
  if (!input.ok) return input;
  const problem = checkNewId(idea.cycles, input.value.id, at);
  if (problem) return problem;
  const open = openCycleRefusal(idea, at);
  if (open) return { ok: false, errors: [open] };
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.changeIdeas[index]!.cycles.push(input.value);
  });
}

function cycleAt(plan: Plan, capacityId: string, ideaId: string, cycleId: string) {
  const found = ideaAt(plan, capacityId, ideaId);
  if (!found.ok) return found;
  const { index, idea } = found.value;
  const listPath = ['capacities', capacityId, 'changeIdeas', index, 'cycles'];
  const cycle = findIn(idea.cycles, cycleId, listPath, 'cycle');
  if (!cycle.ok) return cycle;
  return {
    ok: true as const,
    value: {
      ideaIndex: index,
      cycleIndex: cycle.value,
      cycle: idea.cycles[cycle.value]!,
      at: [...listPath, cycle.value],
    },
  };
}

/**
 * Edits an open PDSA cycle: its plan, prediction, start date, what was done
 * and the study so far (a field given as `undefined` is cleared where
 * optional). A completed cycle is a record and is refused (code `state`).
 */
export function updatePdsaCycle(
  plan: Plan,
  capacityId: string,
  ideaId: string,
  cycleId: string,
  changes: Partial<Pick<PdsaCycle, 'plan' | 'prediction' | 'startDate' | 'do' | 'study'>>,
): PlanResult {
  const found = cycleAt(plan, capacityId, ideaId, cycleId);
  if (!found.ok) return found;
  const { ideaIndex, cycleIndex, cycle, at } = found.value;
  if (cycle.completedDate !== undefined)
    return failWith(at, 'plan.cycle-completed', { completedDate: cycle.completedDate }, 'state');
  const { act: _a, completedDate: _d, ...allowed } = changes as Partial<PdsaCycle>;
  const input = checkInput(
    z.strictObject({ ...startCycleSchema.shape, study: z.optional(planLongTextSchema) }),
    merged(cycle, allowed),
    at,
  );
  if (!input.ok) return input;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.changeIdeas[ideaIndex]!.cycles[cycleIndex] = input.value;
  });
}

/** How a PDSA cycle ends: what was done (if not recorded yet), the study against the prediction, the decision, the date. */
export interface CompletePdsaCycleInput {
  readonly do?: string;
  readonly study: string;
  readonly act: PdsaAct;
  readonly completedDate: string;
}

const completeCycleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    do: z.optional(planLongTextSchema),
    study: planLongTextSchema,
    act: pdsaActSchema,
    completedDate: planDateSchema,
  }))();

/**
 * Completes an open PDSA cycle with its study and the decision (adopt,
 * adapt, abandon). The completion date cannot be before the start date; a
 * cycle already completed is refused (code `state`).
 */
export function completePdsaCycle(
  plan: Plan,
  capacityId: string,
  ideaId: string,
  cycleId: string,
  completion: CompletePdsaCycleInput,
): PlanResult {
  const found = cycleAt(plan, capacityId, ideaId, cycleId);
  if (!found.ok) return found;
  const { ideaIndex, cycleIndex, cycle, at } = found.value;
  if (cycle.completedDate !== undefined)
    return failWith(at, 'plan.cycle-already-completed', { completedDate: cycle.completedDate }, 'state');
  const input = checkInput(completeCycleSchema, completion, at);
  if (!input.ok) return input;
  if (input.value.completedDate < cycle.startDate) {
    return failWith([...at, 'completedDate'], 'plan.completed-before-start', { startDate: cycle.startDate }, 'invalid');
  }
  return commit(plan, (draft) => {
    const target = draft.capacities[capacityId]!.changeIdeas[ideaIndex]!.cycles[cycleIndex]!;
    if (input.value.do !== undefined) target.do = input.value.do;
    target.study = input.value.study;
    target.act = input.value.act;
    target.completedDate = input.value.completedDate;
  });
}

/**
 * Records that a change is now standard practice across the team (or, with
 * `undefined`, withdraws that). Needs a completed cycle that adopted the
 * change (code `state` otherwise).
 */
export function recordSpread(plan: Plan, capacityId: string, ideaId: string, spread: Spread | undefined): PlanResult {
  const found = ideaAt(plan, capacityId, ideaId);
  if (!found.ok) return found;
  const { index, idea } = found.value;
  const at = ['capacities', capacityId, 'changeIdeas', index, 'spread'];
  if (spread === undefined) {
    return commit(plan, (draft) => {
      delete draft.capacities[capacityId]!.changeIdeas[index]!.spread;
    });
  }
  const input = checkInput(spreadSchema, spread, at);
  if (!input.ok) return input;
  if (!canSpread(idea)) return { ok: false, errors: [spreadRefusal(at)] };
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.changeIdeas[index]!.spread = input.value;
  });
}

// ---------------------------------------------------------------------------
// Evidence

/** A new evidence note; `id` is generated (`evidence-N`) when left out. */
export interface EvidenceInput {
  readonly id?: string;
  readonly date: string;
  readonly text: string;
}

/** Adds a dated evidence note to a capacity. */
export function addEvidence(plan: Plan, capacityId: string, evidence: EvidenceInput): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const list = capacity.value.evidence;
  const at = ['capacities', capacityId, 'evidence', list.length];
  const full = checkListRoom(list, ['capacities', capacityId, 'evidence']);
  if (full) return full;
  const input = checkInput(evidenceSchema, { ...evidence, id: evidence.id ?? nextItemId(list, 'evidence') }, at);
  if (!input.ok) return input;
  const problem = checkNewId(list, input.value.id, at);
  if (problem) return problem;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.evidence.push(input.value as Evidence);
  });
}

/** Removes an evidence note. */
export function removeEvidence(plan: Plan, capacityId: string, evidenceId: string): PlanResult {
  const capacity = capacityAt(plan, capacityId);
  if (!capacity.ok) return capacity;
  const found = findIn(capacity.value.evidence, evidenceId, ['capacities', capacityId, 'evidence'], 'evidence');
  if (!found.ok) return found;
  return commit(plan, (draft) => {
    draft.capacities[capacityId]!.evidence.splice(found.value, 1);
  });
}

// ---------------------------------------------------------------------------
// Themes

/** A focus area to agree under a theme; `id` is generated (`focus-N`) when left out. */
export interface FocusAreaInput {
  readonly id?: string;
  readonly text: string;
  readonly capacities?: readonly string[];
}

const focusAreaInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    text: planLongTextSchema,
    capacities: z.array(slugSchema).check(z.maxLength(PLAN_FOCUS_CAPACITY_LIMIT)),
  }))();

/**
 * Replaces the agreed focus areas under a theme. Each area's linked
 * capacities must be capacities of the plan; ids must not repeat.
 */
export function setThemeFocus(plan: Plan, themeId: string, focusAreas: readonly FocusAreaInput[]): PlanResult {
  if (typeof themeId !== 'string' || !Object.hasOwn(plan.themes, themeId)) {
    return failWith(['themes', String(themeId)], 'plan.unknown-theme', {}, 'not-found');
  }
  const listPath = ['themes', themeId, 'focusAreas'];
  if (!Array.isArray(focusAreas)) return failWith(listPath, 'plan.focus-areas-not-list', {}, 'invalid');
  if (focusAreas.length > LIMITS.listItems)
    return {
      ok: false,
      errors: [
        {
          path: formatPath(listPath),
          message: validationMessage('list-too-long', { maximum: LIMITS.listItems }),
          messageCode: 'list-too-long',
          params: { maximum: LIMITS.listItems },
          code: 'invalid',
        },
      ],
    };
  const areas: FocusArea[] = [];
  const used: { id: string }[] = focusAreas.filter((a) => typeof a?.id === 'string').map((a) => ({ id: a.id! }));
  for (const [index, area] of focusAreas.entries()) {
    const id = area?.id ?? nextItemId([...used, ...areas], 'focus');
    const input = checkInput(focusAreaInputSchema, { ...area, id, capacities: area?.capacities ?? [] }, [
      ...listPath,
      index,
    ]);
    if (!input.ok) return input;
    const problem = checkNewId(areas, input.value.id, [...listPath, index]);
    if (problem) return problem;
    for (const [i, capacityId] of input.value.capacities.entries()) {
      if (!Object.hasOwn(plan.capacities, capacityId)) {
        return failWith([...listPath, index, 'capacities', i], 'plan.unknown-capacity', {}, 'not-found');
      }
      if (input.value.capacities.indexOf(capacityId) !== i) {
        return failWith([...listPath, index, 'capacities', i], 'plan.capacity-repeated', { capacityId }, 'duplicate');
      }
    }
    areas.push(input.value);
  }
  return commit(plan, (draft) => {
    draft.themes[themeId]!.focusAreas = areas;
  });
}
