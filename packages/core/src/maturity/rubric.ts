import * as z from 'zod/mini';
import { shortTextSchema, slugSchema } from '../framework/framework-schema.js';
import { LIMITS } from '../validation/limits.js';
import { parseWith } from '../validation/parse.js';
import { fail, ok, type Result, type ValidationIssue } from '../validation/result.js';
import { DEFAULT_CRITERIA, type CriteriaRegistry } from './criteria.js';

/** A maturity level: 0 to 5 in steps of 0.5. */
export const maturityLevelSchema = z
  .number()
  .check(z.gte(0), z.lte(5), z.multipleOf(0.5, 'must be a level from 0 to 5 in steps of 0.5'));

/** One rung of the rubric: its level, name, meaning, and the named criteria that earn it. */
export const rubricLevelSchema = z.strictObject({
  level: maturityLevelSchema,
  name: shortTextSchema,
  description: z.string().check(z.minLength(1), z.maxLength(LIMITS.longText)),
  /** Ids of criteria in the criteria registry; every one must be met to reach this level. */
  criteria: z.array(slugSchema).check(z.maxLength(20)),
});

/** Numbers the default criteria read; a rubric may change them. */
export const rubricParametersSchema = z.strictObject({
  /** Consecutive latest points that must meet the target for "sustainable" (default 6: six months of monthly data). */
  sustainedPoints: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** Consecutive latest points that must meet the target for "outstanding" (default 12: a year of monthly data). */
  outstandingPoints: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});

/** The rubric document: versioned data a host may replace. */
export const rubricSchema = z
  .strictObject({
    kind: z.literal('links.rubric'),
    id: slugSchema,
    version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must be a version number like "1.0.0"')),
    name: shortTextSchema,
    source: z.optional(z.string().check(z.maxLength(LIMITS.longText))),
    parameters: z.optional(rubricParametersSchema),
    levels: z.array(rubricLevelSchema).check(z.minLength(1), z.maxLength(11)),
  })
  .check((ctx) => {
    const levels = ctx.value.levels;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      if (i > 0 && level.level <= levels[i - 1]!.level) {
        ctx.issues.push({
          code: 'custom',
          input: level.level,
          path: ['levels', i, 'level'],
          message: 'must be higher than the level before it: list levels in ascending order, each once',
        });
      }
      if (level.level > 0 && level.criteria.length === 0) {
        ctx.issues.push({
          code: 'custom',
          input: level.criteria,
          path: ['levels', i, 'criteria'],
          message: 'must name at least one criterion: every level above 0 is earned by evidence',
        });
      }
      if (level.level === 0 && level.criteria.length > 0) {
        ctx.issues.push({
          code: 'custom',
          input: level.criteria,
          path: ['levels', i, 'criteria'],
          message: 'must be empty: level 0 ("not addressed") needs no evidence',
        });
      }
    }
    const { sustainedPoints, outstandingPoints } = ctx.value.parameters ?? {};
    if (sustainedPoints !== undefined && outstandingPoints !== undefined && outstandingPoints < sustainedPoints) {
      ctx.issues.push({
        code: 'custom',
        input: outstandingPoints,
        path: ['parameters', 'outstandingPoints'],
        message: 'must be at least sustainedPoints: "outstanding" is sustained for longer',
      });
    }
  });

/** A maturity rubric: named levels, each earned by named criteria. */
export type Rubric = z.infer<typeof rubricSchema>;
/** One level of a {@link Rubric}. */
export type RubricLevel = z.infer<typeof rubricLevelSchema>;
/** Parameters the default criteria read. */
export type RubricParameters = Required<z.infer<typeof rubricParametersSchema>>;

/** Defaults for {@link RubricParameters}. */
export const DEFAULT_RUBRIC_PARAMETERS: Readonly<RubricParameters> = Object.freeze({
  sustainedPoints: 6,
  outstandingPoints: 12,
});

/**
 * The default plan-maturity rubric. **This is our adaptation**, not a
 * published instrument: no published rubric exists for the 7 Links
 * capacities. It adapts the IHI Assessment Scale for Collaboratives (levels
 * 0.5 "intent to participate" to 5.0 "outstanding sustainable results", in
 * 0.5 steps) and makes every level evidence-based: a capacity reaches a
 * level only when its plan holds the evidence for that level and every
 * level below it.
 *
 * Hosts may supply their own rubric (see {@link validateRubric}); levels
 * name criteria from the criteria registry, so the rubric is data.
 */
export const LINKS_RUBRIC: Rubric = deepFreeze({
  kind: 'links.rubric',
  id: 'links-maturity',
  version: '1.0.0',
  name: 'Links plan maturity',
  source:
    'Our adaptation of the IHI Assessment Scale for Collaboratives (0.5 to 5.0 in 0.5 steps) to the 7 Links capacities, ' +
    'with each level earned by evidence in the plan. Run-chart rules: Perla, Provost & Murray, BMJ Qual Saf 2011;20:46–51. ' +
    'Not a published or validated instrument.',
  parameters: { ...DEFAULT_RUBRIC_PARAMETERS },
  levels: [
    { level: 0, name: 'Not addressed', description: 'Nothing in the plan for this capacity yet.', criteria: [] },
    {
      level: 0.5,
      name: 'Intent',
      description: 'The capacity is addressed and has a named owner.',
      criteria: ['capacity-addressed', 'owner-named'],
    },
    {
      level: 1,
      name: 'Team and aim',
      description: 'A team is named and an aim is stated.',
      criteria: ['team-named', 'aim-stated'],
    },
    {
      level: 1.5,
      name: 'Planning',
      description: 'An aim has a target and a date, and at least one measure is defined.',
      criteria: ['aim-has-target-and-date', 'measure-defined'],
    },
    {
      level: 2,
      name: 'Activity',
      description: 'A measure has baseline data, and change ideas are listed.',
      criteria: ['baseline-recorded', 'change-ideas-listed'],
    },
    {
      level: 2.5,
      name: 'Changes tested',
      description: 'At least one PDSA cycle has been studied.',
      criteria: ['pdsa-studied'],
    },
    {
      level: 3,
      name: 'Modest improvement',
      description: 'A measure has moved beyond its baseline in the direction of improvement.',
      criteria: ['moving-toward-target'],
    },
    {
      level: 3.5,
      name: 'Improvement',
      description: 'A run chart shows a signal of improvement (a shift or a trend).',
      criteria: ['improvement-signal'],
    },
    {
      level: 4,
      name: 'Significant improvement',
      description: 'A measure with a signal of improvement has reached its aim’s target.',
      criteria: ['target-met'],
    },
    {
      level: 4.5,
      name: 'Sustainable',
      description: 'The target has held over a sustained period, and a change has been adopted.',
      criteria: ['target-sustained', 'change-adopted'],
    },
    {
      level: 5,
      name: 'Outstanding',
      description: 'The target has held over a longer period, and a change has spread as standard practice.',
      criteria: ['target-sustained-long', 'change-spread'],
    },
  ],
} satisfies Rubric);

/**
 * Validates a host-supplied rubric: its shape (with plain-English messages
 * and JSON paths), ascending levels, and that every criterion it names
 * exists in the registry (the default criteria plus any `criteria` given).
 *
 * @example
 * const result = validateRubric(JSON.parse(text));
 * if (!result.ok) console.log(formatIssues(result.errors));
 */
export function validateRubric(input: unknown, options: { criteria?: CriteriaRegistry } = {}): Result<Rubric> {
  const parsed = parseWith(rubricSchema, input);
  if (!parsed.ok) return parsed;
  const registry = { ...DEFAULT_CRITERIA, ...options.criteria };
  const issues: ValidationIssue[] = [];
  parsed.value.levels.forEach((level, i) => {
    level.criteria.forEach((id, j) => {
      if (!Object.hasOwn(registry, id)) {
        issues.push({
          path: `levels[${i}].criteria[${j}]`,
          message: `is not a known criterion: "${id}". Known criteria: ${Object.keys(registry).join(', ')}`,
        });
      }
    });
  });
  return issues.length > 0 ? fail(issues) : ok(parsed.value);
}

/** The rubric's parameters with defaults filled in. */
export function rubricParameters(rubric: Rubric): RubricParameters {
  return { ...DEFAULT_RUBRIC_PARAMETERS, ...stripUndefined(rubric.parameters ?? {}) };
}

/** The name of a level in a rubric (e.g. 3.5 → "Improvement"); "Not addressed" for 0 when the rubric has no level 0. */
export function levelName(rubric: Rubric, level: number): string {
  const found = rubric.levels.find((l) => l.level === level);
  if (found) return found.name;
  return level === 0 ? 'Not addressed' : `Level ${level}`;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
