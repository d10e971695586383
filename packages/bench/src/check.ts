/**
 * Comparing a library's output with the float64 reference. Errors are measured relative to the
 * reference's largest magnitude (max |out − ref| / max |ref|), which is robust to entries near
 * zero; the tolerance is chosen per dtype, so float32 rounding passes and a wrong answer does not.
 */
import type { BenchDtype } from './dtype.js';

/** Relative tolerances: float32 accumulates ~√n·6e-8 over long sums; float64 ~√n·1e-16. */
export const TOLERANCE: Record<BenchDtype, number> = { float32: 1e-3, float64: 1e-9 };

/** null when `actual` matches `expected` within `tolerance`, else a sentence describing the worst entry. */
export function compareArrays(what: string, actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): string | null {
  if (actual.length !== expected.length) return `${what}: ${actual.length} values, expected ${expected.length}`;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) scale = Math.max(scale, Math.abs(expected[i]));
  let worst = -1;
  let worstError = 0;
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i] - expected[i]);
    // `!(error <= …)` also catches NaN.
    if (!(error <= worstError) || Number.isNaN(error)) {
      worstError = Number.isNaN(error) ? Infinity : error;
      worst = i;
    }
  }
  const relative = worstError / (scale || 1);
  if (relative <= tolerance) return null;
  return `${what}: max relative error ${relative.toExponential(2)} > ${tolerance.toExponential(0)} at index ${worst} (got ${actual[worst]}, expected ${expected[worst]})`;
}

export function compareNumbers(what: string, actual: number, expected: number, tolerance: number): string | null {
  return compareArrays(what, [actual], [expected], tolerance);
}

/** The first failure among several comparisons, or null. */
export function firstFailure(...failures: (string | null)[]): string | null {
  return failures.find((failure) => failure !== null) ?? null;
}
