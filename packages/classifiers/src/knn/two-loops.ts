/**
 * The course's first KNN distance version: a loop over test rows inside a loop over training
 * rows, one distance at a time.
 * @module
 */
import { noGrad, tensor, type Tensor } from '@tapegrad/tensor';
import { distanceStorage } from './distance-storage.js';
import type { Distance } from './distance-options.js';
import { rowViews } from './row-views.js';

/**
 * `dists[i][j]` = distance between test row `i` and training row `j`, each computed on its own
 * from tensor ops on the two rows (numpy's `np.sqrt(np.sum((X[i] − X_train[j]) ** 2))`).
 * A few tensor ops per pair make it the slowest version: meant for reading and for checking the
 * others on small inputs.
 */
export function distancesTwoLoops(xTest: Tensor, xTrain: Tensor, distance: Distance): Tensor {
  const numTest = xTest.shape[0];
  const numTrain = xTrain.shape[0];
  const testRows = rowViews(xTest);
  const trainRows = rowViews(xTrain);
  const dists = distanceStorage(xTest.dtype, xTrain.dtype, numTest * numTrain);
  noGrad(() => {
    for (let i = 0; i < numTest; i++) {
      for (let j = 0; j < numTrain; j++) {
        const difference = testRows[i].sub(trainRows[j]);
        const d = distance === 'l1' ? difference.abs().sum() : difference.mul(difference).sum().sqrt();
        dists[i * numTrain + j] = d.item();
      }
    }
  });
  return tensor(dists, { shape: [numTest, numTrain] });
}
