/**
 * `where`: pick from `a` where `cond` is nonzero, else from `b`, all three broadcast to the output.
 * @module
 */
import { allocate, dtypeOf, type TypedArray } from '../dtype.js';
import { sizeOf, type Shape } from '../shape.js';
import { copyRow } from './binary-rows.js';
import { broadcastBinary } from './broadcast-binary.js';

/** `x` repeated to `outShape` (numpy's broadcast_to, materialised). */
function expanded(x: TypedArray, shape: Shape, outShape: Shape): TypedArray {
  const out = allocate(dtypeOf(x), sizeOf(outShape));
  broadcastBinary(out, outShape, x, shape, out, outShape, copyRow);
  return out;
}

/** Writes `cond ? a : b` elementwise into `out` (of `outShape`), broadcasting all three inputs. */
export function whereKernel(
  cond: TypedArray, condShape: Shape,
  a: TypedArray, aShape: Shape,
  b: TypedArray, bShape: Shape,
  out: TypedArray, outShape: Shape,
): void {
  const c = expanded(cond, condShape, outShape);
  const x = expanded(a, aShape, outShape);
  const y = expanded(b, bShape, outShape);
  for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? x[i] : y[i];
}
