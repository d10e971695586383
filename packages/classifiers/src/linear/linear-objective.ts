/**
 * The objective a linear classifier minimises: data loss plus L2 regularisation.
 * @module
 */
import { describeTensor, Tensor } from '@tapegrad/tensor';
import { l2Penalty, multiclassHinge, softmaxCrossEntropy } from '@tapegrad/losses';
import { checkFeatures } from '../features.js';
import { checkChoice, checkNonNegative } from '../hyperparameters.js';
import type { LabelsInput } from '../labels.js';

/** The data loss of a linear classifier: the multiclass SVM (hinge) loss or the softmax cross-entropy. */
export type LinearLoss = 'svm' | 'softmax';

/** Every {@link LinearLoss}, for validation. */
export const LINEAR_LOSSES: readonly LinearLoss[] = ['svm', 'softmax'];

/** Options of {@link linearClassifierObjective}. */
export interface LinearObjectiveOptions {
  /** `'svm'` or `'softmax'`. */
  readonly loss: LinearLoss;
  /** Regularisation strength λ of `λ Σ W²` (default 0). */
  readonly reg?: number;
  /** The SVM's margin Δ (default 1); ignored by softmax. */
  readonly margin?: number;
}

/**
 * The course's full loss of a linear classifier with scores `s = x·W + b`
 * (`x` `[N, D]`, `W` `[D, C]`, `b` `[C]`):
 *
 * ```text
 * L = (1/N) Σ_i L_i  +  λ Σ_k Σ_l W_kl²
 *     svm:     L_i = Σ_{j≠y_i} max(0, s_j − s_{y_i} + Δ)        (multiclassHinge)
 *     softmax: L_i = −s_{y_i} + log Σ_j exp(s_j)                 (softmaxCrossEntropy)
 * ```
 *
 * The regulariser is `l2Penalty(W, λ)`: **`λ Σ W²`, gradient `2λW`** (not the `½λ Σ W²`
 * convention, whose gradient is `λW`); the bias is not regularised. A differentiable scalar:
 * call `.backward()` on it, or gradient-check it.
 *
 * ```ts
 * const loss = linearClassifierObjective(x, y, W, b, { loss: 'softmax', reg: 1e-4 });
 * loss.backward(); // W.grad = xᵀ(P − onehot(y))/N + 2λW,  b.grad = Σ_i (P − onehot(y))_i / N
 * ```
 */
export function linearClassifierObjective(x: Tensor, y: LabelsInput, W: Tensor, b: Tensor, options: LinearObjectiveOptions): Tensor {
  const where = 'linearClassifierObjective';
  const loss = checkChoice(where, 'loss', options.loss, LINEAR_LOSSES);
  const reg = checkNonNegative(where, 'reg', options.reg ?? 0);
  const margin = checkNonNegative(where, 'margin', options.margin ?? 1);
  checkFeatures(where, x);
  checkWeights(where, x, W, b);
  const scores = x.matmul(W).add(b);
  const dataLoss = loss === 'svm' ? multiclassHinge(scores, y, { margin }) : softmaxCrossEntropy(scores, y);
  return reg === 0 ? dataLoss : dataLoss.add(l2Penalty(W, reg));
}

/** Throws unless `W` is `[D, C]` for `x` `[N, D]` and `b` is `[C]`. */
function checkWeights(where: string, x: Tensor, W: unknown, b: unknown): void {
  const features = x.shape[1];
  if (!(W instanceof Tensor) || W.ndim !== 2 || W.shape[0] !== features) {
    const got = W instanceof Tensor ? describeTensor(W) : String(W);
    throw new Error(`${where}: W must be [${features}, C] (one row per feature of x ${describeTensor(x)}, one column per class), got ${got}`);
  }
  const classes = W.shape[1];
  if (!(b instanceof Tensor) || b.ndim !== 1 || b.shape[0] !== classes) {
    const got = b instanceof Tensor ? describeTensor(b) : String(b);
    throw new Error(`${where}: b must be [${classes}] (one bias per class, the columns of W ${describeTensor(W)}), got ${got}`);
  }
}
