/**
 * AdamW (Loshchilov & Hutter, 2019): Adam with weight decay decoupled from the gradient —
 * PyTorch's `torch.optim.AdamW`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { Adam, adamUpdate, type AdamHyperparameters, type AdamState } from './adam.js';

/**
 * One AdamW step on one parameter, in place (see {@link AdamW} for the rule). Writes `param`,
 * `state.step` and the state's moment tensors; pure otherwise.
 */
export function adamWStep(param: Tensor, grad: Tensor, state: AdamState, hyper: AdamHyperparameters): void {
  adamUpdate('adamWStep', param, grad, state, hyper, true);
}

/**
 * AdamW, PyTorch's `torch.optim.AdamW`: Adam whose weight decay shrinks the parameter directly
 * instead of entering the gradient, so it is not rescaled by the adaptive denominator. Each
 * step computes
 *
 * ```text
 * t ← t + 1
 * θ ← θ·(1 − α·λ)
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * v̂max ← max(v̂max, v)                    (amsgrad; then v̂max replaces v below)
 * θ ← θ − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 * ```
 *
 * Defaults as {@link Adam} except weightDecay 1e-2. It keeps Adam's state (`step`, `expAvg`,
 * `expAvgSq`, `maxExpAvgSq`).
 *
 * ```ts
 * const opt = new AdamW(model.parameters(), { lr: 1e-3, weightDecay: 0.05 });
 * ```
 */
export class AdamW extends Adam {
  /** The name errors use. */
  protected static override readonly optimizerName: string = 'AdamW';
  /** PyTorch's AdamW default. */
  protected static override readonly defaultWeightDecay: number = 1e-2;

  /** @inheritDoc */
  protected override update(param: Tensor, grad: Tensor, state: AdamState, hyper: AdamHyperparameters): void {
    adamWStep(param, grad, state, hyper);
  }
}
