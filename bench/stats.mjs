// The benchmarks' one set of summary statistics (loops, never spreads, so long lists are safe).

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The smallest number: the best of a list of times. */
export function best(xs) {
  let min = Infinity;
  for (const x of xs) if (x < min) min = x;
  return min;
}

/** The largest number: the best of a list of rates. */
export function most(xs) {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  return max;
}

/** The value below which a fraction `p` (0–1) of a list falls (nearest rank): `percentile(xs, 0.99)` is the p99. */
export function percentile(xs, p) {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
