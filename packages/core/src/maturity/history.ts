import type { ScorablePlan } from './input.js';
import { scorePlan, type OverallScore, type PlanScore, type ScoreOptions } from './score.js';

/** One revision's maturity, and how it changed from the revision before. */
export interface RevisionScore {
  readonly revision?: number;
  readonly savedAt?: string;
  /** Level per capacity id. */
  readonly profile: Readonly<Record<string, number>>;
  readonly overall: OverallScore;
  /** Level change per capacity since the previous revision; `null` for the first. */
  readonly changes: Readonly<Record<string, number>> | null;
  /** Change of the overall level since the previous revision; `null` for the first. */
  readonly overallChange: number | null;
  /** The full score of this revision. */
  readonly score: PlanScore;
}

/** Maturity over a plan's revisions, oldest first. */
export interface ScoreHistory {
  readonly revisions: readonly RevisionScore[];
  /** The newest revision's entry; `null` when there are none. */
  readonly latest: RevisionScore | null;
  /** Level change per capacity from the previous revision to the latest; `null` with fewer than two revisions. */
  readonly changeSincePrevious: Readonly<Record<string, number>> | null;
}

/**
 * Scores every saved revision of one plan, each as of the day it was saved,
 * and reports the change in each capacity's level since the revision before.
 * Revisions may come in any order: they are sorted by `revision`, then
 * `savedAt`. Pure; the input is not modified.
 *
 * @example
 * const history = scoreHistory(revisions);
 * history.changeSincePrevious; // { 'team-wellbeing': 0.5, signposting: 0, ... }
 */
export function scoreHistory(
  revisions: readonly ScorablePlan[],
  options: Omit<ScoreOptions, 'asOf'> = {},
): ScoreHistory {
  const ordered = [...revisions].sort(
    (a, b) => (a.revision ?? 0) - (b.revision ?? 0) || (a.savedAt ?? '').localeCompare(b.savedAt ?? ''),
  );
  const entries: RevisionScore[] = [];
  let previous: RevisionScore | undefined;
  for (const plan of ordered) {
    const score = scorePlan(plan, options);
    const changes = previous ? diff(previous.profile, score.profile) : null;
    const entry: RevisionScore = {
      ...(plan.revision !== undefined ? { revision: plan.revision } : {}),
      ...(plan.savedAt !== undefined ? { savedAt: plan.savedAt } : {}),
      profile: score.profile,
      overall: score.overall,
      changes,
      overallChange: previous ? score.overall.level - previous.overall.level : null,
      score,
    };
    entries.push(entry);
    previous = entry;
  }
  const latest = entries[entries.length - 1] ?? null;
  return { revisions: entries, latest, changeSincePrevious: latest?.changes ?? null };
}

function diff(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of Object.keys(after)) out[id] = after[id]! - (before[id] ?? 0);
  return out;
}
