/**
 * Binary cross-entropy on raw scores, PyTorch's `BCEWithLogitsLoss`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkReduction, reduceLosses, REDUCTIONS, type ReductionOptions } from './reduction.js';
import { checkSameShape, checkTensor } from './same-shape.js';

/**
 * Binary cross-entropy of `sigmoid(x)` against targets `t ∈ [0, 1]`, computed from the logits
 * `x` in the stable form (PyTorch's `BCEWithLogitsLoss` without weights):
 *
 * ```text
 * −[t log σ(x) + (1 − t) log(1 − σ(x))]  =  max(x, 0) − x·t + log(1 + exp(−|x|))
 * ```
 *
 * `exp` only ever sees `−|x| ≤ 0`, so logits of ±1e4 give finite values and gradients, where
 * `log(sigmoid(x))` would give `log(0) = −Inf`. The gradient is `σ(x) − t`. Targets may be soft
 * (any value in [0, 1]); they are not validated. Same shape required.
 *
 * ```ts
 * bceWithLogits(tensor([0, 2]), tensor([1, 0])); // mean of [ln 2, 2 + ln(1 + e⁻²)]
 * ```
 */
export function bceWithLogits(logits: Tensor, targets: Tensor, options: ReductionOptions = {}): Tensor {
  const reduction = checkReduction('bceWithLogits', options.reduction ?? 'mean', REDUCTIONS);
  const x = checkTensor('bceWithLogits', 'logits', logits);
  const t = checkTensor('bceWithLogits', 'targets', targets);
  checkSameShape('bceWithLogits', x, t, ['logits', 'targets']);
  // `maximum`, not `relu`: at x = 0 the true slope is σ(0) − t = ½ − t. max(x, 0) splits its tie
  // evenly (½) while |x| contributes 0 there, so backward gets exactly ½ − t; relu'(0) = 0 would
  // give −t, a wrong gradient at a point where the loss is smooth.
  const softplusTail = x.abs().neg().exp().add(1).log();
  return reduceLosses(x.maximum(0).sub(x.mul(t)).add(softplusTail), reduction);
}
