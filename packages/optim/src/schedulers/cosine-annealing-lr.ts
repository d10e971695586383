/**
 * Cosine annealing (Loshchilov & Hutter's SGDR without the restarts).
 * @module
 */
import { checkFinite, checkPositiveInteger } from '../validate.js';
import { LRScheduler, type SchedulableOptimizer } from './lr-scheduler.js';

/** CosineAnnealingLR's options. */
export interface CosineAnnealingLROptions {
  /** Epochs from the base lr down to `etaMin` (half a cosine period). */
  tMax: number;
  /** The lowest lr (default 0). */
  etaMin?: number;
}

/**
 * PyTorch's `CosineAnnealingLR`: `lr = ηmin + (baseLr − ηmin)·(1 + cos(π·epoch / tMax)) / 2`,
 * computed with PyTorch's recursive form, which multiplies the distance to ηmin by
 * `(1 + cos(π·t/T)) / (1 + cos(π·(t−1)/T))`. Past `tMax` the lr rises again along the cosine,
 * as in PyTorch (the ratio is 0/0 at t = T + 1, where PyTorch adds back
 * `(baseLr − ηmin)·(1 − cos(π/T)) / 2`).
 *
 * ```ts
 * const scheduler = new CosineAnnealingLR(opt, { tMax: 100, etaMin: 1e-5 });
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  /** Epochs from the base lr down to `etaMin`. */
  readonly tMax: number;
  /** The lowest lr. */
  readonly etaMin: number;

  /** Schedules `optimizer`'s groups. */
  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingLROptions) {
    const { tMax, etaMin = 0 } = options ?? ({} as CosineAnnealingLROptions);
    checkPositiveInteger('CosineAnnealingLR', 'tMax', tMax);
    checkFinite('CosineAnnealingLR', 'etaMin', etaMin);
    super(optimizer, (lr, baseLr, epoch) => {
      if (epoch === 0) return lr;
      if ((epoch - 1 - tMax) % (2 * tMax) === 0) return lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
      return ((1 + Math.cos((Math.PI * epoch) / tMax)) / (1 + Math.cos((Math.PI * (epoch - 1)) / tMax))) * (lr - etaMin) + etaMin;
    });
    this.tMax = tMax;
    this.etaMin = etaMin;
  }
}
