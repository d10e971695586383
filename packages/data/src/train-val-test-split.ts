/**
 * The three-way split of the course notes: fit on train, tune hyperparameters on val, and touch
 * test once at the very end.
 * @module
 */
import type { Dataset } from './dataset.js';
import { seededPermutation } from './seeded-permutation.js';
import { resolveSplitSizes } from './split-sizes.js';
import { stratifiedSplit } from './stratified-split.js';
import { take } from './take.js';
import { validateDataset } from './validate-dataset.js';

/**
 * How big each part is: row counts adding up to N, or fractions adding up to 1
 * (`{ train: 0.8, val: 0.1, test: 0.1 }`). A part may be 0.
 */
export interface SplitSizes {
  /** Rows (or fraction of rows) to fit on. */
  train: number;
  /** Rows (or fraction of rows) to choose hyperparameters on. */
  val: number;
  /** Rows (or fraction of rows) held back for the final evaluation. */
  test: number;
}

/** Options of {@link trainValTestSplit}. */
export interface TrainValTestSplitOptions {
  /** Seed of the package's own generator that deals the rows out. Default 0. */
  seed?: number;
  /**
   * Keep each class's share the same in every part ({@link stratifiedSplit}). Default true.
   * With `false` the rows are dealt from one seeded permutation, whatever their class.
   */
  stratify?: boolean;
}

/** The three parts of a {@link trainValTestSplit}. */
export interface TrainValTest {
  /** The part to fit on. */
  train: Dataset;
  /** The part to choose hyperparameters on. */
  val: Dataset;
  /** The part to evaluate on, once. */
  test: Dataset;
}

/**
 * Splits `dataset` into train, validation and test parts, each a new {@link Dataset} (rows are
 * copied) whose rows come in a seeded random order. Every row lands in exactly one part.
 *
 * Fractions become counts by largest remainder: each part gets ⌊fraction·N⌋ rows, then the parts
 * that lost the largest fractional rows get one more each, so the counts add up to exactly N
 * (150 rows at 0.7/0.15/0.15 give 105/23/22). With `stratify` (the default), each class is dealt
 * out in the same proportions, rounded so that every part still gets exactly its count.
 *
 * ```ts
 * const { train, val, test } = trainValTestSplit(loadIris(), { train: 0.6, val: 0.2, test: 0.2 }, { seed: 0 });
 * ```
 */
export function trainValTestSplit(dataset: Dataset, sizes: SplitSizes, { seed = 0, stratify = true }: TrainValTestSplitOptions = {}): TrainValTest {
  validateDataset(dataset, 'trainValTestSplit');
  if (typeof sizes !== 'object' || sizes === null) {
    throw new Error(`trainValTestSplit: sizes must be { train, val, test }, got ${String(sizes)}; pass e.g. { train: 0.8, val: 0.1, test: 0.1 }`);
  }
  for (const part of ['train', 'val', 'test'] as const) {
    const size = sizes[part];
    if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) {
      throw new Error(`trainValTestSplit: sizes.${part} must be a row count or a fraction ≥ 0, got ${String(size)}; pass e.g. { train: 0.8, val: 0.1, test: 0.1 }`);
    }
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`trainValTestSplit: seed must be an integer, got ${String(seed)}`);
  const n = dataset.y.shape[0];
  const counts = resolveSplitSizes([sizes.train, sizes.val, sizes.test], n, 'trainValTestSplit', ['sizes.train', 'sizes.val', 'sizes.test']);
  let parts: Int32Array[];
  if (stratify) {
    parts = stratifiedSplit(dataset.y, counts, { seed });
  } else {
    const order = seededPermutation(n, seed);
    parts = [order.subarray(0, counts[0]), order.subarray(counts[0], counts[0] + counts[1]), order.subarray(counts[0] + counts[1])];
  }
  const [train, val, test] = parts.map((rows) => take(dataset, rows));
  return { train, val, test };
}
