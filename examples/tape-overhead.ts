/**
 * Per-op overhead of the tape: a chain of 1,000 elementwise ops (add, mul, tanh) on 16-element
 * tensors, forward + backward; a micrograd-style MLP 8-16-16-1 on scalar (0-d) tensors over 12
 * samples (~10,000 ops), build + backward; and a graph of 1,000,000 scalar ops (which must not
 * overflow the stack). Prints µs per op; the figures are medians of several repetitions, so
 * timings on a busy machine are noisy: compare runs made side by side. `--quick` repeats less.
 *   npx tsx examples/tape-overhead.ts [--dtype float32] [--quick]
 */
import { manualSeed, randn, scalar, setDefaultDtype, type Tensor } from '@tapegrad/tensor';

const dtype = process.argv.includes('--dtype') ? process.argv[process.argv.indexOf('--dtype') + 1] : 'float64';
if (dtype !== 'float64' && dtype !== 'float32') throw new Error(`tape-overhead: --dtype must be float64 or float32, got ${dtype}`);
const quick = process.argv.includes('--quick');
setDefaultDtype(dtype);
manualSeed(0);

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function chainOf1000(): number {
  const x = randn([16], { requiresGrad: true });
  const c = randn([16]);
  const started = performance.now();
  let y: Tensor = x;
  for (let i = 0; i < 1000; i++) {
    const kind = i % 3;
    y = kind === 0 ? y.add(c) : kind === 1 ? y.mul(c) : y.tanh();
  }
  y.sum().backward();
  return ((performance.now() - started) * 1000) / 1001;
}

/** One neuron per output, micrograd's way: `tanh(b + Σ wᵢ·xᵢ)`, one scalar op at a time. */
function layer(inputs: number, outputs: number) {
  return Array.from({ length: outputs }, () => ({
    w: Array.from({ length: inputs }, () => randn([], { requiresGrad: true })),
    b: randn([], { requiresGrad: true }),
  }));
}

function scalarMlp(): number {
  const layers = [layer(8, 16), layer(16, 16), layer(16, 1)];
  const samples = Array.from({ length: 12 }, () => Array.from({ length: 8 }, () => randn([])));
  let ops = 0;
  const started = performance.now();
  let loss: Tensor | null = null;
  for (const sample of samples) {
    let activations: Tensor[] = sample;
    layers.forEach((neurons, depth) => {
      activations = neurons.map(({ w, b }) => {
        let sum = b;
        for (let i = 0; i < w.length; i++) sum = sum.add(w[i].mul(activations[i]));
        ops += 2 * w.length;
        if (depth === layers.length - 1) return sum;
        ops++;
        return sum.tanh();
      });
    });
    const error = activations[0].sub(1);
    const squared = error.mul(error);
    ops += loss === null ? 2 : 3;
    loss = loss === null ? squared : loss.add(squared);
  }
  loss!.backward();
  return ((performance.now() - started) * 1000) / ops;
}

function scalarGraph(ops: number): number {
  const x = scalar(1, { requiresGrad: true });
  const started = performance.now();
  let y = x;
  for (let i = 0; i < ops; i++) y = y.mul(1);
  y.backward();
  return ((performance.now() - started) * 1000) / ops;
}

const [warmUp, repeats] = quick ? [10, 5] : [20, 30];
for (let i = 0; i < warmUp; i++) {
  chainOf1000();
  scalarMlp();
}
const chain = median(Array.from({ length: repeats }, chainOf1000));
const mlp = median(Array.from({ length: repeats }, scalarMlp));
const big = median(Array.from({ length: quick ? 1 : 3 }, () => scalarGraph(1_000_000)));
console.log(`${dtype}: 1,000-op chain on 16 elements, forward + backward: ${chain.toFixed(2)} µs/op`);
console.log(`${dtype}: scalar MLP 8-16-16-1 over 12 samples, build + backward: ${mlp.toFixed(2)} µs/op`);
console.log(`${dtype}: 1,000,000-op scalar graph, build + backward: ${big.toFixed(2)} µs/op`);
