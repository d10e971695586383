/**
 * `Linear`: `y = x·Wᵀ + b`, the fully connected layer.
 * @module
 */
import { formatShape, linear, type Tensor, zeros } from '@tapegrad/tensor';
import { checkPositiveInteger } from '../arguments.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { resetWeightAndBias } from './default-init.js';

/** Options of `new Linear(inFeatures, outFeatures, options)`. */
export interface LinearOptions {
  /** Whether to add a learned bias (default true). */
  readonly bias?: boolean;
}

/**
 * Applies `y = x·Wᵀ + b` to the last axis of `x` (`[..., inFeatures]` → `[..., outFeatures]`),
 * as PyTorch's `nn.Linear`. `weight` is `[outFeatures, inFeatures]` and `bias` `[outFeatures]`
 * (null without bias). Both start as PyTorch's do: U(−1/√inFeatures, 1/√inFeatures), i.e.
 * `kaimingUniform_(weight, { a: √5 })` for the weight.
 *
 * ```ts
 * const fc = new Linear(784, 256);
 * fc.forward(randn([64, 784])).shape; // [64, 256]
 * ```
 */
export class Linear extends Module {
  /** Size of each input's last axis. */
  readonly inFeatures: number;
  /** Size of each output's last axis. */
  readonly outFeatures: number;
  /** `[outFeatures, inFeatures]`. */
  weight: Parameter;
  /** `[outFeatures]`, or null when built with `bias: false`. */
  bias: Parameter | null;

  /** A layer from `inFeatures` to `outFeatures`, initialised from the seeded generator. */
  constructor(inFeatures: number, outFeatures: number, { bias = true }: LinearOptions = {}) {
    super();
    this.inFeatures = checkPositiveInteger('Linear', 'inFeatures', inFeatures);
    this.outFeatures = checkPositiveInteger('Linear', 'outFeatures', outFeatures);
    this.weight = new Parameter(zeros([outFeatures, inFeatures]));
    this.bias = bias ? new Parameter(zeros([outFeatures])) : null;
    this.resetParameters();
  }

  /** Redraws the weight and bias with PyTorch's default initialisation. */
  resetParameters(): void {
    resetWeightAndBias(this.weight, this.bias);
  }

  /** `x·Wᵀ + b` over the last axis of `x` (`[..., inFeatures]`). */
  override forward(x: Tensor): Tensor {
    if (x.ndim === 0 || x.shape[x.ndim - 1] !== this.inFeatures) {
      const got = x.ndim === 0 ? 'is a scalar' : `has ${x.shape[x.ndim - 1]} features`;
      throw new Error(`Linear(${this.inFeatures}→${this.outFeatures}): input ${got}, expected ${this.inFeatures}: x ${formatShape(x.shape)}`);
    }
    // `linear` reads W through the matmul primitive's transB flag and folds leading axes into
    // rows, so neither pass copies a transpose. Float dtypes promote as for any binary op.
    return linear(x, this.weight, this.bias);
  }

  /** `inFeatures=…, outFeatures=…, bias=…`. */
  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
