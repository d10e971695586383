/**
 * `Unflatten`: splits one axis into several, the inverse of `Flatten`.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';
import { Module } from '../module.js';

/**
 * Splits axis `axis` into `shape`, as PyTorch's `nn.Unflatten`: `new Unflatten(1, [1, 28, 28])`
 * turns `[N, 784]` rows into `[N, 1, 28, 28]` images, so a CNN can take the same input as an MLP.
 * One entry of `shape` may be −1 (inferred). Shares storage (a reshape); no parameters.
 */
export class Unflatten extends Module {
  /** The axis that is split (negative counts from the end). */
  readonly axis: number;
  /** What it is split into. */
  readonly shape: readonly number[];

  /** Splits axis `axis` of the input into `shape`. */
  constructor(axis: number, shape: readonly number[]) {
    super();
    if (!Number.isInteger(axis)) throw new Error(`Unflatten: axis must be an integer, got ${String(axis)}`);
    if (!Array.isArray(shape) || shape.length === 0 || shape.some((n) => !Number.isInteger(n) || n < -1)) {
      throw new Error(`Unflatten: shape must be a non-empty list of sizes (one may be -1), got ${JSON.stringify(shape)}`);
    }
    if (shape.filter((n) => n === -1).length > 1) throw new Error(`Unflatten: shape ${JSON.stringify(shape)} has more than one -1; only one size can be inferred`);
    this.axis = axis;
    this.shape = [...shape];
  }

  /** `x` with axis `axis` replaced by `shape`. */
  override forward(x: Tensor): Tensor {
    const axis = this.axis < 0 ? this.axis + x.ndim : this.axis;
    if (axis < 0 || axis >= x.ndim) {
      throw new Error(`Unflatten: axis ${this.axis} is out of range for input ${formatShape(x.shape)} (${x.ndim} axes)`);
    }
    const known = this.shape.reduce((product, n) => (n === -1 ? product : product * n), 1);
    const size = x.shape[axis];
    const fits = this.shape.includes(-1) ? known > 0 && size % known === 0 : known === size;
    if (!fits) {
      throw new Error(`Unflatten: axis ${this.axis} of input ${formatShape(x.shape)} has ${size} entries, which cannot be split into ${JSON.stringify(this.shape)}`);
    }
    return x.reshape([...x.shape.slice(0, axis), ...this.shape, ...x.shape.slice(axis + 1)]);
  }

  /** `axis=…, shape=[…]`. */
  override extraRepr(): string {
    return `axis=${this.axis}, shape=${JSON.stringify(this.shape)}`;
  }
}
