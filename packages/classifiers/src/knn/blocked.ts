/**
 * The fast L1 distance matrix: a tight loop over raw typed arrays, four test rows at a time.
 * @module
 */
import { tensor, type Tensor } from '@tapegrad/tensor';
import { distanceStorage } from './distance-storage.js';
import type { Distance } from './distance-options.js';

/**
 * The distance matrix from loops over the typed arrays. Four test rows are compared with one
 * training row in the same pass over the features: each training value is read once for four
 * differences, and the four running sums are independent, so the CPU overlaps them instead of
 * waiting on one chain of additions (about 2× the plain pair-by-pair loop on MNIST). A test row
 * block of 4 × D values stays in the L1 cache while the training rows stream past.
 *
 * Sums run in float64 whatever the inputs' dtype; the result has the promoted dtype of the two.
 * For `'l2'` the differences are squared directly, so there is no cancellation (unlike
 * `'noLoops'`), at several times the cost of the matrix product.
 *
 * The two distances share the blocking and differ only in the innermost loop, which is written
 * out once for each: a per-element function (`Math.abs` or a square) passed in would be a
 * call V8 cannot inline once it has seen both, about 10× slower on MNIST.
 */
export function distancesBlocked(xTest: Tensor, xTrain: Tensor, distance: Distance): Tensor {
  const [numTest, features] = xTest.shape;
  const numTrain = xTrain.shape[0];
  const a = xTest.buffer;
  const b = xTrain.buffer;
  const out = distanceStorage(xTest.dtype, xTrain.dtype, numTest * numTrain);
  const squared = distance === 'l2';
  // L2 sums squares, so its distance is the root of the sum; L1's is the sum itself.
  const finish = (sum: number): number => (squared ? Math.sqrt(sum) : sum);
  let i = 0;
  for (; i + 4 <= numTest; i += 4) {
    const a0 = i * features;
    const a1 = a0 + features;
    const a2 = a1 + features;
    const a3 = a2 + features;
    for (let j = 0; j < numTrain; j++) {
      const b0 = j * features;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      if (squared) {
        for (let f = 0; f < features; f++) {
          const value = b[b0 + f];
          const d0 = a[a0 + f] - value;
          const d1 = a[a1 + f] - value;
          const d2 = a[a2 + f] - value;
          const d3 = a[a3 + f] - value;
          s0 += d0 * d0;
          s1 += d1 * d1;
          s2 += d2 * d2;
          s3 += d3 * d3;
        }
      } else {
        for (let f = 0; f < features; f++) {
          const value = b[b0 + f];
          s0 += Math.abs(a[a0 + f] - value);
          s1 += Math.abs(a[a1 + f] - value);
          s2 += Math.abs(a[a2 + f] - value);
          s3 += Math.abs(a[a3 + f] - value);
        }
      }
      out[i * numTrain + j] = finish(s0);
      out[(i + 1) * numTrain + j] = finish(s1);
      out[(i + 2) * numTrain + j] = finish(s2);
      out[(i + 3) * numTrain + j] = finish(s3);
    }
  }
  // The last numTest mod 4 rows, one at a time.
  for (; i < numTest; i++) {
    const a0 = i * features;
    for (let j = 0; j < numTrain; j++) {
      const b0 = j * features;
      let s = 0;
      for (let f = 0; f < features; f++) {
        const d = a[a0 + f] - b[b0 + f];
        s += squared ? d * d : Math.abs(d);
      }
      out[i * numTrain + j] = finish(s);
    }
  }
  return tensor(out, { shape: [numTest, numTrain] });
}
