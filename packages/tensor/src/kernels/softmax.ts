/**
 * Softmax and log-softmax along the middle axis of a `[outer, n, inner]` view, max-shifted so
 * large inputs cannot overflow `exp`.
 * @module
 */
import type { TypedArray } from '../dtype.js';

/** Writes `softmax` (or `logSoftmax` when `log`) of `x` along the middle axis into `out`. */
export function softmaxMiddle(x: TypedArray, outer: number, n: number, inner: number, log: boolean, out: TypedArray): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      let max = -Infinity;
      // No special case for a non-finite max, as numpy and PyTorch: a +Infinity makes its whole
      // row NaN (∞ − ∞), rather than NaN beside 0s that look like probabilities.
      for (let k = 0; k < n; k++) max = Math.max(max, x[base + k * inner]);
      let total = 0;
      for (let k = 0; k < n; k++) total += Math.exp(x[base + k * inner] - max);
      if (log) {
        const shift = max + Math.log(total);
        for (let k = 0; k < n; k++) out[base + k * inner] = x[base + k * inner] - shift;
      } else {
        for (let k = 0; k < n; k++) out[base + k * inner] = Math.exp(x[base + k * inner] - max) / total;
      }
    }
  }
}
