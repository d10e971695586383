/**
 * RMSProp (Hinton's lecture 6e): AdaGrad with a leaky average of squared gradients, optionally
 * centered and with momentum — PyTorch's `torch.optim.RMSprop`.
 * @module
 */
import { type Tensor, zerosLike } from '@tapegrad/tensor';
import { Optimizer } from './optimizer.js';
import type { ParamsInput } from './param-groups.js';
import type { StateFields } from './state-dict.js';
import { checkMatchesParameter, markWritten } from './storage-writes.js';
import { checkBoolean, checkDecayRate, checkNonNegative, checkPositive } from './validate.js';

/** RMSProp's hyperparameters, all resolved. */
export interface RMSPropHyperparameters {
  /** Learning rate α. */
  lr: number;
  /** Smoothing constant ρ of the squared-gradient average (the notes' `decay_rate`), in [0, 1). */
  alpha: number;
  /** ε, added to the square root (outside it). */
  eps: number;
  /** Momentum factor μ of the step buffer; 0 turns it off. */
  momentum: number;
  /** Divide by the estimated variance √(E[g²] − E[g]²) instead of √E[g²]. */
  centered: boolean;
  /** L2 weight decay λ, added to the gradient as λ·θ. */
  weightDecay: number;
}

/** RMSProp's options; every field has PyTorch's default. */
export type RMSPropOptions = Partial<RMSPropHyperparameters>;

/** RMSProp's per-parameter state (PyTorch: `step`, `square_avg`, `momentum_buffer`, `grad_avg`). */
export interface RMSPropState {
  /** Steps taken so far. */
  step: number;
  /** The moving average of squared gradients E[g²]. */
  squareAvg: Tensor;
  /** The step buffer b; only with momentum > 0 (created on first use). */
  momentumBuffer?: Tensor;
  /** The moving average of gradients E[g]; only when centered (created on first use). */
  gradAvg?: Tensor;
}

/** RMSProp's state before the first step: zero averages (and buffer, with momentum). */
export function initialRMSPropState(param: Tensor, hyper: Pick<RMSPropHyperparameters, 'momentum' | 'centered'>): RMSPropState {
  const state: RMSPropState = { step: 0, squareAvg: zerosLike(param) };
  if (hyper.momentum > 0) state.momentumBuffer = zerosLike(param);
  if (hyper.centered) state.gradAvg = zerosLike(param);
  return state;
}

/**
 * One RMSProp step on one parameter, in place (see {@link RMSProp} for the rule). Writes
 * `param`, `state.step` and the state's tensors (creating `momentumBuffer`/`gradAvg` when the
 * options need them); pure otherwise.
 */
export function rmsPropStep(param: Tensor, grad: Tensor, state: RMSPropState, hyper: RMSPropHyperparameters): void {
  const { lr, alpha, eps, momentum, centered, weightDecay } = hyper;
  if (momentum > 0 && state.momentumBuffer === undefined) state.momentumBuffer = zerosLike(param);
  if (centered && state.gradAvg === undefined) state.gradAvg = zerosLike(param);
  checkMatchesParameter('rmsPropStep', 'grad', grad, param);
  checkMatchesParameter('rmsPropStep', 'state.squareAvg', state.squareAvg, param);
  if (momentum > 0) checkMatchesParameter('rmsPropStep', 'state.momentumBuffer', state.momentumBuffer!, param);
  if (centered) checkMatchesParameter('rmsPropStep', 'state.gradAvg', state.gradAvg!, param);
  state.step++;
  const theta = param.buffer;
  const g = grad.buffer;
  const square = state.squareAvg.buffer;
  // Unused arrays alias `square` so the loop reads one typed-array shape (keeps it monomorphic).
  const mean = centered ? state.gradAvg!.buffer : square;
  const buffer = momentum > 0 ? state.momentumBuffer!.buffer : square;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    const gi = weightDecay === 0 ? g[i] : g[i] + weightDecay * theta[i];
    const si = alpha * square[i] + (1 - alpha) * (gi * gi);
    square[i] = si;
    let denominator: number;
    if (centered) {
      const mi = alpha * mean[i] + (1 - alpha) * gi;
      mean[i] = mi;
      denominator = Math.sqrt(si - mi * mi) + eps;
    } else {
      denominator = Math.sqrt(si) + eps;
    }
    if (momentum > 0) {
      const bi = momentum * buffer[i] + gi / denominator;
      buffer[i] = bi;
      theta[i] -= lr * bi;
    } else {
      theta[i] -= lr * (gi / denominator);
    }
  }
  markWritten(state.squareAvg);
  if (centered) markWritten(state.gradAvg!);
  if (momentum > 0) markWritten(state.momentumBuffer!);
  markWritten(param);
}

/**
 * RMSProp, PyTorch's `torch.optim.RMSprop`. With gradient g of parameter θ, weight decay λ,
 * smoothing ρ (`alpha`), momentum μ, learning rate α and ε, each step computes
 *
 * ```text
 * t ← t + 1
 * g ← g + λ·θ                                  (if λ ≠ 0)
 * s ← ρ·s + (1 − ρ)·g²
 * ḡ ← ρ·ḡ + (1 − ρ)·g                          (centered)
 * d ← √(s − ḡ²) + ε  (centered)   or   d ← √s + ε
 * b ← μ·b + g / d;  θ ← θ − α·b                (if μ > 0)
 * θ ← θ − α · g / d                            (otherwise)
 * ```
 *
 * ε is added after the square root, as in the course notes' loop
 * (`x −= lr·dx / (√grad_squared + eps)`, with `decay_rate` = ρ). Defaults: lr 1e-2, alpha 0.99,
 * eps 1e-8, momentum 0, centered false, weightDecay 0.
 *
 * ```ts
 * const opt = new RMSProp(model.parameters(), { lr: 1e-3, alpha: 0.9 });
 * ```
 */
export class RMSProp extends Optimizer<RMSPropHyperparameters, RMSPropState> {
  /** Optimizes `params` (Tensors, or groups with their own hyperparameters). */
  constructor(params: ParamsInput<RMSPropHyperparameters>, options: RMSPropOptions = {}) {
    super('RMSProp', params, { lr: 1e-2, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 }, options);
  }

  /** @inheritDoc */
  protected validate(h: RMSPropHyperparameters, prefix: string): void {
    checkNonNegative(this.name, `${prefix}lr`, h.lr);
    checkDecayRate(this.name, `${prefix}alpha`, h.alpha);
    checkPositive(this.name, `${prefix}eps`, h.eps);
    checkNonNegative(this.name, `${prefix}momentum`, h.momentum);
    checkBoolean(this.name, `${prefix}centered`, h.centered);
    checkNonNegative(this.name, `${prefix}weightDecay`, h.weightDecay);
  }

  /** @inheritDoc */
  protected initialState(param: Tensor, hyper: RMSPropHyperparameters): RMSPropState {
    return initialRMSPropState(param, hyper);
  }

  /** @inheritDoc */
  protected update(param: Tensor, grad: Tensor, state: RMSPropState, hyper: RMSPropHyperparameters): void {
    rmsPropStep(param, grad, state, hyper);
  }

  /** @inheritDoc */
  protected stateFields(): StateFields {
    return { required: ['step', 'squareAvg'], optional: ['momentumBuffer', 'gradAvg'] };
  }
}
