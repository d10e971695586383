/**
 * `Dropout`: inverted dropout, drawn from the seeded generator.
 * @module
 */
import { noGrad, rand, type Tensor, tensor } from '@tapegrad/tensor';
import { Module } from '../module.js';

/**
 * In training mode, zeroes each element with probability `p` and scales the survivors by
 * `1/(1−p)` (inverted dropout), so the expected output equals the input and evaluation needs no
 * rescaling; in evaluation mode (`eval()`) returns the input unchanged. The mask comes from the
 * seeded generator, so `manualSeed` makes it reproducible. `p = 1` zeroes everything (`x · 0`,
 * as PyTorch), since there are no survivors to scale.
 */
export class Dropout extends Module {
  /** Probability of zeroing an element, in [0, 1]. */
  readonly p: number;

  /** Dropout with drop probability `p` (default 0.5). */
  constructor(p = 0.5) {
    super();
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new Error(`Dropout: p must be a probability in [0, 1], got ${String(p)}`);
    }
    this.p = p;
  }

  /** `x · mask / (1 − p)` in training mode; `x` in evaluation mode. */
  override forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    if (this.p === 1) return x.mul(0);
    const keepScale = 1 / (1 - this.p);
    const mask = noGrad(() => {
      const uniform = rand(x.shape, { dtype: 'float64' }).buffer;
      const values = x.dtype === 'float32' ? new Float32Array(uniform.length) : new Float64Array(uniform.length);
      for (let i = 0; i < uniform.length; i++) values[i] = uniform[i] >= this.p ? keepScale : 0;
      return tensor(values, { shape: x.shape.slice() });
    });
    return x.mul(mask);
  }

  /** `p=…`. */
  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
