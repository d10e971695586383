/**
 * `log Σ exp(x)` over several axes, max-shifted: `m + log Σ exp(x − m)` with `m = max(x)` per
 * slice, so inputs near ±1000 give finite results.
 * @module
 */
import { allocate, type Dtype, type TypedArray } from '../dtype.js';
import { reducedShape, type Shape } from '../shape.js';
import { subRow } from './binary-rows.js';
import { broadcastBinary } from './broadcast-binary.js';
import { reduceAxes } from './reduce.js';
import { expKernel, logKernel } from './unary.js';

/** logsumexp of `x` (of `shape`) over the sorted `axes`, laid out as the kept axes. */
export function logsumexpAxes(x: TypedArray, shape: Shape, axes: readonly number[], dtype: Dtype): TypedArray {
  const shift = reduceAxes(x, shape, axes, 'max', dtype);
  // An all −Inf (or +Inf) slice would make x − m NaN; shift such slices by 0 instead.
  for (let i = 0; i < shift.length; i++) if (!Number.isFinite(shift[i])) shift[i] = 0;
  const shifted = allocate(dtype, x.length);
  broadcastBinary(x, shape, shift, reducedShape(shape, axes, true), shifted, shape, subRow);
  expKernel(shifted, shifted);
  const total = reduceAxes(shifted, shape, axes, 'sum', dtype);
  logKernel(total, total);
  for (let i = 0; i < total.length; i++) total[i] += shift[i];
  return total;
}
