/**
 * The soak's verdict: how much each checked counter grew after warm-up. The first sample at or
 * after the warm-up step is the baseline (by then the kernels are compiled, the worker threads
 * started, the kernel memory grown to the largest product and the optimizer's state made); a
 * leak shows as a later sample above it.
 * @module
 */
import type { MemorySample } from './memory-sample.js';

/** The counters the soak holds flat: the V8 heap and the memory outside it. */
export const CHECKED_COUNTERS = ['heapUsed', 'external'] as const;

/** One of {@link CHECKED_COUNTERS}. */
export type CheckedCounter = (typeof CHECKED_COUNTERS)[number];

/** Growth of one counter after warm-up. */
export interface MemoryGrowth {
  readonly counter: CheckedCounter;
  /** Bytes at the baseline sample. */
  readonly baseline: number;
  /** Most bytes in any sample from the baseline on. */
  readonly peak: number;
  /** `peak / baseline − 1`: 0.1 is 10 % growth. */
  readonly growth: number;
  /**
   * Least-squares slope of the counter over the samples from the baseline on, in bytes per step:
   * a leak too small to reach the limit in one run still shows here as a steady positive trend.
   */
  readonly bytesPerStep: number;
}

/**
 * The growth of each checked counter from the first sample at step ≥ `warmUpSteps` to the
 * highest sample after it. Needs a baseline and at least one sample after it.
 */
export function memoryGrowth(samples: readonly MemorySample[], warmUpSteps: number): MemoryGrowth[] {
  const start = samples.findIndex((sample) => sample.step >= warmUpSteps);
  if (start === -1 || start === samples.length - 1) {
    const last = samples.at(-1)?.step ?? 0;
    throw new Error(`memoryGrowth: need a sample at step ${warmUpSteps} or later and one after it; the last sample is at step ${last}. Train longer or shorten the warm-up.`);
  }
  const after = samples.slice(start);
  return CHECKED_COUNTERS.map((counter) => {
    const baseline = after[0][counter];
    const peak = Math.max(...after.map((sample) => sample[counter]));
    return { counter, baseline, peak, growth: peak / baseline - 1, bytesPerStep: slope(after.map((sample) => [sample.step, sample[counter]])) };
  });
}

/** The slope of the least-squares line through the points `[x, y]`. */
function slope(points: readonly (readonly [number, number])[]): number {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return covariance / variance;
}
