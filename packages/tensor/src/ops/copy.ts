/**
 * Copies: `astype` (differentiable between float dtypes) and `clone`.
 * @module
 */
import { allocate, checkDtype, convert, type Dtype, isFloat } from '../dtype.js';
import { defineOp } from '../op.js';
import { anyTensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';

/** The `astype` primitive: converts storage; the gradient converts back. */
export const astypeOp = defineOp<{ dtype: Dtype }>({
  name: 'astype',
  forward: ([x], { dtype }) => ({ buffer: convert(x.buffer, dtype), shape: x.shape }),
  backward: (g, [x]) => [isFloat(x.dtype) ? g.astype(x.dtype) : null],
  saves: { inputs: [] },
  // float64 → float64 keeps the numerical check exact; float32 round trips are tested by example.
  sample: (fc) => anyTensorArb(fc).map((x) => ({ inputs: [x], attrs: { dtype: 'float64' as Dtype } })),
});

/** `x` converted to `dtype` (int32 truncates toward zero); differentiable between float dtypes. */
export function astype(x: Tensor, dtype: Dtype): Tensor {
  checkDtype('astype', dtype);
  return astypeOp.apply([x], { dtype });
}

/** The `clone` primitive: a copy with its own storage. */
export const cloneOp = defineOp({
  name: 'clone',
  // allocate + set rather than slice(): small copies then come from a slab (see slab.ts).
  forward: ([x]) => {
    const buffer = allocate(x.dtype, x.buffer.length);
    buffer.set(x.buffer);
    return { buffer, shape: x.shape };
  },
  backward: (g) => [g],
  saves: { inputs: [] },
  sample: (fc) => anyTensorArb(fc).map((x) => ({ inputs: [x], attrs: undefined })),
});

/** A copy of `x` with its own storage; the gradient passes straight through. */
export function clone(x: Tensor): Tensor {
  return cloneOp.apply([x], undefined);
}
