import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MIN_PRACTICES_PER_ARM,
  anovaIcc,
  clusterAnalysis,
  cr2Difference,
  effectiveClusterSize,
  practiceLevelDifference,
  type PracticeValues,
} from './cluster.js';
import { compareOutcomeChange } from './change.js';
import { ONS4 } from './ons4.js';
import type { OutcomeResponse } from './types.js';

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(
    actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance,
    `${actual} is not within ${tolerance} of ${expected}`,
  );

const practices = (prefix: string, groups: number[][]): PracticeValues[] =>
  groups.map((values, i) => ({ practiceId: `${prefix}${i + 1}`, values }));

// Worked example: 4 programme and 4 comparison practices, each person's paired change.
//   P1 [2, 4] → 3     P2 [1, 1, 4] → 2     P3 [5] → 5        P4 [3, 5, 4, 4] → 4
//   C1 [0, 2] → 1     C2 [1] → 1           C3 [2, 4, 3] → 3  C4 [−1, 1] → 0
const PROGRAMME = practices('p', [[2, 4], [1, 1, 4], [5], [3, 5, 4, 4]]);
const COMPARISON = practices('c', [[0, 2], [1], [2, 4, 3], [-1, 1]]);

describe('practiceLevelDifference: a two-sample t-test on practice means', () => {
  it('worked example: D = 2.25, pooled SE 0.9014 on 6 df, 95% CI 0.044 to 4.456', () => {
    // Practice means: programme [3, 2, 5, 4] (mean 3.5), comparison [1, 1, 3, 0] (mean 1.25).
    // Squared deviations: programme 0.25 + 2.25 + 2.25 + 0.25 = 5; comparison 0.0625 + 0.0625 + 3.0625 + 1.5625 = 4.75.
    // Pooled s² = (5 + 4.75) / (4 + 4 − 2) = 9.75 / 6 = 1.625; SE = √(1.625 × (1/4 + 1/4)) = √0.8125 = 0.9013878.
    // D = 3.5 − 1.25 = 2.25; t = 2.25 / 0.9013878 = 2.4961509 (the Student t statistic of the 8 practice means
    // as two independent samples, as any statistics package's equal-variance two-sample t-test gives it).
    // t(0.975, 6) = 2.4469119 (t table: 2.447); CI = 2.25 ± 2.4469119 × 0.9013878 = 2.25 ± 2.2056165.
    const d = practiceLevelDifference(PROGRAMME, COMPARISON)!;
    assert.equal(d.method, 'practice-level');
    close(d.estimate, 2.25);
    close(d.se, Math.sqrt(0.8125));
    assert.equal(d.df, 6);
    close(d.estimate / d.se, 2.4961508830135313);
    close(d.t, 2.4469118511449786, 1e-8);
    close(d.ci.lower, 0.04438346353906786, 1e-8);
    close(d.ci.upper, 4.455616536460932, 1e-8);
  });

  it('weights every practice equally, however many people it has, and leaves out practices with none', () => {
    const crowded = [...PROGRAMME.slice(0, 3), { practiceId: 'p4', values: Array.from({ length: 40 }, () => 4) }];
    close(practiceLevelDifference(crowded, COMPARISON)!.estimate, 2.25);
    close(practiceLevelDifference([...PROGRAMME, { practiceId: 'p5', values: [] }], COMPARISON)!.df, 6);
  });

  it('needs 2 practices in each cohort', () => {
    assert.equal(practiceLevelDifference(PROGRAMME.slice(0, 1), COMPARISON), null);
    assert.equal(
      practiceLevelDifference(PROGRAMME, [...COMPARISON.slice(0, 1), { practiceId: 'c9', values: [] }]),
      null,
    );
  });
});

// An independent CR2 computation with dense matrices, straight from the definitions (Bell & McCaffrey 2002;
// Pustejovsky & Tipton 2018, eqs. 4–7; Imbens & Kolesár 2016, section 4): the model y = β₀ + β₁·programme + e
// fitted by OLS; H = X(XᵀX)⁻¹Xᵀ, M = I − H; Aⱼ = (I − Hⱼⱼ)^(−1/2) by eigen-decomposition; for contrast c = (0, 1),
// pⱼ = cᵀ(XᵀX)⁻¹Xⱼᵀ Aⱼ Sⱼ M (Sⱼ selects practice j's rows); V = Σⱼ (pⱼ y)²; with G = P Pᵀ,
// df = tr(G)² / tr(G²) (the Satterthwaite approximation under the working model e ~ N(0, σ²I)).
type Matrix = number[][];
const times = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const transpose = (a: Matrix): Matrix => a[0]!.map((_, j) => a.map((row) => row[j]!));
const identity = (n: number): Matrix =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/** Cyclic Jacobi eigen-decomposition of a small symmetric matrix: returns [eigenvalues, eigenvectors as columns]. */
function jacobi(input: Matrix): [number[], Matrix] {
  const n = input.length;
  const a = input.map((row) => [...row]);
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  return [a.map((row, i) => row[i]!), v];
}

function denseCr2(programme: PracticeValues[], comparison: PracticeValues[]) {
  const rows: { y: number; treat: number; cluster: number }[] = [];
  [...programme, ...comparison].forEach((p, j) => {
    for (const y of p.values) rows.push({ y, treat: j < programme.length ? 1 : 0, cluster: j });
  });
  const n = rows.length;
  const X: Matrix = rows.map((r) => [1, r.treat]);
  const y: Matrix = rows.map((r) => [r.y]);
  const xtx = times(transpose(X), X);
  const det = xtx[0]![0]! * xtx[1]![1]! - xtx[0]![1]! * xtx[1]![0]!;
  const inv: Matrix = [
    [xtx[1]![1]! / det, -xtx[0]![1]! / det],
    [-xtx[1]![0]! / det, xtx[0]![0]! / det],
  ];
  const beta = times(inv, times(transpose(X), y));
  const H = times(times(X, inv), transpose(X));
  const M = identity(n).map((row, i) => row.map((v, j) => v - H[i]![j]!));
  const P: number[][] = [];
  for (let j = 0; j < programme.length + comparison.length; j++) {
    const idx = rows.flatMap((r, i) => (r.cluster === j ? [i] : []));
    const IminusHjj = idx.map((a) => idx.map((b) => (a === b ? 1 : 0) - H[a]![b]!));
    const [values, vectors] = jacobi(IminusHjj);
    const A = times(
      times(
        vectors,
        values.map((l, i) => values.map((_, k) => (i === k ? l ** -0.5 : 0))),
      ),
      transpose(vectors),
    );
    const Xj = idx.map((i) => X[i]!);
    const S = idx.map((i) => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0)));
    const row = times(times(times(times([inv[1]!], transpose(Xj)), A), S), M);
    P.push(row[0]!);
  }
  const variance = P.reduce((s, p) => s + p.reduce((t, v, i) => t + v * y[i]![0]!, 0) ** 2, 0);
  const G = times(P, transpose(P));
  const trace = G.reduce((s, row, i) => s + row[i]!, 0);
  const traceSquared = times(G, G).reduce((s, row, i) => s + row[i]!, 0);
  return { estimate: beta[1]![0]!, se: Math.sqrt(variance), df: (trace * trace) / traceSquared };
}

describe('cr2Difference: CR2 standard error and Bell–McCaffrey degrees of freedom', () => {
  it('with equal practice sizes the SE is Welch’s SE of the practice means, and df = kₚ + k꜀ − 2 when the cohorts match', () => {
    // Programme practices [1, 3], [2, 4], [5, 7]: means 2, 3, 6 (mean 11/3), variance [(5/3)² + (2/3)² + (7/3)²]/2 = 13/3.
    // Comparison practices [0, 2], [1, 1], [3, 3]: means 1, 1, 3 (mean 5/3), variance [(2/3)² + (2/3)² + (4/3)²]/2 = 4/3.
    // With wⱼ = 1/k in each cohort, V = Σ (1/k²)(ȳⱼ − ȳ)² / (1 − 1/k) = s²/k, so SE = √(13/9 + 4/9) = √(17/9) = 1.3743685.
    // B (see cr2Difference) is (1/(N(k − 1)))·(I − J/k) per cohort: k − 1 eigenvalues 1/(N(k − 1)) and one 0, so with
    // N = 6 and k = 3 in both cohorts df = (1/6 + 1/6)² / (2 × (1/36)/2) = (1/9)/(1/36) = 4.
    // (Welch's df for these means would be 578/185 = 3.12: Bell–McCaffrey's df rests on the working model, not on
    // the sample variances.) t(0.975, 4) = 2.7764451; CI = 2 ± 2.7764451 × 1.3743685 = [−1.8158588, 5.8158588].
    const d = cr2Difference(
      practices('p', [
        [1, 3],
        [2, 4],
        [5, 7],
      ]),
      practices('c', [
        [0, 2],
        [1, 1],
        [3, 3],
      ]),
    )!;
    assert.equal(d.method, 'cr2');
    close(d.estimate, 2);
    close(d.se, Math.sqrt(17 / 9));
    close(d.df, 4);
    close(d.ci.lower, 2 - 2.7764451051977934 * Math.sqrt(17 / 9), 1e-8);
    close(d.ci.upper, 2 + 2.7764451051977934 * Math.sqrt(17 / 9), 1e-8);
  });

  it('worked example (unequal sizes): D = 1.8, SE 1.0505, df 4.972 — as a dense-matrix CR2 computes them', () => {
    // Person-level means: programme 33/10 = 3.3, comparison 12/8 = 1.5; D = 1.8.
    // Programme wⱼ = 0.2, 0.3, 0.1, 0.4 and ȳⱼ − 3.3 = −0.3, −1.3, 1.7, 0.7:
    //   V = 0.04·0.09/0.8 + 0.09·1.69/0.7 + 0.01·2.89/0.9 + 0.16·0.49/0.6 = 0.0045 + 0.2172857 + 0.0321111 + 0.1306667 = 0.3845635
    // Comparison wⱼ = 0.25, 0.125, 0.375, 0.25 and ȳⱼ − 1.5 = −0.5, −0.5, 1.5, −1.5:
    //   V = 0.0625·0.25/0.75 + 0.015625·0.25/0.875 + 0.140625·2.25/0.625 + 0.0625·2.25/0.75
    //     = 0.0208333 + 0.0044643 + 0.50625 + 0.1875 = 0.7190476
    // SE = √(0.3845635 + 0.7190476) = √1.1036111 = 1.0505290. The df comes from the dense computation above.
    const d = cr2Difference(PROGRAMME, COMPARISON)!;
    const dense = denseCr2(PROGRAMME, COMPARISON);
    close(d.estimate, 1.8);
    close(d.se ** 2, 0.3845635 + 0.7190476, 1e-6);
    close(d.estimate, dense.estimate);
    close(d.se, dense.se, 1e-10);
    close(d.df, dense.df, 1e-9);
    close(d.df, 4.972068853523872, 1e-8);
  });

  it('agrees with the dense computation on uneven practices, and needs 2 practices in each cohort', () => {
    const p = practices('p', [[3], [1, 2, 2, 5, 0], [4, 4], [2, 6, 1]]);
    const c = practices('c', [[0, 1, 1], [2], [5, -1, 0, 2, 2, 1]]);
    const d = cr2Difference(p, c)!;
    const dense = denseCr2(p, c);
    close(d.se, dense.se, 1e-10);
    close(d.df, dense.df, 1e-9);
    assert.equal(cr2Difference(p, c.slice(0, 1)), null);
  });
});

describe('anovaIcc and the design effect', () => {
  it('worked example: ICC 0.3799 from the one-way ANOVA with practices nested in cohorts', () => {
    // Programme (N = 10, mean 3.3): SSB = 2(−0.3)² + 3(−1.3)² + 1(1.7)² + 4(0.7)² = 0.18 + 5.07 + 2.89 + 1.96 = 10.1;
    //   SSW = [1 + 1] + [1 + 1 + 4] + 0 + [1 + 1 + 0 + 0] = 10.
    // Comparison (N = 8, mean 1.5): SSB = 2(0.25) + 1(0.25) + 3(2.25) + 2(2.25) = 12; SSW = 2 + 0 + 2 + 2 = 6.
    // MSB = 22.1 / (8 − 2) = 3.6833333; MSW = 16 / (18 − 8) = 1.6.
    // m₀ = (18 − (4 + 9 + 1 + 16)/10 − (4 + 1 + 9 + 4)/8) / 6 = (18 − 3 − 2.25)/6 = 2.125.
    // ICC = (3.6833333 − 1.6) / (3.6833333 + 1.125 × 1.6) = 2.0833333 / 5.4833333 = 0.3799392.
    close(anovaIcc([PROGRAMME, COMPARISON]), 2.0833333333333335 / 5.483333333333333);
  });

  it('balanced practices in one cohort give the textbook (MSB − MSW)/(MSB + (m − 1)MSW), truncated at 0', () => {
    // [1, 3], [5, 7], [9, 11]: means 2, 6, 10 (grand mean 6); MSB = 2(16 + 0 + 16)/2 = 32; MSW = (2 + 2 + 2)/3 = 2.
    // ICC = (32 − 2)/(32 + 2) = 30/34.
    close(
      anovaIcc([
        practices('p', [
          [1, 3],
          [5, 7],
          [9, 11],
        ]),
      ]),
      30 / 34,
    );
    // Means all equal and spread within: MSB = 0 < MSW, so the estimate is negative and reported as 0.
    assert.equal(
      anovaIcc([
        practices('p', [
          [1, 3],
          [3, 1],
          [0, 4],
        ]),
      ]),
      0,
    );
    // One practice per cohort: nothing to estimate between practices.
    assert.equal(anovaIcc([PROGRAMME.slice(0, 1), COMPARISON.slice(0, 1)]), null);
  });

  it('effective cluster size: Σm²/Σm per cohort, combined by 1/N; the mean size when sizes are equal', () => {
    // Programme Σm² = 4 + 9 + 1 + 16 = 30, N = 10 → 3; comparison Σm² = 4 + 1 + 9 + 4 = 18, N = 8 → 2.25.
    // m̄ = (3/10 + 2.25/8) / (1/10 + 1/8) = 0.58125 / 0.225 = 2.5833333.
    close(effectiveClusterSize(PROGRAMME, COMPARISON), 0.58125 / 0.225);
    close(
      effectiveClusterSize(
        practices('p', [
          [1, 2],
          [3, 4],
        ]),
        practices('c', [
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ),
      2,
    );
  });

  it('clusterAnalysis reports practices, ICC, design effect and both estimates, practice-level first by default', () => {
    const a = clusterAnalysis(PROGRAMME, COMPARISON);
    assert.deepEqual(a.practices, { programme: 4, comparison: 4 });
    assert.equal(a.method, 'practice-level');
    assert.equal(a.primary, a.practiceLevel);
    assert.equal(a.tooFewPractices, false);
    // Design effect = 1 + (2.5833333 − 1) × 0.3799392 = 1.6015704.
    close(a.designEffect, 1 + (0.58125 / 0.225 - 1) * (2.0833333333333335 / 5.483333333333333));
    assert.deepEqual(
      a.practiceMeans.map((p) => [p.practiceId, p.cohort, p.n, p.mean]),
      [
        ['p1', 'programme', 2, 3],
        ['p2', 'programme', 3, 2],
        ['p3', 'programme', 1, 5],
        ['p4', 'programme', 4, 4],
        ['c1', 'comparison', 2, 1],
        ['c2', 'comparison', 1, 1],
        ['c3', 'comparison', 3, 3],
        ['c4', 'comparison', 2, 0],
      ],
    );
    const cr2 = clusterAnalysis(PROGRAMME, COMPARISON, { method: 'cr2' });
    assert.equal(cr2.primary, cr2.cr2);
  });

  it('says there are too few practices below 4 in a cohort, and gives no interval with 1', () => {
    assert.equal(MIN_PRACTICES_PER_ARM, 4);
    const three = clusterAnalysis(PROGRAMME.slice(0, 3), COMPARISON);
    assert.equal(three.tooFewPractices, true);
    assert.equal(three.minPractices, 4);
    assert.ok(three.primary, 'still estimated, with the warning');
    const one = clusterAnalysis(PROGRAMME.slice(0, 1), COMPARISON);
    assert.equal(one.tooFewPractices, true);
    assert.equal(one.primary, null);
  });
});

describe('compareOutcomeChange uses the cluster-aware analysis by default', () => {
  let next = 0;
  const responses: OutcomeResponse[] = [];
  const add = (practiceId: string, changes: number[]) =>
    changes.forEach((change) => {
      const person = `person-${++next}`;
      responses.push(
        {
          id: `b${next}`,
          instrumentId: 'ons4',
          person,
          practiceId,
          timepoint: 'baseline',
          date: '2024-01-01',
          answers: { 'life-satisfaction': 3 },
        },
        {
          id: `f${next}`,
          instrumentId: 'ons4',
          person,
          practiceId,
          timepoint: 'follow-up',
          date: '2024-07-01',
          answers: { 'life-satisfaction': 3 + change },
        },
      );
    });
  for (const p of PROGRAMME) add(p.practiceId, [...p.values]);
  for (const c of COMPARISON) add(c.practiceId, [...c.values]);
  const cohortOf = (id: string) => (id.startsWith('p') ? 'programme' : 'comparison');

  it('people clustered in 4 + 4 practices: the verdict follows the practice-level interval, the Welch one is kept apart', () => {
    const life = compareOutcomeChange(ONS4, responses, cohortOf).measures[0]!;
    close(life.difference!.estimate, 1.8, 1e-12);
    assert.equal(life.clusters.practices.programme, 4);
    close(life.clusters.primary!.estimate, 2.25);
    close(life.clusters.primary!.ci.lower, 0.04438346353906786, 1e-8);
    assert.equal(life.verdict, 'better');
    close(life.clusters.cr2!.se, 1.0505289672879614, 1e-9);
    const withCr2 = compareOutcomeChange(ONS4, responses, cohortOf, { clusterMethod: 'cr2' }).measures[0]!;
    assert.equal(withCr2.clusters.method, 'cr2');
    assert.equal(withCr2.verdict, 'unclear', 'the CR2 interval −0.905 to 4.505 includes 0');
  });
});
