/**
 * The k closest training rows of each test row, from a distance matrix.
 * @module
 */
import type { TypedArray } from '@tapegrad/tensor';

/**
 * Up to this k the neighbours are kept in a small sorted list while the row streams past
 * (O(numTrain) for most rows); above it a full sort of the row is cheaper than the insertions.
 */
const INSERTION_LIMIT = 64;

/**
 * For each of the `numTest` rows of `dists` (row-major `[numTest, numTrain]`), the indices of
 * its `k` smallest entries, nearest first: an `Int32Array` `[numTest, k]`. Equal distances keep
 * the training order (the lower index comes first), so the result is deterministic; NaN counts
 * as infinitely far.
 */
export function nearestNeighbors(dists: TypedArray, numTest: number, numTrain: number, k: number): Int32Array {
  const neighbors = new Int32Array(numTest * k);
  const nearest = new Float64Array(k);
  for (let i = 0; i < numTest; i++) {
    const row = i * numTrain;
    const out = i * k;
    if (k > INSERTION_LIMIT) {
      sortedRow(dists, row, numTrain).subarray(0, k).forEach((j, at) => (neighbors[out + at] = j));
      continue;
    }
    let filled = 0;
    for (let j = 0; j < numTrain; j++) {
      const value = dists[row + j];
      const d = value === value ? value : Infinity;
      // `>=`: a tie with the current k-th neighbour keeps the earlier training row.
      if (filled === k && d >= nearest[k - 1]) continue;
      let at = filled < k ? filled++ : k - 1;
      while (at > 0 && nearest[at - 1] > d) {
        nearest[at] = nearest[at - 1];
        neighbors[out + at] = neighbors[out + at - 1];
        at--;
      }
      nearest[at] = d;
      neighbors[out + at] = j;
    }
  }
  return neighbors;
}

/** Every index of one row ordered by (distance, index). */
function sortedRow(dists: TypedArray, row: number, numTrain: number): Int32Array {
  const keys = new Float64Array(numTrain);
  for (let j = 0; j < numTrain; j++) {
    const value = dists[row + j];
    keys[j] = value === value ? value : Infinity;
  }
  const order = new Int32Array(numTrain);
  for (let j = 0; j < numTrain; j++) order[j] = j;
  // `|| p − q` breaks ties by index, including ∞ − ∞ = NaN.
  return order.sort((p, q) => keys[p] - keys[q] || p - q);
}
