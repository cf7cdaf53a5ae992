import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import { buildCriterionContext, DEFAULT_CRITERIA, type CriteriaRegistry, type CriterionOutcome } from './criteria.js';
import type { ScorablePlan } from './input.js';
import { levelName, LINKS_RUBRIC, rubricParameters, type Rubric } from './rubric.js';

/** Options for {@link scorePlan}. */
export interface ScoreOptions {
  /** The rubric to score against (default {@link LINKS_RUBRIC}); validate a host's with `validateRubric` first. */
  readonly rubric?: Rubric;
  /**
   * Evidence dated after this day (`YYYY-MM-DD`) is ignored. Default: the
   * day the plan was saved (`savedAt`), or no cut-off when it has none.
   * Scoring never reads the clock.
   */
  readonly asOf?: string;
  /** The framework whose capacities and themes are scored (default {@link LINKS_FRAMEWORK}). */
  readonly framework?: Framework;
  /** Extra criteria a host's rubric refers to, added to (or replacing) the defaults by id. */
  readonly criteria?: CriteriaRegistry;
}

/** One criterion of the rubric, evaluated for one capacity. */
export interface CriterionResult {
  /** The criterion's id, e.g. `owner-named`. */
  readonly id: string;
  /** The rubric level this criterion belongs to. */
  readonly level: number;
  /** What to do to meet it. */
  readonly title: string;
  readonly met: boolean;
  /** When met, the evidence found; when unmet, what is missing. Plain English. */
  readonly reason: string;
}

/** The next thing to do: the first unmet criterion above the current level. */
export interface NextStep {
  /** The level it leads to. */
  readonly level: number;
  readonly levelName: string;
  readonly criterion: string;
  /** What to do. */
  readonly title: string;
  /** What is missing now. */
  readonly reason: string;
}

/** A capacity's maturity: its level, every criterion with its reason, and the next step. */
export interface CapacityScore {
  readonly capacityId: string;
  /** The capacity's name in the framework. */
  readonly name: string;
  /** The highest level whose criteria, and those of every level below, are all met. */
  readonly level: number;
  readonly levelName: string;
  readonly criteria: readonly CriterionResult[];
  /** `null` when the top level is reached. */
  readonly nextStep: NextStep | null;
  /** The team's own rating, when recorded; kept beside the evidence-based level, never replacing it. */
  readonly selfAssessedLevel?: number;
}

/** Where a team's self-assessed level differs from the evidence-based one. */
export interface SelfAssessmentFlag {
  readonly capacityId: string;
  readonly selfAssessed: number;
  readonly evidence: number;
  /** `selfAssessed − evidence`: positive when the team rates itself higher than the evidence shows. */
  readonly difference: number;
  readonly message: string;
}

/** The overall maturity of a plan. */
export interface OverallScore {
  /** The mean of the capacity levels rounded *down* to a 0.5 step, so it never overstates the evidence. */
  readonly level: number;
  /** The unrounded mean of the capacity levels (2 decimals). */
  readonly mean: number;
  /** The lowest capacity level. */
  readonly min: number;
  /** The highest capacity level. */
  readonly max: number;
}

/** Which of the framework's themes have agreed focus areas. */
export interface ThemeCoverage {
  readonly covered: readonly string[];
  readonly missing: readonly string[];
  readonly count: number;
  readonly total: number;
}

/** A plan's maturity: per capacity, and for the plan as a whole. */
export interface PlanScore {
  readonly planId?: string;
  readonly practiceId?: string;
  readonly revision?: number;
  /** The as-of date used (`YYYY-MM-DD`), when there was one. */
  readonly asOf?: string;
  readonly rubric: { readonly id: string; readonly version: string };
  readonly framework: { readonly id: string; readonly version: string };
  /** One entry per framework capacity, in framework order. */
  readonly capacities: readonly CapacityScore[];
  /** Level per capacity id. */
  readonly profile: Readonly<Record<string, number>>;
  readonly overall: OverallScore;
  /** The lowest-scoring capacities (all of them on a tie), in framework order. */
  readonly weakest: { readonly level: number; readonly capacityIds: readonly string[] };
  readonly themeCoverage: ThemeCoverage;
  readonly selfAssessmentFlags: readonly SelfAssessmentFlag[];
}

/**
 * Scores a business plan's maturity on every capacity of the framework
 * against the rubric (by default {@link LINKS_RUBRIC}, our adaptation of the
 * IHI Assessment Scale for Collaboratives). A capacity reaches a level only
 * when the criteria of that level and of every level below it are met.
 * Pure: never reads the clock, never modifies the plan.
 *
 * @example
 * const score = scorePlan(plan);
 * score.capacities[0]; // { capacityId: 'team-wellbeing', level: 2.5, criteria: [...], nextStep: {...} }
 * score.overall;       // { level: 2, mean: 2.21, min: 1, max: 3.5 }
 */
export function scorePlan(plan: ScorablePlan, options: ScoreOptions = {}): PlanScore {
  const rubric = options.rubric ?? LINKS_RUBRIC;
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const asOf = options.asOf ?? (typeof plan.savedAt === 'string' ? plan.savedAt.slice(0, 10) : undefined);
  const registry: CriteriaRegistry = options.criteria ? { ...DEFAULT_CRITERIA, ...options.criteria } : DEFAULT_CRITERIA;
  const parameters = rubricParameters(rubric);
  const levels = rubric.levels.filter((l) => l.level > 0);

  const capacities: CapacityScore[] = [];
  const profile: Record<string, number> = {};
  const flags: SelfAssessmentFlag[] = [];

  const cache = new Map<string, CriterionOutcome>();
  for (const capacity of framework.capacities) {
    const context = buildCriterionContext(plan, capacity.id, asOf, parameters);
    cache.clear();
    let level = 0;
    let stillClimbing = true;
    let nextStep: NextStep | null = null;
    const criteria: CriterionResult[] = [];
    for (const rung of levels) {
      let allMet = true;
      for (const id of rung.criteria) {
        const definition = Object.hasOwn(registry, id) ? registry[id] : undefined;
        let outcome = cache.get(id);
        if (outcome === undefined) {
          outcome = definition
            ? definition.evaluate(context)
            : { met: false, reason: `This rubric names a criterion this library does not know: "${id}".` };
          cache.set(id, outcome);
        }
        const title = definition?.title ?? id;
        criteria.push({ id, level: rung.level, title, met: outcome.met, reason: outcome.reason });
        if (!outcome.met) {
          if (allMet && stillClimbing)
            nextStep = { level: rung.level, levelName: rung.name, criterion: id, title, reason: outcome.reason };
          allMet = false;
        }
      }
      if (stillClimbing && allMet) level = rung.level;
      else stillClimbing = false;
    }

    const self = context.capacity?.selfAssessedLevel;
    capacities.push({
      capacityId: capacity.id,
      name: capacity.name,
      level,
      levelName: levelName(rubric, level),
      criteria,
      nextStep,
      ...(self !== undefined ? { selfAssessedLevel: self } : {}),
    });
    profile[capacity.id] = level;
    if (self !== undefined && self !== level) {
      const difference = self - level;
      flags.push({
        capacityId: capacity.id,
        selfAssessed: self,
        evidence: level,
        difference,
        message: `The team rates ${capacity.name} at ${self}; the evidence in the plan supports ${level} (${Math.abs(
          difference,
        )} ${difference > 0 ? 'higher' : 'lower'} than the evidence).`,
      });
    }
  }

  const values = capacities.map((c) => c.level);
  const mean = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  // Seven capacities, but no spreads into Math.min/max anywhere (the lint rule keeps large lists safe).
  const min = values.length > 0 ? values.reduce((a, b) => Math.min(a, b)) : 0;
  const max = values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : 0;
  const covered: string[] = [];
  const missing: string[] = [];
  for (const theme of framework.themes) {
    const focus = plan.themes && Object.hasOwn(plan.themes, theme.id) ? plan.themes[theme.id] : undefined;
    (focus && focus.focusAreas.length > 0 ? covered : missing).push(theme.id);
  }

  return {
    ...(plan.id !== undefined ? { planId: plan.id } : {}),
    ...(plan.practice ? { practiceId: plan.practice.id } : {}),
    ...(plan.revision !== undefined ? { revision: plan.revision } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    rubric: { id: rubric.id, version: rubric.version },
    framework: { id: framework.id, version: framework.version },
    capacities,
    profile,
    overall: { level: roundDownToHalf(mean), mean: Math.round(mean * 100) / 100, min, max },
    weakest: { level: min, capacityIds: capacities.filter((c) => c.level === min).map((c) => c.capacityId) },
    themeCoverage: { covered, missing, count: covered.length, total: framework.themes.length },
    selfAssessmentFlags: flags,
  };
}

/** Rounds down to a multiple of 0.5; a value a hair (1e-9) below a step, from floating-point noise, counts as that step. */
export function roundDownToHalf(value: number): number {
  return Math.floor(value * 2 + 1e-9) / 2;
}
