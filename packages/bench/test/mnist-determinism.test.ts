/**
 * Determinism: the same seed gives bit-identical losses and weights, run after run in one
 * process, and with the worker pool on or forced off (DESIGN: "worker-thread kernels split the
 * output by rows, so their results are bit-identical to the single-thread kernel"). Each run is
 * 100 steps of the MNIST MLP 784-256-10; its products are large enough (64·784·256 multiply-adds)
 * to be shared with the pool's helper.
 */
import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { type FloatDtype, getKernelOptions, setKernelOptions, warmUpKernels } from '@tapegrad/tensor';
import { toBytes } from '@tapegrad/nn';
import { createMnistMlpRun } from '../src/soak/mnist-mlp-run.js';

const STEPS = 100;

/** The losses (as float64 bytes) and the weights (as safetensors bytes) after `STEPS` steps. */
function train(dtype: FloatDtype): { losses: Buffer; weights: Buffer } {
  const run = createMnistMlpRun({ dtype, seed: 0 });
  const losses = new Float64Array(STEPS);
  for (let i = 0; i < STEPS; i++) losses[i] = run.step();
  return { losses: Buffer.from(losses.buffer), weights: Buffer.from(toBytes(run.model)) };
}

const initialOptions = getKernelOptions();
afterAll(() => setKernelOptions(initialOptions));

describe.each(['float32', 'float64'] as const)('the MNIST MLP in %s, 100 steps', (dtype) => {
  it('gives bit-identical losses and weights in two runs with the same seed', async () => {
    await warmUpKernels();
    const first = train(dtype);
    const second = train(dtype);
    expect(first.losses.equals(second.losses)).toBe(true);
    expect(first.weights.equals(second.weights)).toBe(true);
    // It trained (the comparison is not between two runs that did nothing).
    const losses = new Float64Array(first.losses.buffer, first.losses.byteOffset, STEPS);
    expect(losses[STEPS - 1]).toBeLessThan(losses[0] / 2);
  });

  it.runIf(availableParallelism() > 1)('gives bit-identical losses and weights on one thread and with the worker pool', async () => {
    setKernelOptions({ threads: Infinity });
    expect((await warmUpKernels()).threads).toBeGreaterThan(1);
    const pooled = train(dtype);
    setKernelOptions({ threads: 1 });
    const single = train(dtype);
    setKernelOptions({ threads: Infinity });
    expect(pooled.losses.equals(single.losses)).toBe(true);
    expect(pooled.weights.equals(single.weights)).toBe(true);
  });
});
