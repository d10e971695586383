/**
 * `permute` (a copy with axes reordered) and `transpose`, which swaps two axes through it.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate } from '../dtype.js';
import { defineComposite, defineOp } from '../op.js';
import { normalizeAxis } from '../shape.js';
import { anyTensorArb, axisArb, shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { permuteKernel } from '../kernels/layout.js';

/** The permutation that undoes `dims`. */
function inverse(dims: readonly number[]): number[] {
  const out = new Array<number>(dims.length);
  dims.forEach((d, i) => (out[d] = i));
  return out;
}

export const permuteOp = defineOp<{ dims: readonly number[] }>({
  name: 'permute',
  forward: ([x], { dims }) => {
    const out = allocate(x.dtype, x.buffer.length);
    permuteKernel(x.buffer, x.shape, dims, out);
    return { buffer: out, shape: dims.map((d) => x.shape[d]) };
  },
  backward: (g, _inputs, { attrs: { dims } }) => [g.permute(inverse(dims))],
  saves: { inputs: [] },
  sample: (fc) =>
    anyTensorArb(fc).chain((x) =>
      fc.shuffledSubarray(x.shape.map((_, i) => i), { minLength: x.ndim }).map((dims) => ({ inputs: [x], attrs: { dims } })),
    ),
});

/** Reorders axes: output axis i is input axis `dims[i]` (negative entries count from the end). */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  if (!Array.isArray(dims) || dims.length !== x.ndim) {
    throw new Error(`permute: dims ${JSON.stringify(dims)} must list each of the ${x.ndim} axes of ${describeTensor(x)} once`);
  }
  const normalized = dims.map((d) => normalizeAxis('permute', d, x.ndim, x.shape));
  if (new Set(normalized).size !== normalized.length) {
    throw new Error(`permute: dims ${JSON.stringify(dims)} repeat an axis of ${describeTensor(x)}; each axis must appear once`);
  }
  if (normalized.every((d, i) => d === i)) return x;
  return permuteOp.apply([x], { dims: normalized });
}

/** Swaps axes `dim0` and `dim1` (default: the last two). */
export function transpose(x: Tensor, dim0 = -2, dim1 = -1): Tensor {
  const a = normalizeAxis('transpose', dim0, x.ndim, x.shape);
  const b = normalizeAxis('transpose', dim1, x.ndim, x.shape);
  const dims = x.shape.map((_, i) => i);
  [dims[a], dims[b]] = [dims[b], dims[a]];
  return permute(x, dims);
}

defineComposite<{ dim0: number; dim1: number }>({
  name: 'transpose',
  call: ([x], { dim0, dim1 }) => transpose(x, dim0, dim1),
  sample: (fc) =>
    shapeArb(fc, { minRank: 1 }).chain((shape) =>
      fc
        .tuple(tensorArb(fc, shape), axisArb(fc, shape.length), axisArb(fc, shape.length))
        .map(([x, dim0, dim1]) => ({ inputs: [x], attrs: { dim0, dim1 } })),
    ),
});
