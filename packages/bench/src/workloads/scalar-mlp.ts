/** Workload 4a: a micrograd MLP 8-16-16-1 on scalar tensors, 12 samples (~10,000 ops), build + backward, in µs/op. */
import { compareArrays, compareNumbers, firstFailure, TOLERANCE } from '../check.js';
import type { ScalarMlpInput, ScalarMlpOutput } from '../library.js';
import { referenceScalarMlp, scalarMlpOpCount } from '../reference/scalar-mlp.js';
import { SeededRandom } from '../seeded-random.js';
import type { Workload } from '../workload.js';

export function makeScalarMlpInput(sizes = [8, 16, 16, 1], sampleCount = 12): ScalarMlpInput {
  const random = new SeededRandom(4000);
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    // micrograd's Neuron: weights and bias uniform in [−1, 1).
    weights.push(random.uniforms(sizes[l] * sizes[l + 1], -1, 1));
    biases.push(random.uniforms(sizes[l + 1], -1, 1));
  }
  const samples = Array.from({ length: sampleCount }, () => random.uniforms(sizes[0], -1, 1));
  const targets = Float64Array.from({ length: sampleCount }, (_, i) => (i % 2 ? 1 : -1));
  return { sizes, weights, biases, samples, targets };
}

export const scalarMlpWorkload: Workload<ScalarMlpInput, ScalarMlpOutput> = {
  id: 'scalar-mlp',
  title: 'scalar graph: micrograd MLP 8-16-16-1 on scalars, 12 samples, build + backward',
  unit: 'µs/op',
  higherIsBetter: false,
  cases: () => [{ id: `${scalarMlpOpCount([8, 16, 16, 1], 12).toLocaleString('en-US')} ops float32`, dtype: 'float32', makeInput: () => makeScalarMlpInput() }],
  prepare: (library, input) => library.scalarMlp?.(input),
  check([out], input, dtype) {
    const expected = referenceScalarMlp(input);
    return firstFailure(compareNumbers('loss', out.loss, expected.loss, TOLERANCE[dtype]), compareArrays('parameter gradients', out.grads, expected.grads, TOLERANCE[dtype]));
  },
  figure: (medianMs, input) => (medianMs * 1000) / scalarMlpOpCount(input.sizes, input.samples.length),
};
