/**
 * The micrograd MLP in float64 with a hand-written backward: hidden layers are tanh neurons, the
 * last layer is linear, the loss is Σ (out − target)². Gradients come back in the input's order:
 * every layer's weights, then every layer's biases.
 */
import type { ScalarMlpInput, ScalarMlpOutput } from '../library.js';

export function referenceScalarMlp({ sizes, weights, biases, samples, targets }: ScalarMlpInput): ScalarMlpOutput {
  const layers = sizes.length - 1;
  const gradW = weights.map((w) => new Float64Array(w.length));
  const gradB = biases.map((b) => new Float64Array(b.length));
  let loss = 0;
  samples.forEach((sample, s) => {
    const activations: Float64Array[] = [Float64Array.from(sample)];
    for (let l = 0; l < layers; l++) {
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      const out = new Float64Array(fanOut);
      for (let o = 0; o < fanOut; o++) {
        let total = biases[l][o];
        for (let i = 0; i < fanIn; i++) total += weights[l][o * fanIn + i] * activations[l][i];
        out[o] = l < layers - 1 ? Math.tanh(total) : total;
      }
      activations.push(out);
    }
    const prediction = activations[layers][0];
    loss += (prediction - targets[s]) ** 2;
    let upstream = Float64Array.of(2 * (prediction - targets[s]));
    for (let l = layers - 1; l >= 0; l--) {
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      const local = Float64Array.from(upstream, (g, o) => (l < layers - 1 ? g * (1 - activations[l + 1][o] ** 2) : g));
      const down = new Float64Array(fanIn);
      for (let o = 0; o < fanOut; o++) {
        gradB[l][o] += local[o];
        for (let i = 0; i < fanIn; i++) {
          gradW[l][o * fanIn + i] += local[o] * activations[l][i];
          down[i] += local[o] * weights[l][o * fanIn + i];
        }
      }
      upstream = down;
    }
  });
  const grads = new Float64Array([...gradW.flatMap((g) => [...g]), ...gradB.flatMap((g) => [...g])]);
  return { loss, grads };
}

/** How many scalar ops the graph has: per neuron one mul and one add per input, a tanh unless last; 3 per sample for the loss. */
export function scalarMlpOpCount(sizes: number[], sampleCount: number): number {
  let perSample = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const isLast = l + 2 === sizes.length;
    perSample += sizes[l + 1] * (2 * sizes[l] + (isLast ? 0 : 1));
  }
  // (out − target), its square, and one add per sample after the first.
  return sampleCount * (perSample + 2) + (sampleCount - 1);
}
