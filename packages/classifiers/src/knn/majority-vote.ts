/**
 * The vote of the k nearest neighbours.
 * @module
 */

/**
 * The label each test row's first `k` neighbours vote for most; a tie goes to the smallest
 * label (as the course's `np.argmax(np.bincount(closest_y))`, which returns the first maximum).
 *
 * `neighbors` is `[numTest, width]` (nearest first, `width ≥ k`, from `nearestNeighbors`);
 * `trainLabels[j]` is training row `j`'s class, all in `[0, numLabels)`.
 */
export function majorityVote(neighbors: Int32Array, width: number, k: number, trainLabels: Int32Array, numLabels: number): Int32Array {
  const numTest = width === 0 ? 0 : neighbors.length / width;
  const predictions = new Int32Array(numTest);
  const votes = new Int32Array(numLabels);
  for (let i = 0; i < numTest; i++) {
    const first = i * width;
    for (let at = first; at < first + k; at++) votes[trainLabels[neighbors[at]]]++;
    let winner = -1;
    let most = 0;
    for (let at = first; at < first + k; at++) {
      const label = trainLabels[neighbors[at]];
      if (votes[label] > most || (votes[label] === most && label < winner)) {
        winner = label;
        most = votes[label];
      }
    }
    // Undo only the counts this row touched, rather than clearing all numLabels each time.
    for (let at = first; at < first + k; at++) votes[trainLabels[neighbors[at]]] = 0;
    predictions[i] = winner;
  }
  return predictions;
}
