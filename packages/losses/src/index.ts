/**
 * `@tapegrad/losses`: the losses and regularisers of the course notes and of PyTorch, each a
 * plain function of tensors that returns a tensor you can call `.backward()` on.
 *
 * Every loss takes `{ reduction: 'mean' | 'sum' | 'none' }` (default `'mean'`), refuses a
 * prediction and target of different shapes instead of broadcasting them, and validates class
 * labels (an error names the position of a bad one). Formulas follow PyTorch unless a loss's
 * documentation says otherwise; the guide `docs/losses.md` says which loss to use when.
 *
 * ```ts
 * import { multiclassHinge, softmaxCrossEntropy, l2Penalty } from '@tapegrad/losses';
 * const scores = X.matmul(W);
 * const loss = softmaxCrossEntropy(scores, y).add(l2Penalty(W, 1e-3));
 * loss.backward();
 * ```
 * @module
 */
export type { Reduction, ReductionOptions } from './reduction.js';
export type { Labels } from './labels.js';
export type { ParameterSet } from './parameter-set.js';
export { mse } from './mse.js';
export { l1 } from './l1.js';
export { huber, type HuberOptions } from './huber.js';
export { softmaxCrossEntropy, type SoftmaxCrossEntropyOptions } from './softmax-cross-entropy.js';
export { nll } from './nll.js';
export { bceWithLogits } from './bce-with-logits.js';
export { klDiv, type KlDivOptions, type KlDivReduction } from './kl-div.js';
export { multiclassHinge, type MulticlassHingeOptions } from './multiclass-hinge.js';
export { binaryHinge } from './binary-hinge.js';
export { l2Penalty } from './l2-penalty.js';
export { l1Penalty } from './l1-penalty.js';
export { elasticNet, type ElasticNetStrengths } from './elastic-net.js';
