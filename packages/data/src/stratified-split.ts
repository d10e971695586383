/**
 * Splits that keep every class's share the same in each part, so a 1,000-image test split of
 * MNIST has about 100 of each digit instead of whatever a plain shuffle deals out.
 * @module
 */
import { seededUniform, type Tensor } from '@tapegrad/tensor';
import { shuffleInPlace } from './seeded-permutation.js';
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
 * part p is n_c·size_p/N rounded down or up (never further), so that every part gets exactly its
 * size and every row is used once. Rows inside each part come in a seeded random order (so an
 * unshuffled loader over a part does not see the classes one after another).
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
  if (!Number.isSafeInteger(seed)) throw new Error(`stratifiedSplit: seed must be an integer, got ${seed}; pass e.g. { seed: 0 }`);
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
 * counts[c][p]: rows of class c for part p, each ⌊share⌋ or ⌈share⌉ of its exact proportional
 * share n_c·size_p/N. Starts from the floors, then hands out the remaining rows by largest
 * dropped fraction while both the class and the part still have room. That greedy pass can
 * strand rows (a class with rows left whose open parts are full), so each stranded row is
 * placed by an augmenting path that moves other classes' extra rows between parts: a small
 * bipartite flow, which always completes because the exact shares are a fractional solution.
 */
function allocate(classSizes: number[], partSizes: number[]): number[][] {
  const n = classSizes.reduce((sum, size) => sum + size, 0);
  const exact = classSizes.map((classSize) => partSizes.map((partSize) => (n === 0 ? 0 : (classSize * partSize) / n)));
  const counts = exact.map((row) => row.map(Math.floor));
  const classLeft = classSizes.map((size, c) => size - counts[c].reduce((sum, count) => sum + count, 0));
  const partLeft = partSizes.map((size, p) => size - counts.reduce((sum, row) => sum + row[p], 0));
  // A cell may take one row above its floor only where its share has a fractional part.
  const open = exact.map((row, c) => row.map((value, p) => value > counts[c][p]));
  const extra = exact.map((row) => row.map(() => false));
  const candidates: { c: number; p: number; remainder: number }[] = [];
  exact.forEach((row, c) => row.forEach((value, p) => candidates.push({ c, p, remainder: value - counts[c][p] })));
  candidates.sort((a, b) => b.remainder - a.remainder || a.c - b.c || a.p - b.p);
  for (const { c, p } of candidates) {
    if (open[c][p] && classLeft[c] > 0 && partLeft[p] > 0) {
      extra[c][p] = true;
      classLeft[c]--;
      partLeft[p]--;
    }
  }
  for (let c = 0; c < classSizes.length; c++) {
    while (classLeft[c] > 0) {
      placeByAugmentingPath(c, open, extra, partLeft);
      classLeft[c]--;
    }
  }
  return counts.map((row, c) => row.map((count, p) => count + (extra[c][p] ? 1 : 0)));
}

/**
 * Gives class `start` one extra row in some part, breadth first: class `start` takes an open
 * part; if that part is full, a class holding an extra row there gives it up and looks for
 * another part, and so on until a part with room is reached. Every class on the path keeps its
 * total, and only the last part's total grows.
 */
function placeByAugmentingPath(start: number, open: boolean[][], extra: boolean[][], partLeft: number[]): void {
  const parts = partLeft.length;
  const takenBy = new Array<number>(parts).fill(-1); // part → the class that takes it on the path
  const gaveUp = new Array<number>(open.length).fill(-1); // class → the part it gives up
  const queue = [start];
  const visited = new Set([start]);
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head];
    for (let p = 0; p < parts; p++) {
      if (!open[c][p] || extra[c][p] || takenBy[p] !== -1) continue;
      takenBy[p] = c;
      if (partLeft[p] > 0) {
        partLeft[p]--;
        for (let part = p; ; ) {
          const taker = takenBy[part];
          extra[taker][part] = true;
          if (taker === start) return;
          part = gaveUp[taker];
          extra[taker][part] = false;
        }
      }
      extra.forEach((row, holder) => {
        if (row[p] && !visited.has(holder)) {
          visited.add(holder);
          gaveUp[holder] = p;
          queue.push(holder);
        }
      });
    }
  }
  throw new Error('stratifiedSplit: found no part for a row; this is a bug, please report it with the labels and sizes');
}
