/**
 * Timing one prepared step: a few warm-up runs (JIT tiers, caches, jax-js's kernel compiles), then
 * as many repetitions as fit in a time budget (bounded below and above), and the median. The step
 * has already run once untimed for the correctness check, so its duration guides the counts.
 */
export interface MeasureOptions {
  budgetMs: number;
  warmup: number;
  minRepetitions: number;
  maxRepetitions: number;
}

export async function measure(step: () => void | Promise<void>, firstStepMs: number, options: MeasureOptions): Promise<number[]> {
  const perStep = Math.max(firstStepMs, 0.001);
  // A step slower than a third of the budget gets one warm-up and the minimum repetitions; a
  // step slower than the whole budget is timed once (and says so in its sample count).
  // A fast step warms up for a fifth of the budget (at most 200 runs): a JIT needs hundreds of
  // calls to optimise a sub-millisecond step, and a lazily started thread pool must be running.
  const fastWarmup = Math.min(200, Math.floor(options.budgetMs / 5 / perStep));
  const warmup = perStep * options.warmup > options.budgetMs / 3 ? (perStep > options.budgetMs ? 0 : 1) : Math.max(options.warmup, fastWarmup);
  for (let i = 0; i < warmup; i++) await step();
  const fitting = Math.floor(options.budgetMs / perStep);
  const repetitions = perStep > options.budgetMs ? 1 : Math.min(options.maxRepetitions, Math.max(options.minRepetitions, fitting));
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await step();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Half the interquartile range relative to the median: "±4 %" in the tables. */
export function relativeSpread(values: readonly number[]): number {
  if (values.length < 3) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  const middle = median(sorted);
  return middle > 0 ? (quartile(0.75) - quartile(0.25)) / 2 / middle : 0;
}
