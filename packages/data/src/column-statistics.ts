/**
 * Per-feature statistics over the rows (axis 0) of a `[N, D]` matrix, accumulated in float64
 * whatever the data's dtype, so float32 images do not lose digits summing 8,000 rows; and the
 * rows centred on the means, which mean subtraction and PCA both need.
 * @module
 */
import type { TypedArray } from '@tapegrad/tensor';

/** A tensor's storage read as N rows of D features (trailing axes flattened). */
export interface FeatureRows {
  /** Row-major values, `rows × features`. */
  readonly values: TypedArray;
  /** N. */
  readonly rows: number;
  /** D, the product of the trailing axes. */
  readonly features: number;
}

/**
 * The mean of each column. A column whose values are all equal gets exactly that value rather
 * than sum/N (3 × 0.1 / 3 is 0.10000000000000002), so centring maps it to exactly 0.
 */
export function columnMeans({ values, rows, features }: FeatureRows): Float64Array {
  const means = new Float64Array(features);
  const constant = new Uint8Array(features).fill(1);
  // Row by row, so the inner loop walks memory contiguously.
  for (let row = 0; row < rows; row++) {
    const offset = row * features;
    for (let j = 0; j < features; j++) {
      const value = values[offset + j];
      means[j] += value;
      if (value !== values[j]) constant[j] = 0;
    }
  }
  for (let j = 0; j < features; j++) means[j] = constant[j] ? values[j] : means[j] / rows;
  return means;
}

/**
 * The standard deviation of each column around `means` (from {@link columnMeans}), dividing by
 * N (numpy's `ddof = 0`, as scikit-learn's `StandardScaler`). Two passes (mean, then squared
 * deviations) rather than E[x²] − E[x]², which cancels catastrophically for large values with a
 * small spread; a constant column comes out exactly 0.
 */
export function columnStds({ values, rows, features }: FeatureRows, means: Float64Array): Float64Array {
  const squares = new Float64Array(features);
  for (let row = 0; row < rows; row++) {
    const offset = row * features;
    for (let j = 0; j < features; j++) {
      const deviation = values[offset + j] - means[j];
      squares[j] += deviation * deviation;
    }
  }
  return squares.map((square) => Math.sqrt(square / rows));
}

/** The rows minus `means` (one per column), as a fresh float64 `rows × features` array. */
export function centerColumns({ values, rows, features }: FeatureRows, means: Float64Array): Float64Array {
  const out = new Float64Array(rows * features);
  for (let row = 0, i = 0; row < rows; row++) {
    for (let j = 0; j < features; j++, i++) out[i] = values[i] - means[j];
  }
  return out;
}
