/**
 * Activation layers: parameter-free modules that apply one elementwise (or, for Softmax,
 * per-slice) function, for use inside `Sequential`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkFinite } from '../arguments.js';
import { Module } from '../module.js';

/** `max(x, 0)` elementwise; its gradient at 0 is 0. */
export class ReLU extends Module {
  /** Applies ReLU. */
  override forward(x: Tensor): Tensor {
    return x.relu();
  }
}

/** `x` where positive, `negativeSlope · x` elsewhere. */
export class LeakyReLU extends Module {
  /** Slope for negative inputs. */
  readonly negativeSlope: number;

  /** A leaky ReLU with slope `negativeSlope` (default 0.01) below 0. */
  constructor(negativeSlope = 0.01) {
    super();
    this.negativeSlope = checkFinite('LeakyReLU', 'negativeSlope', negativeSlope);
  }

  /** Applies the leaky ReLU. */
  override forward(x: Tensor): Tensor {
    return x.leakyRelu(this.negativeSlope);
  }

  /** `negativeSlope=…`. */
  override extraRepr(): string {
    return `negativeSlope=${this.negativeSlope}`;
  }
}

/** Hyperbolic tangent elementwise. */
export class Tanh extends Module {
  /** Applies tanh. */
  override forward(x: Tensor): Tensor {
    return x.tanh();
  }
}

/** Logistic sigmoid `1 / (1 + e⁻ˣ)` elementwise. */
export class Sigmoid extends Module {
  /** Applies the sigmoid. */
  override forward(x: Tensor): Tensor {
    return x.sigmoid();
  }
}

/** `exp(x) / Σ exp(x)` along `axis` (max-shifted, so large inputs stay finite). */
export class Softmax extends Module {
  /** The axis that sums to 1. */
  readonly axis: number;

  /** A softmax along `axis` (default −1, the last). */
  constructor(axis = -1) {
    super();
    if (!Number.isInteger(axis)) throw new Error(`Softmax: axis must be an integer, got ${String(axis)}`);
    this.axis = axis;
  }

  /** Applies the softmax along `axis`. */
  override forward(x: Tensor): Tensor {
    return x.softmax(this.axis);
  }

  /** `axis=…`. */
  override extraRepr(): string {
    return `axis=${this.axis}`;
  }
}
