/**
 * `where(cond, a, b)`: `a` where `cond` is nonzero, else `b`, all three broadcasting. The
 * gradient goes to whichever operand was chosen.
 * @module
 */
import { allocate } from '../dtype.js';
import { defineOp } from '../op.js';
import { broadcastShapes, sizeOf } from '../shape.js';
import { broadcastShapesArb, indexTensorArb, tensorArb } from '../sampling.js';
import { Tensor, type TensorLike } from '../tensor.js';
import { whereKernel } from '../kernels/where.js';
import { sumTo } from './broadcast.js';
import { binaryOperands, labelOf } from './operands.js';

export const whereOp = defineOp({
  name: 'where',
  forward: ([cond, a, b]) => {
    const shape = broadcastShapes('where', broadcastShapes('where', cond.shape, a.shape), b.shape);
    const out = allocate(a.dtype, sizeOf(shape));
    whereKernel(cond.buffer, cond.shape, a.buffer, a.shape, b.buffer, b.shape, out, shape);
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
