/**
 * Mean squared error, PyTorch's `MSELoss`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/**
 * Squared error `(p − t)²` per element, averaged by default (PyTorch's `MSELoss`).
 * `prediction` and `target` must have the same shape: a `[N,1]` prediction against a `[N]` target
 * is an error, not a silent `[N,N]` broadcast.
 *
 * The course notes' `E = ½ Σ e²` (whose gradient is just `−e`) is the sum reduction halved:
 *
 * ```ts
 * const loss = mse(p, t);                                 // mean of (p − t)²
 * const notesLoss = mse(p, t, { reduction: 'sum' }).mul(0.5); // ½ Σ (p − t)²
 * ```
 */
export function mse(prediction: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = checkReduction('mse', options.reduction ?? 'mean', REDUCTIONS);
  const p = checkTensor('mse', 'prediction', prediction);
  const t = checkTensor('mse', 'target', target);
  checkSameShape('mse', p, t);
  const error = p.sub(t);
  return reduceLosses(error.mul(error), reduction);
}
