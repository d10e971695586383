/**
 * The one place that nudges an entry of a float64 buffer to `x ± h`, evaluates, and puts it back.
 * @module
 */

/** What `evaluateAround` measured: the function on both sides and the steps as stored. */
export interface Around {
  /** The function at `x + h`. */
  readonly plus: number;
  /** The function at `x − h`. */
  readonly minus: number;
  /** `(x+h) − x` as stored: x ± h rounds, visibly so for |x| ≫ h. */
  readonly stepUp: number;
  /** `x − (x−h)` as stored. */
  readonly stepDown: number;
}

/** Evaluates `evaluate()` with `buffer[flat]` set to `x + step` and `x − step`, restoring `x` even on a throw. */
export function evaluateAround(buffer: Float64Array, flat: number, step: number, evaluate: () => number): Around {
  const x = buffer[flat];
  const { plus, minus } = evaluateMoved(buffer, [flat], step, evaluate);
  return { plus, minus, stepUp: x + step - x, stepDown: x - (x - step) };
}

/**
 * Evaluates `evaluate()` with every entry in `flats` moved up by `step`, then down by `step`,
 * restoring them all even on a throw: one entry for a partial derivative, several for the
 * directional derivative along their sum (tied kinks).
 */
export function evaluateMoved(buffer: Float64Array, flats: readonly number[], step: number, evaluate: () => number): { plus: number; minus: number } {
  const saved = flats.map((flat) => buffer[flat]);
  try {
    flats.forEach((flat, k) => (buffer[flat] = saved[k] + step));
    const plus = evaluate();
    flats.forEach((flat, k) => (buffer[flat] = saved[k] - step));
    const minus = evaluate();
    return { plus, minus };
  } finally {
    flats.forEach((flat, k) => (buffer[flat] = saved[k]));
  }
}
