/**
 * Test helpers: run an optimizer on one parameter with gradients given by hand, and compare
 * trajectories.
 */
import { expect } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';

/** The start every hand-worked example uses: θ₀ = [1, −2]. */
export function startingPoint(): Tensor {
  return tensor([1, -2], { requiresGrad: true, label: 'theta' });
}

/** The gradients of the hand-worked examples, one row per step. */
export const GRADIENTS = [
  [0.5, -1],
  [1, 1],
  [-2, 0.5],
];

/** Sets `param.grad` to each row of `grads` in turn, steps, and records θ after each step. */
export function stepWithGradients(optimizer: { step(): void }, param: Tensor, grads: number[][] = GRADIENTS): number[][] {
  return grads.map((row) => {
    param.grad = tensor(row, { dtype: param.dtype });
    optimizer.step();
    return [...param.data()];
  });
}

/** Every entry within 1e-12 (absolute) of the expected value. */
export function expectTrajectory(actual: number[][], expected: number[][], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, t) => row.forEach((value, i) => expect(value, `step ${t + 1}, entry ${i}`).toBeCloseTo(expected[t][i], digits)));
}
