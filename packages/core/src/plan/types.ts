import type * as z from 'zod/mini';
import type { ValidationIssue } from '../validation/result.js';
import type {
  aimSchema,
  baselineSchema,
  capacityPlanSchema,
  changeIdeaSchema,
  cohortSchema,
  dataPointSchema,
  directionSchema,
  evidenceSchema,
  focusAreaSchema,
  measureKindSchema,
  measureSchema,
  ownerSchema,
  pdsaActSchema,
  pdsaCycleSchema,
  planSchema,
  planStatusSchema,
  practiceSchema,
  spreadSchema,
  themeFocusSchema,
} from './schema.js';

/** Where a practice sits in the programme evaluation: `programme` or `comparison`. */
export type Cohort = z.infer<typeof cohortSchema>;
/** A GP practice. */
export type Practice = z.infer<typeof practiceSchema>;
/** Who leads a capacity: a role, and optionally a name. */
export type Owner = z.infer<typeof ownerSchema>;
/** An aim: statement, optional target value, unit, date and the measure that shows it. */
export type Aim = z.infer<typeof aimSchema>;
/** `outcome`, `process` or `balancing`. */
export type MeasureKind = z.infer<typeof measureKindSchema>;
/** Which way is better for a measure: `increase` or `decrease`. */
export type Direction = z.infer<typeof directionSchema>;
/** The value a measure started from. */
export type Baseline = z.infer<typeof baselineSchema>;
/** One dated value of a measure. */
export type DataPoint = z.infer<typeof dataPointSchema>;
/** A measure with its data points, in ascending date order, one per date. */
export type Measure = z.infer<typeof measureSchema>;
/** The decision at the end of a PDSA cycle: `adopt`, `adapt` or `abandon`. */
export type PdsaAct = z.infer<typeof pdsaActSchema>;
/** One Plan-Do-Study-Act cycle. */
export type PdsaCycle = z.infer<typeof pdsaCycleSchema>;
/** A change adopted as standard practice across the team. */
export type Spread = z.infer<typeof spreadSchema>;
/** A change idea with its PDSA cycles. */
export type ChangeIdea = z.infer<typeof changeIdeaSchema>;
/** A dated evidence note. */
export type Evidence = z.infer<typeof evidenceSchema>;
/** The plan for one capacity. */
export type CapacityPlan = z.infer<typeof capacityPlanSchema>;
/** A focus area agreed under a theme. */
export type FocusArea = z.infer<typeof focusAreaSchema>;
/** The focus areas agreed under one theme. */
export type ThemeFocus = z.infer<typeof themeFocusSchema>;
/** `draft`, `submitted`, `agreed` or `under-review`. */
export type PlanStatus = z.infer<typeof planStatusSchema>;
/** A practice's business plan document (schemaVersion 2). */
export type Plan = z.infer<typeof planSchema>;

/**
 * Why a plan function refused its input:
 * - `invalid`: a value breaks the schema or a rule (the path names it);
 * - `not-found`: a capacity, theme or item id that the plan does not have;
 * - `duplicate`: an id (or a data-point date) already used in that list;
 * - `in-use`: removing it would break a link (an aim shows this measure);
 * - `transition`: a status change the lifecycle does not allow;
 * - `state`: the item is not in a state that allows this (a completed cycle, an open cycle already running…);
 * - `version`: the document's schemaVersion is missing, unknown or newer than this library.
 */
export type PlanErrorCode = 'invalid' | 'not-found' | 'duplicate' | 'in-use' | 'transition' | 'state' | 'version';

/** A {@link ValidationIssue} with a {@link PlanErrorCode}, located by a JSON path in the plan document. */
export interface PlanIssue extends ValidationIssue {
  readonly code: PlanErrorCode;
}
