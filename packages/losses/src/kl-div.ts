/**
 * Kullback–Leibler divergence, PyTorch's `KLDivLoss`.
 * @module
 */
import { type Tensor, where } from '@tapegrad/tensor';
import { describeTensor } from './describe-tensor.js';
import { checkReduction, reduceLosses, REDUCTIONS, type Reduction } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/** `klDiv`'s reductions: the usual three, plus `'batchmean'` (sum divided by the batch size). */
export type KlDivReduction = Reduction | 'batchmean';

/** Options of `klDiv`. */
export interface KlDivOptions {
  /**
   * How to combine the pointwise terms (default `'mean'`, as PyTorch). `'batchmean'` divides the
   * sum by the batch size `input.shape[0]`, which gives the true KL divergence per example;
   * `'mean'` divides by the number of elements, which is that divided by the number of classes.
   */
  readonly reduction?: KlDivReduction;
  /** When true, `target` holds log-probabilities too (default false: probabilities). */
  readonly logTarget?: boolean;
}

const KL_REDUCTIONS: readonly KlDivReduction[] = [...REDUCTIONS, 'batchmean'];

/**
 * KL divergence `D(target ‖ exp(input))` pointwise, PyTorch's `KLDivLoss`. Note the argument
 * order and that `input` is **log-probabilities** (e.g. `logSoftmax` output) while `target` is
 * probabilities (log-probabilities with `logTarget: true`):
 *
 * ```text
 * t · (log t − input)            (logTarget false; 0 where t = 0, as PyTorch's xlogy)
 * exp(t) · (t − input)           (logTarget true)
 * ```
 *
 * Use `reduction: 'batchmean'` for the mathematical KL divergence averaged over the batch — the
 * reduction PyTorch recommends; the default `'mean'` is kept only to match PyTorch's default, and
 * divides by the number of elements instead. The gradient with respect to `input` is `−t`
 * (divided by the reduction's count). A negative target gives NaN, as in PyTorch.
 *
 * ```ts
 * const logQ = tensor([[0.25, 0.75]]).log();
 * klDiv(logQ, tensor([[0.5, 0.5]]), { reduction: 'batchmean' }); // 0.5 ln 2 + 0.5 ln(2/3)
 * ```
 */
export function klDiv(input: Tensor, target: Tensor, options: KlDivOptions = {}): Tensor {
  const reduction = checkReduction('klDiv', options.reduction ?? 'mean', KL_REDUCTIONS);
  const x = checkTensor('klDiv', 'input', input);
  const t = checkTensor('klDiv', 'target', target);
  checkSameShape('klDiv', x, t, ['input', 'target']);
  let pointwise: Tensor;
  if (options.logTarget) {
    pointwise = t.exp().mul(t.sub(x));
  } else {
    // xlogy(t, t) − t·input: define 0·log 0 = 0. log sees 1 where t = 0, so neither the value nor
    // the gradient of the branch `where` discards can be −Inf (0·−Inf would be NaN in backward).
    const isZero = t.eq(0);
    const tLogT = where(isZero, 0, t.mul(where(isZero, 1, t).log()));
    pointwise = tLogT.sub(t.mul(x));
  }
  if (reduction !== 'batchmean') return reduceLosses(pointwise, reduction);
  if (x.ndim === 0) {
    throw new Error(`klDiv: 'batchmean' divides by the batch size input.shape[0], but input ${describeTensor(x)} is a scalar; use 'sum' or 'mean'`);
  }
  return pointwise.sum().div(x.shape[0]);
}
