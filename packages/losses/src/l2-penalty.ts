/**
 * L2 regularisation (weight decay) as a loss term.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkStrength, type ParameterSet, sumOverParameters, toParameterList } from './parameter-set.js';

/**
 * `λ Σ w²` over every entry of every parameter: the course notes' `λ R(W)` with
 * `R(W) = Σ_k Σ_l W_kl²`. Its gradient is `2λw`. Add it to the data loss:
 * `loss = softmaxCrossEntropy(scores, y).add(l2Penalty(W, 1e-3))`. Usually only weights are
 * penalised, not biases (the notes: regularising `b` does not change the fit's complexity).
 *
 * **Relation to weight decay.** SGD's `weightDecay: λ` adds `λw` to each gradient, which is
 * the gradient of `l2Penalty(params, λ / 2)` (the `½ λ Σ w²` convention). So
 * `new SGD(params, { lr, weightDecay: λ })` on the data loss takes the same steps as
 * `new SGD(params, { lr })` on `dataLoss + l2Penalty(params, λ / 2)`. The same holds for Adam,
 * AdaGrad and RMSProp, whose `weightDecay` is also added to the gradient (and so rescaled by the
 * adaptive step); AdamW's decoupled decay shrinks θ outside the gradient and is no penalty at all.
 *
 * `lambda` must be finite and ≥ 0. An empty parameter list gives the constant 0.
 *
 * ```ts
 * l2Penalty([tensor([1, 2]), tensor([[3]])], 0.1); // 0.1 · (1 + 4 + 9) = 1.4
 * ```
 */
export function l2Penalty(params: ParameterSet, lambda: number): Tensor {
  const strength = checkStrength('l2Penalty', 'lambda', lambda);
  const list = toParameterList('l2Penalty', params);
  return sumOverParameters(list, (w) => w.mul(w).sum()).mul(strength);
}
