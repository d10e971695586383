/** Test objectives: functions of a 2-vector with known minima, written with tensor ops. */
import type { Tensor } from '@tapegrad/tensor';

/** Rosenbrock's banana `(1 − x)² + 100·(y − x²)²`, minimum 0 at (1, 1). */
export function rosenbrock(p: Tensor): Tensor {
  const x = p.slice([0], [1]);
  const y = p.slice([1], [2]);
  return x.neg().add(1).pow(2).add(y.sub(x.mul(x)).pow(2).mul(100)).sum();
}

/** A convex quadratic `½·(x² + 10·y²)` (condition number 10), minimum 0 at the origin. */
export function quadratic(p: Tensor): Tensor {
  const x = p.slice([0], [1]);
  const y = p.slice([1], [2]);
  return x.mul(x).add(y.mul(y).mul(10)).mul(0.5).sum();
}

/** Runs `steps` steps of `optimizer` on `loss(param)` and returns the final loss. */
export function minimize(loss: (p: Tensor) => Tensor, param: Tensor, optimizer: { step(): void; zeroGrad(): void }, steps: number): number {
  for (let t = 0; t < steps; t++) {
    optimizer.zeroGrad();
    loss(param).backward();
    optimizer.step();
  }
  return loss(param).item();
}
