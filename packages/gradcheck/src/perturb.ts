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
  const up = x + step;
  const down = x - step;
  let plus: number;
  let minus: number;
  try {
    buffer[flat] = up;
    plus = evaluate();
    buffer[flat] = down;
    minus = evaluate();
  } finally {
    buffer[flat] = x;
  }
  return { plus, minus, stepUp: up - x, stepDown: x - down };
}
