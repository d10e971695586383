/**
 * Batch normalisation over the batch axis (and the spatial axes), per channel: `BatchNorm1d`
 * for `[N, C]` and `[N, C, L]`, `BatchNorm2d` for `[N, C, H, W]`.
 * @module
 */
import { formatShape, noGrad, ones, type Tensor, zeros } from '@tapegrad/tensor';
import { checkPositive, checkPositiveInteger } from '../arguments.js';
import { ones_, zeros_ } from '../init.js';
import { Module } from '../module.js';
import { Parameter } from '../parameter.js';

/** Options of `BatchNorm1d` and `BatchNorm2d`. */
export interface BatchNormOptions {
  /** Added to the variance before the square root (default 1e-5). */
  readonly eps?: number;
  /**
   * Weight of the new batch in the running statistics, `running = (1 − momentum)·running +
   * momentum·batch` (default 0.1); null averages all batches seen so far equally.
   */
  readonly momentum?: number | null;
  /** Learn a per-channel scale `weight` and shift `bias` (default true). */
  readonly affine?: boolean;
  /** Keep running statistics for evaluation mode (default true); without them, evaluation also uses batch statistics. */
  readonly trackRunningStats?: boolean;
}

/**
 * What BatchNorm1d and BatchNorm2d share (PyTorch's `_BatchNorm`); use those.
 *
 * Training mode normalises each channel by the batch's mean and biased variance (dividing by
 * n, the values per channel) and updates the running estimates with the unbiased variance
 * (dividing by n − 1), as PyTorch; evaluation mode normalises by the running estimates:
 *
 * `y = (x − mean) / √(var + eps) · weight + bias`
 *
 * Buffers: `runningMean` (zeros), `runningVar` (ones) and `numBatchesTracked` (int32 scalar).
 */
export abstract class BatchNorm extends Module {
  /** Number of channels C (axis 1 of the input). */
  readonly numFeatures: number;
  /** Added to the variance before the square root. */
  readonly eps: number;
  /** Weight of the new batch in the running statistics; null for an equal-weight average. */
  readonly momentum: number | null;
  /** Whether `weight` and `bias` exist. */
  readonly affine: boolean;
  /** Whether running statistics are kept. */
  readonly trackRunningStats: boolean;
  /** Per-channel scale `[C]` (ones at first), or null without `affine`. */
  weight: Parameter | null;
  /** Per-channel shift `[C]` (zeros at first), or null without `affine`. */
  bias: Parameter | null;

  /** Shared constructor; `layer` names the subclass in errors. */
  protected constructor(layer: string, numFeatures: number, { eps = 1e-5, momentum = 0.1, affine = true, trackRunningStats = true }: BatchNormOptions = {}) {
    super();
    this.numFeatures = checkPositiveInteger(layer, 'numFeatures', numFeatures);
    this.eps = checkPositive(layer, 'eps', eps);
    if (momentum !== null && !(typeof momentum === 'number' && momentum >= 0 && momentum <= 1)) {
      throw new Error(`${layer}: momentum must be a number in [0, 1] or null, got ${String(momentum)}`);
    }
    this.momentum = momentum;
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    this.weight = affine ? new Parameter(ones([numFeatures])) : null;
    this.bias = affine ? new Parameter(zeros([numFeatures])) : null;
    if (trackRunningStats) {
      this.registerBuffer('runningMean', zeros([numFeatures]));
      this.registerBuffer('runningVar', ones([numFeatures]));
      this.registerBuffer('numBatchesTracked', zeros([], { dtype: 'int32' }));
    }
  }

  /** Running per-channel mean `[C]` (a buffer), or null without `trackRunningStats`. */
  get runningMean(): Tensor | null {
    return this.trackRunningStats ? this.getBuffer('runningMean') : null;
  }

  /** Running per-channel unbiased variance `[C]` (a buffer), or null without `trackRunningStats`. */
  get runningVar(): Tensor | null {
    return this.trackRunningStats ? this.getBuffer('runningVar') : null;
  }

  /** Number of training batches seen (an int32 scalar buffer), or null without `trackRunningStats`. */
  get numBatchesTracked(): Tensor | null {
    return this.trackRunningStats ? this.getBuffer('numBatchesTracked') : null;
  }

  /** Resets the running statistics to mean 0, variance 1, no batches. */
  resetRunningStats(): void {
    if (!this.trackRunningStats) return;
    zeros_(this.getBuffer('runningMean'));
    ones_(this.getBuffer('runningVar'));
    noGrad(() => this.getBuffer('numBatchesTracked').zero_());
  }

  /** Resets the running statistics, and `weight` to ones and `bias` to zeros. */
  resetParameters(): void {
    this.resetRunningStats();
    if (this.weight !== null) ones_(this.weight);
    if (this.bias !== null) zeros_(this.bias);
  }

  /** Throws unless `x` has a rank this layer accepts and C channels on axis 1. */
  protected abstract checkInput(x: Tensor): void;

  /**
   * Normalises each channel of `x` (`[N, C, …]`), by batch statistics in training mode (and
   * without running statistics) and by the running ones in evaluation mode. An empty batch gives
   * an empty output and leaves the running statistics alone, as PyTorch.
   */
  override forward(x: Tensor): Tensor {
    this.checkInput(x);
    // Statistics are per channel (axis 1): reduce every other axis, keep them as 1s to broadcast.
    const axes = x.shape.map((_, axis) => axis).filter((axis) => axis !== 1);
    const channelShape = x.shape.map((extent, axis) => (axis === 1 ? extent : 1));
    const useBatchStats = this.training || !this.trackRunningStats;
    const count = x.size / this.numFeatures;
    let normalised: Tensor;
    if (x.size === 0) {
      // The mean of nothing is NaN; there is nothing to normalise, and no batch to learn from.
      normalised = x;
    } else if (useBatchStats) {
      if (count === 1) {
        // One value per channel: its variance is 0 and the output would be all zeros (PyTorch refuses too).
        throw new Error(
          `${this.constructor.name}: expected more than 1 value per channel when normalising by batch statistics, got x ${formatShape(x.shape)}; ` +
            `use a batch of at least 2${this.trackRunningStats ? ', or call eval() first' : ''}`,
        );
      }
      const mean = x.mean(axes, true);
      const centered = x.sub(mean);
      const variance = centered.mul(centered).mean(axes, true);
      if (this.training && this.trackRunningStats) this.#updateRunningStats(mean, variance, count);
      normalised = centered.div(variance.add(this.eps).sqrt());
    } else {
      const mean = this.getBuffer('runningMean').reshape(channelShape);
      const variance = this.getBuffer('runningVar').reshape(channelShape);
      normalised = x.sub(mean).div(variance.add(this.eps).sqrt());
    }
    if (this.weight === null || this.bias === null) return normalised;
    return normalised.mul(this.weight.reshape(channelShape)).add(this.bias.reshape(channelShape));
  }

  /** `running ← (1 − f)·running + f·batch`, with the batch variance made unbiased by n/(n − 1). */
  #updateRunningStats(mean: Tensor, variance: Tensor, count: number): void {
    noGrad(() => {
      const batches = this.getBuffer('numBatchesTracked').add_(1);
      const factor = this.momentum ?? 1 / batches.item();
      const channels = [this.numFeatures];
      this.getBuffer('runningMean').mul_(1 - factor).add_(mean.detach().reshape(channels).mul(factor));
      this.getBuffer('runningVar').mul_(1 - factor).add_(variance.detach().reshape(channels).mul((factor * count) / (count - 1)));
    });
  }

  /** `C, eps=…, momentum=…, affine=…, trackRunningStats=…`. */
  override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum}, affine=${this.affine}, trackRunningStats=${this.trackRunningStats}`;
  }
}

/**
 * Batch normalisation of `[N, C]` or `[N, C, L]` inputs over N (and L) per channel, as
 * PyTorch's `nn.BatchNorm1d`. See `BatchNorm` for the formula and the running statistics.
 *
 * ```ts
 * const bn = new BatchNorm1d(256);
 * bn.forward(randn([64, 256]));  // each column: mean 0, variance ≈ 1
 * bn.eval();                     // now normalises with runningMean and runningVar
 * ```
 */
export class BatchNorm1d extends BatchNorm {
  /** Batch normalisation over `numFeatures` channels. */
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm1d', numFeatures, options);
  }

  /** Accepts `[N, C]` and `[N, C, L]`. */
  protected override checkInput(x: Tensor): void {
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== this.numFeatures) {
      throw new Error(`BatchNorm1d(${this.numFeatures}): expected input [N, ${this.numFeatures}] or [N, ${this.numFeatures}, L], got x ${formatShape(x.shape)}`);
    }
  }
}

/**
 * Batch normalisation of `[N, C, H, W]` inputs over N, H and W per channel, as PyTorch's
 * `nn.BatchNorm2d`. See `BatchNorm` for the formula and the running statistics.
 */
export class BatchNorm2d extends BatchNorm {
  /** Batch normalisation over `numFeatures` channels. */
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super('BatchNorm2d', numFeatures, options);
  }

  /** Accepts `[N, C, H, W]`. */
  protected override checkInput(x: Tensor): void {
    if (x.ndim !== 4 || x.shape[1] !== this.numFeatures) {
      throw new Error(`BatchNorm2d(${this.numFeatures}): expected input [N, ${this.numFeatures}, H, W], got x ${formatShape(x.shape)}`);
    }
  }
}
