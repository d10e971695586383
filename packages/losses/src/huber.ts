/**
 * Huber loss, PyTorch's `HuberLoss`: quadratic near zero, linear beyond `delta`.
 * @module
 */
import { type Tensor, where } from '@tapegrad/tensor';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/** Options of `huber`. */
export interface HuberOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear; a positive finite number (default 1). */
  readonly delta?: number;
}

/**
 * Huber loss per element, with `e = p − t` and `δ = delta` (PyTorch's `HuberLoss`):
 *
 * ```text
 * ½ e²            if |e| < δ
 * δ (|e| − ½ δ)   otherwise
 * ```
 *
 * Behaves like `mse` for small errors and like `l1` (scaled by δ) for outliers, so one bad point
 * cannot dominate the gradient: it is `e` inside the zone and `δ·sign(e)` outside, continuous at
 * `|e| = δ`. With `δ = 1` it equals PyTorch's `SmoothL1Loss` (beta 1).
 *
 * ```ts
 * huber(tensor([0.5, 3]), tensor([0, 0]), { delta: 1 }); // mean of [0.125, 2.5]
 * ```
 */
export function huber(prediction: Tensor, target: Tensor, options: HuberOptions = {}): Tensor {
  const reduction = checkReduction('huber', options.reduction ?? 'mean', REDUCTIONS);
  const delta = options.delta ?? 1;
  if (typeof delta !== 'number' || !(delta > 0) || !Number.isFinite(delta)) {
    throw new Error(`huber: delta must be a positive finite number (the half-width of the quadratic zone), got ${String(delta)}`);
  }
  const p = checkTensor('huber', 'prediction', prediction);
  const t = checkTensor('huber', 'target', target);
  checkSameShape('huber', p, t);
  const error = p.sub(t);
  const size = error.abs();
  const quadratic = error.mul(error).mul(0.5);
  const linear = size.sub(0.5 * delta).mul(delta);
  // Both branches are finite everywhere, so `where`'s zero gradient for the branch not taken
  // cannot meet an Inf and turn into NaN.
  return reduceLosses(where(size.lt(delta), quadratic, linear), reduction);
}
