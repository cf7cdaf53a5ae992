/**
 * The `p`-quantile (0–1) of sorted values by linear interpolation between
 * order statistics (Hyndman & Fan type 7: R's default and Excel's
 * QUARTILE.INC). `NaN` for an empty list.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The median of a list of numbers (mean of the middle two for an even count); `NaN` for an empty list. The list is not changed. */
export function medianOf(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  // The mean of the middle two, written as such: the same figure as the type-7 quantile at 0.5 up to the last bit.
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
