/**
 * Broadcasting as an op (`broadcastTo`) and its inverse `sumTo`, the one function every backward
 * uses to return a gradient in its input's shape.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate } from '../dtype.js';
import { defineOp } from '../op.js';
import { checkShape, formatShape, type Shape, sameShape, sizeOf } from '../shape.js';
import { shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { broadcastBinary } from '../kernels/broadcast-binary.js';
import { copyRow } from '../kernels/binary-rows.js';

export const broadcastToOp = defineOp<{ shape: readonly number[] }>({
  name: 'broadcastTo',
  forward: ([x], { shape }) => {
    const out = allocate(x.dtype, sizeOf(shape));
    broadcastBinary(out, shape, x.buffer, x.shape, out, shape, copyRow);
    return { buffer: out, shape };
  },
  backward: (g, [x]) => [sumTo(g, x.shape)],
  saves: { inputs: [] },
  // A source shape, then a target that prepends axes and widens some size-1 extents.
  sample: (fc) =>
    shapeArb(fc, { maxRank: 3, maxSize: 16 }).chain((small) =>
      fc
        .tuple(
          fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 4 - small.length }),
          fc.tuple(...small.map((e) => (e === 1 ? fc.integer({ min: 1, max: 3 }) : fc.constant(e)))),
          tensorArb(fc, small),
        )
        .map(([lead, widened, x]) => ({ inputs: [x], attrs: { shape: [...lead, ...widened] } })),
    ),
});

/** `x` repeated along size-1 and missing leading axes to reach `shape` (numpy's broadcast_to). */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  const target = checkShape('broadcastTo', shape);
  const lead = target.length - x.ndim;
  if (lead < 0 || x.shape.some((extent, i) => extent !== 1 && extent !== target[lead + i])) {
    throw new Error(`broadcastTo: ${describeTensor(x)} cannot broadcast to ${formatShape(target)}; each axis must match or be 1 in the source`);
  }
  if (sameShape(x.shape, target)) return x;
  return broadcastToOp.apply([x], { shape: target });
}

/**
 * Sums `grad` down to `shape`, undoing numpy broadcasting: leading axes that broadcasting added
 * and axes where `shape` has extent 1 are summed away. Every backward of a broadcasting op ends
 * with this.
 */
export function sumTo(grad: Tensor, shape: Shape): Tensor {
  if (sameShape(grad.shape, shape)) return grad;
  const lead = grad.ndim - shape.length;
  if (lead < 0 || shape.some((extent, i) => extent !== 1 && extent !== grad.shape[i + lead])) {
    throw new Error(
      `sumTo: gradient ${formatShape(grad.shape)} is not a broadcast of the target shape ${formatShape(shape)}; ` +
        `a backward rule must pass sumTo the gradient of an output its input broadcast to`,
    );
  }
  const axes: number[] = [];
  for (let axis = 0; axis < grad.ndim; axis++) {
    if (axis < lead || (shape[axis - lead] === 1 && grad.shape[axis] !== 1)) axes.push(axis);
  }
  const summed = axes.length > 0 ? grad.sum(axes, true) : grad;
  return summed.reshape(shape);
}
