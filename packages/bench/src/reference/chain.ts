/** The small-op chain (+ shift, · scale, tanh, …) forward and backward in float64. */
import type { ChainInput, ChainOutput } from '../library.js';

export function referenceChain({ length, size, x, shift, scale }: ChainInput): ChainOutput {
  const grad = new Float64Array(size);
  let value = 0;
  for (let e = 0; e < size; e++) {
    // Forward keeps each step's derivative; backward multiplies them (the chain is elementwise).
    let y = x[e];
    let derivative = 1;
    for (let i = 0; i < length; i++) {
      const kind = i % 3;
      if (kind === 0) y += shift[e];
      else if (kind === 1) {
        y *= scale[e];
        derivative *= scale[e];
      } else {
        y = Math.tanh(y);
        derivative *= 1 - y * y;
      }
    }
    value += y;
    grad[e] = derivative;
  }
  return { value, grad };
}
