/**
 * `softmax` and `logSoftmax`, fused and max-shifted. Backward rules in terms of the output:
 * softmax: `y ⊙ (g − Σ g⊙y)`; logSoftmax: `g − softmax(x) ⊙ Σ g`.
 * @module
 */
import { allocate } from '../dtype.js';
import { defineOp, type FastCheckModule, type RawResult, type RawTensor } from '../op.js';
import { aroundAxis, normalizeAxis } from '../shape.js';
import { axisArb, shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { softmaxMiddle } from '../kernels/softmax.js';
import { floatOperand } from './operands.js';

function forwardAlong(log: boolean) {
  return ([x]: readonly RawTensor[], { axis }: { axis: number }): RawResult => {
    const out = allocate(x.dtype, x.buffer.length);
    const [outer, n, inner] = aroundAxis(x.shape, axis);
    softmaxMiddle(x.buffer, outer, n, inner, log, out);
    return { buffer: out, shape: x.shape };
  };
}

function sampleAlongAxis(fc: FastCheckModule) {
  return shapeArb(fc, { minRank: 1 }).chain((shape) =>
    fc.tuple(tensorArb(fc, shape), axisArb(fc, shape.length)).map(([x, axis]) => ({
      inputs: [x],
      attrs: { axis: normalizeAxis('sample', axis, shape.length) },
    })),
  );
}

export const softmaxOp = defineOp<{ axis: number }>({
  name: 'softmax',
  forward: forwardAlong(false),
  backward: (g, _inputs, { out, attrs: { axis } }) => [out.mul(g.sub(g.mul(out).sum(axis, true)))],
  saves: { inputs: [], output: true },
  sample: sampleAlongAxis,
});

export const logSoftmaxOp = defineOp<{ axis: number }>({
  name: 'logSoftmax',
  forward: forwardAlong(true),
  backward: (g, _inputs, { out, attrs: { axis } }) => [g.sub(out.exp().mul(g.sum(axis, true)))],
  saves: { inputs: [], output: true },
  sample: sampleAlongAxis,
});

/** `exp(x) / Σ exp(x)` along `axis` (default last), max-shifted: finite for inputs near ±1000. */
export function softmax(x: Tensor, axis = -1): Tensor {
  const input = floatOperand('softmax', x);
  return softmaxOp.apply([input], { axis: normalizeAxis('softmax', axis, input.ndim, input.shape) });
}

/** `x − logsumexp(x)` along `axis` (default last), max-shifted. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const input = floatOperand('logSoftmax', x);
  return logSoftmaxOp.apply([input], { axis: normalizeAxis('logSoftmax', axis, input.ndim, input.shape) });
}
