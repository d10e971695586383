/**
 * `where(cond, a, b)`: `a` where `cond` is nonzero, else `b`, all three broadcasting. The
 * gradient goes to whichever operand was chosen.
 * @module
 */
import { allocate, type TypedArray } from '../dtype.js';
import { defineOp } from '../op.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import { broadcastShapesArb, indexTensorArb, tensorArb } from '../sampling.js';
import { Tensor, type TensorLike } from '../tensor.js';
import { broadcastBinary } from '../kernels/broadcast-binary.js';
import { copyRow } from '../kernels/binary-rows.js';
import { sumTo } from './broadcast.js';
import { binaryOperands, labelOf } from './operands.js';

function expanded(buffer: TypedArray, shape: readonly number[], outShape: readonly number[], like: TypedArray): TypedArray {
  const out = new (like.constructor as new (n: number) => TypedArray)(sizeOf(outShape));
  broadcastBinary(out, outShape, buffer, shape, out, outShape, copyRow);
  return out;
}

export const whereOp = defineOp({
  name: 'where',
  forward: ([cond, a, b]) => {
    const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, a.shape), b.shape);
    const c = expanded(cond.buffer, cond.shape, shape, cond.buffer);
    const x = expanded(a.buffer, a.shape, shape, a.buffer);
    const y = expanded(b.buffer, b.shape, shape, b.buffer);
    const out = allocate(a.dtype, x.length);
    for (let i = 0; i < out.length; i++) out[i] = c[i] !== 0 ? x[i] : y[i];
    return { buffer: out, shape };
  },
  backward: (g, [cond, a, b], { needsGrad }) => {
    // 1 where cond is nonzero (any nonzero value selects a, not only 1).
    const chosen = cond.eq(0).eq(0).astype(g.dtype);
    return [
      null,
      needsGrad[1] ? sumTo(g.mul(chosen), a.shape) : null,
      needsGrad[2] ? sumTo(g.mul(chosen.neg().add(1)), b.shape) : null,
    ];
  },
  saves: { inputs: [0] },
  sample: (fc) =>
    broadcastShapesArb(fc, 3).chain(([c, a, b]) =>
      fc.tuple(indexTensorArb(fc, c, 2), tensorArb(fc, a), tensorArb(fc, b)).map((inputs) => ({ inputs, attrs: undefined })),
    ),
});

/**
 * `a` where `cond` is nonzero, else `b`, with numpy broadcasting across all three. `cond` is
 * usually a comparison's int32 result: `where(x.gt(0), x, x.mul(0.1))`.
 */
export function where(cond: Tensor, a: TensorLike, b: TensorLike): Tensor {
  if (!(cond instanceof Tensor)) {
    throw new Error(`where: cond must be a Tensor (e.g. the result of x.gt(0)), got ${Array.isArray(cond) ? 'a plain array' : typeof cond}`);
  }
  const [x, y] = binaryOperands('where', a, b);
  broadcastShapes('where', broadcastShapes('where', cond.shape, x.shape, [cond.label, labelOf(a)]), y.shape, [undefined, labelOf(b)]);
  return whereOp.apply([cond, x, y]);
}
