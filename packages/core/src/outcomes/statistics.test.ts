import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inverseRegularizedBeta,
  logBeta,
  logGamma,
  mean,
  meanWithInterval,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  sampleVariance,
  tCdf,
  tQuantile,
  welchDifference,
} from './statistics.js';

const close = (actual: number, expected: number, tolerance: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);

// Published critical values of Student's t, to 3 decimals, as printed in
// standard tables (e.g. NIST/SEMATECH e-Handbook of Statistical Methods,
// §1.3.6.7.2, "Critical values of the Student's t distribution"), for the
// upper-tail probabilities 0.05, 0.025 and 0.005, i.e. the quantiles 0.95,
// 0.975 and 0.995 (two-sided 90%, 95% and 99% intervals).
const DF = [...Array.from({ length: 30 }, (_, i) => i + 1), 60, 120, Infinity];
const TABLE: Record<string, readonly number[]> = {
  '0.95': [
    6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74,
    1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697, 1.671, 1.658, 1.645,
  ],
  '0.975': [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
    2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042, 2.0, 1.98, 1.96,
  ],
  '0.995': [
    63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.25, 3.169, 3.106, 3.055, 3.012, 2.977, 2.947, 2.921,
    2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.75, 2.66, 2.617, 2.576,
  ],
};

/**
 * P(T ≤ t) by brute-force numerical integration of the t density, normalised
 * numerically too, so that it shares no code with the library (no gamma or
 * beta functions): substitute u = tan θ and apply Simpson's rule.
 */
function integratedTCdf(t: number, df: number): number {
  const shape = (u: number) => Math.pow(1 + (u * u) / df, -(df + 1) / 2);
  const integral = (from: number, to: number) => {
    const steps = 20_000;
    const h = (to - from) / steps;
    const f = (theta: number) => {
      const c = Math.cos(theta);
      return c === 0 ? 0 : shape(Math.tan(theta)) / (c * c);
    };
    let sum = f(from) + f(to);
    for (let i = 1; i < steps; i++) sum += f(from + i * h) * (i % 2 === 0 ? 2 : 4);
    return (sum * h) / 3;
  };
  return integral(-Math.PI / 2, Math.atan(t)) / integral(-Math.PI / 2, Math.PI / 2);
}

describe('tQuantile', () => {
  for (const [p, column] of Object.entries(TABLE)) {
    it(`matches the published t table at p = ${p} for df 1–30, 60, 120 and ∞`, () => {
      DF.forEach((df, i) => {
        // A table value is rounded to 3 decimals, so it is within 0.0005 of the true value.
        close(tQuantile(Number(p), df), column[i]!, 0.0005, `t(${p}, ${df})`);
      });
    });
  }

  it('is exact where closed forms exist (df 1: Cauchy; df 2)', () => {
    // df = 1: t = tan(π(p − ½)); at p = 0.975, tan(0.475π) = 12.70620473617…
    close(tQuantile(0.975, 1), Math.tan(0.475 * Math.PI), 1e-12);
    // df = 2: t = (2p − 1)/√(2p(1 − p)); at p = 0.975: 0.95/√0.04875 = 4.30265272974946
    close(tQuantile(0.975, 2), 0.95 / Math.sqrt(0.04875), 1e-13);
    // df → ∞: the normal quantile 1.959963984540054
    close(tQuantile(0.975, Infinity), 1.959963984540054, 1e-14);
    close(tQuantile(0.975, 1e9), 1.959963984540054, 1e-8);
  });

  it('is symmetric, monotone, and inverts the distribution function, also for fractional df', () => {
    for (const df of [0.5, 1.5, 3, 6.959082542828825, 17.3, 250, 1e5]) {
      let previous = -Infinity;
      for (const p of [1e-9, 0.001, 0.025, 0.2, 0.5, 0.7, 0.95, 0.975, 0.999]) {
        const t = tQuantile(p, df);
        assert.ok(t > previous, `t(${p}, ${df}) must increase with p`);
        previous = t;
        // 1 − p is rounded; compare with the quantile at exactly 1 − (1 − p).
        const q = 1 - p;
        close(tQuantile(q, df), -tQuantile(1 - q, df), 1e-11 * Math.max(1, Math.abs(t)));
        close(tCdf(t, df), p, 1e-12 * Math.max(1, p / 1e-3));
      }
    }
  });

  it('agrees with brute-force integration of the density at a Welch–Satterthwaite df (6.959)', () => {
    const df = 6.959082542828825;
    const t = tQuantile(0.975, df);
    close(t, 2.3674456278410116, 1e-10);
    close(integratedTCdf(t, df), 0.975, 1e-9);
  });

  it('returns NaN outside its domain, and the limits at 0, ½ and 1', () => {
    assert.ok(Number.isNaN(tQuantile(0.5, 0)));
    assert.ok(Number.isNaN(tQuantile(0.5, -3)));
    assert.ok(Number.isNaN(tQuantile(1.2, 5)));
    assert.ok(Number.isNaN(tQuantile(Number.NaN, 5)));
    assert.equal(tQuantile(0.5, 7), 0);
    assert.equal(tQuantile(0, 7), -Infinity);
    assert.equal(tQuantile(1, 7), Infinity);
  });
});

describe('tCdf', () => {
  it('matches the closed forms for df 1, 2 and 3', () => {
    for (const t of [-30, -2.5, -0.3, 0, 0.7, 1.96, 12]) {
      // df 1 (Cauchy): ½ + atan(t)/π
      close(tCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-14);
      // df 2: ½ + t / (2√(2 + t²))
      close(tCdf(t, 2), 0.5 + t / (2 * Math.sqrt(2 + t * t)), 1e-14);
      // df 3: ½ + [ t/(√3(1 + t²/3)) + atan(t/√3) ] / π
      close(tCdf(t, 3), 0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI, 1e-14);
    }
  });

  it('agrees with brute-force integration for fractional df', () => {
    for (const [t, df] of [
      [1.3, 2.5],
      [-0.4, 4.2],
      [2.2, 11.7],
    ] as const) {
      close(tCdf(t, df), integratedTCdf(t, df), 1e-9, `tCdf(${t}, ${df})`);
    }
  });

  it('keeps precision far in the tail', () => {
    // df 1: P(T ≤ −1e6) = ½ − atan(1e6)/π ≈ 1/(π·1e6)
    close(tCdf(-1e6, 1) / (1 / (Math.PI * 1e6)), 1, 1e-9);
  });
});

describe('special functions', () => {
  it('logGamma gives Γ(5) = 24, Γ(½) = √π and Γ(10.5) exactly enough', () => {
    close(logGamma(5), Math.log(24), 1e-13);
    close(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-13);
    close(logGamma(1), 0, 1e-14);
    // Γ(10.5) = (19!!/2^10)·√π = 654729075/1024·√π = 1133278.3889487856…
    close(Math.exp(logGamma(10.5)), 1133278.3889487856, 1e-6);
    assert.ok(Number.isNaN(logGamma(0)));
  });

  it('logBeta keeps its digits for large arguments', () => {
    // B(1, b) = 1/b exactly.
    close(logBeta(1, 5e8), -Math.log(5e8), 1e-12);
    close(logBeta(3, 4), Math.log(1 / 60), 1e-13); // B(3,4) = 2!·3!/6! = 12/720
  });

  it('regularizedBeta has the textbook special cases, and its inverse undoes it', () => {
    close(regularizedBeta(0.3, 1, 1), 0.3, 1e-15); // uniform
    close(regularizedBeta(0.3, 2, 1), 0.09, 1e-15); // x^a
    close(regularizedBeta(0.5, 7.5, 7.5), 0.5, 1e-14); // symmetry
    // I_0.3(2, 3) = Σ_{j=2}^{4} C(4,j) 0.3^j 0.7^(4−j) = 0.2646 + 0.0756 + 0.0081 = 0.3483
    close(regularizedBeta(0.3, 2, 3), 0.3483, 1e-14);
    for (const [p, a, b] of [
      [0.3483, 2, 3],
      [1e-8, 30, 0.5],
      [0.999, 0.5, 12],
      [0.5, 0.2, 0.3],
    ] as const) {
      close(regularizedBeta(inverseRegularizedBeta(p, a, b), a, b), p, 1e-13 * Math.max(1, p));
    }
    assert.equal(inverseRegularizedBeta(0, 2, 3), 0);
    assert.equal(inverseRegularizedBeta(1, 2, 3), 1);
  });

  it('normal quantile and distribution function', () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-15);
    close(normalQuantile(0.5), 0, 0);
    close(normalQuantile(1e-10), -6.361340902404056, 1e-12);
    close(normalCdf(1.96), 0.9750021048517795, 1e-15);
    close(normalCdf(-8), 6.22096057427174e-16, 1e-28);
    close(normalCdf(normalQuantile(0.2)), 0.2, 1e-15);
  });
});

describe('mean, variance and intervals (worked by hand)', () => {
  it('mean and sample variance', () => {
    // [2, 1, 0, 3, 1]: sum 7, mean 1.4; squared deviations 0.36 + 0.16 + 1.96 + 2.56 + 0.16 = 5.2; 5.2/4 = 1.3
    close(mean([2, 1, 0, 3, 1]), 1.4, 1e-15);
    close(sampleVariance([2, 1, 0, 3, 1]), 1.3, 1e-15);
    assert.ok(Number.isNaN(mean([])));
    assert.ok(Number.isNaN(sampleVariance([4])));
    // Large offset: the two-pass formula keeps the variance exact.
    close(sampleVariance([1e9 + 2, 1e9 + 1, 1e9, 1e9 + 3, 1e9 + 1]), 1.3, 1e-6);
  });

  it('meanWithInterval: d̄ ± t(0.975, n−1)·s/√n', () => {
    // n = 5, d̄ = 1.4, s² = 1.3, SE = √(1.3/5) = √0.26 = 0.50990195
    // t(0.975, 4) = 2.77644511; half-width = 2.77644511 × 0.50990195 = 1.41571478
    // interval = [1.4 − 1.41571478, 1.4 + 1.41571478] = [−0.01571478, 2.81571478]
    const e = meanWithInterval([2, 1, 0, 3, 1]);
    assert.equal(e.n, 5);
    assert.equal(e.df, 4);
    close(e.mean!, 1.4, 1e-15);
    close(e.sd!, Math.sqrt(1.3), 1e-15);
    close(e.se!, Math.sqrt(0.26), 1e-15);
    close(e.t!, 2.7764451051977934, 1e-12);
    close(e.ci!.lower, -0.015714776982272305, 1e-12);
    close(e.ci!.upper, 2.815714776982272, 1e-12);
  });

  it('meanWithInterval: no interval with fewer than 2 values; other confidence levels', () => {
    assert.deepEqual(meanWithInterval([]), { n: 0, mean: null, sd: null, se: null, df: null, t: null, ci: null });
    assert.deepEqual(meanWithInterval([3]), { n: 1, mean: 3, sd: null, se: null, df: null, t: null, ci: null });
    // 99%: t(0.995, 4) = 4.604 (table); half-width 4.60409487 × 0.50990195 = 2.34763...
    const e = meanWithInterval([2, 1, 0, 3, 1], 0.99);
    close(e.t!, 4.604, 0.0005);
    close(e.ci!.upper - 1.4, e.t! * Math.sqrt(0.26), 1e-15);
  });

  it('welchDifference: difference of means with Welch SE and Welch–Satterthwaite df', () => {
    // Group 1: n = 5, mean 1.4, s² = 1.3 → s²/n = 0.26
    // Group 2: n = 4, mean 0,   s² = 2/3 → s²/n = 1/6 = 0.1666667
    // D = 1.4; SE = √(0.26 + 0.1666667) = √0.4266667 = 0.65319726
    // df = 0.4266667² / (0.26²/4 + 0.1666667²/3) = 0.1820444 / (0.0169 + 0.0092593) = 6.95908254
    // t(0.975, 6.95908) = 2.36744563; half-width = 2.36744563 × 0.65319726 = 1.54640901
    // interval = [−0.14640901, 2.94640901]
    const w = welchDifference({ n: 5, mean: 1.4, sd: Math.sqrt(1.3) }, { n: 4, mean: 0, sd: Math.sqrt(2 / 3) })!;
    close(w.difference, 1.4, 1e-15);
    close(w.se, 0.6531972647421808, 1e-14);
    close(w.df, 6.959082542828825, 1e-12);
    close(w.t, 2.3674456278410116, 1e-10);
    close(w.ci.lower, -0.14640900853158367, 1e-10);
    close(w.ci.upper, 2.9464090085315835, 1e-10);
  });

  it('welchDifference: equal variances and sizes give the pooled df 2n − 2; degenerate cases', () => {
    // s₁ = s₂ = 2, n₁ = n₂ = 10 → df = (0.4 + 0.4)² / (0.4²/9 · 2) = 0.64 / 0.0355556 = 18
    close(welchDifference({ n: 10, mean: 3, sd: 2 }, { n: 10, mean: 1, sd: 2 })!.df, 18, 1e-12);
    assert.equal(welchDifference({ n: 1, mean: 3, sd: 0 }, { n: 10, mean: 1, sd: 2 }), null);
    const flat = welchDifference({ n: 3, mean: 2, sd: 0 }, { n: 4, mean: 1, sd: 0 })!;
    assert.equal(flat.df, 5);
    assert.deepEqual(flat.ci, { lower: 1, upper: 1 });
  });
});
