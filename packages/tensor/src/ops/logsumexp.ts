/**
 * `logsumexp`, fused for numerical stability: `m + log Σ exp(x − m)` with `m = max(x)`, so inputs
 * near ±1000 give finite results. Its gradient is the softmax `exp(x − out)`.
 * @module
 */
import { defineOp } from '../op.js';
import { reducedShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { logsumexpAxes } from '../kernels/logsumexp.js';
import { keptDims, reduceAttrs, type ReduceAttrs, sampleReduction } from './reduce.js';
import { floatOperand } from './operands.js';

export const logsumexpOp = defineOp<ReduceAttrs>({
  name: 'logsumexp',
  forward: ([x], attrs) => ({
    buffer: logsumexpAxes(x.buffer, x.shape, attrs.axes, x.dtype),
    shape: reducedShape(x.shape, attrs.axes, attrs.keepdims),
  }),
  backward: (g, [x], { attrs, out }) => [keptDims(g, x.shape, attrs).mul(x.sub(keptDims(out, x.shape, attrs)).exp())],
  saves: { output: true },
  sample: sampleReduction,
});

/** `log Σ exp(x)` over `axis` (all axes when omitted), finite for large inputs. */
export function logsumexp(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  const input = floatOperand('logsumexp', x);
  return logsumexpOp.apply([input], reduceAttrs('logsumexp', input, axis, keepdims));
}

