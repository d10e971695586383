/**
 * The kernels behind the in-place methods (`add_`, `sub_`, `mul_`, `div_`, `copy_`): the
 * operand broadcasts to the target's shape and the result is written into the target's storage.
 * @module
 */
import { describeTensor } from './format.js';
import { checkInt32Values } from './dtype.js';
import { broadcastShapes, formatShape, sameShape } from './shape.js';
import { addRow, copyRow, divRow, mulRow, subRow } from './kernels/binary-rows.js';
import { broadcastBinary, type RowKernel } from './kernels/broadcast-binary.js';
import type { Tensor, TensorLike } from './tensor.js';

/** The in-place methods. */
export type InPlaceKind = 'add_' | 'sub_' | 'mul_' | 'div_' | 'copy_' | 'fill_' | 'zero_';

const ROWS: Record<InPlaceKind, RowKernel> = { add_: addRow, sub_: subRow, mul_: mulRow, div_: divRow, copy_: copyRow, fill_: copyRow, zero_: copyRow };

/** Writes `target ∘ other` into `target`'s storage; `other` must broadcast to `target`'s shape. */
export function applyInPlace(kind: InPlaceKind, target: Tensor, other: TensorLike): void {
  const operand = typeof other === 'number' ? Float64Array.of(other) : other.buffer;
  const operandShape = typeof other === 'number' ? [] : other.shape;
  if (!sameShape(broadcastShapes(kind, target.shape, operandShape), target.shape)) {
    throw new Error(
      `${kind}: operand of shape ${formatShape(operandShape)} does not broadcast to the target ${describeTensor(target)}; ` +
        `an in-place op cannot change the target's shape`,
    );
  }
  if (target.dtype === 'int32' && typeof other === 'number' && Number.isInteger(other)) checkInt32Values(kind, [other]);
  const fractional = typeof other === 'number' ? !Number.isInteger(other) : other.dtype !== 'int32';
  if (target.dtype === 'int32' && (fractional || kind === 'div_')) {
    const what = typeof other === 'number' ? `the number ${other}` : `${other.dtype} values`;
    throw new Error(`${kind}: writing ${what} into the int32 tensor ${describeTensor(target)} in place would truncate; convert it with astype('float64') first`);
  }
  broadcastBinary(target.buffer, target.shape, operand, operandShape, target.buffer, target.shape, ROWS[kind]);
}
