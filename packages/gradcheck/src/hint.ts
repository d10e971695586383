/**
 * A guess at what kind of bug a set of failing entries points to. The patterns are the common
 * ways a hand-written backward goes wrong: a constant factor (the 2 of d(x²)/dx, the 1/N of a
 * mean), a flipped sign, a gradient that never arrives, a non-finite value.
 * @module
 */

/** One failing entry's two values. */
export interface FailingPair {
  /** What backward gave. */
  readonly analytic: number;
  /** The centered difference. */
  readonly numerical: number;
}

/** A one-sentence hint, or undefined when the failures follow no recognisable pattern. */
export function hintFor(failing: readonly FailingPair[]): string | undefined {
  if (failing.length === 0) return undefined;
  if (failing.some(({ numerical }) => !Number.isFinite(numerical))) {
    return 'the numerical gradient is not finite: f is NaN or infinite within ±eps of x (a log or sqrt at 0, a division by 0?)';
  }
  if (failing.some(({ analytic }) => !Number.isFinite(analytic))) {
    return 'the analytic gradient is not finite while f is: the backward rule divides by 0 or overflows (run it inside detectAnomaly)';
  }
  if (failing.every(({ analytic }) => analytic === 0)) {
    return 'the analytic gradient is 0 wherever it fails: the gradient does not reach this input (a detach(), noGrad, an int32 cast, or a backward returning null?)';
  }
  // A single entry fits every ratio, so a pattern needs at least two witnesses.
  if (failing.length < 2 || failing.some(({ numerical }) => numerical === 0)) return undefined;
  const ratio = failing[0].analytic / failing[0].numerical;
  const constant = failing.every(({ analytic, numerical }) => Math.abs(analytic / numerical - ratio) <= 1e-3 * Math.abs(ratio));
  if (!constant) return undefined;
  if (Math.abs(ratio + 1) <= 1e-3) return 'analytic = −numerical at every failing entry: the backward rule has its sign flipped';
  return `analytic ≈ ${Number(ratio.toPrecision(4))} × numerical at every failing entry: a constant factor is missing or extra in the backward rule`;
}
