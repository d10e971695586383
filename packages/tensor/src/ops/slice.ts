/**
 * `slice`: numpy's `x[s0:e0, s1:e1, …]` on the leading axes. Its backward pads the gradient back
 * with zeros, and `pad`'s backward slices: the two ops are each other's gradient.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate } from '../dtype.js';
import { defineOp } from '../op.js';
import { sizeOf } from '../shape.js';
import { anyTensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { copyBox } from '../kernels/layout.js';

/** Normalised slice bounds, one pair per axis (missing trailing axes are taken whole). */
export interface SliceAttrs {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export const sliceOp = defineOp<SliceAttrs>({
  name: 'slice',
  forward: ([x], { starts, ends }) => {
    const shape = ends.map((e, i) => e - starts[i]);
    const out = allocate(x.dtype, sizeOf(shape));
    copyBox(x.buffer, x.shape, starts, out, shape, shape.map(() => 0), shape);
    return { buffer: out, shape };
  },
  backward: (g, [x], { attrs: { starts, ends } }) => [
    g.pad(starts.map((s, i) => [s, x.shape[i] - ends[i]] as [number, number])),
  ],
  saves: { inputs: [] },
  sample: (fc) =>
    anyTensorArb(fc, { minRank: 1 }).chain((x) =>
      fc
        .tuple(...x.shape.map((extent) => fc.tuple(fc.integer({ min: 0, max: extent }), fc.integer({ min: 0, max: extent }))))
        .map((bounds) => ({
          inputs: [x],
          attrs: { starts: bounds.map(([a, b]) => Math.min(a, b)), ends: bounds.map(([a, b]) => Math.max(a, b)) },
        })),
    ),
});

/**
 * `x[starts[0]:ends[0], starts[1]:ends[1], …]`: half-open ranges on the leading axes (later axes
 * are kept whole); negative indices count from the end and out-of-range bounds are clipped, as
 * numpy's.
 */
export function slice(x: Tensor, starts: readonly number[], ends: readonly number[]): Tensor {
  if (!Array.isArray(starts) || !Array.isArray(ends) || starts.length !== ends.length || starts.length > x.ndim) {
    throw new Error(
      `slice: starts ${JSON.stringify(starts)} and ends ${JSON.stringify(ends)} must be arrays of the same length, ` +
        `at most the rank of ${describeTensor(x)}`,
    );
  }
  const resolve = (index: number, extent: number, what: string, axis: number) => {
    if (!Number.isInteger(index)) throw new Error(`slice: ${what} ${index} for axis ${axis} of ${describeTensor(x)} is not an integer`);
    const i = index < 0 ? index + extent : index;
    return Math.min(Math.max(i, 0), extent);
  };
  const fullStarts = x.shape.map((extent, axis) => (axis < starts.length ? resolve(starts[axis], extent, 'start', axis) : 0));
  const fullEnds = x.shape.map((extent, axis) =>
    axis < ends.length ? Math.max(resolve(ends[axis], extent, 'end', axis), fullStarts[axis]) : extent,
  );
  if (fullStarts.every((s) => s === 0) && fullEnds.every((e, i) => e === x.shape[i])) return x;
  return sliceOp.apply([x], { starts: fullStarts, ends: fullEnds });
}

