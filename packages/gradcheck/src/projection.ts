/**
 * The fixed random vector `v` that turns a non-scalar `f` into the scalar `sum(f(x) · v)`.
 * Checking that one scalar checks the vector-Jacobian product `vᵀJ` — exactly what backward
 * computes with seed `v` — at the cost of one backward pass instead of one per output entry.
 * @module
 */
import { seededUniform, sizeOf, type Tensor, tensor } from '@tapegrad/tensor';

/**
 * A float64 tensor of `shape`: all ones when it holds one element (a scalar `f` is checked as
 * it is), otherwise entries of random sign and magnitude in [0.5, 1.5). Magnitudes stay away
 * from 0 so that no output entry is weighted out of the check, and they differ from each other
 * so that errors in two entries cannot cancel by symmetry.
 */
export function randomProjection(shape: readonly number[], seed: number): Tensor {
  const size = sizeOf(shape);
  const values = new Float64Array(size);
  if (size === 1) {
    values[0] = 1;
  } else {
    const uniform = seededUniform(seed);
    for (let i = 0; i < size; i++) {
      const sign = uniform() < 0.5 ? -1 : 1;
      values[i] = sign * (0.5 + uniform());
    }
  }
  return tensor(values, { shape: shape.slice() });
}
