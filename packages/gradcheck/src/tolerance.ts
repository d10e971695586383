/**
 * When an analytic gradient counts as matching a numerical one, and why float32 gets a wider
 * margin: float32 keeps about 7 significant digits, so a correct float32 backward routinely
 * misses a float64 reference by 1e-6…1e-4 relative — far outside the float64 default of 1e-3
 * relative plus 1e-5 absolute once values are large or errors accumulate over a reduction.
 * Failing correct float32 code would teach users to ignore the checker.
 * @module
 */

/** An absolute and a relative tolerance: an entry passes when `|a − n| ≤ atol + rtol·|n|`. */
export interface Tolerance {
  /** Absolute part. */
  readonly atol: number;
  /** Relative part, scaled by the numerical value's magnitude. */
  readonly rtol: number;
}

/** Default float64 tolerance (PyTorch's gradcheck defaults). */
export const FLOAT64_TOLERANCE: Tolerance = { atol: 1e-5, rtol: 1e-3 };

/** Smallest tolerance used when the analytic side runs in float32. */
export const FLOAT32_TOLERANCE: Tolerance = { atol: 1e-3, rtol: 1e-2 };

/** The largest `|a − n|` accepted for numerical value `n`. */
export function allowedError(tolerance: Tolerance, numerical: number): number {
  return tolerance.atol + tolerance.rtol * Math.abs(numerical);
}

/**
 * The tolerance for an input whose analytic gradient was computed in float32: never tighter
 * than `float32` (which defaults to `FLOAT32_TOLERANCE`), and never tighter than what the user
 * asked for float64 either, since loosening there is a statement about their function.
 */
export function widenForFloat32(base: Tolerance, float32: Tolerance): Tolerance {
  return { atol: Math.max(base.atol, float32.atol), rtol: Math.max(base.rtol, float32.rtol) };
}

/** True when an entry misses its tolerance; `!(≤)` rather than `>`, so a NaN on either side fails. */
export function entryFails(entry: { readonly absError: number; readonly allowed: number }): boolean {
  return !(entry.absError <= entry.allowed);
}
