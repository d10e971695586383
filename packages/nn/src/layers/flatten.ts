/**
 * `Flatten`: merges a range of axes, by default everything but the batch axis.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { Module } from '../module.js';

/**
 * Merges axes `startAxis…endAxis` into one, as PyTorch's `nn.Flatten`: with the defaults
 * `[N, C, H, W]` becomes `[N, C·H·W]`, ready for a Linear. Shares storage (a reshape).
 */
export class Flatten extends Module {
  /** First axis merged. */
  readonly startAxis: number;
  /** Last axis merged (negative counts from the end). */
  readonly endAxis: number;

  /** Flattens axes `startAxis` (default 1) through `endAxis` (default −1). */
  constructor(startAxis = 1, endAxis = -1) {
    super();
    if (!Number.isInteger(startAxis) || !Number.isInteger(endAxis)) {
      throw new Error(`Flatten: startAxis and endAxis must be integers, got ${String(startAxis)} and ${String(endAxis)}`);
    }
    this.startAxis = startAxis;
    this.endAxis = endAxis;
  }

  /** `x` with axes `startAxis…endAxis` merged. */
  override forward(x: Tensor): Tensor {
    return x.flatten(this.startAxis, this.endAxis);
  }

  /** `startAxis=…, endAxis=…`. */
  override extraRepr(): string {
    return `startAxis=${this.startAxis}, endAxis=${this.endAxis}`;
  }
}
