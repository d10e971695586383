/**
 * `MaxPool2d`: the largest value of each window of NCHW images, wrapping the fused `maxPool2d`.
 * @module
 */
import { formatShape, maxPool2d, type Tensor } from '@tapegrad/tensor';
import { checkPositiveInteger, pairOf } from '../arguments.js';
import { Module } from '../module.js';

/** Options of `new MaxPool2d(kernelSize, options)`. */
export interface MaxPool2dLayerOptions {
  /** Step between windows: one number or `[h, w]` (default: the kernel size, so windows tile). */
  readonly stride?: number | readonly [number, number];
}

/**
 * 2-D max pooling without padding, as PyTorch's `nn.MaxPool2d`: `[N, C, H, W]` → `[N, C, Ho, Wo]`
 * with `Ho = floor((H − kh) / stride) + 1`. The gradient of each window goes to its first
 * maximum (row-major), as in PyTorch.
 *
 * ```ts
 * new MaxPool2d(2).forward(randn([64, 8, 28, 28])).shape; // [64, 8, 14, 14]
 * ```
 */
export class MaxPool2d extends Module {
  /** `[kh, kw]`. */
  readonly kernelSize: readonly [number, number];
  /** `[strideH, strideW]`. */
  readonly stride: readonly [number, number];

  /** Pooling over `kernelSize` windows (one number or `[kh, kw]`), `stride` apart (default `kernelSize`). */
  constructor(kernelSize: number | readonly [number, number], { stride }: MaxPool2dLayerOptions = {}) {
    super();
    this.kernelSize = pairOf('MaxPool2d', 'kernelSize', kernelSize, checkPositiveInteger);
    this.stride = stride === undefined ? this.kernelSize : pairOf('MaxPool2d', 'stride', stride, checkPositiveInteger);
  }

  /** Pools `x` (`[N, C, H, W]`, or one image `[C, H, W]`). */
  override forward(x: Tensor): Tensor {
    const [kernelH, kernelW] = this.kernelSize;
    if (x.ndim !== 3 && x.ndim !== 4) {
      throw new Error(`MaxPool2d(${kernelH}×${kernelW}): input is ${x.ndim}-D, expected [N, C, H, W] or [C, H, W]: x ${formatShape(x.shape)}`);
    }
    if (x.shape[x.ndim - 2] < kernelH || x.shape[x.ndim - 1] < kernelW) {
      throw new Error(`MaxPool2d(${kernelH}×${kernelW}): the window is larger than the image: x ${formatShape(x.shape)}`);
    }
    return maxPool2d(x, this.kernelSize, { stride: this.stride });
  }

  /** `kernelSize=[kh,kw], stride=[sh,sw]`. */
  override extraRepr(): string {
    return `kernelSize=${formatShape(this.kernelSize)}, stride=${formatShape(this.stride)}`;
  }
}
