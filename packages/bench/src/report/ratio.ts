/**
 * Ratios between two figures of one case, phrased the way a reader asks: "tapegrad is 2.3× faster
 * than tfjs-wasm". A ratio is always a speed ratio, whichever way the unit runs (GFLOP/s up,
 * ms/step down).
 */

/** How many times faster `subject` is than `other` (below 1: slower). */
export function speedRatio(subject: number, other: number, higherIsBetter: boolean): number {
  return higherIsBetter ? subject / other : other / subject;
}

/** 1.05×, 2.31×, 23.4×, 234× */
export function formatTimes(ratio: number): string {
  const digits = ratio >= 100 ? 0 : ratio >= 10 ? 1 : 2;
  return `${ratio.toFixed(digits)}×`;
}

export function ratioPhrase(subject: string, other: string, ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '';
  return ratio >= 1 ? `${subject} is ${formatTimes(ratio)} faster than ${other}` : `${subject} is ${formatTimes(1 / ratio)} slower than ${other}`;
}

/** In --against mode: a workload that lost more than `threshold` of its speed (new/old below 0.9 by default). */
export function isRegression(newOverOld: number, threshold = 0.1): boolean {
  return newOverOld < 1 - threshold;
}
