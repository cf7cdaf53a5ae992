import { quantileSorted } from '../shared/stats.js';

/** Summary of a list of levels: how many, median, quartiles, range and a count per level. */
export interface LevelDistribution {
  readonly count: number;
  readonly median: number;
  /** First quartile (25th percentile). */
  readonly q1: number;
  /** Third quartile (75th percentile). */
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  /** How many values sit at each level, keyed by the level written as text (`"2.5"`). */
  readonly levelCounts: Readonly<Record<string, number>>;
}

export { quantileSorted };

/** Summarises levels; `null` for an empty list. */
export function levelDistribution(values: readonly number[]): LevelDistribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const levelCounts: Record<string, number> = {};
  for (const v of sorted) levelCounts[String(v)] = (levelCounts[String(v)] ?? 0) + 1;
  return {
    count: sorted.length,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    levelCounts,
  };
}
