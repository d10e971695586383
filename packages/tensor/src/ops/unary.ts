/**
 * Unary elementwise primitives. Each entry reads as the derivative table:
 * `exp' = exp`, `tanh' = 1 − tanh²`, `relu'(0) = 0`, `abs'(0) = 0` …
 * @module
 */
import { allocate, type TypedArray } from '../dtype.js';
import { defineOp, type FastCheckModule, type RawResult, type RawTensor } from '../op.js';
import { anyTensorArb, type ValueRange } from '../sampling.js';
import { Tensor, type TensorLike } from '../tensor.js';
import {
  absKernel, clampKernel, expKernel, leakyReluKernel, logKernel, negKernel, reluKernel, sigmoidKernel, sqrtKernel, tanhKernel,
} from '../kernels/unary.js';
import { floatOperand } from './operands.js';
import { sub } from './binary.js';

/** A forward that applies `kernel` elementwise into a new buffer, passing the op's attrs along. */
function mapped<A>(kernel: (x: TypedArray, out: TypedArray, attrs: A) => void) {
  return ([x]: readonly RawTensor[], attrs: A): RawResult => {
    const out = allocate(x.dtype, x.buffer.length);
    kernel(x.buffer, out, attrs);
    return { buffer: out, shape: x.shape };
  };
}

function sampleWith(range: ValueRange = {}) {
  return (fc: FastCheckModule) => anyTensorArb(fc, {}, range).map((x) => ({ inputs: [x], attrs: undefined }));
}

/** `1` where `x > 0`, else `0`, in `x`'s dtype: the relu mask. */
function positiveMask(x: Tensor): Tensor {
  return x.gt(0).astype(x.dtype);
}

export const negOp = defineOp({
  name: 'neg',
  forward: mapped(negKernel),
  backward: (g) => [g.neg()],
  saves: { inputs: [] },
  sample: sampleWith(),
});

export const expOp = defineOp({
  name: 'exp',
  forward: mapped(expKernel),
  backward: (g, _inputs, { out }) => [g.mul(out)],
  saves: { inputs: [], output: true },
  sample: sampleWith(),
});

export const logOp = defineOp({
  name: 'log',
  forward: mapped(logKernel),
  backward: (g, [x]) => [g.div(x)],
  sample: sampleWith({ min: 0.1, max: 3 }),
});

export const sqrtOp = defineOp({
  name: 'sqrt',
  forward: mapped(sqrtKernel),
  backward: (g, _inputs, { out }) => [g.div(out.mul(2))],
  saves: { inputs: [], output: true },
  sample: sampleWith({ min: 0.1, max: 3 }),
});

export const absOp = defineOp({
  name: 'abs',
  forward: mapped(absKernel),
  // sign(x), with sign(0) = 0: the subgradient the docs' table promises.
  backward: (g, [x]) => [g.mul(x.gt(0).sub(x.lt(0)).astype(x.dtype))],
  sample: sampleWith({ awayFrom: [0] }),
});

export const tanhOp = defineOp({
  name: 'tanh',
  forward: mapped(tanhKernel),
  backward: (g, _inputs, { out }) => [g.mul(sub(1, out.mul(out)))],
  saves: { inputs: [], output: true },
  sample: sampleWith(),
});

export const sigmoidOp = defineOp({
  name: 'sigmoid',
  forward: mapped(sigmoidKernel),
  backward: (g, _inputs, { out }) => [g.mul(out.mul(sub(1, out)))],
  saves: { inputs: [], output: true },
  sample: sampleWith(),
});

export const reluOp = defineOp({
  name: 'relu',
  forward: mapped(reluKernel),
  backward: (g, [x]) => [g.mul(positiveMask(x))],
  sample: sampleWith({ awayFrom: [0] }),
});

export const leakyReluOp = defineOp<{ slope: number }>({
  name: 'leakyRelu',
  forward: mapped((x, out, { slope }: { slope: number }) => leakyReluKernel(x, out, slope)),
  // mask·(1 − slope) + slope is 1 where x > 0 and slope elsewhere.
  backward: (g, [x], { attrs }) => [g.mul(positiveMask(x).mul(1 - attrs.slope).add(attrs.slope))],
  sample: (fc) =>
    fc.tuple(anyTensorArb(fc, {}, { awayFrom: [0] }), fc.constantFrom(0.01, 0.2)).map(([x, slope]) => ({ inputs: [x], attrs: { slope } })),
});

export const clampOp = defineOp<{ min: number; max: number }>({
  name: 'clamp',
  forward: mapped((x, out, { min, max }: { min: number; max: number }) => clampKernel(x, out, min, max)),
  // Gradient 1 inside [min, max] (bounds included, as PyTorch), 0 outside.
  backward: (g, [x], { attrs }) => [g.mul(x.ge(attrs.min).mul(x.le(attrs.max)).astype(x.dtype))],
  sample: (fc) =>
    anyTensorArb(fc, {}, { awayFrom: [-0.5, 0.5] }).map((x) => ({ inputs: [x], attrs: { min: -0.5, max: 0.5 } })),
});

/** The operand of an op that maps integers to integers: an int32 tensor stays int32 (numpy's rule). */
function keepingInt(op: string, x: TensorLike): Tensor {
  return x instanceof Tensor && x.dtype === 'int32' ? x : floatOperand(op, x);
}

/** `−x`; int32 stays int32. */
export function neg(x: TensorLike): Tensor {
  return negOp.apply([keepingInt('neg', x)]);
}
/** `eˣ`. */
export function exp(x: TensorLike): Tensor {
  return expOp.apply([floatOperand('exp', x)]);
}
/** Natural logarithm. */
export function log(x: TensorLike): Tensor {
  return logOp.apply([floatOperand('log', x)]);
}
/** Square root. */
export function sqrt(x: TensorLike): Tensor {
  return sqrtOp.apply([floatOperand('sqrt', x)]);
}
/** `|x|`; gradient 0 at 0; int32 stays int32. */
export function abs(x: TensorLike): Tensor {
  return absOp.apply([keepingInt('abs', x)]);
}
/** Hyperbolic tangent. */
export function tanh(x: TensorLike): Tensor {
  return tanhOp.apply([floatOperand('tanh', x)]);
}
/** Logistic sigmoid, computed without overflow for large |x|. */
export function sigmoid(x: TensorLike): Tensor {
  return sigmoidOp.apply([floatOperand('sigmoid', x)]);
}
/** `max(x, 0)`; gradient 0 at 0; int32 stays int32. */
export function relu(x: TensorLike): Tensor {
  return reluOp.apply([keepingInt('relu', x)]);
}
/** `x` where positive, `slope·x` elsewhere (default slope 0.01, as PyTorch). */
export function leakyRelu(x: TensorLike, slope = 0.01): Tensor {
  if (!Number.isFinite(slope)) throw new Error(`leakyRelu: slope must be a finite number, got ${slope}`);
  return leakyReluOp.apply([floatOperand('leakyRelu', x)], { slope });
}
/** Limits values to `[min, max]`; either bound may be omitted. Gradient 1 inside, 0 outside. */
export function clamp(x: TensorLike, min?: number, max?: number): Tensor {
  const low = min ?? -Infinity;
  const high = max ?? Infinity;
  if (Number.isNaN(low) || Number.isNaN(high) || low > high) {
    throw new Error(`clamp: needs min ≤ max, got min ${min}, max ${max}`);
  }
  return clampOp.apply([floatOperand('clamp', x)], { min: low, max: high });
}
