/**
 * The course's second KNN distance version: one loop over test rows, each compared with every
 * training row at once by broadcasting.
 * @module
 */
import { noGrad, tensor, type Tensor } from '@tapegrad/tensor';
import { distanceStorage } from './distance-storage.js';
import type { Distance } from './distance-options.js';
import { rowViews } from './row-views.js';

/**
 * `dists[i]` = distances from test row `i` to every training row, as
 * `(xTrain − row)` broadcast to `[numTrain, D]` and reduced over the features (axis 1).
 * One `[numTrain, D]` temporary per test row: faster than two loops, far slower than no loops.
 */
export function distancesOneLoop(xTest: Tensor, xTrain: Tensor, distance: Distance): Tensor {
  const numTest = xTest.shape[0];
  const numTrain = xTrain.shape[0];
  const dists = distanceStorage(xTest.dtype, xTrain.dtype, numTest * numTrain);
  noGrad(() => {
    rowViews(xTest).forEach((row, i) => {
      const difference = xTrain.sub(row);
      const d = distance === 'l1' ? difference.abs().sum(1) : difference.mul(difference).sum(1).sqrt();
      dists.set(d.buffer, i * numTrain);
    });
  });
  return tensor(dists, { shape: [numTest, numTrain] });
}
