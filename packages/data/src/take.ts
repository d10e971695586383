/**
 * Row selection, the step under every split, fold and batch.
 * @module
 */
import { tensor, type Tensor, type TypedArray } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';
import { validateDataset } from './validate-dataset.js';

/**
 * Copies rows `indices` of `x` (any rank; rows are the first axis) into a new tensor of the same
 * dtype, `[indices.length, ...x.shape.slice(1)]`. A plain typed-array copy: data selection is not
 * part of a model, so nothing is recorded on the tape.
 */
export function takeRows(x: Tensor, indices: ArrayLike<number>, where = 'takeRows'): Tensor {
  if (x.ndim === 0) throw new Error(`${where}: x is a scalar; rows need at least one axis`);
  const rows = x.shape[0];
  const rowSize = rows === 0 ? 0 : x.size / rows;
  const source = x.buffer;
  const out = new (source.constructor as new (n: number) => TypedArray)(indices.length * rowSize);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i];
    if (!Number.isInteger(row) || row < 0 || row >= rows) {
      throw new Error(`${where}: index ${row} at position ${i} is outside the ${rows} rows of x ${JSON.stringify(x.shape)}`);
    }
    out.set(source.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize);
  }
  return tensor(out, { shape: [indices.length, ...x.shape.slice(1)] });
}

/**
 * The examples `indices` of `dataset`, in that order (numpy's `x[idx], y[idx]`), after checking
 * the data set ({@link validateDataset}): with more rows in `x` than labels in `y`, the rows and
 * labels taken would silently belong to different examples.
 *
 * ```ts
 * const firstHundred = take(train, Array.from({ length: 100 }, (_, i) => i));
 * ```
 */
export function take(dataset: Dataset, indices: ArrayLike<number>): Dataset {
  validateDataset(dataset, 'take');
  return { x: takeRows(dataset.x, indices, 'take'), y: takeRows(dataset.y, indices, 'take') };
}
