/**
 * Private random streams, apart from the global generator `manualSeed` seeds. Code that draws
 * random numbers on the side — a data loader's shuffle, gradcheck's probe directions, a
 * benchmark's inputs — takes its own stream, so it neither changes nor depends on what `randn`,
 * dropout and the initialisers draw (as a `torch.Generator` passed to one call).
 * @module
 */

/**
 * A seeded stream of uniform numbers in [0, 1): mulberry32, 32-bit integer arithmetic only, so a
 * seed gives the same sequence on every machine. Seeds beyond 32 bits count in full.
 *
 * ```ts
 * const uniform = seededUniform(42);
 * const coin = uniform() < 0.5;
 * ```
 */
export function seededUniform(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new Error(`seededUniform: seed must be an integer (|seed| < 2^53), got ${seed}`);
  let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32), 0x9e3779b9);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
