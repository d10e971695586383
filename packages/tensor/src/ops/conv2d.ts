/**
 * `conv2d`, fused: NCHW cross-correlation as PyTorch's `F.conv2d`, computed per image as im2col
 * plus one GEMM. Its backward is written with the `im2col`/`col2im` primitives and matmul (whose
 * transpose flags spare every transpose), so it is itself differentiable:
 * `dx = col2im(Wᵀ·G)`, `dW = Σₙ G·im2col(x)ᵀ`, `db = Σ G` over batch and positions.
 * @module
 */
import { allocate, isFloat, promoteDtypes } from '../dtype.js';
import { defineOp, type FastCheckModule } from '../op.js';
import { exceedsMaxSize, formatShape, MAX_SIZE, resultSizeError } from '../shape.js';
import { tensorArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { conv2dKernel } from '../kernels/conv2d.js';
import { matmulOp } from './matmul.js';
import { col2imOp, im2colOp, smallWindowArb } from './im2col.js';
import { castTo } from './operands.js';
import { imageDims, type Pair, toPair, windowGeometry } from './sliding-window.js';

/** Options of `conv2d`. */
export interface Conv2dOptions {
  /** Step between windows: one number for both axes, or `[h, w]` (default 1). */
  readonly stride?: number | readonly [number, number];
  /** Zeros added before and after each spatial axis: one number, or `[h, w]` (default 0). */
  readonly padding?: number | readonly [number, number];
}

interface Conv2dAttrs {
  readonly stride: Pair;
  readonly padding: Pair;
}

export const conv2dOp = defineOp<Conv2dAttrs>({
  name: 'conv2d',
  forward: ([x, w, b], { stride, padding }) => {
    const [batch, channels, height, width] = x.shape;
    const [outChannels, , kernelH, kernelW] = w.shape;
    const g = windowGeometry('conv2d', channels, height, width, { kernel: [kernelH, kernelW], stride, padding }, `x ${formatShape(x.shape)}`);
    // Huge padding or a tiny stride asks for little and needs a lot: the output, and the
    // [C·kh·kw, Ho·Wo] column matrix the kernel builds per image.
    const shape = [batch, outChannels, g.outH, g.outW];
    const columns = channels * kernelH * kernelW;
    if (exceedsMaxSize(shape) || columns * g.outH * g.outW > MAX_SIZE) {
      const convolving = `convolving x ${formatShape(x.shape)} with w ${formatShape(w.shape)} (stride [${stride}], padding [${padding}])`;
      if (exceedsMaxSize(shape)) throw resultSizeError('conv2d', shape, convolving);
      throw resultSizeError('conv2d', [columns, g.outH * g.outW], `the im2col columns of one image for ${convolving}`);
    }
    const out = allocate(x.dtype, batch * outChannels * g.outH * g.outW);
    conv2dKernel(x.buffer, w.buffer, b === undefined ? null : b.buffer, batch, outChannels, g, out);
    return { buffer: out, shape };
  },
  backward: (g, [x, w, b], { attrs: { stride, padding }, needsGrad }) => {
    const [batch, channels, height, width] = x.shape;
    const [outChannels, , kernelH, kernelW] = w.shape;
    const window = { kernel: [kernelH, kernelW] as const, stride, padding };
    const grads = g.reshape([batch, outChannels, g.shape[2] * g.shape[3]]);
    const weights = w.reshape([outChannels, channels * kernelH * kernelW]);
    const dx = needsGrad[0] ? col2imOp.apply([matmulOp.apply([weights, grads], { transA: true, transB: false })], { ...window, height, width }) : null;
    const dw = needsGrad[1]
      ? matmulOp.apply([grads, im2colOp.apply([x], window)], { transA: false, transB: true }).sum(0).reshape(w.shape)
      : null;
    if (b === undefined) return [dx, dw];
    return [dx, dw, needsGrad[2] ? g.sum([0, 2, 3]) : null];
  },
  // The bias's gradient does not read the bias, so changing it in place before backward is fine.
  saves: { inputs: [0, 1] },
  sample: sampleConv2d,
});

function sampleConv2d(fc: FastCheckModule) {
  return fc
    .tuple(smallWindowArb(fc), fc.integer({ min: 1, max: 2 }), fc.boolean())
    .chain(([{ batch, channels, height, width, window }, outChannels, withBias]) =>
      fc
        .tuple(
          tensorArb(fc, [batch, channels, height, width]),
          tensorArb(fc, [outChannels, channels, ...window.kernel]),
          tensorArb(fc, [outChannels]),
        )
        .map(([x, w, b]) => ({
          inputs: withBias ? [x, w, b] : [x, w],
          attrs: { stride: window.stride, padding: window.padding },
        })),
    );
}

/** `name [shape] (label)`, the way conv2d's errors show an operand. */
function named(name: string, x: Tensor): string {
  return `${name} ${formatShape(x.shape)}${x.label ? ` (${x.label})` : ''}`;
}

/** Why `x`, passed as the operand `name`, is not a tensor, and what to pass instead. */
function notATensor(name: string, x: unknown, layout: string): string {
  // conv2d(x, w, { stride }) is the likeliest slip from PyTorch's keyword arguments.
  if (name === 'b' && typeof x === 'object' && x !== null && !Array.isArray(x)) {
    return 'conv2d: b is an options object; options go fourth, after the bias: conv2d(x, w, null, { stride, padding })';
  }
  const kind = Array.isArray(x) ? 'a plain array (wrap it with tensor(...))' : x === null ? 'null' : typeof x;
  return `conv2d: ${name} is ${kind}; expected a Tensor ${layout}`;
}

function checkOperand(name: string, x: unknown, layout: string): asserts x is Tensor {
  if (!(x instanceof Tensor)) throw new Error(notATensor(name, x, layout));
  if (!isFloat(x.dtype)) {
    throw new Error(`conv2d: ${named(name, x)} is int32, but convolution needs float tensors; convert it with ${name}.astype('float64') (or 'float32')`);
  }
}

/**
 * 2-D cross-correlation over NCHW images, as PyTorch's `F.conv2d`: `x` is `[N, C, H, W]`, `w` is
 * `[O, C, kh, kw]`, the optional bias `b` is `[O]`; the output is `[N, O, Ho, Wo]` with
 * `Ho = floor((H + 2·padding − kh) / stride) + 1` (likewise `Wo`). Mixed float dtypes promote
 * to the wider one.
 *
 * ```ts
 * const y = conv2d(x, w, b, { stride: 2, padding: 1 });
 * ```
 */
export function conv2d(x: Tensor, w: Tensor, b?: Tensor | null, options: Conv2dOptions = {}): Tensor {
  checkOperand('x', x, '[N,C,H,W]');
  checkOperand('w', w, '[O,C,kh,kw]');
  const bias = b ?? undefined;
  if (bias !== undefined) checkOperand('b', bias, '[O]');
  const [, channels, height, width] = imageDims('conv2d', named('x', x), x.shape);
  const [outChannels, weightChannels, kernelH, kernelW] = imageDims('conv2d', named('w', w), w.shape, '[O,C,kh,kw]');
  if (channels !== weightChannels) {
    throw new Error(
      `conv2d: x has ${channels} channels but w expects ${weightChannels}: ${named('x', x)}, ${named('w', w)}; ` +
        `w's second axis must equal x's channel axis (axis 1)`,
    );
  }
  if (bias !== undefined && (bias.ndim !== 1 || bias.shape[0] !== outChannels)) {
    throw new Error(`conv2d: bias ${named('b', bias)} must have shape [${outChannels}], one entry per output channel of ${named('w', w)}`);
  }
  const stride = toPair('conv2d', 'stride', options.stride ?? 1, 1);
  const padding = toPair('conv2d', 'padding', options.padding ?? 0, 0);
  // Validated here so the error names x and w; the forward builds the same geometry again.
  windowGeometry('conv2d', channels, height, width, { kernel: [kernelH, kernelW], stride, padding }, `${named('x', x)} with ${named('w', w)}`);
  const dtype = [w, ...(bias ? [bias] : [])].reduce((d, t) => promoteDtypes(d, t.dtype), x.dtype);
  const inputs = [x, w, ...(bias ? [bias] : [])].map((t) => castTo(t, dtype));
  return conv2dOp.apply(inputs, { stride, padding });
}
