/**
 * Adam (Kingma & Ba, 2015) with optional AMSGrad, and the shared core of AdamW: PyTorch's
 * `torch.optim.Adam`.
 * @module
 */
import { type Tensor, zerosLike } from '@tapegrad/tensor';
import { Optimizer } from './optimizer.js';
import type { ParamsInput } from './param-groups.js';
import type { StateFields } from './state-dict.js';
import { checkMatchesParameter, markWritten } from './storage-writes.js';
import { checkBoolean, checkDecayRate, checkNonNegative, checkPositive, rejectValue } from './validate.js';

/** Adam's (and AdamW's) hyperparameters, all resolved. */
export interface AdamHyperparameters {
  /** Learning rate α. */
  lr: number;
  /** Decay rates [β₁, β₂] of the first- and second-moment averages, each in [0, 1). */
  betas: [number, number];
  /** ε, added to √v̂ (outside the square root) so the division never blows up. */
  eps: number;
  /** Weight decay λ: L2 (added to the gradient) in Adam, decoupled (θ ← θ·(1 − αλ)) in AdamW. */
  weightDecay: number;
  /** Divide by the running maximum of the second moment (AMSGrad, Reddi et al. 2018). */
  amsgrad: boolean;
}

/** Adam's options; every field has PyTorch's default. */
export type AdamOptions = Partial<AdamHyperparameters>;

/** Adam's per-parameter state (PyTorch: `step`, `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`). */
export interface AdamState {
  /** Steps taken so far: t, incremented before the bias correction. */
  step: number;
  /** First moment m, the moving average of gradients. */
  expAvg: Tensor;
  /** Second moment v, the moving average of squared gradients. */
  expAvgSq: Tensor;
  /** The largest v seen so far, elementwise; only with `amsgrad` (created on first use). */
  maxExpAvgSq?: Tensor;
}

/** Adam's state before the first step: t = 0 and zero moments. */
export function initialAdamState(param: Tensor, hyper: Pick<AdamHyperparameters, 'amsgrad'>): AdamState {
  const state: AdamState = { step: 0, expAvg: zerosLike(param), expAvgSq: zerosLike(param) };
  if (hyper.amsgrad) state.maxExpAvgSq = zerosLike(param);
  return state;
}

/** Adam's step; `decoupled` switches weight decay to AdamW's. */
export function adamUpdate(owner: string, param: Tensor, grad: Tensor, state: AdamState, hyper: AdamHyperparameters, decoupled: boolean): void {
  checkMatchesParameter(owner, 'grad', grad, param);
  checkMatchesParameter(owner, 'state.expAvg', state.expAvg, param);
  checkMatchesParameter(owner, 'state.expAvgSq', state.expAvgSq, param);
  const { lr, eps, weightDecay, amsgrad } = hyper;
  const [beta1, beta2] = hyper.betas;
  if (amsgrad && state.maxExpAvgSq === undefined) state.maxExpAvgSq = zerosLike(param);
  if (amsgrad) checkMatchesParameter(owner, 'state.maxExpAvgSq', state.maxExpAvgSq!, param);
  const step = ++state.step;
  const stepSize = lr / (1 - beta1 ** step);
  const correction2Sqrt = Math.sqrt(1 - beta2 ** step);
  const shrink = 1 - lr * weightDecay;
  const theta = param.buffer;
  const g = grad.buffer;
  const m = state.expAvg.buffer;
  const v = state.expAvgSq.buffer;
  const vMax = amsgrad ? state.maxExpAvgSq!.buffer : v;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    let gi = g[i];
    if (weightDecay !== 0) {
      if (decoupled) theta[i] *= shrink;
      else gi += weightDecay * theta[i];
    }
    const mi = beta1 * m[i] + (1 - beta1) * gi;
    const vi = beta2 * v[i] + (1 - beta2) * (gi * gi);
    m[i] = mi;
    v[i] = vi;
    let second = vi;
    if (amsgrad) {
      second = Math.max(vMax[i], vi);
      vMax[i] = second;
    }
    theta[i] -= stepSize * (mi / (Math.sqrt(second) / correction2Sqrt + eps));
  }
  markWritten(state.expAvg);
  markWritten(state.expAvgSq);
  if (amsgrad) markWritten(state.maxExpAvgSq!);
  markWritten(param);
}

/**
 * One Adam step on one parameter, in place (see {@link Adam} for the rule). Writes `param`,
 * `state.step` and the state's moment tensors; pure otherwise.
 */
export function adamStep(param: Tensor, grad: Tensor, state: AdamState, hyper: AdamHyperparameters): void {
  adamUpdate('adamStep', param, grad, state, hyper, false);
}

/** Checks Adam's and AdamW's hyperparameters; `owner` names the optimizer in the message. */
export function validateAdam(owner: string, h: AdamHyperparameters, prefix: string): void {
  checkNonNegative(owner, `${prefix}lr`, h.lr);
  if (!Array.isArray(h.betas) || h.betas.length !== 2) rejectValue(owner, `${prefix}betas`, h.betas, 'a pair [beta1, beta2] with each in [0, 1)');
  checkDecayRate(owner, `${prefix}betas[0]`, h.betas[0]);
  checkDecayRate(owner, `${prefix}betas[1]`, h.betas[1]);
  checkPositive(owner, `${prefix}eps`, h.eps);
  checkNonNegative(owner, `${prefix}weightDecay`, h.weightDecay);
  checkBoolean(owner, `${prefix}amsgrad`, h.amsgrad);
}

/** The state entries Adam and AdamW keep. */
export const ADAM_STATE_FIELDS: StateFields = { required: ['step', 'expAvg', 'expAvgSq'], optional: ['maxExpAvgSq'] };

/**
 * Adam, PyTorch's `torch.optim.Adam`. With gradient g of parameter θ, weight decay λ, betas
 * (β₁, β₂), learning rate α and ε, each step computes
 *
 * ```text
 * t ← t + 1
 * g ← g + λ·θ                            (if λ ≠ 0: L2, coupled with the adaptive scaling)
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                    (amsgrad; then v̂max replaces v below)
 * θ ← θ − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * ```
 *
 * that is, θ ← θ − α·m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ): ε sits outside
 * the square root, as in the course notes' loop. Defaults: lr 1e-3, betas [0.9, 0.999], eps
 * 1e-8, weightDecay 0, amsgrad false. For decay that is not rescaled by √v̂ use {@link AdamW}.
 * NaN gradients are applied as they are (as in PyTorch).
 *
 * ```ts
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * ```
 */
export class Adam extends Optimizer<AdamHyperparameters, AdamState> {
  /** The name errors use; AdamW overrides it. */
  protected static readonly optimizerName: string = 'Adam';
  /** PyTorch's default weight decay: 0 for Adam, 1e-2 for AdamW. */
  protected static readonly defaultWeightDecay: number = 0;

  /** Optimizes `params` (Tensors, or groups with their own hyperparameters). */
  constructor(params: ParamsInput<AdamHyperparameters>, options: AdamOptions = {}) {
    // `new.target` is the class being built, so AdamW's statics pick its name and default.
    const kind = new.target as typeof Adam;
    super(kind.optimizerName, params, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: kind.defaultWeightDecay, amsgrad: false }, options);
  }

  /** @inheritDoc */
  protected validate(h: AdamHyperparameters, prefix: string): void {
    validateAdam(this.name, h, prefix);
  }

  /** @inheritDoc */
  protected initialState(param: Tensor, hyper: AdamHyperparameters): AdamState {
    return initialAdamState(param, hyper);
  }

  /** @inheritDoc */
  protected update(param: Tensor, grad: Tensor, state: AdamState, hyper: AdamHyperparameters): void {
    adamStep(param, grad, state, hyper);
  }

  /** @inheritDoc */
  protected stateFields(): StateFields {
    return ADAM_STATE_FIELDS;
  }
}
