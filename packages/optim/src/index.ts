/**
 * `@tapegrad/optim`: optimizers as pure step functions on one parameter plus thin classes that
 * hold parameter groups and state, learning-rate schedulers, and gradient clipping. Formulas,
 * defaults and state names follow PyTorch's `torch.optim`.
 *
 * ```ts
 * import { Adam, CosineAnnealingLR, clipGradNorm } from '@tapegrad/optim';
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * const scheduler = new CosineAnnealingLR(opt, { tMax: epochs });
 * for (let epoch = 0; epoch < epochs; epoch++) {
 *   opt.zeroGrad();
 *   loss(model).backward();
 *   clipGradNorm(model.parameters(), 1.0);
 *   opt.step();
 *   scheduler.step();
 * }
 * ```
 * @module
 */
export { Optimizer } from './optimizer.js';
export type { ParamGroup, ParamGroupInput, ParamsInput } from './param-groups.js';
export type { HyperparameterValue, OptimizerStateDict, StateFields } from './state-dict.js';
export { SGD, sgdStep, initialSGDState, type SGDHyperparameters, type SGDOptions, type SGDState } from './sgd.js';
export { Adam, adamStep, initialAdamState, type AdamHyperparameters, type AdamOptions, type AdamState } from './adam.js';
export { AdamW, adamWStep } from './adamw.js';
export { AdaGrad, adaGradStep, initialAdaGradState, type AdaGradHyperparameters, type AdaGradOptions, type AdaGradState } from './adagrad.js';
export { RMSProp, rmsPropStep, initialRMSPropState, type RMSPropHyperparameters, type RMSPropOptions, type RMSPropState } from './rmsprop.js';
export { LRScheduler, type LrRule, type SchedulableOptimizer, type SchedulerStateDict } from './schedulers/lr-scheduler.js';
export { StepLR, type StepLROptions } from './schedulers/step-lr.js';
export { ExponentialLR, type ExponentialLROptions } from './schedulers/exponential-lr.js';
export { CosineAnnealingLR, type CosineAnnealingLROptions } from './schedulers/cosine-annealing-lr.js';
export { LinearLR, type LinearLROptions } from './schedulers/linear-lr.js';
export { clipGradNorm, type ClipGradNormOptions } from './clip-grad-norm.js';
export { clipGradValue } from './clip-grad-value.js';
