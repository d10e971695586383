/**
 * k-fold cross-validation indices (course notes: "split the training data into folds, try each
 * fold as the validation set, average the accuracy").
 * @module
 */
import { seededPermutation } from './seeded-permutation.js';

/** One fold: the rows to train on and the rows held out to validate on. */
export interface Fold {
  /** Row indices of the training part, ascending. */
  readonly train: Int32Array;
  /** Row indices of the held-out part, ascending. */
  readonly val: Int32Array;
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Seed of the shuffle before the rows are dealt into folds. Default 0. */
  seed?: number;
  /** Shuffle before splitting (default true); `false` gives contiguous folds, as sklearn's default. */
  shuffle?: boolean;
}

/**
 * Splits rows `0 … n−1` into `k` folds of sizes differing by at most one (the first `n mod k`
 * folds get the extra row, as sklearn's `KFold`). The `val` parts are disjoint and together
 * cover every row once; each `train` is the complement of its `val`.
 *
 * ```ts
 * for (const { train, val } of kFold(5000, 5, { seed: 0 })) { … }
 * ```
 */
export function kFold(n: number, k: number, { seed = 0, shuffle = true }: KFoldOptions = {}): Fold[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`kFold: n must be a whole number of rows, got ${n}`);
  if (!Number.isInteger(k) || k < 2) throw new Error(`kFold: k must be an integer ≥ 2, got ${k}`);
  if (k > n) throw new Error(`kFold: k = ${k} folds need at least ${k} rows, but there are ${n}; use k ≤ ${n}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`kFold: seed must be an integer, got ${seed}; pass e.g. { seed: 0 }`);
  const order = shuffle ? seededPermutation(n, seed) : Int32Array.from({ length: n }, (_, i) => i);
  const folds: Fold[] = [];
  let start = 0;
  for (let fold = 0; fold < k; fold++) {
    const size = Math.floor(n / k) + (fold < n % k ? 1 : 0);
    const val = order.slice(start, start + size).sort();
    const held = new Uint8Array(n);
    for (const row of val) held[row] = 1;
    const train = new Int32Array(n - size);
    for (let row = 0, at = 0; row < n; row++) if (!held[row]) train[at++] = row;
    folds.push({ train, val });
    start += size;
  }
  return folds;
}
