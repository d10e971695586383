/**
 * Elastic-net regularisation: L1 and L2 together.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { checkStrength, type ParameterSet, sumOverParameters, toParameterList } from './parameter-set.js';

/** The two strengths of `elasticNet`, both required, finite and ≥ 0. */
export interface ElasticNetStrengths {
  /** Strength of the `Σ |w|` term. */
  readonly l1: number;
  /** Strength of the `Σ w²` term. */
  readonly l2: number;
}

/**
 * `l1 · Σ |w| + l2 · Σ w²` over every entry of every parameter: `l1Penalty(params, l1) +
 * l2Penalty(params, l2)`. The course notes write elastic net as `Σ β W² + |W|`, which is
 * `elasticNet(params, { l1: λ, l2: λβ })` for an overall strength λ. It combines L1's sparsity
 * with L2's stability when features are correlated.
 *
 * ```ts
 * elasticNet(tensor([1, -2]), { l1: 0.1, l2: 0.01 }); // 0.1 · 3 + 0.01 · 5 = 0.35
 * ```
 */
export function elasticNet(params: ParameterSet, strengths: ElasticNetStrengths): Tensor {
  if (strengths === null || typeof strengths !== 'object') {
    throw new Error(`elasticNet: pass the strengths as { l1, l2 }, got ${strengths === null ? 'null' : typeof strengths}`);
  }
  const l1 = checkStrength('elasticNet', 'l1', strengths.l1);
  const l2 = checkStrength('elasticNet', 'l2', strengths.l2);
  const list = toParameterList('elasticNet', params);
  return sumOverParameters(list, (w) => w.abs().sum().mul(l1).add(w.mul(w).sum().mul(l2)));
}
