/**
 * `Linear`: `y = x·Wᵀ + b`, the fully connected layer.
 * @module
 */
import { formatShape, getOp, type Op, promoteDtypes, type Tensor, zeros } from '@tapegrad/tensor';
import { checkPositiveInteger } from '../arguments.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';
import { resetWeightAndBias } from './default-init.js';

/** Options of `new Linear(inFeatures, outFeatures, options)`. */
export interface LinearOptions {
  /** Whether to add a learned bias (default true). */
  readonly bias?: boolean;
}

/** The registered matmul primitive, reached for its `transB` flag (see `Linear.forward`). */
const matmulPrimitive = getOp('matmul') as Op<{ transA: boolean; transB: boolean }> | undefined;

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
    const dtype = promoteDtypes(x.dtype, this.weight.dtype);
    const input = x.dtype === dtype ? x : x.astype(dtype);
    const weight = this.weight.dtype === dtype ? this.weight : this.weight.astype(dtype);
    // Leading axes fold into rows (a reshape shares storage), so the weight's gradient is one
    // product rather than a batch of them summed afterwards.
    const rows = x.ndim === 2 ? input : input.reshape([x.size / this.inFeatures, this.inFeatures]);
    // The primitive's transB flag reads W as Wᵀ where it lies; `x.matmul(W.T)` would first copy
    // the transpose (`.T` is a permute). Its backward also runs on flags, copying nothing.
    const product = matmulPrimitive !== undefined ? matmulPrimitive.apply([rows, weight], { transA: false, transB: true }) : rows.matmul(weight.T);
    const out = this.bias === null ? product : product.add(this.bias);
    return x.ndim === 2 ? out : out.reshape([...x.shape.slice(0, -1), this.outFeatures]);
  }

  /** `inFeatures=…, outFeatures=…, bias=…`. */
  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
