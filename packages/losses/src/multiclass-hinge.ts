/**
 * The course's multiclass SVM loss (Weston–Watkins hinge).
 * @module
 */
import { oneHot, type Tensor } from '@tapegrad/tensor';
import { checkClassScores } from './class-scores.js';
import { checkLabels, type Labels } from './labels.js';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';

/** Options of `multiclassHinge`. */
export interface MulticlassHingeOptions extends ReductionOptions {
  /** The margin Δ by which the correct score should beat every other; finite and ≥ 0 (default 1). */
  readonly margin?: number;
}

/**
 * The multiclass SVM loss of the course notes: for example `i` with scores `s` and label `y`,
 *
 * ```text
 * L_i = Σ_{j ≠ y} max(0, s_j − s_y + Δ)
 * ```
 *
 * averaged over the batch with the default `'mean'` (so `'none'` gives the `[N]` per-example
 * `L_i`). Unlike PyTorch's `MultiMarginLoss` it is **not** divided by the number of classes: with
 * all scores equal and Δ = 1 it is `C − 1` (9 for 10 classes), the notes' sanity check.
 *
 * Its gradient is the notes' hand-derived one: each class `j ≠ y` whose margin is violated
 * (`s_j − s_y + Δ > 0`) gets +1 and the correct class gets −1 per violation, so with scores
 * `X·W` the column `W_j` gets `+x_i` and `W_y` gets `−x_i`. At a margin of exactly 0 the
 * subgradient 0 is used (`relu'(0) = 0`).
 *
 * ```ts
 * multiclassHinge(tensor([[3.2, 5.1, -1.7]]), [0]); // max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9
 * ```
 */
export function multiclassHinge(scores: Tensor, labels: Labels, options: MulticlassHingeOptions = {}): Tensor {
  const reduction = checkReduction('multiclassHinge', options.reduction ?? 'mean', REDUCTIONS);
  const margin = options.margin ?? 1;
  if (typeof margin !== 'number' || !(margin >= 0) || !Number.isFinite(margin)) {
    throw new Error(`multiclassHinge: margin must be a finite number ≥ 0 (the course notes' Δ, usually 1), got ${String(margin)}`);
  }
  const s = checkClassScores('multiclassHinge', 'scores', scores);
  const [rows, classes] = s.shape;
  const y = checkLabels('multiclassHinge', labels, rows, classes);
  const correct = s.gather(1, y.reshape([rows, 1]));
  const margins = s.sub(correct).add(margin).relu();
  // The j = y term would add max(0, Δ) = Δ to every row; mask it out rather than subtract Δ, so
  // the result is exact and the correct class gets no gradient through its own term.
  const otherClasses = oneHot(y, classes, { dtype: s.dtype }).neg().add(1);
  return reduceLosses(margins.mul(otherClasses).sum(1), reduction);
}
