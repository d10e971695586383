/**
 * How many rows each part of a split gets, from counts or from fractions.
 * @module
 */

/**
 * Turns `sizes` into whole row counts that add up to `n`: either counts that already add up to
 * `n`, or fractions in [0, 1] that add up to 1. Fractions are rounded by largest remainder
 * (each part gets ⌊fraction·n⌋, then the parts with the largest dropped fractions get one more
 * row each), so the counts always sum to exactly `n`. A positive fraction that rounds to no
 * rows at all is an error (a part asked for but empty would score as NaN later); a fraction
 * of exactly 0 gives an empty part.
 *
 * @param where the name of the calling function, put at the start of the error message
 * @param names how the message names each part (default `sizes[i]`)
 */
export function resolveSplitSizes(sizes: readonly number[], n: number, where: string, names?: readonly string[]): number[] {
  if (sizes.length === 0) throw new Error(`${where}: sizes is empty; pass e.g. [0.8, 0.1, 0.1] or row counts adding up to ${n}`);
  const nameOf = (i: number) => names?.[i] ?? `sizes[${i}]`;
  for (const [i, size] of sizes.entries()) {
    if (!Number.isFinite(size) || size < 0) throw new Error(`${where}: ${nameOf(i)} = ${size} must be a non-negative number`);
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (sizes.every(Number.isInteger) && total === n) return [...sizes];
  if (sizes.every((size) => size <= 1) && Math.abs(total - 1) < 1e-9) {
    const exact = sizes.map((fraction) => fraction * n);
    const counts = exact.map(Math.floor);
    const byRemainder = exact.map((value, i) => ({ i, remainder: value - counts[i] })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
    let missing = n - counts.reduce((sum, count) => sum + count, 0);
    for (const { i } of byRemainder) {
      if (missing === 0) break;
      counts[i]++;
      missing--;
    }
    const empty = counts.findIndex((count, i) => count === 0 && sizes[i] > 0);
    if (empty !== -1 && n === 0) throw new Error(`${where}: there are no rows to split into parts of [${sizes.join(', ')}]`);
    if (empty !== -1) {
      throw new Error(
        `${where}: ${nameOf(empty)} = ${sizes[empty]} of ${n} rows rounds to 0 rows; ask for at least ${Number((1 / n).toPrecision(3))} ` +
          '(one row), pass row counts, or pass 0 to leave that part empty',
      );
    }
    return counts;
  }
  throw new Error(
    `${where}: sizes [${sizes.join(', ')}] add up to ${Number(total.toPrecision(12))}, but there are ${n} rows; pass row counts adding up to ${n} or fractions adding up to 1`,
  );
}
