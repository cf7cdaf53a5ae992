import * as z from 'zod/mini';
import { safeParse } from 'zod/mini';
import { fromZodIssues, plainEnglish } from '../validation/zod-issues.js';
import { shortTextSchema } from '../framework/framework-schema.js';
import { LIMITS } from '../validation/limits.js';
import { formatPath } from '../validation/path.js';
import type { Result } from '../validation/result.js';
import { planDocumentMessage } from '../messages/plan-document.js';
import {
  PLAN_KIND,
  PLAN_NUMBER_LIMIT,
  PLAN_SCHEMA_VERSION,
  PLAN_TEAM_LIMIT,
  evidenceSchema,
  measureKindSchema,
  pdsaActSchema,
  personNameSchema,
  planDateSchema,
  planDateTimeSchema,
  planIdSchema,
  planLongTextSchema,
  planNumberSchema,
  practiceSchema,
} from './schema.js';
import type { CapacityPlan, Plan, PlanIssue, ThemeFocus } from './types.js';

/** The framework every schemaVersion 1 document was written against (v1 recorded only its version). */
export const V1_FRAMEWORK_ID = 'links-approach';

/** A capacity or theme id in schemaVersion 1: lower-case, starts with a letter. */
const v1SlugSchema = z
  .string()
  .check(
    z.maxLength(64),
    z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a lower-case id starting with a letter, e.g. "signposting"'),
  );

const TARGET = /^(-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?)(?: (\S(?:.*\S)?))?$/;

/** A schemaVersion 1 target: a plainly written number, optionally followed by one space and a unit, e.g. `"80 %"`. */
const v1TargetSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.maxLength(LIMITS.shortText),
    z.refine(
      (text) => {
        const match = TARGET.exec(text);
        if (!match) return false;
        const value = Number(match[1]);
        return String(value) === match[1] && Math.abs(value) <= PLAN_NUMBER_LIMIT;
      },
      { message: 'must be a number written plainly, optionally followed by a space and a unit, e.g. "80 %" or "12"' },
    ),
  ))();

function list<T extends z.ZodMiniType>(item: T, max: number = LIMITS.listItems) {
  return z.array(item).check(z.maxLength(max));
}

const v1CycleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: planIdSchema,
    plan: planLongTextSchema,
    prediction: planLongTextSchema,
    started: planDateSchema,
    did: z.optional(planLongTextSchema),
    studied: z.optional(planLongTextSchema),
    decision: z.optional(pdsaActSchema),
    finished: z.optional(planDateSchema),
  }))();

const v1CapacitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    capacity: v1SlugSchema,
    lead: z.optional(personNameSchema),
    leadName: z.optional(personNameSchema),
    team: list(personNameSchema, PLAN_TEAM_LIMIT),
    aims: list(
      z.strictObject({
        id: planIdSchema,
        statement: planLongTextSchema,
        target: z.optional(v1TargetSchema),
        targetDate: z.optional(planDateSchema),
        measure: z.optional(planIdSchema),
      }),
    ),
    measures: list(
      z.strictObject({
        id: planIdSchema,
        name: shortTextSchema,
        type: measureKindSchema,
        unit: shortTextSchema,
        higherIsBetter: z.boolean(),
        baseline: z.optional(planNumberSchema),
        baselineDate: z.optional(planDateSchema),
        data: list(
          z.strictObject({ date: planDateSchema, value: planNumberSchema, note: z.optional(planLongTextSchema) }),
        ),
      }),
    ),
    changeIdeas: list(
      z.strictObject({
        id: planIdSchema,
        title: shortTextSchema,
        description: z.optional(planLongTextSchema),
        cycles: list(v1CycleSchema),
        spreadDate: z.optional(planDateSchema),
        spreadNote: z.optional(planLongTextSchema),
      }),
    ),
    evidence: list(evidenceSchema),
    selfAssessment: z.optional(
      z.number().check(z.gte(0), z.lte(5), z.multipleOf(0.5, 'must be a level from 0 to 5 in steps of 0.5')),
    ),
  }))();

/**
 * The schemaVersion 1 plan document (the format before capacities became a
 * record keyed by capacity id). Kept so older files can still be read:
 * capacities and themes were arrays naming their `capacity`/`theme`; the
 * lead was two flat strings; targets were flat strings such as `"80 %"`;
 * measures said `type` and `higherIsBetter`; baselines were a bare number;
 * PDSA cycles used `started`/`did`/`studied`/`decision`/`finished`; spread
 * was two flat fields; focus areas were plain text; `under-review` was `review`.
 */
export const planV1Schema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal(PLAN_KIND),
    schemaVersion: z.literal(1),
    id: planIdSchema,
    practice: practiceSchema,
    frameworkVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must be a version number like "1.0.0"')),
    title: shortTextSchema,
    status: z.enum(['draft', 'submitted', 'agreed', 'review']),
    revision: z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)),
    savedAt: planDateTimeSchema,
    savedBy: personNameSchema,
    capacities: list(v1CapacitySchema, 50),
    themes: list(z.strictObject({ theme: v1SlugSchema, focus: list(planLongTextSchema) }), 50),
  }))();

/** A schemaVersion 1 plan document. */
export type PlanDocumentV1 = z.infer<typeof planV1Schema>;

type V1Capacity = PlanDocumentV1['capacities'][number];

function issue(
  path: readonly PropertyKey[],
  message: string | ReturnType<typeof planDocumentMessage>,
  code: PlanIssue['code'] = 'invalid',
): PlanIssue {
  return typeof message === 'string'
    ? { path: formatPath(path), message, code }
    : { path: formatPath(path), ...message, code };
}

/** Rules of the v1 format that its schema alone cannot say (paths are v1 paths). */
function checkV1(doc: PlanDocumentV1): PlanIssue[] {
  const out: PlanIssue[] = [];
  const capacities = new Map<string, number>();
  doc.capacities.forEach((capacity, c) => {
    const at = ['capacities', c];
    const earlier = capacities.get(capacity.capacity);
    if (earlier !== undefined)
      out.push(
        issue(
          [...at, 'capacity'],
          planDocumentMessage('plan-document.v1-capacity-repeated', { capacity: capacity.capacity, earlier }),
          'duplicate',
        ),
      );
    else capacities.set(capacity.capacity, c);
    if (capacity.leadName !== undefined && capacity.lead === undefined) {
      out.push(issue([...at, 'leadName'], planDocumentMessage('plan-document.v1-lead-required', {})));
    }
    capacity.measures.forEach((measure, m) => {
      if (measure.baselineDate !== undefined && measure.baseline === undefined) {
        out.push(
          issue([...at, 'measures', m, 'baselineDate'], planDocumentMessage('plan-document.v1-baseline-required', {})),
        );
      }
    });
    capacity.changeIdeas.forEach((idea, i) => {
      if ((idea.spreadDate === undefined) !== (idea.spreadNote === undefined)) {
        out.push(
          issue(
            [...at, 'changeIdeas', i, idea.spreadDate === undefined ? 'spreadDate' : 'spreadNote'],
            planDocumentMessage('plan-document.v1-spread-both', {}),
          ),
        );
      }
    });
  });
  const themes = new Map<string, number>();
  doc.themes.forEach((theme, t) => {
    const earlier = themes.get(theme.theme);
    if (earlier !== undefined)
      out.push(
        issue(
          ['themes', t, 'theme'],
          planDocumentMessage('plan-document.v1-theme-repeated', { theme: theme.theme, earlier }),
          'duplicate',
        ),
      );
    else themes.set(theme.theme, t);
  });
  return out;
}

function capacityFromV1(v1: V1Capacity): CapacityPlan {
  const capacity: CapacityPlan = {
    team: [...v1.team],
    aims: v1.aims.map((a) => {
      const match = a.target === undefined ? null : TARGET.exec(a.target);
      return {
        id: a.id,
        statement: a.statement,
        ...(match ? { target: Number(match[1]) } : {}),
        ...(match?.[2] !== undefined ? { unit: match[2] } : {}),
        ...(a.targetDate !== undefined ? { targetDate: a.targetDate } : {}),
        ...(a.measure !== undefined ? { measureId: a.measure } : {}),
      };
    }),
    measures: v1.measures.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.type,
      unit: m.unit,
      direction: m.higherIsBetter ? 'increase' : 'decrease',
      ...(m.baseline !== undefined
        ? { baseline: { value: m.baseline, ...(m.baselineDate !== undefined ? { date: m.baselineDate } : {}) } }
        : {}),
      points: m.data.map((p) => ({ date: p.date, value: p.value, ...(p.note !== undefined ? { note: p.note } : {}) })),
    })),
    changeIdeas: v1.changeIdeas.map((idea) => ({
      id: idea.id,
      title: idea.title,
      ...(idea.description !== undefined ? { description: idea.description } : {}),
      cycles: idea.cycles.map((c) => ({
        id: c.id,
        plan: c.plan,
        prediction: c.prediction,
        startDate: c.started,
        ...(c.did !== undefined ? { do: c.did } : {}),
        ...(c.studied !== undefined ? { study: c.studied } : {}),
        ...(c.decision !== undefined ? { act: c.decision } : {}),
        ...(c.finished !== undefined ? { completedDate: c.finished } : {}),
      })),
      ...(idea.spreadDate !== undefined && idea.spreadNote !== undefined
        ? { spread: { date: idea.spreadDate, note: idea.spreadNote } }
        : {}),
    })),
    evidence: v1.evidence.map((e) => ({ ...e })),
  };
  if (v1.lead !== undefined)
    capacity.owner = { role: v1.lead, ...(v1.leadName !== undefined ? { name: v1.leadName } : {}) };
  if (v1.selfAssessment !== undefined) capacity.selfAssessedLevel = v1.selfAssessment;
  return capacity;
}

/**
 * Converts a schemaVersion 1 document (already valid against
 * {@link planV1Schema}) to the current format. Nothing is lost: every v1
 * field has a place in v2, and {@link planToV1} turns the result back into
 * the identical v1 document. Focus areas, which were plain text in v1, get
 * the ids `focus-1`, `focus-2`… and no linked capacities.
 */
export function migrateV1(doc: PlanDocumentV1): Result<Plan, PlanIssue> {
  const problems = checkV1(doc);
  if (problems.length > 0) return { ok: false, errors: problems };
  const capacities: Record<string, CapacityPlan> = {};
  for (const v1 of doc.capacities) capacities[v1.capacity] = capacityFromV1(v1);
  const themes: Record<string, ThemeFocus> = {};
  for (const theme of doc.themes) {
    themes[theme.theme] = {
      focusAreas: theme.focus.map((text, i) => ({ id: `focus-${i + 1}`, text, capacities: [] })),
    };
  }
  return {
    ok: true,
    value: {
      kind: PLAN_KIND,
      schemaVersion: PLAN_SCHEMA_VERSION,
      id: doc.id,
      practice: { ...doc.practice },
      framework: { id: V1_FRAMEWORK_ID, version: doc.frameworkVersion },
      title: doc.title,
      status: doc.status === 'review' ? 'under-review' : doc.status,
      revision: doc.revision,
      savedAt: doc.savedAt,
      savedBy: doc.savedBy,
      capacities,
      themes,
    },
  };
}

/**
 * Writes a plan in the older schemaVersion 1 format, for tools that only
 * read v1. Refuses (with the v2 paths of what cannot be kept) when the plan
 * uses what v1 cannot hold: another framework, a unit without a target,
 * focus areas linked to capacities, or a capacity or theme id that starts
 * with a digit. Focus-area ids are not kept.
 */
export function planToV1(plan: Plan): Result<PlanDocumentV1, PlanIssue> {
  const problems: PlanIssue[] = [];
  if (plan.framework.id !== V1_FRAMEWORK_ID) {
    problems.push(
      issue(
        ['framework', 'id'],
        `is "${plan.framework.id}", but schemaVersion 1 only knew the framework "${V1_FRAMEWORK_ID}"`,
        'version',
      ),
    );
  }
  const capacities: V1Capacity[] = [];
  for (const [id, capacity] of Object.entries(plan.capacities)) {
    if (!/^[a-z]/.test(id))
      problems.push(issue(['capacities', id], planDocumentMessage('plan-document.v1-capacity-id', {}), 'version'));
    capacity.aims.forEach((aim, a) => {
      if (aim.unit !== undefined && aim.target === undefined) {
        problems.push(
          issue(
            ['capacities', id, 'aims', a, 'unit'],
            planDocumentMessage('plan-document.v1-unit-without-target', {}),
            'version',
          ),
        );
      }
    });
    const v1: V1Capacity = {
      capacity: id,
      ...(capacity.owner ? { lead: capacity.owner.role } : {}),
      ...(capacity.owner?.name !== undefined ? { leadName: capacity.owner.name } : {}),
      team: [...capacity.team],
      aims: capacity.aims.map((aim) => ({
        id: aim.id,
        statement: aim.statement,
        ...(aim.target !== undefined
          ? { target: aim.unit !== undefined ? `${String(aim.target)} ${aim.unit}` : String(aim.target) }
          : {}),
        ...(aim.targetDate !== undefined ? { targetDate: aim.targetDate } : {}),
        ...(aim.measureId !== undefined ? { measure: aim.measureId } : {}),
      })),
      measures: capacity.measures.map((m) => ({
        id: m.id,
        name: m.name,
        type: m.kind,
        unit: m.unit,
        higherIsBetter: m.direction === 'increase',
        ...(m.baseline ? { baseline: m.baseline.value } : {}),
        ...(m.baseline?.date !== undefined ? { baselineDate: m.baseline.date } : {}),
        data: m.points.map((p) => ({ ...p })),
      })),
      changeIdeas: capacity.changeIdeas.map((idea) => ({
        id: idea.id,
        title: idea.title,
        ...(idea.description !== undefined ? { description: idea.description } : {}),
        cycles: idea.cycles.map((c) => ({
          id: c.id,
          plan: c.plan,
          prediction: c.prediction,
          started: c.startDate,
          ...(c.do !== undefined ? { did: c.do } : {}),
          ...(c.study !== undefined ? { studied: c.study } : {}),
          ...(c.act !== undefined ? { decision: c.act } : {}),
          ...(c.completedDate !== undefined ? { finished: c.completedDate } : {}),
        })),
        ...(idea.spread ? { spreadDate: idea.spread.date, spreadNote: idea.spread.note } : {}),
      })),
      evidence: capacity.evidence.map((e) => ({ ...e })),
      ...(capacity.selfAssessedLevel !== undefined ? { selfAssessment: capacity.selfAssessedLevel } : {}),
    };
    capacities.push(v1);
  }
  const themes: PlanDocumentV1['themes'] = [];
  for (const [id, theme] of Object.entries(plan.themes)) {
    if (!/^[a-z]/.test(id))
      problems.push(issue(['themes', id], planDocumentMessage('plan-document.v1-theme-id', {}), 'version'));
    theme.focusAreas.forEach((area, f) => {
      if (area.capacities.length > 0) {
        problems.push(
          issue(
            ['themes', id, 'focusAreas', f, 'capacities'],
            planDocumentMessage('plan-document.v1-focus-area', {}),
            'version',
          ),
        );
      }
    });
    themes.push({ theme: id, focus: theme.focusAreas.map((area) => area.text) });
  }
  if (problems.length > 0) return { ok: false, errors: problems };
  const doc: PlanDocumentV1 = {
    kind: PLAN_KIND,
    schemaVersion: 1,
    id: plan.id,
    practice: { ...plan.practice },
    frameworkVersion: plan.framework.version,
    title: plan.title,
    status: plan.status === 'under-review' ? 'review' : plan.status,
    revision: plan.revision,
    savedAt: plan.savedAt,
    savedBy: plan.savedBy,
    capacities,
    themes,
  };
  // Values v1 cannot spell (a target such as 1e-7, a unit with a line break) are caught here.
  const check = safeParse(planV1Schema, doc, { error: plainEnglish });
  if (!check.success) {
    return {
      ok: false,
      errors: fromZodIssues(check.error.issues).map((e) => ({
        ...e,
        message: `cannot be written in schemaVersion 1: it ${e.message}`,
        code: 'version' as const,
      })),
    };
  }
  return { ok: true, value: check.data };
}
