/**
 * Linear warm-up (or decay) of the lr by a factor that moves from `startFactor` to `endFactor`.
 * @module
 */
import { rejectValue, checkPositiveInteger } from '../validate.js';
import { LRScheduler, type SchedulableOptimizer } from './lr-scheduler.js';

/** LinearLR's options. */
export interface LinearLROptions {
  /** The factor at epoch 0, in (0, 1] (default 1/3). */
  startFactor?: number;
  /** The factor from `totalIters` on, in [0, 1] (default 1). */
  endFactor?: number;
  /** Epochs over which the factor moves (default 5). */
  totalIters?: number;
}

/**
 * PyTorch's `LinearLR`:
 * `lr = baseLr · (startFactor + (endFactor − startFactor) · min(epoch, totalIters) / totalIters)`,
 * computed with PyTorch's recursive form (each step multiplies the lr by
 * `1 + (end − start) / (totalIters·start + (epoch − 1)·(end − start))`). The usual warm-up:
 * the lr starts at a third and reaches its full value after 5 steps.
 *
 * ```ts
 * const warmup = new LinearLR(opt, { startFactor: 0.1, totalIters: 10 });
 * ```
 */
export class LinearLR extends LRScheduler {
  /** The factor at epoch 0. */
  readonly startFactor: number;
  /** The factor from `totalIters` on. */
  readonly endFactor: number;
  /** Epochs over which the factor moves. */
  readonly totalIters: number;

  /** Schedules `optimizer`'s groups; the lr is multiplied by `startFactor` at once. */
  constructor(optimizer: SchedulableOptimizer, options: LinearLROptions = {}) {
    const { startFactor = 1 / 3, endFactor = 1, totalIters = 5 } = options ?? {};
    // A start factor of 0 would make the recursive ratio divide by zero.
    if (typeof startFactor !== 'number' || !(startFactor > 0 && startFactor <= 1)) rejectValue('LinearLR', 'startFactor', startFactor, 'in (0, 1]');
    if (typeof endFactor !== 'number' || !(endFactor >= 0 && endFactor <= 1)) rejectValue('LinearLR', 'endFactor', endFactor, 'in [0, 1]');
    checkPositiveInteger('LinearLR', 'totalIters', totalIters);
    super(optimizer, (lr, _baseLr, epoch) => {
      if (epoch === 0) return lr * startFactor;
      if (epoch > totalIters) return lr;
      return lr * (1 + (endFactor - startFactor) / (totalIters * startFactor + (epoch - 1) * (endFactor - startFactor)));
    });
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
  }
}
