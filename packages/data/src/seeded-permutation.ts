/**
 * Shuffles for splits, folds and loaders. They draw from their own generator seeded by the
 * caller, not from tensor's global one, so a `Dropout` or an initialiser drawing between two
 * epochs cannot change which examples land in which batch or fold.
 * @module
 */

/**
 * A 32-bit generator (mulberry32) returning uniforms in [0, 1). Integer arithmetic only, so the
 * same seed gives the same sequence on every machine.
 */
export function seededUniform(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32), 0x9e3779b9);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `values` in place (Fisher–Yates) with draws from `uniform`, and returns it. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(values: T, uniform: () => number): T {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const held = values[i];
    values[i] = values[j];
    values[j] = held;
  }
  return values;
}

/** The numbers 0 … n−1 in an order fixed by `seed`. */
export function seededPermutation(n: number, seed: number): Int32Array {
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  return shuffleInPlace(indices, seededUniform(seed));
}
