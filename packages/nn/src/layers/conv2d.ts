/**
 * `Conv2d`: a learned 2-D convolution over NCHW images, wrapping the fused `conv2d` primitive.
 * @module
 */
import { conv2d, formatShape, type Tensor, zeros } from '@tapegrad/tensor';
import { checkNonNegativeInteger, checkPositiveInteger, pairOf } from '../arguments.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { resetWeightAndBias } from './default-init.js';

/** Options of `new Conv2d(inChannels, outChannels, kernelSize, options)`. */
export interface Conv2dLayerOptions {
  /** Step between windows: one number for both axes or `[h, w]` (default 1). */
  readonly stride?: number | readonly [number, number];
  /** Zeros added on each side of each spatial axis: one number or `[h, w]` (default 0). */
  readonly padding?: number | readonly [number, number];
  /** Whether to add a learned per-channel bias (default true). */
  readonly bias?: boolean;
}

/**
 * 2-D cross-correlation with learned filters, as PyTorch's `nn.Conv2d`: `[N, inChannels, H, W]`
 * → `[N, outChannels, Ho, Wo]` with `Ho = floor((H + 2·padding − kh) / stride) + 1`. `weight` is
 * `[outChannels, inChannels, kh, kw]` and `bias` `[outChannels]`; both start as PyTorch's:
 * U(−1/√fanIn, 1/√fanIn) with `fanIn = inChannels·kh·kw`.
 *
 * ```ts
 * const conv = new Conv2d(1, 8, 3, { padding: 1 });
 * conv.forward(randn([64, 1, 28, 28])).shape; // [64, 8, 28, 28]
 * ```
 */
export class Conv2d extends Module {
  /** Channels of the input (axis 1). */
  readonly inChannels: number;
  /** Channels of the output (number of filters). */
  readonly outChannels: number;
  /** `[kh, kw]`. */
  readonly kernelSize: readonly [number, number];
  /** `[strideH, strideW]`. */
  readonly stride: readonly [number, number];
  /** `[padH, padW]`. */
  readonly padding: readonly [number, number];
  /** The filters, `[outChannels, inChannels, kh, kw]`. */
  weight: Parameter;
  /** `[outChannels]`, or null when built with `bias: false`. */
  bias: Parameter | null;

  /** A convolution from `inChannels` to `outChannels` with `kernelSize` (one number or `[kh, kw]`) windows. */
  constructor(inChannels: number, outChannels: number, kernelSize: number | readonly [number, number], { stride = 1, padding = 0, bias = true }: Conv2dLayerOptions = {}) {
    super();
    this.inChannels = checkPositiveInteger('Conv2d', 'inChannels', inChannels);
    this.outChannels = checkPositiveInteger('Conv2d', 'outChannels', outChannels);
    this.kernelSize = pairOf('Conv2d', 'kernelSize', kernelSize, checkPositiveInteger);
    this.stride = pairOf('Conv2d', 'stride', stride, checkPositiveInteger);
    this.padding = pairOf('Conv2d', 'padding', padding, checkNonNegativeInteger);
    this.weight = new Parameter(zeros([outChannels, inChannels, ...this.kernelSize]));
    this.bias = bias ? new Parameter(zeros([outChannels])) : null;
    this.resetParameters();
  }

  /** Redraws the weight and bias with PyTorch's default initialisation. */
  resetParameters(): void {
    resetWeightAndBias(this.weight, this.bias);
  }

  /** Convolves `x` (`[N, inChannels, H, W]`, or one image `[inChannels, H, W]`). */
  override forward(x: Tensor): Tensor {
    if ((x.ndim !== 3 && x.ndim !== 4) || x.shape[x.ndim - 3] !== this.inChannels) {
      const got = x.ndim === 3 || x.ndim === 4 ? `has ${x.shape[x.ndim - 3]} channels` : `is ${x.ndim}-D`;
      throw new Error(`${this.#name()}: input ${got}, expected [N, ${this.inChannels}, H, W]: x ${formatShape(x.shape)}`);
    }
    const [kernelH, kernelW] = this.kernelSize;
    const [padH, padW] = this.padding;
    if (x.shape[x.ndim - 2] + 2 * padH < kernelH || x.shape[x.ndim - 1] + 2 * padW < kernelW) {
      throw new Error(`${this.#name()}: the ${kernelH}×${kernelW} kernel is larger than the padded image: x ${formatShape(x.shape)}, padding ${formatShape(this.padding)}`);
    }
    const images = x.ndim === 3 ? x.reshape([1, ...x.shape]) : x;
    const out = conv2d(images, this.weight, this.bias, { stride: this.stride, padding: this.padding });
    return x.ndim === 3 ? out.reshape(out.shape.slice(1)) : out;
  }

  #name(): string {
    return `Conv2d(${this.inChannels}→${this.outChannels}, kernel ${this.kernelSize.join('×')})`;
  }

  /** `inChannels, outChannels, kernelSize=[kh,kw], stride=…, padding=…, bias=…`. */
  override extraRepr(): string {
    return (
      `${this.inChannels}, ${this.outChannels}, kernelSize=${formatShape(this.kernelSize)}, stride=${formatShape(this.stride)}, ` +
      `padding=${formatShape(this.padding)}, bias=${this.bias !== null}`
    );
  }
}
