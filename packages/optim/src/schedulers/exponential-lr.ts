/**
 * Exponential decay: multiply the lr by γ every epoch.
 * @module
 */
import { checkFinite } from '../validate.js';
import { LRScheduler, type SchedulableOptimizer } from './lr-scheduler.js';

/** ExponentialLR's options. */
export interface ExponentialLROptions {
  /** The factor applied every epoch. */
  gamma: number;
}

/**
 * PyTorch's `ExponentialLR`: `lr = baseLr · γ^epoch`, applied recursively (each step
 * multiplies the current lr by γ).
 *
 * ```ts
 * const scheduler = new ExponentialLR(opt, { gamma: 0.95 });
 * ```
 */
export class ExponentialLR extends LRScheduler {
  /** The decay factor. */
  readonly gamma: number;

  /** Schedules `optimizer`'s groups. */
  constructor(optimizer: SchedulableOptimizer, options: ExponentialLROptions) {
    const { gamma } = options ?? ({} as ExponentialLROptions);
    checkFinite('ExponentialLR', 'gamma', gamma);
    super(optimizer, (lr, _baseLr, epoch) => (epoch === 0 ? lr : lr * gamma));
    this.gamma = gamma;
  }
}
