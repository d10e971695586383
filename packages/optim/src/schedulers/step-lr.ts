/**
 * Step decay: multiply the lr by γ every `stepSize` epochs.
 * @module
 */
import { checkFinite, checkPositiveInteger } from '../validate.js';
import { LRScheduler, type SchedulableOptimizer } from './lr-scheduler.js';

/** StepLR's options. */
export interface StepLROptions {
  /** Epochs between two decays. */
  stepSize: number;
  /** The factor applied at each decay (default 0.1). */
  gamma?: number;
}

/**
 * PyTorch's `StepLR`: `lr = baseLr · γ^⌊epoch / stepSize⌋`, applied recursively (the current lr
 * is multiplied by γ when `epoch` is a positive multiple of `stepSize`).
 *
 * ```ts
 * const scheduler = new StepLR(opt, { stepSize: 30, gamma: 0.1 }); // 0.1 → 0.01 at epoch 30 → 0.001 at 60
 * ```
 */
export class StepLR extends LRScheduler {
  /** Epochs between two decays. */
  readonly stepSize: number;
  /** The decay factor. */
  readonly gamma: number;

  /** Schedules `optimizer`'s groups. */
  constructor(optimizer: SchedulableOptimizer, options: StepLROptions) {
    const { stepSize, gamma = 0.1 } = options ?? ({} as StepLROptions);
    checkPositiveInteger('StepLR', 'stepSize', stepSize);
    checkFinite('StepLR', 'gamma', gamma);
    super(optimizer, (lr, _baseLr, epoch) => (epoch === 0 || epoch % stepSize !== 0 ? lr : lr * gamma));
    this.stepSize = stepSize;
    this.gamma = gamma;
  }
}
