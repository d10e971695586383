/**
 * AdaGrad (Duchi et al., 2011): per-coordinate learning rates from the running sum of squared
 * gradients — PyTorch's `torch.optim.Adagrad`.
 * @module
 */
import { full, type Tensor } from '@tapegrad/tensor';
import { Optimizer } from './optimizer.js';
import type { ParamGroup, ParamsInput } from './param-groups.js';
import type { StateFields } from './state-dict.js';
import { checkMatchesParameter, markWritten } from './storage-writes.js';
import { checkNonNegative, checkPositive } from './validate.js';

/** AdaGrad's hyperparameters, all resolved. */
export interface AdaGradHyperparameters {
  /** Learning rate α. */
  lr: number;
  /** Learning-rate decay η: step t uses α / (1 + (t − 1)·η). */
  lrDecay: number;
  /** ε, added to √sum (outside the square root). */
  eps: number;
  /** The value the sum of squares starts from. */
  initialAccumulatorValue: number;
  /** L2 weight decay λ, added to the gradient as λ·θ. */
  weightDecay: number;
}

/** AdaGrad's options; every field has PyTorch's default. */
export type AdaGradOptions = Partial<AdaGradHyperparameters>;

/** AdaGrad's per-parameter state (PyTorch: `step`, `sum`). */
export interface AdaGradState {
  /** Steps taken so far. */
  step: number;
  /** The running sum of squared gradients G. */
  sum: Tensor;
}

/** AdaGrad's state before the first step: t = 0 and the sum at `initialAccumulatorValue`. */
export function initialAdaGradState(param: Tensor, hyper: Pick<AdaGradHyperparameters, 'initialAccumulatorValue'>): AdaGradState {
  return { step: 0, sum: full(param.shape, hyper.initialAccumulatorValue, { dtype: param.dtype }) };
}

/**
 * One AdaGrad step on one parameter, in place (see {@link AdaGrad} for the rule). Writes
 * `param`, `state.step` and `state.sum`; pure otherwise.
 */
export function adaGradStep(param: Tensor, grad: Tensor, state: AdaGradState, hyper: AdaGradHyperparameters): void {
  checkMatchesParameter('adaGradStep', 'grad', grad, param);
  checkMatchesParameter('adaGradStep', 'state.sum', state.sum, param);
  const { lr, lrDecay, eps, weightDecay } = hyper;
  const step = ++state.step;
  const clr = lr / (1 + (step - 1) * lrDecay);
  const theta = param.buffer;
  const g = grad.buffer;
  const sum = state.sum.buffer;
  const n = theta.length;
  for (let i = 0; i < n; i++) {
    const gi = weightDecay === 0 ? g[i] : g[i] + weightDecay * theta[i];
    const si = sum[i] + gi * gi;
    sum[i] = si;
    theta[i] -= clr * (gi / (Math.sqrt(si) + eps));
  }
  markWritten(state.sum);
  markWritten(param);
}

/**
 * AdaGrad, PyTorch's `torch.optim.Adagrad`. With gradient g of parameter θ, weight decay λ,
 * learning rate α, decay η and ε, each step computes
 *
 * ```text
 * t ← t + 1
 * g ← g + λ·θ                     (if λ ≠ 0)
 * α̃ ← α / (1 + (t − 1)·η)
 * G ← G + g²
 * θ ← θ − α̃ · g / (√G + ε)
 * ```
 *
 * — the course notes' loop (`grad_squared += dx*dx; x −= lr·dx / (√grad_squared + eps)`). Each
 * coordinate's step shrinks with its own gradient history, which evens out badly scaled axes
 * but also stalls learning over time (RMSProp's motivation). Defaults: lr 1e-2, lrDecay 0,
 * eps 1e-10, initialAccumulatorValue 0, weightDecay 0. As in PyTorch the state (t = 0,
 * G = initialAccumulatorValue) exists from construction, so it can be read or seeded at once.
 *
 * ```ts
 * const opt = new AdaGrad(model.parameters(), { lr: 0.1 });
 * ```
 */
export class AdaGrad extends Optimizer<AdaGradHyperparameters, AdaGradState> {
  /** Optimizes `params` (Tensors, or groups with their own hyperparameters). */
  constructor(params: ParamsInput<AdaGradHyperparameters>, options: AdaGradOptions = {}) {
    super('AdaGrad', params, { lr: 1e-2, lrDecay: 0, eps: 1e-10, initialAccumulatorValue: 0, weightDecay: 0 }, options);
  }

  /** @inheritDoc */
  protected validate(h: AdaGradHyperparameters, prefix: string): void {
    checkNonNegative(this.name, `${prefix}lr`, h.lr);
    checkNonNegative(this.name, `${prefix}lrDecay`, h.lrDecay);
    checkPositive(this.name, `${prefix}eps`, h.eps);
    checkNonNegative(this.name, `${prefix}initialAccumulatorValue`, h.initialAccumulatorValue);
    checkNonNegative(this.name, `${prefix}weightDecay`, h.weightDecay);
  }

  /** @inheritDoc */
  protected override onGroupAdded(group: ParamGroup<AdaGradHyperparameters>): void {
    for (const param of group.params) this.state.set(param, initialAdaGradState(param, group));
  }

  /** @inheritDoc */
  protected initialState(param: Tensor, hyper: AdaGradHyperparameters): AdaGradState {
    return initialAdaGradState(param, hyper);
  }

  /** @inheritDoc */
  protected update(param: Tensor, grad: Tensor, state: AdaGradState, hyper: AdaGradHyperparameters): void {
    adaGradStep(param, grad, state, hyper);
  }

  /** @inheritDoc */
  protected stateFields(): StateFields {
    return { required: ['step', 'sum'], optional: [] };
  }
}
