/**
 * Shuffles for splits, folds and loaders. They draw from their own stream (`seededUniform`) seeded
 * by the caller, not from tensor's global one, so a `Dropout` or an initialiser drawing between two
 * epochs cannot change which examples land in which batch or fold.
 * @module
 */
import { seededUniform } from '@tapegrad/tensor';

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
