/**
 * `maxPool2d`, fused: the largest entry of each window of NCHW images (no padding). The gradient
 * goes to the first maximum of each window, as in PyTorch (not split among ties as `max` does;
 * docs/subgradients.md lists both). Backward recomputes the argmax from the saved input (one
 * cheap pass, so the tape holds nothing extra) and routes the gradient there with the
 * differentiable `scatterAdd`, whose own gradient is a `gather`.
 * @module
 */
import { allocate, isFloat, type TypedArray } from '../dtype.js';
import { defineOp, type RawTensor } from '../op.js';
import { formatShape } from '../shape.js';
import { distinctTensorsArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { zeros } from '../creation.js';
import { maxPool2dKernel } from '../kernels/max-pool.js';
import type { WindowGeometry } from '../kernels/window-geometry.js';
import { scatterAddOp } from './gather.js';
import { type Pair, toPair, windowGeometry, windowSampleArb } from './sliding-window.js';

/** Options of `maxPool2d`. */
export interface MaxPool2dOptions {
  /** Step between windows: one number for both axes, or `[h, w]` (default: the kernel size). */
  readonly stride?: number | readonly [number, number];
}

interface MaxPoolAttrs {
  readonly kernel: Pair;
  readonly stride: Pair;
}

function poolGeometry(x: RawTensor, { kernel, stride }: MaxPoolAttrs): WindowGeometry {
  const [, channels, height, width] = x.shape;
  return windowGeometry('maxPool2d', channels, height, width, { kernel, stride, padding: [0, 0] }, `x ${formatShape(x.shape)}`);
}

/** Runs the pooling kernel over every plane, returning the maxima and where each was found. */
function pool(x: RawTensor, attrs: MaxPoolAttrs): { out: TypedArray; argmax: Int32Array; g: WindowGeometry } {
  const g = poolGeometry(x, attrs);
  const planes = x.shape[0] * x.shape[1];
  const out = allocate(x.dtype, planes * g.outH * g.outW);
  const argmax = new Int32Array(out.length);
  maxPool2dKernel(x.buffer, planes, g, out, argmax);
  return { out, argmax, g };
}

export const maxPool2dOp = defineOp<MaxPoolAttrs>({
  name: 'maxPool2d',
  forward: ([x], attrs) => {
    const { out, g } = pool(x, attrs);
    return { buffer: out, shape: [x.shape[0], x.shape[1], g.outH, g.outW] };
  },
  backward: (grad, [x], { attrs }) => {
    const { argmax, g } = pool(x, attrs);
    const planes = x.shape[0] * x.shape[1];
    const positions = g.outH * g.outW;
    const index = new Tensor(argmax, [planes, positions]);
    const routed = scatterAddOp.apply([zeros([planes, g.height * g.width], { dtype: grad.dtype }), index, grad.reshape([planes, positions])], { axis: 1 });
    return [routed.reshape(x.shape)];
  },
  // Tie-free values: at a tie the derivative jumps, and the first-max rule is a choice, not a limit.
  sample: (fc) =>
    windowSampleArb(fc, { padded: false }).chain(({ batch, channels, height, width, window }) =>
      distinctTensorsArb(fc, [[batch, channels, height, width]]).map(([x]) => ({
        inputs: [x],
        attrs: { kernel: window.kernel, stride: window.stride },
      })),
    ),
});

/**
 * 2-D max-pooling over `[N, C, H, W]` (or `[C, H, W]`) images, as PyTorch's `F.max_pool2d`
 * without padding: each output is the maximum of a `kernel` window, windows `stride` apart
 * (default: `kernel`, so they tile), output extent `floor((H − kh) / stride) + 1`. The gradient
 * of each window goes to its first maximum in row-major order, as in PyTorch.
 *
 * ```ts
 * const y = maxPool2d(x, 2);              // [N,C,28,28] → [N,C,14,14]
 * const z = maxPool2d(x, [3, 3], { stride: 2 });
 * ```
 */
export function maxPool2d(x: Tensor, kernel: number | readonly [number, number], options: MaxPool2dOptions = {}): Tensor {
  if (!(x instanceof Tensor)) {
    throw new Error(`maxPool2d: x is ${Array.isArray(x) ? 'a plain array (wrap it with tensor(...))' : String(x)}; expected a Tensor [N,C,H,W]`);
  }
  const described = `x ${formatShape(x.shape)}${x.label ? ` (${x.label})` : ''}`;
  if (!isFloat(x.dtype)) {
    throw new Error(`maxPool2d: ${described} is int32, but pooling needs a float tensor; convert it with x.astype('float64') (or 'float32')`);
  }
  if (x.ndim !== 3 && x.ndim !== 4) {
    throw new Error(`maxPool2d: ${described} must be 4-D [N,C,H,W] or 3-D [C,H,W], got ${x.ndim}-D`);
  }
  const kernelPair = toPair('maxPool2d', 'kernel', kernel, 1);
  const stride = toPair('maxPool2d', 'stride', options.stride ?? kernelPair, 1);
  // A [C,H,W] image is a batch of one; reshape shares storage, so this costs nothing.
  const images = x.ndim === 3 ? x.reshape([1, ...x.shape]) : x;
  windowGeometry('maxPool2d', images.shape[1], images.shape[2], images.shape[3], { kernel: kernelPair, stride, padding: [0, 0] }, described);
  const out = maxPool2dOp.apply([images], { kernel: kernelPair, stride });
  return x.ndim === 3 ? out.reshape(out.shape.slice(1)) : out;
}
