/**
 * `LayerNorm`: normalisation of each sample over its trailing axes.
 * @module
 */
import { formatShape, ones, type Tensor, zeros } from '@tapegrad/tensor';
import { checkPositive, checkPositiveInteger } from '../arguments.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';

/** Options of `new LayerNorm(normalizedShape, options)`. */
export interface LayerNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  readonly eps?: number;
  /** Learn an elementwise scale `weight` and shift `bias` of shape `normalizedShape` (default true). */
  readonly elementwiseAffine?: boolean;
}

/**
 * Normalises each sample over its last `normalizedShape.length` axes, as PyTorch's
 * `nn.LayerNorm`: `y = (x − mean) / √(var + eps) · weight + bias`, with the biased variance
 * (dividing by the number of normalised elements). The same in training and evaluation mode.
 *
 * ```ts
 * const norm = new LayerNorm(512);        // x [batch, tokens, 512]
 * const norm2 = new LayerNorm([8, 8]);    // x [..., 8, 8]
 * ```
 */
export class LayerNorm extends Module {
  /** The trailing shape normalised over. */
  readonly normalizedShape: readonly number[];
  /** Added to the variance before the square root. */
  readonly eps: number;
  /** Whether `weight` and `bias` exist. */
  readonly elementwiseAffine: boolean;
  /** Scale of shape `normalizedShape` (ones at first), or null without `elementwiseAffine`. */
  weight: Parameter | null;
  /** Shift of shape `normalizedShape` (zeros at first), or null without `elementwiseAffine`. */
  bias: Parameter | null;

  /** A layer normalising over trailing axes of `normalizedShape` (one number is a 1-axis shape). */
  constructor(normalizedShape: number | readonly number[], { eps = 1e-5, elementwiseAffine = true }: LayerNormOptions = {}) {
    super();
    if (!Array.isArray(normalizedShape) && typeof normalizedShape !== 'number') {
      throw new Error(`LayerNorm: normalizedShape must be a positive integer or an array of them, got ${String(normalizedShape)}`);
    }
    const shape = typeof normalizedShape === 'number' ? [normalizedShape] : [...normalizedShape];
    if (shape.length === 0) throw new Error('LayerNorm: normalizedShape must have at least one axis');
    shape.forEach((extent, i) => checkPositiveInteger('LayerNorm', `normalizedShape[${i}]`, extent));
    this.normalizedShape = shape;
    this.eps = checkPositive('LayerNorm', 'eps', eps);
    this.elementwiseAffine = elementwiseAffine;
    this.weight = elementwiseAffine ? new Parameter(ones(shape)) : null;
    this.bias = elementwiseAffine ? new Parameter(zeros(shape)) : null;
  }

  /** Normalises each sample of `x` (`[..., ...normalizedShape]`) over its trailing axes. */
  override forward(x: Tensor): Tensor {
    const k = this.normalizedShape.length;
    const trailing = x.shape.slice(x.ndim - k);
    if (x.ndim < k || trailing.some((extent, i) => extent !== this.normalizedShape[i])) {
      throw new Error(
        `LayerNorm(${formatShape(this.normalizedShape)}): input must end in ${formatShape(this.normalizedShape)}, got x ${formatShape(x.shape)}`,
      );
    }
    const axes = this.normalizedShape.map((_, i) => x.ndim - k + i);
    const mean = x.mean(axes, true);
    const centered = x.sub(mean);
    const variance = centered.mul(centered).mean(axes, true);
    const normalised = centered.div(variance.add(this.eps).sqrt());
    if (this.weight === null || this.bias === null) return normalised;
    return normalised.mul(this.weight).add(this.bias);
  }

  /** `[shape], eps=…, elementwiseAffine=…`. */
  override extraRepr(): string {
    return `${formatShape(this.normalizedShape)}, eps=${this.eps}, elementwiseAffine=${this.elementwiseAffine}`;
  }
}
