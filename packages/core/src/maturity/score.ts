import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { Framework } from '../framework/types.js';
import {
  buildCriterionContext,
  DEFAULT_CRITERIA,
  type CriteriaRegistry,
  type CriterionDefinition,
  type CriterionOutcome,
  type CriterionParameters,
} from './criteria.js';
import type { ScorablePlan } from './input.js';
import { levelName, LINKS_RUBRIC, rubricParameters, type Rubric } from './rubric.js';
import type { MessageParams } from '../messages/types.js';
import { maturityMessage } from '../messages/maturity.js';

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
  /** The code of `reason` (see `MATURITY_MESSAGES_EN`), when the criterion gave one: with `params` it renders the reason in any language. */
  readonly messageCode?: string;
  readonly params?: MessageParams;
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
  /** The code of `reason`, when the criterion gave one (as {@link CriterionResult.messageCode}). */
  readonly messageCode?: string;
  readonly params?: MessageParams;
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
  const prepared = prepare(rubric, options.criteria);
  const parameters = prepared.parameters;
  const rungs = prepared.rungs;

  const capacities: CapacityScore[] = [];
  const profile: Record<string, number> = {};
  const flags: SelfAssessmentFlag[] = [];

  // Each criterion is evaluated once per capacity, even when several levels name it.
  const outcomes = new Array<CriterionOutcome | undefined>(prepared.distinct);
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const capacity of framework.capacities) {
    const context = buildCriterionContext(plan, capacity.id, asOf, parameters);
    outcomes.fill(undefined);
    let level = 0;
    let stillClimbing = true;
    let nextStep: NextStep | null = null;
    const criteria: CriterionResult[] = [];
    for (const rung of rungs) {
      let allMet = true;
      for (const c of rung.criteria) {
        let outcome = outcomes[c.slot];
        if (outcome === undefined) {
          outcome = c.definition
            ? c.definition.evaluate(context)
            : {
                met: false,
                reason: maturityMessage('maturity.unknown-criterion', { id: c.id }),
                messageCode: 'maturity.unknown-criterion',
                params: { id: c.id },
              };
          outcomes[c.slot] = outcome;
        }
        const coded =
          outcome.messageCode !== undefined ? { messageCode: outcome.messageCode, params: outcome.params ?? {} } : {};
        criteria.push({
          id: c.id,
          level: rung.level,
          title: c.title,
          met: outcome.met,
          reason: outcome.reason,
          ...coded,
        });
        if (!outcome.met) {
          if (allMet && stillClimbing)
            nextStep = {
              level: rung.level,
              levelName: rung.name,
              criterion: c.id,
              title: c.title,
              reason: outcome.reason,
              ...coded,
            };
          allMet = false;
        }
      }
      if (stillClimbing && allMet) level = rung.level;
      else stillClimbing = false;
    }

    const self = context.capacity?.selfAssessedLevel;
    const score: {
      capacityId: string;
      name: string;
      level: number;
      levelName: string;
      criteria: readonly CriterionResult[];
      nextStep: NextStep | null;
      selfAssessedLevel?: number;
    } = {
      capacityId: capacity.id,
      name: capacity.name,
      level,
      levelName: prepared.levelName(level),
      criteria,
      nextStep,
    };
    if (self !== undefined) score.selfAssessedLevel = self;
    capacities.push(score);
    profile[capacity.id] = level;
    sum += level;
    if (level < min) min = level;
    if (level > max) max = level;
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

  const count = capacities.length;
  const mean = count > 0 ? sum / count : 0;
  if (count === 0) {
    min = 0;
    max = 0;
  }
  const weakest: string[] = [];
  for (const c of capacities) if (c.level === min) weakest.push(c.capacityId);
  const covered: string[] = [];
  const missing: string[] = [];
  const themes = plan.themes;
  for (const theme of framework.themes) {
    const focus = themes && Object.hasOwn(themes, theme.id) ? themes[theme.id] : undefined;
    (focus && focus.focusAreas.length > 0 ? covered : missing).push(theme.id);
  }

  // Keys in this order (optional ones first), as the result has always had them.
  const result: { -readonly [K in keyof PlanScore]: PlanScore[K] } = {} as PlanScore;
  if (plan.id !== undefined) result.planId = plan.id;
  if (plan.practice) result.practiceId = plan.practice.id;
  if (plan.revision !== undefined) result.revision = plan.revision;
  if (asOf !== undefined) result.asOf = asOf;
  result.rubric = { id: rubric.id, version: rubric.version };
  result.framework = { id: framework.id, version: framework.version };
  result.capacities = capacities;
  result.profile = profile;
  result.overall = { level: roundDownToHalf(mean), mean: Math.round(mean * 100) / 100, min, max };
  result.weakest = { level: min, capacityIds: weakest };
  result.themeCoverage = { covered, missing, count: covered.length, total: framework.themes.length };
  result.selfAssessmentFlags = flags;
  return result;
}

/** A rubric made ready to score with: its levels above 0 with their criteria looked up once. */
interface PreparedRubric {
  readonly parameters: CriterionParameters;
  readonly rungs: readonly {
    readonly level: number;
    readonly name: string;
    readonly criteria: readonly {
      readonly id: string;
      /** Index among the rubric's distinct criterion ids. */
      readonly slot: number;
      readonly definition: CriterionDefinition | undefined;
      readonly title: string;
    }[];
  }[];
  /** How many distinct criterion ids the rubric names. */
  readonly distinct: number;
  readonly levelName: (level: number) => string;
}

/** Prepared forms of frozen rubrics (such as {@link LINKS_RUBRIC}) scored with the default criteria. */
const preparedRubrics = new WeakMap<Rubric, PreparedRubric>();

function prepare(rubric: Rubric, extra: CriteriaRegistry | undefined): PreparedRubric {
  // Only a frozen rubric with the default criteria is kept: anything else could change between calls.
  const cacheable = extra === undefined && Object.isFrozen(rubric) && Object.isFrozen(rubric.levels);
  if (cacheable) {
    const found = preparedRubrics.get(rubric);
    if (found) return found;
  }
  const registry: CriteriaRegistry = extra ? { ...DEFAULT_CRITERIA, ...extra } : DEFAULT_CRITERIA;
  const slots = new Map<string, number>();
  const rungs = rubric.levels
    .filter((l) => l.level > 0)
    .map((rung) => ({
      level: rung.level,
      name: rung.name,
      criteria: rung.criteria.map((id) => {
        let slot = slots.get(id);
        if (slot === undefined) {
          slot = slots.size;
          slots.set(id, slot);
        }
        const definition = Object.hasOwn(registry, id) ? registry[id] : undefined;
        return { id, slot, definition, title: definition?.title ?? id };
      }),
    }));
  const names = new Map<number, string>();
  const prepared: PreparedRubric = {
    parameters: rubricParameters(rubric),
    rungs,
    distinct: slots.size,
    levelName(level) {
      let name = names.get(level);
      if (name === undefined) {
        name = levelName(rubric, level);
        names.set(level, name);
      }
      return name;
    },
  };
  if (cacheable) preparedRubrics.set(rubric, prepared);
  return prepared;
}

/** Rounds down to a multiple of 0.5; a value a hair (1e-9) below a step, from floating-point noise, counts as that step. */
export function roundDownToHalf(value: number): number {
  return Math.floor(value * 2 + 1e-9) / 2;
}
