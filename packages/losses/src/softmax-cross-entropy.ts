/**
 * Softmax cross-entropy on raw scores, PyTorch's `CrossEntropyLoss` with class-index targets.
 * @module
 */
import { softmaxCrossEntropy as softmaxCrossEntropyRows, type Tensor } from '@tapegrad/tensor';
import { checkClassScores } from './class-scores.js';
import { checkLabels, type Labels } from './labels.js';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';

/** Options of `softmaxCrossEntropy`. */
export interface SoftmaxCrossEntropyOptions extends ReductionOptions {
  /** ε in [0, 1]: how much of the target mass is spread uniformly over all classes (default 0). */
  readonly labelSmoothing?: number;
}

/**
 * The softmax classifier's loss (the course notes' `L_i = −log(e^{s_y} / Σ_j e^{s_j})`), from raw
 * scores `logits` `[N, C]` and one label per row, averaged over the batch by default (PyTorch's
 * `CrossEntropyLoss`):
 *
 * ```text
 * L_i = −s_{y_i} + log Σ_j exp(s_j)
 * ```
 *
 * It wraps the fused primitive `softmaxCrossEntropy` of `@tapegrad/tensor`, which max-shifts the
 * scores (the notes' `log C = −max_j f_j` trick), so logits of ±1e4 give finite losses and
 * gradients. The gradient is the notes' `softmax(s) − onehot(y)` per row, divided by N with
 * `'mean'`; with scores `X·W` that makes `∂L/∂W = Xᵀ(P − Y)/N`.
 *
 * **Label smoothing** (PyTorch's formula): with ε = `labelSmoothing`,
 * `L_i = (1 − ε)·CE_i + ε · mean_j(−log softmax(s)_j)`, i.e. the cross-entropy against the target
 * `(1 − ε)·onehot(y) + ε/C`.
 *
 * Sanity check from the notes: all-zero scores over C classes give `ln C` (2.303 for 10).
 *
 * ```ts
 * softmaxCrossEntropy(zeros([4, 10]), [0, 3, 9, 1]).item(); // Math.log(10)
 * softmaxCrossEntropy(logits, labels, { labelSmoothing: 0.1, reduction: 'sum' });
 * ```
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Labels, options: SoftmaxCrossEntropyOptions = {}): Tensor {
  const reduction = checkReduction('softmaxCrossEntropy', options.reduction ?? 'mean', REDUCTIONS);
  const smoothing = options.labelSmoothing ?? 0;
  if (typeof smoothing !== 'number' || !(smoothing >= 0 && smoothing <= 1)) {
    throw new Error(`softmaxCrossEntropy: labelSmoothing must be a number in [0, 1] (0 turns it off), got ${String(smoothing)}`);
  }
  const s = checkClassScores('softmaxCrossEntropy', 'logits', logits);
  const [rows, classes] = s.shape;
  const y = checkLabels('softmaxCrossEntropy', labels, rows, classes);
  let losses = softmaxCrossEntropyRows(s, y);
  if (smoothing > 0) {
    // logSoftmax is max-shifted too, so the uniform part stays finite for large logits.
    const uniform = s.logSoftmax(1).mean(1).neg();
    losses = losses.mul(1 - smoothing).add(uniform.mul(smoothing));
  }
  return reduceLosses(losses, reduction);
}
