/**
 * A small seeded generator private to gradcheck. Checking a gradient must not advance the
 * tensor package's global `manualSeed` stream: a test that calls `gradcheck` between two
 * `randn` calls would otherwise see different numbers than one that does not.
 * @module
 */

/**
 * mulberry32: 32-bit integer arithmetic only, so a seed gives the same sequence on every
 * machine. Returns uniform numbers in [0, 1).
 */
export function seededUniform(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
