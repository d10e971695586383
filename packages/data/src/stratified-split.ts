/**
 * Splits that keep every class's share the same in each part, so a 1,000-image test split of
 * MNIST has about 100 of each digit instead of whatever a plain shuffle deals out.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { seededUniform, shuffleInPlace } from './seeded-permutation.js';
import { resolveSplitSizes } from './split-sizes.js';

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions {
  /** Seed of the shuffles. Default 0. */
  seed?: number;
}

function labelArray(labels: Tensor | ArrayLike<number>): ArrayLike<number> {
  if (typeof (labels as Tensor).buffer === 'object' && 'shape' in labels) {
    const tensor = labels as Tensor;
    if (tensor.ndim !== 1) throw new Error(`stratifiedSplit: labels must be 1-D [N], got shape ${JSON.stringify(tensor.shape)}; flatten them first`);
    return tensor.buffer;
  }
  return labels as ArrayLike<number>;
}

/**
 * Deals each class's rows out to the parts in proportion to `sizes`: the count of class c in
 * part p is n_c·size_p/N rounded so that every part gets exactly its size and every row is used
 * once. Rows inside each part come in a seeded random order (so an unshuffled loader over a part
 * does not see the classes one after another).
 *
 * @param labels class of each row, `[N]` (an int32 tensor or numbers)
 * @param sizes row counts adding up to N, or fractions adding up to 1
 * @returns one Int32Array of row indices per part
 *
 * ```ts
 * const [trainRows, valRows] = stratifiedSplit(y, [0.9, 0.1], { seed: 0 });
 * ```
 */
export function stratifiedSplit(labels: Tensor | ArrayLike<number>, sizes: readonly number[], { seed = 0 }: StratifiedSplitOptions = {}): Int32Array[] {
  const values = labelArray(labels);
  const n = values.length;
  const partSizes = resolveSplitSizes(sizes, n, 'stratifiedSplit');
  const rowsOfClass = new Map<number, number[]>();
  for (let row = 0; row < n; row++) {
    const label = values[row];
    if (!Number.isInteger(label)) throw new Error(`stratifiedSplit: label ${label} at row ${row} is not an integer class`);
    let rows = rowsOfClass.get(label);
    if (rows === undefined) rowsOfClass.set(label, (rows = []));
    rows.push(row);
  }
  const classes = [...rowsOfClass.keys()].sort((a, b) => a - b);
  const uniform = seededUniform(seed);
  const counts = allocate(classes.map((label) => rowsOfClass.get(label)!.length), partSizes);
  const parts = partSizes.map((size) => ({ rows: new Int32Array(size), filled: 0 }));
  classes.forEach((label, c) => {
    const rows = shuffleInPlace(rowsOfClass.get(label)!, uniform);
    let next = 0;
    parts.forEach((part, p) => {
      for (let i = 0; i < counts[c][p]; i++) part.rows[part.filled++] = rows[next++];
    });
  });
  return parts.map((part) => shuffleInPlace(part.rows, uniform));
}

/**
 * counts[c][p]: rows of class c for part p. Starts from the floors of the exact proportional
 * shares, then hands out the remaining rows by largest dropped fraction while both the class and
 * the part still have room; the totals of both always agree, so a last pass fills any gap.
 */
function allocate(classSizes: number[], partSizes: number[]): number[][] {
  const n = classSizes.reduce((sum, size) => sum + size, 0);
  const exact = classSizes.map((classSize) => partSizes.map((partSize) => (n === 0 ? 0 : (classSize * partSize) / n)));
  const counts = exact.map((row) => row.map(Math.floor));
  const classLeft = classSizes.map((size, c) => size - counts[c].reduce((sum, count) => sum + count, 0));
  const partLeft = partSizes.map((size, p) => size - counts.reduce((sum, row) => sum + row[p], 0));
  const candidates: { c: number; p: number; remainder: number }[] = [];
  exact.forEach((row, c) => row.forEach((value, p) => candidates.push({ c, p, remainder: value - counts[c][p] })));
  candidates.sort((a, b) => b.remainder - a.remainder || a.c - b.c || a.p - b.p);
  const give = (c: number, p: number): void => {
    counts[c][p]++;
    classLeft[c]--;
    partLeft[p]--;
  };
  for (const { c, p } of candidates) if (classLeft[c] > 0 && partLeft[p] > 0) give(c, p);
  for (let c = 0; c < classSizes.length; c++) {
    for (let p = 0; p < partSizes.length; p++) while (classLeft[c] > 0 && partLeft[p] > 0) give(c, p);
  }
  return counts;
}
