// A small seeded PRNG (mulberry32). Its whole state is one 32-bit integer, so a run can be saved
// and resumed exactly. The engine never reads Math.random: every random choice comes from here.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** The current state; `createRng(state, true)` resumes from it. */
  state(): number;
};

/**
 * mulberry32 (Tommy Ettinger, public domain): s ← s + 0x6D2B79F5; t = mix(s); out = t / 2^32.
 * Passes PractRand to 32 GB, plenty for choosing a few exploration candidates.
 */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    state: () => s,
  };
}

/**
 * Derives an independent 32-bit seed from a run seed and a label (for example a slate's time), so
 * each slate's random choices do not depend on how many numbers earlier slates drew. This keeps a
 * counterfactual's slates comparable with the original's.
 */
export function deriveSeed(seed: number, label: number | string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  const text = String(label);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  // murmur3 finaliser for avalanche.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The first n of a uniform random permutation of `list` (a partial Fisher–Yates shuffle). */
export function drawWithoutReplacement<T>(list: readonly T[], n: number, rng: Rng): T[] {
  const pool = [...list];
  const take = Math.min(n, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + rng.int(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}
