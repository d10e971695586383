/**
 * Scaling each example to unit length (sklearn's `preprocessing.normalize`). Unlike the fitted
 * transforms it learns nothing from the training split: every row is scaled by its own norm.
 * @module
 */
import { noGrad, where, type Tensor } from '@tapegrad/tensor';
import { validateFeatures } from './validate-dataset.js';

/** Options of {@link normalizeRows}. */
export interface NormalizeRowsOptions {
  /** Which length: `'l2'` (Euclidean, default) or `'l1'` (sum of absolute values). */
  norm?: 'l1' | 'l2';
}

/**
 * Each row of `x` (`[N, ...features]`) divided by its L2 (or L1) norm; a row of zeros stays zeros,
 * as in sklearn. With L2, the distance between two unit rows ranks neighbours by the angle between
 * them (cosine distance), so a thickly and a thinly written digit of the same shape come out close:
 * KNN on MNIST gets about 95 % on unit rows against 93.6 % on raw pixels.
 *
 * ```ts
 * const knn = new KNearestNeighbor({ k: 1 }).fit(normalizeRows(train.x), train.y);
 * ```
 */
export function normalizeRows(x: Tensor, { norm = 'l2' }: NormalizeRowsOptions = {}): Tensor {
  if (norm !== 'l1' && norm !== 'l2') throw new Error(`normalizeRows: norm must be 'l1' or 'l2', got ${String(norm)}`);
  validateFeatures(x, 'normalizeRows');
  if (x.ndim < 2) throw new Error(`normalizeRows: x must be [N, ...features], got shape ${JSON.stringify(x.shape)}; for one example use x.unsqueeze(0)`);
  return noGrad(() => {
    const rows = x.reshape([x.shape[0], -1]);
    const length = norm === 'l2' ? rows.mul(rows).sum(1, true).sqrt() : rows.abs().sum(1, true);
    // Dividing a zero row by 1 instead of 0 keeps it zeros rather than NaN.
    const safeLength = where(length.eq(0), 1, length);
    return rows.div(safeLength).reshape(x.shape as number[]);
  });
}
