/** Workload 3: per-op overhead of 1,000 chained elementwise ops (add, mul, tanh cycling) on 16 elements, forward + backward, in µs/op. */
import { compareArrays, compareNumbers, firstFailure, TOLERANCE } from '../check.js';
import type { ChainInput, ChainOutput } from '../library.js';
import { referenceChain } from '../reference/chain.js';
import { SeededRandom } from '../seeded-random.js';
import type { Workload } from '../workload.js';

export function makeChainInput(length = 1000, size = 16): ChainInput {
  const random = new SeededRandom(3000);
  // A small shift and a scale near 1 keep y near 0, where tanh' ≈ 1: the gradient, a product of
  // 1,000 factors, then stays well inside float32's range and the backward check means something.
  return {
    length,
    size,
    x: Float32Array.from(random.normals(size)),
    shift: Float32Array.from(random.uniforms(size, -0.01, 0.01)),
    scale: Float32Array.from(random.uniforms(size, 0.98, 1.02)),
  };
}

export const chainWorkload: Workload<ChainInput, ChainOutput> = {
  id: 'chain',
  title: 'small-op overhead: 1,000 chained + shift, · scale, tanh on 16 elements, forward + backward',
  unit: 'µs/op',
  higherIsBetter: false,
  cases: () => [{ id: '1,000 ops × 16 float32', dtype: 'float32', makeInput: () => makeChainInput() }],
  prepare: (library, input) => library.chain?.(input),
  check([out], input, dtype) {
    const expected = referenceChain(input);
    return firstFailure(compareNumbers('sum', out.value, expected.value, TOLERANCE[dtype]), compareArrays('dx', out.grad, expected.grad, TOLERANCE[dtype]));
  },
  // The backward is counted in the same op: µs per op of forward + backward, as examples/tape-overhead.ts does (+1 for the sum).
  figure: (medianMs, { length }) => (medianMs * 1000) / (length + 1),
};
