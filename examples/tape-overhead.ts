/**
 * Per-op overhead of the tape: a chain of 1,000 elementwise ops (add, mul, tanh) on 16-element
 * tensors, forward + backward, and a graph of 1,000,000 scalar ops (which must not overflow the
 * stack). Prints µs per op; the figures are the median of several repetitions.
 *   npx tsx examples/tape-overhead.ts [--dtype float32]
 */
import { randn, scalar, setDefaultDtype, type Tensor } from '@tapegrad/tensor';

const dtype = process.argv.includes('--dtype') ? process.argv[process.argv.indexOf('--dtype') + 1] : 'float64';
if (dtype !== 'float64' && dtype !== 'float32') throw new Error(`tape-overhead: --dtype must be float64 or float32, got ${dtype}`);
setDefaultDtype(dtype);

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

function scalarGraph(ops: number): number {
  const x = scalar(1, { requiresGrad: true });
  const started = performance.now();
  let y = x;
  for (let i = 0; i < ops; i++) y = y.mul(1);
  y.backward();
  return ((performance.now() - started) * 1000) / ops;
}

for (let i = 0; i < 20; i++) chainOf1000(); // warm-up
const chain = median(Array.from({ length: 30 }, chainOf1000));
const big = median(Array.from({ length: 3 }, () => scalarGraph(1_000_000)));
console.log(`${dtype}: 1,000-op chain on 16 elements, forward + backward: ${chain.toFixed(2)} µs/op`);
console.log(`${dtype}: 1,000,000-op scalar graph, build + backward: ${big.toFixed(2)} µs/op`);
