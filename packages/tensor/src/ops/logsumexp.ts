/**
 * `logsumexp`, fused for numerical stability: `m + log Σ exp(x − m)` with `m = max(x)`, so inputs
 * near ±1000 give finite results. Its gradient is the softmax `exp(x − out)`.
 * @module
 */
import { allocate } from '../dtype.js';
import { defineOp } from '../op.js';
import { reducedShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { broadcastBinary } from '../kernels/broadcast-binary.js';
import { subRow } from '../kernels/binary-rows.js';
import { expKernel, logKernel } from '../kernels/unary.js';
import { keptDims, reduceAttrs, type ReduceAttrs, reduceRaw, sampleReduction } from './reduce.js';
import { floatOperand } from './operands.js';

export const logsumexpOp = defineOp<ReduceAttrs>({
  name: 'logsumexp',
  forward: ([x], attrs) => {
    const kept: ReduceAttrs = { axes: attrs.axes, keepdims: true };
    const shift = reduceRaw(x, kept, 'max').buffer;
    // An all −Inf (or +Inf) slice would make x − m NaN; shift such slices by 0 instead.
    for (let i = 0; i < shift.length; i++) if (!Number.isFinite(shift[i])) shift[i] = 0;
    const keptShape = reducedShape(x.shape, attrs.axes, true);
    const shifted = allocate(x.dtype, x.buffer.length);
    broadcastBinary(x.buffer, x.shape, shift, keptShape, shifted, x.shape, subRow);
    expKernel(shifted, shifted);
    const total = reduceRaw({ buffer: shifted, shape: x.shape, dtype: x.dtype }, kept, 'sum').buffer;
    logKernel(total, total);
    for (let i = 0; i < total.length; i++) total[i] += shift[i];
    return { buffer: total, shape: reducedShape(x.shape, attrs.axes, attrs.keepdims) };
  },
  backward: (g, [x], { attrs, out }) => [keptDims(g, x.shape, attrs).mul(x.sub(keptDims(out, x.shape, attrs)).exp())],
  saves: { output: true },
  sample: sampleReduction,
});

/** `log Σ exp(x)` over `axis` (all axes when omitted), finite for large inputs. */
export function logsumexp(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  const input = floatOperand('logsumexp', x);
  return logsumexpOp.apply([input], reduceAttrs('logsumexp', input, axis, keepdims));
}

