/**
 * Checks of the plots' numeric options. A bad value is an Error naming the function, the option,
 * the value and what would do, instead of a picture of NaN coordinates.
 */

/** `value` (an option of `where` named `name`) must be a finite number > 0. */
export function checkPositive(where: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${where}: ${name} must be a finite number > 0; got ${String(value)}`);
}

/** `value` must be a whole number ≥ 1. */
export function checkWholeNumber(where: string, name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) throw new Error(`${where}: ${name} must be a whole number ≥ 1; got ${String(value)}`);
}

/** `range` must be two finite numbers, the first below the second. */
export function checkRange(where: string, name: string, range: readonly number[] | undefined): asserts range is readonly [number, number] {
  if (range === undefined || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new Error(`${where}: ${name} must be [lo, hi] with finite lo < hi; got ${range === undefined ? 'nothing' : `[${range.join(', ')}]`}`);
  }
}
