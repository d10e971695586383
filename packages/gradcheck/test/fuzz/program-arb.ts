/**
 * Random programs for fast-check: 1–4 small float64 leaves (≤ 24 elements; one in ten drawn with
 * extents from 0, so some are empty) and one seed per drawn op (10–200 of them). The builder turns the seeds into
 * steps, so every program fast-check generates or shrinks to is valid by construction.
 */
import fc from 'fast-check';
import { sizeOf } from '@tapegrad/tensor';
import { arbitraries } from '../../src/index.js';
import { Builder, BuildStop, MAX_LEAF_SIZE } from './builder.js';
import { type BuildFailure, type Leaf, Program } from './program.js';
import { DRAWABLE } from './recipes/index.js';
import { Rng } from './rng.js';

/** Share of drawn ops called wrongly on purpose (when the op's recipe has a misuse). */
export const MISUSE_RATE = 0.05;
/** Fewest and most ops drawn per program. */
export const MIN_DRAWS = 10;
export const MAX_DRAWS = 200;

/** Builds the program the seeds describe: one drawn op per seed, then the projection to a scalar. */
export function buildProgram(leaves: readonly Leaf[], seeds: readonly number[]): Program {
  const b = new Builder(leaves);
  let failure: BuildFailure | null = null;
  try {
    for (const seed of seeds) {
      b.rng = new Rng(seed);
      const drawn = b.rng.pick(DRAWABLE);
      if (drawn.misuse && b.rng.chance(MISUSE_RATE) && drawn.misuse(b)) continue;
      // A recipe that cannot build here (too large, no valid window) gives way to another.
      for (let attempt = 0, recipe = drawn; attempt < 4 && !recipe.build!(b); attempt++) recipe = b.rng.pick(DRAWABLE);
    }
    b.rng = new Rng(seeds.length);
    b.finish();
  } catch (error) {
    failure =
      error instanceof BuildStop
        ? { step: error.step, message: error.message }
        : { step: -1, message: `the fuzzer's builder failed: ${error instanceof Error ? error.stack : String(error)}` };
  }
  return new Program(leaves, b.steps, b.output, seeds.length, failure);
}

/**
 * A step's seed, unbiased: fast-check's bias toward small integers would repeat seeds, and a
 * repeated seed repeats a step's op and choices. Shrinking still moves seeds toward 0.
 */
const SEED = fc.noBias(fc.nat());

const leafArb = fc
  .oneof(
    { arbitrary: arbitraries.shape({ maxRank: 3, maxSize: MAX_LEAF_SIZE }), weight: 9 },
    { arbitrary: arbitraries.shape({ maxRank: 3, minExtent: 0, maxSize: MAX_LEAF_SIZE }), weight: 1 },
  )
  .chain((shape) => arbitraries.values(sizeOf(shape)).map((values) => ({ shape, values })));

/** Programs of MIN_DRAWS–MAX_DRAWS drawn ops over 1–4 leaves. */
export function programArb(): fc.Arbitrary<Program> {
  return fc
    .tuple(fc.array(leafArb, { minLength: 1, maxLength: 4 }), fc.array(SEED, { minLength: MIN_DRAWS, maxLength: MAX_DRAWS, size: 'max' }))
    .map(([leaves, seeds]) => buildProgram(leaves.map((leaf, i) => ({ label: `x${i}`, ...leaf })), seeds));
}
