/**
 * Comparisons: broadcasting, int32 0/1 results, no gradient (they are not on the tape).
 * @module
 */
import { broadcastShapes, sameShape } from '../shape.js';
import { Tensor, type TensorLike } from '../tensor.js';
import type { RowKernel } from '../kernels/broadcast-binary.js';
import { eqRow, geRow, gtRow, leRow, ltRow } from '../kernels/binary-rows.js';
import { broadcasting } from './binary.js';
import { binaryOperands, labelOf } from './operands.js';

function compare(name: string, row: RowKernel, a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = binaryOperands(name, a, b);
  if (!sameShape(x.shape, y.shape)) broadcastShapes(name, x.shape, y.shape, [labelOf(a), labelOf(b)]);
  const { buffer, shape } = broadcasting(name, row, 'int32')([x, y]);
  return new Tensor(buffer, shape);
}

/** `a == b` as int32 0/1. */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return compare('eq', eqRow, a, b);
}
/** `a < b` as int32 0/1. */
export function lt(a: TensorLike, b: TensorLike): Tensor {
  return compare('lt', ltRow, a, b);
}
/** `a ≤ b` as int32 0/1. */
export function le(a: TensorLike, b: TensorLike): Tensor {
  return compare('le', leRow, a, b);
}
/** `a > b` as int32 0/1. */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return compare('gt', gtRow, a, b);
}
/** `a ≥ b` as int32 0/1. */
export function ge(a: TensorLike, b: TensorLike): Tensor {
  return compare('ge', geRow, a, b);
}
