import { mean, sampleVariance, tQuantile, type ConfidenceInterval } from './statistics.js';

/**
 * Fewer practices than this in either cohort and the report says plainly that
 * there are too few practices for a stable estimate.
 *
 * Why 4: with 3 practices per arm, any test that respects the clustering can
 * at best reach a two-sided p of 0.10 (only C(6,3) = 20 ways to allocate
 * practices to arms), so no interval can exclude 0 at the 95% level on
 * randomisation grounds; with 4 per arm there are C(8,4) = 70 and the
 * smallest two-sided p is 2/70 ≈ 0.029. Hayes & Moulton (Cluster Randomised
 * Trials, 2nd ed., 2017) likewise advise at least 4 clusters per arm.
 */
export const MIN_PRACTICES_PER_ARM = 4;

/** Which cluster-aware analysis gives the headline interval. */
export type ClusterMethod = 'practice-level' | 'cr2';

/** The default cluster-aware analysis: the practice-level (cluster-summary) t-test (see docs/core/evaluation.md). */
export const DEFAULT_CLUSTER_METHOD: ClusterMethod = 'practice-level';

/** One cluster-aware estimate of programme minus comparison. */
export interface ClusterEstimate {
  readonly method: ClusterMethod;
  /** Programme minus comparison. */
  readonly estimate: number;
  readonly se: number;
  /** Degrees of freedom of the t multiplier (fractional for CR2). */
  readonly df: number;
  /** The t multiplier t(1 − α/2, df). */
  readonly t: number;
  readonly ci: ConfidenceInterval;
}

/** One practice's values on a measure, as the cluster-aware analyses need them. */
export interface PracticeValues {
  readonly practiceId: string;
  readonly values: readonly number[];
}

/** One practice's summary on a measure. */
export interface PracticeMean {
  readonly practiceId: string;
  readonly cohort: 'programme' | 'comparison';
  /** People with a value (pairs on this measure). */
  readonly n: number;
  /** Mean of the values (mean paired change). */
  readonly mean: number;
}

/** Everything reported beside a programme-vs-comparison difference to take account of practices. */
export interface ClusterAnalysis {
  /** Practices with at least one value, per cohort. */
  readonly practices: { readonly programme: number; readonly comparison: number };
  /** Each practice's n and mean, programme practices first, in the order first met. */
  readonly practiceMeans: readonly PracticeMean[];
  /**
   * Intraclass correlation: the one-way ANOVA estimator with practices nested
   * in cohorts, truncated at 0; `null` when it cannot be estimated (fewer than
   * 3 practices in all, or no person beyond one per practice).
   */
  readonly icc: number | null;
  /**
   * The cluster size m̄ in the design effect: the size-weighted mean practice
   * size Σm²/Σm of each cohort, combined as
   * (m̃ₚ/Nₚ + m̃꜀/N꜀) / (1/Nₚ + 1/N꜀). It equals the mean practice size
   * when all practices have the same number of people. `null` when a cohort
   * has no values.
   */
  readonly clusterSize: number | null;
  /** 1 + (m̄ − 1)·ICC; `null` without an ICC. */
  readonly designEffect: number | null;
  /** Which estimate is the headline one (`practiceLevel` or `cr2`). */
  readonly method: ClusterMethod;
  /** The practice-level (cluster-summary) analysis; `null` unless each cohort has at least 2 practices. */
  readonly practiceLevel: ClusterEstimate | null;
  /** The person-level difference with CR2 standard error and Bell–McCaffrey df; `null` unless each cohort has at least 2 practices. */
  readonly cr2: ClusterEstimate | null;
  /** The headline estimate (`practiceLevel` or `cr2`, as `method` says). */
  readonly primary: ClusterEstimate | null;
  /** True when either cohort has fewer than `minPractices` practices with values. */
  readonly tooFewPractices: boolean;
  /** The threshold: {@link MIN_PRACTICES_PER_ARM} practices per cohort. */
  readonly minPractices: number;
}

function multiplier(confidence: number, df: number): number {
  const c = confidence > 0 && confidence < 1 ? confidence : Number.NaN;
  return tQuantile(1 - (1 - c) / 2, df);
}

function estimate(
  method: ClusterMethod,
  difference: number,
  se: number,
  df: number,
  confidence: number,
): ClusterEstimate {
  const t = multiplier(confidence, df);
  return { method, estimate: difference, se, df, t, ci: { lower: difference - t * se, upper: difference + t * se } };
}

const nonEmpty = (practices: readonly PracticeValues[]) => practices.filter((p) => p.values.length > 0);

/**
 * The practice-level (cluster-summary) analysis: each practice's mean value
 * ȳⱼ, then an ordinary two-sample t-test on the practice means, unweighted
 * and with pooled variance:
 *
 * - D = mean of programme practice means − mean of comparison practice means
 * - s² = [Σₚ(ȳⱼ − ȳₚ)² + Σ꜀(ȳⱼ − ȳ꜀)²] / (kₚ + k꜀ − 2)
 * - SE = s·√(1/kₚ + 1/k꜀), df = kₚ + k꜀ − 2, interval D ± t(1 − α/2, df)·SE
 *
 * Practices with no values are left out. Needs at least 2 practices in each
 * group (`null` otherwise).
 */
export function practiceLevelDifference(
  programme: readonly PracticeValues[],
  comparison: readonly PracticeValues[],
  confidence = 0.95,
): ClusterEstimate | null {
  const p = nonEmpty(programme).map((x) => mean(x.values));
  const c = nonEmpty(comparison).map((x) => mean(x.values));
  if (p.length < 2 || c.length < 2) return null;
  const df = p.length + c.length - 2;
  const pooled = Math.max(0, ((p.length - 1) * sampleVariance(p) + (c.length - 1) * sampleVariance(c)) / df);
  const se = Math.sqrt(pooled * (1 / p.length + 1 / c.length));
  return estimate('practice-level', mean(p) - mean(c), se, df, confidence);
}

/**
 * The person-level difference in means (every person weighted equally; the
 * ordinary least squares coefficient of a programme indicator) with the
 * CR2 cluster-robust standard error of Bell & McCaffrey (2002) and their
 * Satterthwaite-type degrees of freedom (as recommended by Imbens & Kolesár
 * 2016 and Pustejovsky & Tipton 2018), practices being the clusters.
 *
 * For a model with only a programme indicator, the CR2 adjustment matrices
 * have a closed form. In a cohort with N people in k practices, practice j
 * having mⱼ people with mean ȳⱼ, the cohort mean ȳ and wⱼ = mⱼ/N:
 *
 * - V(cohort mean) = Σⱼ wⱼ²(ȳⱼ − ȳ)² / (1 − wⱼ); SE = √(Vₚ + V꜀)
 *   (with equal mⱼ this is s²/k over the practice means: Welch's SE of them)
 * - df = (Σ λ)² / Σ λ², the λ being the eigenvalues of the matrix B whose
 *   entries for practices j, h of one cohort are Bⱼⱼ = mⱼ/N² and
 *   Bⱼₕ = −wⱼwₕ / (N·√((1 − wⱼ)(1 − wₕ))) (0 across cohorts); so
 *   df = (tr B)² / Σⱼₕ Bⱼₕ², with no eigen-decomposition needed.
 *
 * Needs at least 2 practices with values in each group (`null` otherwise).
 */
export function cr2Difference(
  programme: readonly PracticeValues[],
  comparison: readonly PracticeValues[],
  confidence = 0.95,
): ClusterEstimate | null {
  const groups = [nonEmpty(programme), nonEmpty(comparison)];
  if (groups.some((g) => g.length < 2)) return null;
  let variance = 0;
  let trace = 0;
  let squares = 0;
  const means: number[] = [];
  for (const group of groups) {
    const all = group.flatMap((p) => [...p.values]);
    const n = all.length;
    const overall = mean(all);
    means.push(overall);
    const w = group.map((p) => p.values.length / n);
    group.forEach((p, j) => {
      const wj = w[j]!;
      const residual = mean(p.values) - overall;
      variance += (wj * wj * residual * residual) / (1 - wj);
      trace += p.values.length / (n * n);
      for (let h = 0; h < group.length; h++) {
        const b = h === j ? p.values.length / (n * n) : -(wj * w[h]!) / (n * Math.sqrt((1 - wj) * (1 - w[h]!)));
        squares += b * b;
      }
    });
  }
  const df = (trace * trace) / squares;
  return estimate('cr2', means[0]! - means[1]!, Math.sqrt(Math.max(0, variance)), df, confidence);
}

/**
 * The intraclass correlation of values within practices, by one-way analysis
 * of variance with practices nested in cohorts (so the difference between
 * cohorts does not count as variation between practices; Donner & Klar
 * 2000), truncated at 0:
 *
 * - MSB = Σ mⱼ(ȳⱼ − ȳ_cohort)² / (K − G), MSW = ΣΣ(y − ȳⱼ)² / (N − K)
 * - m₀ = (N − Σ_cohort Σⱼ mⱼ²/N_cohort) / (K − G)
 * - ICC = max(0, (MSB − MSW) / (MSB + (m₀ − 1)·MSW))
 *
 * with K practices (with values) in G cohorts (groups with values) and N
 * people. `null` when K − G < 1, N − K < 1, or the denominator is 0.
 */
export function anovaIcc(cohorts: readonly (readonly PracticeValues[])[]): number | null {
  const groups = cohorts.map(nonEmpty).filter((g) => g.length > 0);
  let k = 0;
  let n = 0;
  let ssb = 0;
  let ssw = 0;
  let sizes = 0;
  for (const group of groups) {
    const all = group.flatMap((p) => [...p.values]);
    const overall = mean(all);
    let squared = 0;
    for (const p of group) {
      const m = mean(p.values);
      ssb += p.values.length * (m - overall) ** 2;
      for (const v of p.values) ssw += (v - m) ** 2;
      squared += p.values.length ** 2;
    }
    sizes += squared / all.length;
    k += group.length;
    n += all.length;
  }
  const dfb = k - groups.length;
  const dfw = n - k;
  if (dfb < 1 || dfw < 1) return null;
  const msb = ssb / dfb;
  const msw = ssw / dfw;
  const m0 = (n - sizes) / dfb;
  const denominator = msb + (m0 - 1) * msw;
  if (!(denominator > 0)) return null;
  return Math.max(0, (msb - msw) / denominator);
}

/**
 * The cluster size m̄ that makes 1 + (m̄ − 1)·ICC the design effect of the
 * difference between two cohorts' person-level means, under a common
 * variance and ICC: for one cohort, Var(mean) = σ²/N·(1 + (m̃ − 1)ρ) with
 * m̃ = Σm²/Σm (exact for any practice sizes; Eldridge, Ashby & Kerry 2006
 * write it m̄(1 + CV²)); for the difference, m̄ = (m̃ₚ/Nₚ + m̃꜀/N꜀) /
 * (1/Nₚ + 1/N꜀). `null` when either cohort has no values.
 */
export function effectiveClusterSize(
  programme: readonly PracticeValues[],
  comparison: readonly PracticeValues[],
): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const group of [programme, comparison]) {
    const sizes = group.map((p) => p.values.length);
    const n = sizes.reduce((s, m) => s + m, 0);
    if (n === 0) return null;
    const weighted = sizes.reduce((s, m) => s + m * m, 0) / n;
    numerator += weighted / n;
    denominator += 1 / n;
  }
  return numerator / denominator;
}

/**
 * The cluster-aware analysis of a programme-vs-comparison difference: the
 * practice-level t-test and the CR2 estimate, the number of practices per
 * cohort, the ICC, the design effect, and whether there are too few
 * practices for a stable estimate. `method` chooses the headline estimate
 * (default {@link DEFAULT_CLUSTER_METHOD}).
 */
export function clusterAnalysis(
  programme: readonly PracticeValues[],
  comparison: readonly PracticeValues[],
  options: { readonly confidence?: number; readonly method?: ClusterMethod } = {},
): ClusterAnalysis {
  const confidence = options.confidence ?? 0.95;
  const method = options.method ?? DEFAULT_CLUSTER_METHOD;
  const p = nonEmpty(programme);
  const c = nonEmpty(comparison);
  const icc = anovaIcc([p, c]);
  const clusterSize = effectiveClusterSize(p, c);
  const practiceLevel = practiceLevelDifference(p, c, confidence);
  const cr2 = cr2Difference(p, c, confidence);
  const summary =
    (cohort: 'programme' | 'comparison') =>
    (x: PracticeValues): PracticeMean => ({
      practiceId: x.practiceId,
      cohort,
      n: x.values.length,
      mean: mean(x.values),
    });
  return {
    practices: { programme: p.length, comparison: c.length },
    practiceMeans: [...p.map(summary('programme')), ...c.map(summary('comparison'))],
    icc,
    clusterSize,
    designEffect: icc === null || clusterSize === null ? null : 1 + (clusterSize - 1) * icc,
    method,
    practiceLevel,
    cr2,
    primary: method === 'cr2' ? cr2 : practiceLevel,
    tooFewPractices: Math.min(p.length, c.length) < MIN_PRACTICES_PER_ARM,
    minPractices: MIN_PRACTICES_PER_ARM,
  };
}
