/**
 * Per-row softmax cross-entropy `logsumexp(row) − row[label]`, max-shifted. It is evaluated as
 * `log Σ exp(x − m) − (x[label] − m)`, so rows of ±1e4 never subtract two large numbers and a
 * float32 row is summed in float64 before its one rounding.
 * @module
 */
import type { TypedArray } from '../dtype.js';

/** Writes the loss of each of `rows` rows of `logits` (`[rows, classes]`) against `labels` into `out`. */
export function softmaxCrossEntropyKernel(logits: TypedArray, labels: Int32Array, rows: number, classes: number, out: TypedArray): void {
  for (let r = 0; r < rows; r++) {
    const start = r * classes;
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, logits[start + k]);
    // An all −Inf (or an Inf) row would make x − m NaN; shift it by 0 and let Inf show.
    if (!Number.isFinite(max)) max = 0;
    let total = 0;
    for (let k = 0; k < classes; k++) total += Math.exp(logits[start + k] - max);
    out[r] = Math.log(total) - (logits[start + labels[r]] - max);
  }
}
