/**
 * The demo: a two-layer network (2 → 100 ReLU → 3) learns the course's three interleaved
 * spirals, written with nothing but tensor ops, `.backward()` and a hand-written SGD step.
 *
 *   npx -y pnpm@10 demo            (or: npx tsx examples/demo.ts [--steps N] [--seed S])
 */
import { manualSeed, noGrad, randn, zeros, type Tensor } from '@tapegrad/tensor';
import { spiral } from '@tapegrad/data';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`demo: --${name} needs a whole number, got ${process.argv[at + 1]}\nusage: demo [--steps N] [--seed S]`);
    process.exit(2);
  }
  return value;
}

const steps = option('steps', 2000);
const seed = option('seed', 0);
const learningRate = 1.0;
const regularization = 1e-3;
const hidden = 100;

const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed });
manualSeed(seed);
// He initialisation (std √(2/fan_in)) keeps the ReLU layer's activations at a useful scale.
const W1 = randn([2, hidden]).mul(Math.sqrt(2 / 2)).requiresGrad_();
const b1 = zeros([hidden], { requiresGrad: true });
const W2 = randn([hidden, 3]).mul(Math.sqrt(2 / hidden)).requiresGrad_();
const b2 = zeros([3], { requiresGrad: true });
const parameters = [W1, b1, W2, b2];

const labels = y.unsqueeze(1);
function forward(points: Tensor): Tensor {
  return points.matmul(W1).add(b1).relu().matmul(W2).add(b2);
}

const started = performance.now();
console.log(`Training a 2-${hidden}-3 ReLU net on 3 spirals (300 points), full-batch SGD, lr ${learningRate}, L2 ${regularization}`);
for (let step = 0; step <= steps; step++) {
  const scores = forward(x);
  // Softmax cross-entropy: the mean of −log p(correct class), plus ½λ‖W‖².
  const dataLoss = scores.logSoftmax(1).gather(1, labels).mean().neg();
  const l2 = W1.mul(W1).sum().add(W2.mul(W2).sum()).mul(0.5 * regularization);
  const loss = dataLoss.add(l2);
  for (const p of parameters) p.grad = null;
  loss.backward();
  noGrad(() => {
    for (const p of parameters) p.sub_(p.grad!.mul(learningRate));
  });
  if (step % (steps / 10 || 1) === 0) console.log(`step ${String(step).padStart(5)}  loss ${loss.item().toFixed(4)}`);
}
const accuracy = noGrad(() => forward(x).argmax(1).eq(y).astype('float64').mean().item());
const seconds = (performance.now() - started) / 1000;
console.log(`training accuracy ${(accuracy * 100).toFixed(1)} % after ${steps} steps in ${seconds.toFixed(1)} s`);
console.log(`reproduce: npx tsx examples/demo.ts --steps ${steps} --seed ${seed}`);
if (accuracy < 0.95) process.exitCode = 1;
