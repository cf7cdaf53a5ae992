/**
 * A string as a 32-bit number (FNV-1a), e.g. to turn a word seed or a
 * stream name into a seed for {@link mulberry32}. Not for anything
 * security-related.
 */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * A small, fast, seeded pseudo-random generator (mulberry32): numbers in
 * [0, 1), the same sequence for the same seed. For demo data and tests,
 * never for anything security-related.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A new unique id, `prefix-` and a random UUID (from `crypto.randomUUID`
 * where the platform has it: every browser in a secure context, Node 19+).
 * Elsewhere the time and a random number stand in: unique enough for ids a
 * store then checks, not unguessable.
 */
export function randomId(prefix: string): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  const unique = crypto?.randomUUID
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
  return `${prefix}-${unique}`;
}
