/**
 * Workload 4b: a graph of 1,000,000 scalar ops (x + 1, x · 1, alternating), build + backward, in
 * µs/op. It exists to show the backward walk does not overflow the stack on a very deep graph.
 */
import { compareNumbers, firstFailure } from '../check.js';
import type { ScalarChainInput, ScalarChainOutput } from '../library.js';
import type { Workload } from '../workload.js';

export const SCALAR_CHAIN_LENGTH = 1_000_000;

export const scalarChainWorkload: Workload<ScalarChainInput, ScalarChainOutput> = {
  id: 'scalar-chain',
  title: 'scalar graph: 1,000,000 chained scalar ops (x + 1, x · 1), build + backward',
  unit: 'µs/op',
  higherIsBetter: false,
  cases: () => [{ id: '1,000,000 ops float32', dtype: 'float32', makeInput: () => ({ length: SCALAR_CHAIN_LENGTH, x: 0.5 }) }],
  prepare: (library, input) => library.scalarChain?.(input),
  check([out], input) {
    // Every value is a multiple of 0.5 below 2²⁴, so float32 holds it exactly.
    return firstFailure(compareNumbers('value', out.value, input.x + input.length / 2, 0), compareNumbers('dx', out.grad, 1, 0));
  },
  figure: (medianMs, { length }) => (medianMs * 1000) / length,
};
