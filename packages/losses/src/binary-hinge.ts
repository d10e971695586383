/**
 * The binary SVM hinge loss.
 * @module
 */
import { type Tensor, tensor } from '@tapegrad/tensor';
import { describeTensor } from './describe-tensor.js';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/**
 * The binary SVM hinge `max(0, 1 − y·s)` per element, for scores `s` and targets `y ∈ {−1, +1}`
 * (the course notes' binary SVM without its `C` and regulariser: scale it and add `l2Penalty`).
 * Zero once an example is on the right side with margin 1; gradient `−y` otherwise, and 0 at the
 * kink `y·s = 1`. Targets are a tensor or `number[]` of `scores`' shape; any other value (a 0/1
 * label, say) is an error naming its position.
 *
 * ```ts
 * binaryHinge(tensor([2, 0.5, -1]), [1, 1, 1]); // mean of [0, 0.5, 2]
 * ```
 */
export function binaryHinge(scores: Tensor, targets: Tensor | readonly number[], options: ReductionOptions = {}): Tensor {
  const reduction = checkReduction('binaryHinge', options.reduction ?? 'mean', REDUCTIONS);
  const s = checkTensor('binaryHinge', 'scores', scores);
  const y = checkSigns(targets);
  checkSameShape('binaryHinge', s, y, ['scores', 'targets']);
  return reduceLosses(y.mul(s).neg().add(1).relu(), reduction);
}

/** Targets as a tensor (a `number[]` keeps its nested shape), each −1 or +1. */
function checkSigns(targets: unknown): Tensor {
  const y = Array.isArray(targets) ? tensor(targets) : checkTensor('binaryHinge', 'targets', targets);
  const values = y.buffer;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 1 && values[i] !== -1) {
      throw new Error(
        `binaryHinge: target ${values[i]} at position ${i} is not −1 or +1 (targets ${describeTensor(y)}); ` +
          `map 0/1 labels to ±1 with y.mul(2).sub(1)`,
      );
    }
  }
  return y;
}
