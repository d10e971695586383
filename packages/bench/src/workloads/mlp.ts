/**
 * Workload 2: one training step of a 784-256(ReLU)-10 MLP (forward, softmax cross-entropy, backward,
 * SGD lr 0.1) at batch 64 and 256, in ms/step. Checked by the losses of the first three steps
 * against a float64 run of the same training.
 */
import { compareArrays, TOLERANCE } from '../check.js';
import { toDtype, type BenchDtype } from '../dtype.js';
import type { MlpInput, MlpOutput } from '../library.js';
import { referenceMlpLosses } from '../reference/mlp.js';
import { SeededRandom } from '../seeded-random.js';
import type { BenchCase, Workload } from '../workload.js';

const CHECKED_STEPS = 3;

/**
 * Tighter than float32's general 1e-3: a run that never updates b1 (or b2) ends its third step
 * only 1.0e-3…1.5e-3 away from the reference at these sizes, so 1e-3 let a missing update pass
 * (batch 64, b1: 9.7e-4). The libraries' float32 losses are within 9e-7 of it (jax-js's, the
 * worst), so 3e-5 keeps a ~30× margin on both sides.
 */
const FLOAT32_LOSS_TOLERANCE = 3e-5;

export function makeMlpInput(batch: number, dtype: BenchDtype, sizes = { features: 784, hidden: 256, classes: 10 }): MlpInput {
  const { features, hidden, classes } = sizes;
  const random = new SeededRandom(2000 + batch);
  // MNIST-like pixels in [0, 1); He-scaled weights (std √(2/fan_in)), zero biases.
  return {
    batch,
    dtype,
    ...sizes,
    learningRate: 0.1,
    x: toDtype(random.uniforms(batch * features), dtype),
    labels: random.integers(batch, classes),
    w1: toDtype(random.normals(features * hidden, Math.sqrt(2 / features)), dtype),
    b1: toDtype(new Float64Array(hidden), dtype),
    w2: toDtype(random.normals(hidden * classes, Math.sqrt(2 / hidden)), dtype),
    b2: toDtype(new Float64Array(classes), dtype),
  };
}

function mlpCase(batch: number, dtype: BenchDtype): BenchCase<MlpInput> {
  return { id: `batch ${batch} ${dtype}`, dtype, makeInput: () => makeMlpInput(batch, dtype) };
}

export const mlpWorkload: Workload<MlpInput, MlpOutput> = {
  id: 'mlp',
  title: 'MLP train step 784-256(ReLU)-10, softmax cross-entropy, SGD',
  unit: 'ms/step',
  higherIsBetter: false,
  cases: () => [64, 256].flatMap((batch) => [mlpCase(batch, 'float32'), mlpCase(batch, 'float64')]),
  prepare: (library, input) => library.mlp?.(input),
  checkedSteps: CHECKED_STEPS,
  check(losses, input, dtype) {
    const tolerance = dtype === 'float32' ? FLOAT32_LOSS_TOLERANCE : TOLERANCE[dtype];
    return compareArrays('loss per step', losses, referenceMlpLosses(input, CHECKED_STEPS), tolerance);
  },
  figure: (medianMs) => medianMs,
};
