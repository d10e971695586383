/**
 * Converting a flat row-major position into the per-axis index a person reads (`W[1, 2]`),
 * since reports must name entries the way the user indexes their tensor.
 * @module
 */

/** The per-axis index of flat position `flat` in a row-major tensor of `shape`. */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = rest % shape[axis];
    rest = Math.floor(rest / shape[axis]);
  }
  return index;
}

/** `[1, 2]` — the multi-index as it appears in reports (`[]` for a scalar). */
export function formatIndex(index: readonly number[]): string {
  return `[${index.join(', ')}]`;
}
