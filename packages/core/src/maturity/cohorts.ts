import { LINKS_FRAMEWORK } from '../framework/links-framework.js';
import type { ScorablePlan, ScorablePractice } from './input.js';
import { scorePlan, type PlanScore, type ScoreOptions } from './score.js';
import { levelDistribution, type LevelDistribution } from './stats.js';

/** Programme and comparison practices' levels on one capacity. */
export interface CohortCapacityComparison {
  readonly capacityId: string;
  readonly name: string;
  /** `null` when the cohort has no scored practice. */
  readonly programme: LevelDistribution | null;
  readonly comparison: LevelDistribution | null;
  /** Programme median − comparison median; `null` when either is missing. */
  readonly medianDifference: number | null;
}

/** A practice at least {@link CompareCohortsOptions.behindBy} levels below its cohort's median on a capacity. */
export interface PracticeBehind {
  readonly practiceId: string;
  readonly practiceName: string;
  readonly cohort: 'programme' | 'comparison';
  readonly capacityId: string;
  readonly level: number;
  readonly cohortMedian: number;
  /** Cohort median − the practice's level (≥ `behindBy`). */
  readonly gap: number;
}

/** Options for {@link compareCohorts}. */
export interface CompareCohortsOptions extends ScoreOptions {
  /** How far below the cohort median counts as falling behind (default 1 level). */
  readonly behindBy?: number;
}

/** Maturity of programme vs comparison practices, per capacity and overall. */
export interface CohortComparison {
  readonly capacities: readonly CohortCapacityComparison[];
  /** Distribution of the practices' overall levels. */
  readonly overall: { readonly programme: LevelDistribution | null; readonly comparison: LevelDistribution | null };
  /** Practices scored per cohort, and those with no plan (left out of every distribution). */
  readonly practices: {
    readonly programme: number;
    readonly comparison: number;
    readonly withoutPlan: readonly string[];
  };
  /** Practices falling behind their cohort, largest gap first. */
  readonly behind: readonly PracticeBehind[];
  /** The latest plan's score per practice id. */
  readonly scores: Readonly<Record<string, PlanScore>>;
}

/**
 * Compares the plan maturity of programme and comparison practices: per
 * capacity, the distribution of levels in each cohort (count, median,
 * quartiles, range, count per level) and the practices falling behind
 * their own cohort's median by at least `behindBy` (default 1) level.
 *
 * Each practice is scored on its latest plan revision (highest `revision`);
 * plans are matched to practices by `plan.practice.id`. A plan whose
 * practice is not in `practices` is included using its own `practice`
 * record. Practices without a plan are listed, not counted as level 0. Pass
 * `asOf` to score every practice at the same date, which a fair comparison
 * usually needs.
 */
export function compareCohorts(
  practices: readonly ScorablePractice[],
  plans: readonly ScorablePlan[],
  options: CompareCohortsOptions = {},
): CohortComparison {
  const framework = options.framework ?? LINKS_FRAMEWORK;
  const behindBy = options.behindBy ?? 1;
  const known = new Map<string, ScorablePractice>();
  for (const p of practices) known.set(p.id, p);
  const latest = new Map<string, ScorablePlan>();
  for (const plan of plans) {
    const practice = plan.practice;
    if (!practice) continue;
    if (!known.has(practice.id)) known.set(practice.id, practice);
    const current = latest.get(practice.id);
    if (!current || (plan.revision ?? 0) > (current.revision ?? 0)) latest.set(practice.id, plan);
  }

  const scores: Record<string, PlanScore> = {};
  const cohortOf = new Map<string, 'programme' | 'comparison'>();
  const withoutPlan: string[] = [];
  for (const [id, practice] of known) {
    const plan = latest.get(id);
    if (!plan) {
      withoutPlan.push(id);
      continue;
    }
    scores[id] = scorePlan(plan, options);
    cohortOf.set(id, practice.cohort);
  }
  const ids = [...cohortOf.keys()];
  const inCohort = (cohort: 'programme' | 'comparison') => ids.filter((id) => cohortOf.get(id) === cohort);
  const programmeIds = inCohort('programme');
  const comparisonIds = inCohort('comparison');

  const behind: PracticeBehind[] = [];
  const capacities = framework.capacities.map((capacity): CohortCapacityComparison => {
    const levelsOf = (group: readonly string[]) => group.map((id) => scores[id]!.profile[capacity.id] ?? 0);
    const programme = levelDistribution(levelsOf(programmeIds));
    const comparison = levelDistribution(levelsOf(comparisonIds));
    for (const [group, dist] of [
      [programmeIds, programme],
      [comparisonIds, comparison],
    ] as const) {
      if (!dist) continue;
      for (const id of group) {
        const level = scores[id]!.profile[capacity.id] ?? 0;
        const gap = dist.median - level;
        if (gap >= behindBy) {
          behind.push({
            practiceId: id,
            practiceName: known.get(id)!.name,
            cohort: cohortOf.get(id)!,
            capacityId: capacity.id,
            level,
            cohortMedian: dist.median,
            gap,
          });
        }
      }
    }
    return {
      capacityId: capacity.id,
      name: capacity.name,
      programme,
      comparison,
      medianDifference: programme && comparison ? programme.median - comparison.median : null,
    };
  });
  behind.sort(
    (a, b) => b.gap - a.gap || a.practiceId.localeCompare(b.practiceId) || a.capacityId.localeCompare(b.capacityId),
  );

  return {
    capacities,
    overall: {
      programme: levelDistribution(programmeIds.map((id) => scores[id]!.overall.level)),
      comparison: levelDistribution(comparisonIds.map((id) => scores[id]!.overall.level)),
    },
    practices: { programme: programmeIds.length, comparison: comparisonIds.length, withoutPlan },
    behind,
    scores,
  };
}
