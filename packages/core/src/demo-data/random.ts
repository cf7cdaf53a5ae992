import { hashSeed, mulberry32 } from '../shared/random.js';

/**
 * A small seeded pseudo-random generator for demo data: deterministic, fast,
 * and never `Math.random`. Not for anything security-related.
 */
export interface DemoRandom {
  /** A number in [0, 1). */
  next(): number;
  /** A number in [min, max). */
  uniform(min: number, max: number): number;
  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A normally distributed number (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** `count` distinct elements of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Creates a generator from a seed and an optional stream name. Different
 * streams of the same seed are independent, so a generator for one part of
 * the demo data (e.g. `"referrals"`) can be added later without changing
 * what the others produce.
 *
 * Algorithm: mulberry32, seeded by mixing the seed with an FNV-1a hash of
 * the stream name.
 */
export function createDemoRandom(seed: number | string, stream = ''): DemoRandom {
  const next = mulberry32(hashSeed(`${String(seed)}\u0000${stream}`) ^ 0x9e3779b9);
  const random: DemoRandom = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal(mean, sd) {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    sample(items, count) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, Math.max(0, Math.min(count, copy.length)));
    },
  };
  return random;
}
