/**
 * Negative log-likelihood, PyTorch's `NLLLoss`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkClassScores } from './class-scores.js';
import { checkLabels, type Labels } from './labels.js';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';

/**
 * Negative log-likelihood of the correct class: row `i` loses `−logProbs[i, y_i]`, averaged over
 * the batch by default (PyTorch's `NLLLoss` without class weights). `logProbs` is `[N, C]`,
 * normally the output of `logSoftmax`; `labels` hold one class index in `[0, C)` per row.
 *
 * `nll(logits.logSoftmax(), y)` equals `softmaxCrossEntropy(logits, y)`; the latter is fused and
 * is the one to use on raw scores.
 *
 * ```ts
 * const logProbs = tensor([[0.1, 0.9], [0.8, 0.2]]).log();
 * nll(logProbs, [1, 0]); // −(log 0.9 + log 0.8) / 2
 * ```
 */
export function nll(logProbs: Tensor, labels: Labels, options: ReductionOptions = {}): Tensor {
  const reduction = checkReduction('nll', options.reduction ?? 'mean', REDUCTIONS);
  const x = checkClassScores('nll', 'logProbs', logProbs);
  const [rows, classes] = x.shape;
  const y = checkLabels('nll', labels, rows, classes);
  // gather picks x[i, y_i]; its backward scatters −1 (times the upstream gradient) into that entry.
  const picked = x.gather(1, y.reshape([rows, 1])).reshape([rows]);
  return reduceLosses(picked.neg(), reduction);
}
