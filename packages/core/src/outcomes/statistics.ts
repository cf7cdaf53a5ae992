/**
 * The statistics behind outcome reporting: means, sample variances, the
 * Student t distribution (CDF and quantile, for any positive degrees of
 * freedom, fractional too, as Welch–Satterthwaite needs), the normal
 * quantile, and the two confidence intervals we report: a paired mean change
 * and a difference of two independent mean changes (Welch).
 *
 * Everything here is pure and deterministic. Functions return `NaN` for
 * arguments outside their domain rather than throwing.
 *
 * @module
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];

/**
 * Natural logarithm of the gamma function, Γ(x), for x > 0 (Lanczos
 * approximation, g = 7, 9 terms; relative error below 1e-14).
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-15;

/** Continued fraction for the incomplete beta function (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) break;
  }
  return h;
}

/**
 * Stirling-series remainder lnΓ(x) − [(x−½)ln x − x + ½ln 2π] for x ≥ 10:
 * Σ B₂ₖ / (2k(2k−1)x²ᵏ⁻¹), k = 1…7 (truncation error below 1e-16 at x = 10).
 */
function stirlingCorrection(x: number): number {
  const r = 1 / (x * x);
  return (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188 - r * (691 / 360360 - r / 156)))))) / x;
}

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b), written so that it keeps its
 * precision when a or b is large (Stirling differences with log1p), where
 * subtracting three large log-gammas would lose most digits.
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return Number.NaN;
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = small + large;
  // lnΓ(large) − lnΓ(sum) = −(large−½)·log1p(small/large) − small·ln(sum) + small + corr(large) − corr(sum)
  const diff =
    -(large - 0.5) * Math.log1p(small / large) -
    small * Math.log(sum) +
    small +
    stirlingCorrection(large) -
    stirlingCorrection(sum);
  if (small < 10) return logGamma(small) + diff;
  return (small - 0.5) * Math.log(small) - small + HALF_LN_2PI + stirlingCorrection(small) + diff;
}

/**
 * I_x(a, b) given both x and y = 1 − x, each computed directly by the caller
 * so that neither loses precision when the other is close to 1.
 */
function regularizedBetaXY(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const lnY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * lnX + b * lnY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(y, b, a)) / b;
}

/**
 * The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1 and
 * a, b > 0, by its continued fraction (Numerical Recipes §6.4), using the
 * symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0) || !(x <= 1)) return Number.NaN;
  if (x === 0) return 0;
  if (x === 1) return 1;
  return regularizedBetaXY(x, 1 - x, a, b);
}

/**
 * The inverse of the regularized incomplete beta function: the x in [0, 1]
 * with I_x(a, b) = p. Starts from the Numerical Recipes (3rd ed., §6.14)
 * initial guess and refines it with Halley steps kept inside a bracket that
 * shrinks every step (falling back to bisection), so it always converges.
 */
export function inverseRegularizedBeta(p: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(p >= 0) || !(p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const a1 = a - 1;
  const b1 = b - 1;
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
  }
  const lnNorm = -logBeta(a, b);
  let lo = 0;
  let hi = 1;
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let i = 0; i < 300; i++) {
    const err = regularizedBeta(x, a, b) - p;
    if (err === 0) return x;
    if (err < 0) lo = x;
    else hi = x;
    // Density of the beta distribution at x: the derivative of I_x(a, b).
    const density = Math.exp(a1 * Math.log(x) + b1 * Math.log1p(-x) + lnNorm);
    let next = Number.NaN;
    if (density > 0 && Number.isFinite(density)) {
      const u = err / density;
      const step = u / (1 - 0.5 * Math.min(1, u * (a1 / x - b1 / (1 - x))));
      next = x - step;
    }
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(next, 1e-300) || hi - lo <= 1e-300) return next;
    x = next;
  }
  return x;
}

/** The regularized lower incomplete gamma function P(a, x), by series or continued fraction (Numerical Recipes §6.2). */
function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lnFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return sum * Math.exp(lnFront);
  }
  return 1 - regularizedGammaQContinuedFraction(a, x, lnFront);
}

function regularizedGammaQContinuedFraction(a: number, x: number, lnFront: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPSILON) break;
  }
  return Math.exp(lnFront) * h;
}

/** The standard normal cumulative distribution function Φ(z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  // Φ(z) = ½·erfc(−z/√2), and erfc(y) = Q(½, y²) for y ≥ 0.
  const y = Math.abs(z) / Math.SQRT2;
  const x = y * y;
  const tail =
    x < 1.5
      ? 0.5 * (1 - regularizedGammaP(0.5, x))
      : 0.5 * regularizedGammaQContinuedFraction(0.5, x, 0.5 * Math.log(x) - x - logGamma(0.5));
  return z < 0 ? tail : 1 - tail;
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1: Wichura's algorithm
 * AS 241 (PPND16), accurate to about 1 part in 10¹⁶.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 2.7115555687434876e-5) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 1.8463183175100548e-5) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** Above this many degrees of freedom the t distribution function is computed from the normal (error of order df⁻²). */
const LARGE_DF = 1e7;
/** Above this many degrees of freedom the t quantile comes from the Cornish–Fisher expansion (error of order df⁻⁵). */
const CORNISH_FISHER_DF = 1e5;

/** P(T > t) for t ≥ 0: ½·I_x(df/2, ½) with x = df/(df+t²), 1 − x = t²/(df+t²) computed separately. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedBetaXY(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

/** The density of Student's t: (1 + t²/df)^(−(df+1)/2) / (√df · B(df/2, ½)). */
export function tDensity(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The cumulative distribution function of Student's t distribution with `df`
 * degrees of freedom (any df > 0, fractional allowed; `Infinity` gives the
 * normal distribution): P(T ≤ t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0.
 * Above 10⁷ degrees of freedom it uses Φ(t − (t³ + t)/(4·df)), whose error
 * is of order df⁻².
 */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df > LARGE_DF) return normalCdf(t - (t * t * t + t) / (4 * df));
  const tail = upperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The quantile function of Student's t distribution: the t with
 * P(T ≤ t) = p, for 0 < p < 1 and any df > 0 (fractional allowed, as the
 * Welch–Satterthwaite degrees of freedom are; `Infinity` gives the normal
 * quantile). For example `tQuantile(0.975, 10)` is 2.228…, the multiplier
 * of a 95% confidence interval with 10 degrees of freedom.
 *
 * Exact closed forms for df = 1 and df = 2. Otherwise it inverts the
 * regularized incomplete beta function (see {@link inverseRegularizedBeta})
 * and polishes the result with Newton steps on the t distribution function.
 * Above 10⁵ degrees of freedom it uses the Cornish–Fisher expansion about the
 * normal quantile (Abramowitz & Stegun 26.7.5).
 */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Cauchy: tan(π(p − ½)) = −1/tan(πp), written so that small p keeps its precision.
  if (df === 1) return p < 0.5 ? -1 / Math.tan(Math.PI * p) : 1 / Math.tan(Math.PI * (1 - p));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const tail = p < 0.5 ? p : 1 - p;
  let t: number;
  if (df > CORNISH_FISHER_DF) {
    const z = -normalQuantile(tail);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  } else {
    // The two-sided tail 2·tail = I_x(df/2, ½) with x = df/(df+t²). When
    // t² < df (x > ½) solve for y = 1 − x = t²/(df+t²) instead, with
    // I_y(½, df/2) = 1 − 2·tail, so that t keeps its precision for large df.
    const half = regularizedBeta(0.5, df / 2, 0.5);
    if (2 * tail > half) {
      const y = inverseRegularizedBeta(1 - 2 * tail, 0.5, df / 2);
      t = Math.sqrt((df * y) / (1 - y));
    } else {
      const x = inverseRegularizedBeta(2 * tail, df / 2, 0.5);
      t = Math.sqrt((df * (1 - x)) / x);
    }
    // Newton on P(T > t) = tail: one or two steps recover the digits the
    // beta inversion loses in far tails.
    for (let i = 0; i < 4; i++) {
      const step = (upperTail(t, df) - tail) / tDensity(t, df);
      if (!Number.isFinite(step)) break;
      t += step;
      if (Math.abs(step) <= 1e-15 * t) break;
    }
  }
  return p < 0.5 ? -t : t;
}

/** The arithmetic mean; `NaN` for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The sample variance (divisor n − 1), computed in two passes for accuracy; `NaN` with fewer than 2 values. */
export function sampleVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  let correction = 0;
  for (const v of values) {
    const d = v - m;
    ss += d * d;
    correction += d;
  }
  return (ss - (correction * correction) / n) / (n - 1);
}

/** A confidence interval. */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
}

/** A mean with its spread, standard error and confidence interval. */
export interface MeanEstimate {
  /** How many values. */
  readonly n: number;
  /** `null` when n = 0. */
  readonly mean: number | null;
  /** Sample standard deviation; `null` when n < 2. */
  readonly sd: number | null;
  /** Standard error of the mean, sd/√n; `null` when n < 2. */
  readonly se: number | null;
  /** Degrees of freedom, n − 1; `null` when n < 2. */
  readonly df: number | null;
  /** The t multiplier t(1 − α/2, df); `null` when n < 2. */
  readonly t: number | null;
  /** `null` when n < 2. */
  readonly ci: ConfidenceInterval | null;
}

function checkConfidence(confidence: number): number {
  return confidence > 0 && confidence < 1 ? confidence : Number.NaN;
}

/**
 * The mean of `values` with a two-sided confidence interval from the t
 * distribution: mean ± t(1 − α/2, n − 1) · sd/√n, with α = 1 − confidence.
 * Used for paired changes, where `values` are each person's follow-up minus
 * baseline.
 */
export function meanWithInterval(values: readonly number[], confidence = 0.95): MeanEstimate {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, se: null, df: null, t: null, ci: null };
  const m = mean(values);
  if (n < 2) return { n, mean: m, sd: null, se: null, df: null, t: null, ci: null };
  const sd = Math.sqrt(Math.max(0, sampleVariance(values)));
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const t = tQuantile(1 - (1 - checkConfidence(confidence)) / 2, df);
  return { n, mean: m, sd, se, df, t, ci: { lower: m - t * se, upper: m + t * se } };
}

/** Summary statistics of one group, as {@link welchDifference} needs them. */
export interface GroupSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation. */
  readonly sd: number;
}

/** The difference of two independent means with Welch's interval. */
export interface WelchDifference {
  /** mean₁ − mean₂. */
  readonly difference: number;
  /** √(s₁²/n₁ + s₂²/n₂). */
  readonly se: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  readonly df: number;
  /** The t multiplier t(1 − α/2, df). */
  readonly t: number;
  readonly ci: ConfidenceInterval;
}

/**
 * The difference between two independent group means, first minus second,
 * with a confidence interval that does not assume equal variances (Welch):
 *
 * - SE = √(s₁²/n₁ + s₂²/n₂)
 * - df = (s₁²/n₁ + s₂²/n₂)² / [ (s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1) ] (Welch–Satterthwaite)
 * - interval = difference ± t(1 − α/2, df) · SE
 *
 * Needs at least 2 values in each group (`null` otherwise). When both
 * standard deviations are 0 the degrees of freedom are undefined (0/0):
 * df is then taken as n₁ + n₂ − 2 and the interval has zero width.
 */
export function welchDifference(first: GroupSummary, second: GroupSummary, confidence = 0.95): WelchDifference | null {
  if (first.n < 2 || second.n < 2) return null;
  const v1 = (first.sd * first.sd) / first.n;
  const v2 = (second.sd * second.sd) / second.n;
  const se = Math.sqrt(v1 + v2);
  const df =
    v1 + v2 === 0 ? first.n + second.n - 2 : (v1 + v2) ** 2 / ((v1 * v1) / (first.n - 1) + (v2 * v2) / (second.n - 1));
  const t = tQuantile(1 - (1 - checkConfidence(confidence)) / 2, df);
  const difference = first.mean - second.mean;
  return { difference, se, df, t, ci: { lower: difference - t * se, upper: difference + t * se } };
}
