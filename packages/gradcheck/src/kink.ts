/**
 * Kinks: points where `f` is not differentiable within ±eps (a relu at 0, a hinge at its margin,
 * a tie in max). There the centered difference averages two different slopes and disagrees with
 * any subgradient backward picks, so a mismatch says nothing about the backward rule. The course
 * notes' test: compare the one-sided slopes.
 * @module
 */
import { allowedError, type Tolerance } from './tolerance.js';

/** An entry where the left and right slopes of `sum(f(x) · v)` differ. */
export interface Kink {
  /** Position of the input in the `inputs` array. */
  readonly input: number;
  /** The input's label, when it has one. */
  readonly label?: string;
  /** Multi-index of the entry within the input. */
  readonly index: readonly number[];
  /** Row-major flat position of the entry. */
  readonly flatIndex: number;
  /** `(f(x) − f(x−h)) / h`. */
  readonly left: number;
  /** `(f(x+h) − f(x)) / h`. */
  readonly right: number;
  /** What backward gave for this entry. */
  readonly analytic: number;
  /** The centered difference, about the mean of `left` and `right`. */
  readonly numerical: number;
}

/**
 * True when the one-sided slopes differ by more than `atol + rtol·max(|left|, |right|)`. For a
 * smooth `f` they differ by about `f''·h`, far below that; at a kink by the jump in slope, which
 * does not shrink with h. NaN slopes are not kinks: they are failures to be reported as such.
 */
export function isKink(left: number, right: number, tolerance: Tolerance): boolean {
  return Math.abs(left - right) > allowedError(tolerance, Math.max(Math.abs(left), Math.abs(right)));
}
