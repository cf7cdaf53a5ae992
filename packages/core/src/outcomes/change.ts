import { clusterAnalysis, type ClusterAnalysis, type ClusterMethod, type PracticeValues } from './cluster.js';
import { instrumentMeasures, scoreAnswers, type InstrumentMeasure } from './instrument.js';
import { meanWithInterval, welchDifference, type ConfidenceInterval, type MeanEstimate } from './statistics.js';
import type { Better, Instrument, OutcomeResponse } from './types.js';

/** A person's baseline and follow-up responses to one instrument. */
export interface ResponsePair {
  readonly person: string;
  /** The practice of the baseline response (a person who moves stays in the cohort they started in). */
  readonly practiceId: string;
  readonly baseline: OutcomeResponse;
  readonly followUp: OutcomeResponse;
}

/** Responses matched into pairs, and the people left without a pair. */
export interface PairedResponses {
  readonly pairs: readonly ResponsePair[];
  /** People with a baseline but no follow-up on or after it (lost to follow-up, or not yet due). */
  readonly baselineOnly: readonly string[];
  /** People with a follow-up but no baseline on or before it. */
  readonly followUpOnly: readonly string[];
}

/**
 * Matches each person's baseline and follow-up responses to one instrument
 * (by the pseudonymous reference): the person's earliest baseline, and their
 * latest follow-up dated on or after it. People are listed in the order of
 * their first response. Responses to other instruments are ignored.
 */
export function pairResponses(instrumentId: string, responses: readonly OutcomeResponse[]): PairedResponses {
  const byPerson = new Map<string, { baseline?: OutcomeResponse; followUps: OutcomeResponse[] }>();
  for (const r of responses) {
    if (r.instrumentId !== instrumentId) continue;
    let entry = byPerson.get(r.person);
    if (!entry) {
      entry = { followUps: [] };
      byPerson.set(r.person, entry);
    }
    if (r.timepoint === 'baseline') {
      if (!entry.baseline || r.date < entry.baseline.date) entry.baseline = r;
    } else {
      entry.followUps.push(r);
    }
  }
  const pairs: ResponsePair[] = [];
  const baselineOnly: string[] = [];
  const followUpOnly: string[] = [];
  for (const [person, entry] of byPerson) {
    const baseline = entry.baseline;
    if (!baseline) {
      followUpOnly.push(person);
      continue;
    }
    let followUp: OutcomeResponse | undefined;
    for (const f of entry.followUps)
      if (f.date >= baseline.date && (!followUp || f.date >= followUp.date)) followUp = f;
    if (!followUp) {
      if (entry.followUps.length > 0) followUpOnly.push(person);
      else baselineOnly.push(person);
      continue;
    }
    pairs.push({ person, practiceId: baseline.practiceId, baseline, followUp });
  }
  return { pairs, baselineOnly, followUpOnly };
}

/** Whether a change (or a difference) is clearly better, clearly worse, or not clear at the chosen confidence. */
export type ChangeVerdict = 'better' | 'worse' | 'unclear';

/** The paired change on one measure (an item or the total). */
export interface MeasureChange extends MeanEstimate {
  /** The measure: item id or total id. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'item' | 'total';
  readonly better: Better;
  /** Mean at baseline over the n pairs; `null` when n = 0. */
  readonly baselineMean: number | null;
  /** Mean at follow-up over the n pairs; `null` when n = 0. */
  readonly followUpMean: number | null;
  /**
   * `better` when the whole interval lies on the better side of 0 (above 0
   * when higher is better, below 0 when lower is better), `worse` when it lies
   * wholly on the other side, `unclear` when it includes 0; `null` without
   * an interval (n < 2).
   */
  readonly verdict: ChangeVerdict | null;
}

/** Paired change (follow-up − baseline) on every measure of an instrument. */
export interface OutcomeChange {
  readonly instrumentId: string;
  /** The confidence level of the intervals, e.g. 0.95. */
  readonly confidence: number;
  /** People with both a baseline and a follow-up. */
  readonly paired: number;
  readonly baselineOnly: number;
  readonly followUpOnly: number;
  /** One entry per measure, items first, then the total. */
  readonly measures: readonly MeasureChange[];
}

/** Options for {@link pairedChange} and {@link compareOutcomeChange}. */
export interface ChangeOptions {
  /** Confidence level of the intervals, between 0 and 1 (default 0.95). */
  readonly confidence?: number;
  /**
   * Which cluster-aware analysis gives the headline interval and the verdict
   * of a programme-vs-comparison difference: `practice-level` (default) or
   * `cr2`. Both are always computed.
   */
  readonly clusterMethod?: ClusterMethod;
}

function verdictOf(ci: ConfidenceInterval | null, better: Better): ChangeVerdict | null {
  if (!ci) return null;
  if (ci.lower > 0) return better === 'higher' ? 'better' : 'worse';
  if (ci.upper < 0) return better === 'higher' ? 'worse' : 'better';
  return 'unclear';
}

interface MeasureValues {
  readonly measure: InstrumentMeasure;
  readonly baseline: number[];
  readonly followUp: number[];
  readonly changes: number[];
  /** The practice of each change (the baseline's). */
  readonly practices: string[];
}

function collect(instrument: Instrument, pairs: readonly ResponsePair[]): MeasureValues[] {
  const measures = instrumentMeasures(instrument);
  const values = measures.map((measure) => ({
    measure,
    baseline: [] as number[],
    followUp: [] as number[],
    changes: [] as number[],
    practices: [] as string[],
  }));
  for (const pair of pairs) {
    const before = scoreAnswers(instrument, pair.baseline.answers);
    const after = scoreAnswers(instrument, pair.followUp.answers);
    for (const v of values) {
      const b = v.measure.kind === 'total' ? before.total : before.items[v.measure.id];
      const a = v.measure.kind === 'total' ? after.total : after.items[v.measure.id];
      if (b === null || b === undefined || a === null || a === undefined) continue;
      v.baseline.push(b);
      v.followUp.push(a);
      v.changes.push(a - b);
      v.practices.push(pair.practiceId);
    }
  }
  return values;
}

function measureChange(v: MeasureValues, confidence: number): MeasureChange {
  const estimate = meanWithInterval(v.changes, confidence);
  const n = v.changes.length;
  const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
  return {
    id: v.measure.id,
    name: v.measure.name,
    kind: v.measure.kind,
    better: v.measure.better,
    ...estimate,
    baselineMean: n === 0 ? null : avg(v.baseline),
    followUpMean: n === 0 ? null : avg(v.followUp),
    verdict: verdictOf(estimate.ci, v.measure.better),
  };
}

/**
 * The paired change on each measure of an instrument: for every person with
 * a baseline and a follow-up (see {@link pairResponses}), the change
 * follow-up − baseline; then over the n people who answered the measure at
 * both times, the mean change d̄, its standard deviation s, and the
 * confidence interval d̄ ± t(1 − α/2, n − 1) · s/√n. A person who skipped an
 * item at either time is left out of that item only (so n can differ
 * between items); a total counts only people who answered every item both
 * times. Changes are reported as they are (for anxiety a negative change is
 * an improvement); `verdict` says which way is better.
 */
export function pairedChange(
  instrument: Instrument,
  responses: readonly OutcomeResponse[],
  options: ChangeOptions = {},
): OutcomeChange {
  const confidence = options.confidence ?? 0.95;
  const paired = pairResponses(instrument.id, responses);
  return {
    instrumentId: instrument.id,
    confidence,
    paired: paired.pairs.length,
    baselineOnly: paired.baselineOnly.length,
    followUpOnly: paired.followUpOnly.length,
    measures: collect(instrument, paired.pairs).map((v) => measureChange(v, confidence)),
  };
}

/** The programme-vs-comparison difference on one measure. */
export interface MeasureDifference {
  readonly id: string;
  readonly name: string;
  readonly kind: 'item' | 'total';
  readonly better: Better;
  readonly programme: MeasureChange;
  readonly comparison: MeasureChange;
  /**
   * The difference in differences: the programme's mean paired change minus
   * the comparison's, with Welch's standard error and Welch–Satterthwaite
   * degrees of freedom, treating people as independent (which they are not:
   * they are clustered in practices, so this interval is too narrow; see
   * `clusters`); `null` unless both cohorts have at least 2 pairs.
   */
  readonly difference: {
    readonly estimate: number;
    readonly se: number;
    readonly df: number;
    readonly t: number;
    readonly ci: ConfidenceInterval;
  } | null;
  /**
   * The cluster-aware analysis (people are clustered in practices): the
   * practice-level t-test and the CR2 estimate, practices per cohort, the
   * ICC, the design effect and whether there are too few practices.
   */
  readonly clusters: ClusterAnalysis;
  /**
   * Read from the cluster-aware headline interval (`clusters.primary`):
   * `better` when it shows the programme changed more in the better
   * direction than the comparison, `worse` when less, `unclear` when it
   * includes 0; `null` without that interval (fewer than 2 practices with
   * pairs in a cohort).
   */
  readonly verdict: ChangeVerdict | null;
  /** What `verdict` would say from the people-as-independent interval (`difference`); kept for comparison only. */
  readonly individualVerdict: ChangeVerdict | null;
}

/** Programme vs comparison change on every measure of an instrument. */
export interface OutcomeComparison {
  readonly instrumentId: string;
  readonly confidence: number;
  readonly programme: OutcomeChange;
  readonly comparison: OutcomeChange;
  readonly measures: readonly MeasureDifference[];
  /** Paired people whose practice is in neither cohort (left out). */
  readonly unassigned: number;
}

/** Which cohort a practice is in, for {@link compareOutcomeChange}. */
export type CohortOf = (practiceId: string) => 'programme' | 'comparison' | undefined;

/**
 * Compares the paired change in programme and comparison practices (a
 * difference in differences): on each measure, D = d̄ₚ − d̄꜀, the
 * programme's mean paired change minus the comparison's, with
 * SE = √(sₚ²/nₚ + s꜀²/n꜀), Welch–Satterthwaite degrees of freedom
 * ν = SE⁴ / [(sₚ²/nₚ)²/(nₚ−1) + (s꜀²/n꜀)²/(n꜀−1)], and the interval
 * D ± t(1 − α/2, ν)·SE. People are placed in the cohort of the practice of
 * their baseline response.
 *
 * People are clustered in practices, so each measure also carries a
 * cluster-aware analysis (`clusters`, see `clusterAnalysis`): by default
 * the practice-level t-test on practice mean changes gives the headline
 * interval and the `verdict`.
 *
 * This is an unadjusted comparison of two groups that were not randomised:
 * it does not account for differences between the people or practices
 * (say so when reporting it).
 */
export function compareOutcomeChange(
  instrument: Instrument,
  responses: readonly OutcomeResponse[],
  cohortOf: CohortOf,
  options: ChangeOptions = {},
): OutcomeComparison {
  const confidence = options.confidence ?? 0.95;
  const paired = pairResponses(instrument.id, responses);
  const groups = { programme: [] as ResponsePair[], comparison: [] as ResponsePair[] };
  let unassigned = 0;
  for (const pair of paired.pairs) {
    const cohort = cohortOf(pair.practiceId);
    if (cohort) groups[cohort].push(pair);
    else unassigned++;
  }
  // A person without a pair belongs to the cohort of their first response's practice.
  const firstPractice = new Map<string, string>();
  for (const r of responses)
    if (r.instrumentId === instrument.id && !firstPractice.has(r.person)) firstPractice.set(r.person, r.practiceId);
  const unpaired = (cohort: 'programme' | 'comparison', people: readonly string[]) =>
    people.filter((p) => cohortOf(firstPractice.get(p) ?? '') === cohort).length;
  const values = {
    programme: collect(instrument, groups.programme),
    comparison: collect(instrument, groups.comparison),
  };
  const changeFor = (cohort: 'programme' | 'comparison'): OutcomeChange => ({
    instrumentId: instrument.id,
    confidence,
    paired: groups[cohort].length,
    baselineOnly: unpaired(cohort, paired.baselineOnly),
    followUpOnly: unpaired(cohort, paired.followUpOnly),
    measures: values[cohort].map((v) => measureChange(v, confidence)),
  });
  const programme = changeFor('programme');
  const comparison = changeFor('comparison');
  const byPractice = (v: MeasureValues): PracticeValues[] => {
    const map = new Map<string, number[]>();
    v.changes.forEach((change, i) => {
      const id = v.practices[i]!;
      const list = map.get(id);
      if (list) list.push(change);
      else map.set(id, [change]);
    });
    return [...map].map(([practiceId, values]) => ({ practiceId, values }));
  };
  const measures = programme.measures.map((p, i): MeasureDifference => {
    const c = comparison.measures[i]!;
    const clusters = clusterAnalysis(byPractice(values.programme[i]!), byPractice(values.comparison[i]!), {
      confidence,
      ...(options.clusterMethod ? { method: options.clusterMethod } : {}),
    });
    const welch =
      p.mean !== null && c.mean !== null && p.sd !== null && c.sd !== null
        ? welchDifference({ n: p.n, mean: p.mean, sd: p.sd }, { n: c.n, mean: c.mean, sd: c.sd }, confidence)
        : null;
    const difference = welch
      ? { estimate: welch.difference, se: welch.se, df: welch.df, t: welch.t, ci: welch.ci }
      : null;
    return {
      id: p.id,
      name: p.name,
      kind: p.kind,
      better: p.better,
      programme: p,
      comparison: c,
      difference,
      clusters,
      verdict: verdictOf(clusters.primary?.ci ?? null, p.better),
      individualVerdict: verdictOf(difference?.ci ?? null, p.better),
    };
  });
  return { instrumentId: instrument.id, confidence, programme, comparison, measures, unassigned };
}
