/**
 * The course notes' relative error, the number their rules of thumb are stated in.
 * @module
 */
import { formatShape, sameShape, Tensor } from '@tapegrad/tensor';

/**
 * Relative error `|a − b| / max(|a|, |b|)`, 0 when both are 0. For two Tensors of the same
 * shape, the largest relative error over their entries.
 *
 * The course's rules of thumb: above 1e-2 the gradient is probably wrong; 1e-2…1e-4 is
 * suspicious; below 1e-4 is fine for functions with kinks (ReLU, hinge, max) but too high
 * without them; below 1e-7 is good.
 *
 * Dividing by the larger magnitude (not by `|b|`) keeps the result in [0, 1] for equal signs and
 * symmetric in `a` and `b`, so it does not matter which side is "the truth". A NaN on either
 * side gives NaN, so a NaN gradient never passes a threshold test.
 *
 * ```ts
 * relError(1, 1.01);                 // ≈ 0.0099
 * relError(0, 0);                    // 0
 * relError(tensor([1, 2]), tensor([1, 2.2])); // ≈ 0.0909
 * ```
 */
export function relError(a: number, b: number): number;
export function relError(a: Tensor, b: Tensor): number;
export function relError(a: number | Tensor, b: number | Tensor): number {
  if (typeof a === 'number' && typeof b === 'number') return scalarRelError(a, b);
  if (a instanceof Tensor && b instanceof Tensor) {
    if (!sameShape(a.shape, b.shape)) {
      throw new Error(
        `relError: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} differ; ` +
          `compare a gradient with one of the same shape (relError does not broadcast)`,
      );
    }
    let worst = 0;
    for (let i = 0; i < a.size; i++) {
      const error = scalarRelError(a.buffer[i], b.buffer[i]);
      // Math.max would also propagate NaN, but spelling it out documents the intent.
      if (Number.isNaN(error)) return NaN;
      if (error > worst) worst = error;
    }
    return worst;
  }
  throw new Error(`relError: pass two numbers or two Tensors, got ${describe(a)} and ${describe(b)}`);
}

function scalarRelError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (scale === 0) return 0;
  return Math.abs(a - b) / scale;
}

function describe(value: unknown): string {
  return value instanceof Tensor ? 'a Tensor' : typeof value;
}
