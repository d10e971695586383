/**
 * Mean absolute error, PyTorch's `L1Loss`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/**
 * Absolute error `|p − t|` per element, averaged by default (PyTorch's `L1Loss`). Less swayed by
 * outliers than `mse`; its gradient is `sign(p − t)`, with 0 where `p = t` (as `abs'(0) = 0`).
 * `prediction` and `target` must have the same shape.
 *
 * ```ts
 * l1(tensor([1, 2, 4]), tensor([1, 3, 1])); // (0 + 1 + 3) / 3
 * ```
 */
export function l1(prediction: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = checkReduction('l1', options.reduction ?? 'mean', REDUCTIONS);
  const p = checkTensor('l1', 'prediction', prediction);
  const t = checkTensor('l1', 'target', target);
  checkSameShape('l1', p, t);
  return reduceLosses(p.sub(t).abs(), reduction);
}
