/**
 * The default initialisation PyTorch gives `Linear` and `Conv2d` (their `reset_parameters`).
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { calculateFanInAndFanOut, kaimingUniform_, uniform_ } from '../init.js';

/**
 * Redraws `weight` with `kaimingUniform_(weight, { a: √5 })`, which is U(−1/√fanIn, 1/√fanIn)
 * (the √5 is a historical choice PyTorch keeps for compatibility), and `bias` from that same
 * range, so a layer's output starts with a variance that does not grow with its width.
 */
export function resetWeightAndBias(weight: Tensor, bias: Tensor | null): void {
  kaimingUniform_(weight, { a: Math.sqrt(5) });
  if (bias !== null) {
    const { fanIn } = calculateFanInAndFanOut(weight);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, { low: -bound, high: bound });
  }
}
