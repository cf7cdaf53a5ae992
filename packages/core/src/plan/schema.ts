import * as z from 'zod/mini';
import { LIMITS } from '../validation/limits.js';
import { shortTextSchema, slugSchema } from '../framework/framework-schema.js';
import { customMessage } from '../messages/validation.js';
import {
  PLAN_SCHEMA_VERSION,
  PLAN_KIND,
  PLAN_NUMBER_LIMIT,
  PLAN_LIST_SIZE_LIMIT,
  PLAN_TEAM_LIMIT,
  PLAN_FOCUS_CAPACITY_LIMIT,
  PLAN_PATTERNS,
  PDSA_ACTS,
  MATURITY_LEVELS,
  PLAN_STATUSES,
} from './constants.js';

// The plan's constants live apart from its schemas (constants.ts), so that what only reads them (an
// editor's pickers, `allowedPlanEdits`) loads no zod; they are exported from here as before.
export {
  PLAN_SCHEMA_VERSION,
  PLAN_KIND,
  PLAN_NUMBER_LIMIT,
  PLAN_LIST_SIZE_LIMIT,
  PLAN_TEAM_LIMIT,
  PLAN_FOCUS_CAPACITY_LIMIT,
  PLAN_PATTERNS,
  PDSA_ACTS,
  MATURITY_LEVELS,
  PLAN_STATUSES,
};

/** Id of a plan, a practice, or an item inside a plan (aim, measure, change idea, cycle, evidence, focus area). */
export const planIdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.minLength(1, { abort: true }),
      z.maxLength(128),
      z.regex(PLAN_PATTERNS.id, customMessage('plan-id', {})),
    ))();

/** A real calendar date written `YYYY-MM-DD`; impossible dates such as 2024-02-30 are refused. */
export const planDateSchema = /* @__PURE__ */ (() => z.iso.date())();

/** A date and time, ISO 8601 with `Z` or an offset, e.g. `2024-05-01T09:30:00Z`. */
export const planDateTimeSchema = /* @__PURE__ */ (() => z.iso.datetime({ offset: true }))();

/** Any finite number within ±{@link PLAN_NUMBER_LIMIT}. */
export const planNumberSchema = /* @__PURE__ */ (() =>
  z
    .number()
    .check(
      z.gte(-PLAN_NUMBER_LIMIT, `must be at least -${PLAN_NUMBER_LIMIT}`),
      z.lte(PLAN_NUMBER_LIMIT, `must be at most ${PLAN_NUMBER_LIMIT}`),
    ))();

/** A statement, description or note: up to {@link LIMITS.longText} characters, not blank. */
export const planLongTextSchema = /* @__PURE__ */ (() =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.longText)))();

/** A staff name or role: short text that must not look like a patient identifier. */
export const personNameSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(LIMITS.shortText),
    z.refine((text) => !PLAN_PATTERNS.chiLike.test(text), { message: customMessage('staff-name', {}) }),
  ))();

/** A list of at most {@link LIMITS.listItems} entries. */
function list<T extends z.ZodMiniType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).check(z.maxLength(max));
}

/** Where a practice sits in the programme evaluation. */
export const cohortSchema = /* @__PURE__ */ (() => z.enum(['programme', 'comparison']))();

/** A GP practice: a programme practice has a Community Links Practitioner and a plan; a comparison practice is in the control group. */
export const practiceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    name: shortTextSchema,
    cohort: cohortSchema,
    /** Registered patients. */
    listSize: z.int().check(z.gte(0), z.lte(PLAN_LIST_SIZE_LIMIT)),
    /** Locality or Health and Social Care Partnership, e.g. "Glasgow City HSCP (North East)". */
    locality: z.optional(shortTextSchema),
  }))();

/** Who leads a capacity: a role, and optionally a staff member's name. */
export const ownerSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    role: personNameSchema,
    name: z.optional(personNameSchema),
  }))();

/** What we are trying to accomplish: an aim statement, with an optional numeric target, unit and date. */
export const aimSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    statement: planLongTextSchema,
    target: z.optional(planNumberSchema),
    unit: z.optional(shortTextSchema),
    targetDate: z.optional(planDateSchema),
    /** The measure (of the same capacity) that shows progress toward this aim. */
    measureId: z.optional(planIdSchema),
  }))();

/** The role a measure plays in the Model for Improvement. */
export const measureKindSchema = /* @__PURE__ */ (() => z.enum(['outcome', 'process', 'balancing']))();

/** Which way is better for a measure. */
export const directionSchema = /* @__PURE__ */ (() => z.enum(['increase', 'decrease']))();

/** The value a measure started from. */
export const baselineSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    value: planNumberSchema,
    date: z.optional(planDateSchema),
  }))();

/** One dated value of a measure. */
export const dataPointSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    date: planDateSchema,
    value: planNumberSchema,
    note: z.optional(planLongTextSchema),
  }))();

/** How we will know a change is an improvement: a measure with its dated data points (in ascending date order, one per date). */
export const measureSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    name: shortTextSchema,
    kind: measureKindSchema,
    unit: shortTextSchema,
    direction: directionSchema,
    baseline: z.optional(baselineSchema),
    points: list(dataPointSchema),
  }))();

/** The decision at the end of a PDSA cycle. */
export const pdsaActSchema = /* @__PURE__ */ (() => z.enum(PDSA_ACTS))();

/** One Plan-Do-Study-Act cycle testing a change idea. A cycle is complete when it has `study`, `act` and `completedDate`. */
export const pdsaCycleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    /** Plan: what will be tried, by whom, when, where. */
    plan: planLongTextSchema,
    /** What we predict will happen. */
    prediction: planLongTextSchema,
    startDate: planDateSchema,
    /** Do: what actually happened. */
    do: z.optional(planLongTextSchema),
    /** Study: the results against the prediction. */
    study: z.optional(planLongTextSchema),
    /** Act: adopt, adapt or abandon the change. */
    act: z.optional(pdsaActSchema),
    completedDate: z.optional(planDateSchema),
  }))();

/** A change adopted as standard practice across the whole team. */
export const spreadSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    date: planDateSchema,
    note: planLongTextSchema,
  }))();

/** What changes can we make: a change idea and the PDSA cycles that test it. */
export const changeIdeaSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    title: shortTextSchema,
    description: z.optional(planLongTextSchema),
    cycles: list(pdsaCycleSchema),
    spread: z.optional(spreadSchema),
  }))();

/** A dated evidence note. */
export const evidenceSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    date: planDateSchema,
    text: planLongTextSchema,
  }))();

/** A team's own assessment of a capacity, 0 to 5 in steps of 0.5 (kept beside the evidence-based level, never replacing it). */
export const selfAssessedLevelSchema = /* @__PURE__ */ (() =>
  z.number().check(z.gte(0), z.lte(5), z.multipleOf(0.5, 'must be a level from 0 to 5 in steps of 0.5')))();

/** The plan for one capacity: owner and team, aims, measures, change ideas, evidence, self-assessment. */
export const capacityPlanSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    owner: z.optional(ownerSchema),
    team: list(personNameSchema, PLAN_TEAM_LIMIT),
    aims: list(aimSchema),
    measures: list(measureSchema),
    changeIdeas: list(changeIdeaSchema),
    evidence: list(evidenceSchema),
    selfAssessedLevel: z.optional(selfAssessedLevelSchema),
  }))();

/** A focus area agreed under a theme, with the capacities it draws on. */
export const focusAreaSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    text: planLongTextSchema,
    capacities: list(slugSchema, PLAN_FOCUS_CAPACITY_LIMIT),
  }))();

/** The focus areas agreed under one self-management theme. */
export const themeFocusSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    focusAreas: list(focusAreaSchema),
  }))();

/** Where a plan is in its lifecycle. */
export const planStatusSchema = /* @__PURE__ */ (() => z.enum(PLAN_STATUSES))();

const capacityKeyError = (issue: { code: string }) =>
  issue.code === 'invalid_key'
    ? 'is not a capacity id: ids are lower-case letters, digits and single hyphens'
    : undefined;
const themeKeyError = (issue: { code: string }) =>
  issue.code === 'invalid_key' ? 'is not a theme id: ids are lower-case letters, digits and single hyphens' : undefined;

/**
 * A practice's business plan, as a document (schemaVersion 2). This schema
 * checks the shape; `checkPlanRules` adds the rules that span fields
 * (unique ids, links between aims and measures, dates in order, framework ids).
 */
export const planSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal(PLAN_KIND),
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    id: planIdSchema,
    practice: practiceSchema,
    /** The framework (id and version) the plan was written against. */
    framework: z.strictObject({
      id: slugSchema,
      version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, customMessage('version-number', {}))),
    }),
    title: shortTextSchema,
    status: planStatusSchema,
    /** 0 for a plan never saved; each save adds 1. */
    revision: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
    savedAt: planDateTimeSchema,
    /** A staff role or name, never a patient. */
    savedBy: personNameSchema,
    capacities: z.record(slugSchema, capacityPlanSchema, { error: capacityKeyError }),
    themes: z.record(slugSchema, themeFocusSchema, { error: themeKeyError }),
  }))();
