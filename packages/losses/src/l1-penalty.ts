/**
 * L1 regularisation as a loss term.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkStrength, type ParameterSet, sumOverParameters, toParameterList } from './parameter-set.js';

/**
 * `λ Σ |w|` over every entry of every parameter: the course notes' L1 regularisation. Its
 * gradient is `λ·sign(w)` (0 at `w = 0`), a constant pull towards zero that drives small weights
 * to exactly zero, giving sparse weights, where L2 only shrinks them.
 *
 * `lambda` must be finite and ≥ 0. An empty parameter list gives the constant 0.
 *
 * ```ts
 * l1Penalty(tensor([1, -2, 0]), 0.5); // 0.5 · 3 = 1.5
 * ```
 */
export function l1Penalty(params: ParameterSet, lambda: number): Tensor {
  const strength = checkStrength('l1Penalty', 'lambda', lambda);
  const list = toParameterList('l1Penalty', params);
  return sumOverParameters(list, (w) => w.abs().sum()).mul(strength);
}
