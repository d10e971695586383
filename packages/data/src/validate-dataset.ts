/**
 * What a valid {@link Dataset} is, checked once where a data set enters a helper, so a bad label
 * or a NaN pixel is reported by the call that received it instead of surfacing as a NaN loss
 * many steps later.
 * @module
 */
import { formatShape, isFloat, type Tensor } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';

/** Duck-typed, so a second copy of `@tapegrad/tensor` in a bundle still passes. */
function isTensor(value: unknown): value is Tensor {
  return typeof value === 'object' && value !== null && 'shape' in value && 'buffer' in value && 'dtype' in value;
}

/** The position of flat element `flat` of a tensor of `shape`, as `[i, j, …]`. */
function unravel(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

/**
 * Checks that `x` is a feature tensor `[N, ...features]` with no NaN or ±Infinity, and throws an
 * error naming `where`, the argument, the first bad row and feature, and what to do. int32
 * features cannot hold NaN, so only float ones are scanned.
 *
 * @param where the name of the calling function, put at the start of the error message
 * @param name the argument's name in the message (default `'x'`), e.g. `'xTest'`
 */
export function validateFeatures(x: Tensor, where: string, name = 'x'): void {
  if (!isTensor(x)) throw new Error(`${where}: ${name} must be a Tensor, got ${x === null ? 'null' : typeof x}; make one with tensor(values, { shape })`);
  if (x.ndim === 0) throw new Error(`${where}: ${name} must have a row axis [N, ...features], got a scalar; pass e.g. ${name}.reshape([1, -1])`);
  if (!isFloat(x.dtype)) return;
  const values = x.buffer;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) continue;
    const rowSize = x.size / x.shape[0];
    const row = Math.floor(i / rowSize);
    const column = i - row * rowSize;
    const index = x.ndim > 2 ? ` (index [${unravel(i, x.shape).join(',')}])` : '';
    throw new Error(
      `${where}: ${name} has ${values[i]} at row ${row}, column ${column}${index} of ${name} ${formatShape(x.shape)}; ` +
        'drop or impute missing and infinite values before training on them',
    );
  }
}

/**
 * Checks the {@link Dataset} contract and throws an error naming `where` and the fix:
 * `y` is an int32 `[N]` tensor of class indices ≥ 0, `x` has the same `N` rows
 * (`x.shape[0] === N`), and `x` holds no NaN or ±Infinity ({@link validateFeatures}).
 * Every helper in this package that takes a Dataset calls it first.
 *
 * ```ts
 * validateDataset({ x, y }, 'myTrainer'); // throws e.g. "myTrainer: x has 100 rows but y has 99 labels: …"
 * ```
 *
 * @param where the name of the calling function, put at the start of the error message
 */
export function validateDataset(dataset: Dataset, where: string): void {
  if (typeof dataset !== 'object' || dataset === null) {
    throw new Error(`${where}: expected a dataset { x, y }, got ${dataset === null ? 'null' : typeof dataset}`);
  }
  const { x, y } = dataset;
  if (!isTensor(y)) throw new Error(`${where}: dataset.y must be an int32 Tensor of labels, got ${y === null ? 'null' : typeof y}; make one with tensor(labels, { dtype: 'int32' })`);
  if (y.ndim !== 1) {
    throw new Error(`${where}: y must be 1-D [N] class indices, got y ${formatShape(y.shape)}; flatten it with y.reshape([-1])`);
  }
  if (y.dtype !== 'int32') {
    throw new Error(`${where}: y must hold int32 class indices, got ${y.dtype} y ${formatShape(y.shape)}; convert with y.astype('int32')`);
  }
  if (!isTensor(x)) throw new Error(`${where}: dataset.x must be a Tensor, got ${x === null ? 'null' : typeof x}; make one with tensor(values, { shape })`);
  if (x.ndim === 0 || x.shape[0] !== y.shape[0]) {
    const rows = x.ndim === 0 ? 'x is a scalar' : `x has ${x.shape[0]} rows`;
    throw new Error(
      `${where}: ${rows} but y has ${y.shape[0]} labels: x ${formatShape(x.shape)}, y ${formatShape(y.shape)}; ` +
        'pass one label per row of x (x is [N, ...features], y is [N])',
    );
  }
  const labels = y.buffer;
  for (let row = 0; row < labels.length; row++) {
    if (labels[row] < 0) {
      throw new Error(`${where}: y has label ${labels[row]} at row ${row}; labels must be class indices 0, 1, 2, …`);
    }
  }
  validateFeatures(x, where);
}
