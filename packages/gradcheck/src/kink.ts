/**
 * Kinks: points where `f` is not differentiable within ±eps (a relu at 0, a hinge at its margin,
 * a tie in max). There the centered difference averages two different slopes and disagrees with
 * any subgradient backward picks, so a mismatch says nothing about the backward rule. The course
 * notes' test: compare the one-sided slopes.
 * @module
 */
import { evaluateMoved } from './perturb.js';
import type { Probe } from './probe.js';
import { allowedError, type Tolerance } from './tolerance.js';

/**
 * An entry where the left and right slopes of `sum(f(x) · v)` differ and the analytic value lies
 * between them.
 */
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
 * Rounding noise of a difference quotient `(f(x+h) − f(x)) / h`, for an `f` whose terms have
 * total magnitude `scale`. Each evaluation of `f` carries rounding error of a few dozen ulps of
 * that magnitude (one per op it ran); dividing by h magnifies it. 64 ulps is a generous allowance
 * that is still about 1e-8 for |f| ≈ 1 and h = 1e-6, far below any real kink's jump in slope.
 * `machineEpsilon` is that of the dtype `f` computes in (float32's when it casts internally).
 */
export function roundingNoise(scale: number, step: number, machineEpsilon = Number.EPSILON): number {
  return (64 * machineEpsilon * scale) / step;
}

/**
 * True when the one-sided slopes differ by more than `atol + rtol·max(|left|, |right|)` plus the
 * rounding noise of the slopes. For a smooth `f` they differ by about `f''·h`, far below that; at
 * a kink by the jump in slope, which does not shrink with h. NaN slopes are not kinks: they are
 * failures, to be reported as such.
 */
export function slopesDiffer(left: number, right: number, tolerance: Tolerance, noise: number): boolean {
  return Math.abs(left - right) > allowedError(tolerance, Math.max(Math.abs(left), Math.abs(right))) + noise;
}

/**
 * True when `analytic` lies between the one-sided slopes (give or take `slack`): then it is a
 * valid subgradient at the kink (relu'(0) = 0, an even split at a max tie), so a mismatch with the
 * centered difference says nothing about the backward rule. An analytic value outside both slopes
 * is wrong on either side of the kink and stays a failure; entries tied at one kink are also
 * checked together (see `jointSlopes`).
 */
export function isSubgradient(analytic: number, left: number, right: number, slack: number): boolean {
  return analytic >= Math.min(left, right) - slack && analytic <= Math.max(left, right) + slack;
}

/**
 * True when `analytic` equals one of the one-sided slopes (within `slack`): the entry sits just
 * beside a kink that lies within ±eps (relu at x = 5e-7), where backward rightly gives the slope
 * of its own side while the centered difference straddles the kink.
 */
export function matchesOneSide(analytic: number, left: number, right: number, slack: number): boolean {
  return Math.abs(analytic - left) <= slack || Math.abs(analytic - right) <= slack;
}

/** The one-sided slopes of the probe's `sum(f(x) · v)` along entry `flat` of input `inputIndex`. */
export interface OneSidedSlopes {
  /** `(f(x) − f(x−h)) / h`. */
  readonly left: number;
  /** `(f(x+h) − f(x)) / h`. */
  readonly right: number;
}

/** Measures the one-sided slopes at step `step`. */
export function oneSidedSlopes(probe: Probe, inputIndex: number, flat: number, step: number): OneSidedSlopes {
  const { plus, minus, stepUp, stepDown } = probe.around(inputIndex, flat, step);
  return { left: (probe.base - minus) / stepDown, right: (plus - probe.base) / stepUp };
}

/**
 * The one-sided slopes of moving the entries `flats` of input `inputIndex` together by ±step: the
 * directional derivative along their sum, against which the sum of their analytic values is
 * checked.
 */
export function jointSlopes(probe: Probe, inputIndex: number, flats: readonly number[], step: number): OneSidedSlopes {
  const { plus, minus } = evaluateMoved(probe.buffers[inputIndex]!, flats, step, probe.evaluate);
  return { left: (probe.base - minus) / step, right: (plus - probe.base) / step };
}

/** How much smaller the confirming step is than eps. */
const REFINEMENT = 8;

/**
 * Confirms that slopes which differ at step `eps` come from a kink and not from curvature: for a
 * smooth `f` the gap is about `f''·h` and shrinks eightfold at step eps/8, while at a kink it is
 * the jump in slope and stays. Without this, a large eps on a strongly curved `f` would turn every
 * entry into a "kink" and hide it from the check.
 */
export function gapPersists(probe: Probe, inputIndex: number, flat: number, eps: number, gap: number, tolerance: Tolerance): boolean {
  const step = eps / REFINEMENT;
  const { left, right } = oneSidedSlopes(probe, inputIndex, flat, step);
  const noise = roundingNoise(probe.baseScale, step, probe.machineEpsilon);
  return slopesDiffer(left, right, tolerance, noise) && Math.abs(left - right) > gap / 2;
}
