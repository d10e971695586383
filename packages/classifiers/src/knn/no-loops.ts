/**
 * The course's third KNN distance version: the whole distance matrix from whole-matrix ops.
 * @module
 */
import { formatShape, linear, noGrad, promoteDtypes, type Tensor } from '@tapegrad/tensor';
import type { Distance } from './distance-options.js';

/**
 * The most elements `'noLoops'` with `'l1'` may broadcast to (2²⁴, 128 MiB in float64): its
 * `[numTest, numTrain, D]` temporary grows with all three sizes at once.
 */
export const L1_BROADCAST_LIMIT = 2 ** 24;

/**
 * The distance matrix without a loop.
 *
 * `'l2'`: expands `‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖²`, so the only large computation is the
 * matrix product `xTest · xTrainᵀ` (read through `linear`'s transposed operand, never copied).
 * The expansion runs in float64 even for float32 inputs, as scikit-learn's
 * `euclidean_distances` does: its terms nearly cancel, and float32 keeps about 7 digits of
 * `‖a‖²`, so features around 1000 with a spread of 1 would get distances off by more than the
 * distances themselves (the wrong neighbours, silently). The result is stored in the promoted
 * dtype of the inputs.
 *
 * `'l1'`: `|a − b|` does not split into terms of `a` and `b` alone, so no product can stand in;
 * this broadcasts `xTest [numTest, 1, D] − xTrain [1, numTrain, D]` and sums the last axis.
 * Inputs whose temporary would pass {@link L1_BROADCAST_LIMIT} elements are refused with an
 * error naming `where` and pointing at the `'blocked'` method.
 */
export function distancesNoLoops(xTest: Tensor, xTrain: Tensor, distance: Distance, where: string): Tensor {
  return noGrad(() => (distance === 'l2' ? l2NoLoops(xTest, xTrain) : l1NoLoops(xTest, xTrain, where)));
}

function l2NoLoops(xTest: Tensor, xTrain: Tensor): Tensor {
  const a = inFloat64(xTest);
  const b = inFloat64(xTrain);
  const testSquares = a.mul(a).sum(1, true); // ‖a‖², [numTest, 1]
  const trainSquares = b.mul(b).sum(1); // ‖b‖², [numTrain]
  const products = linear(a, b); // a·b, [numTest, numTrain]
  const squared = testSquares.add(trainSquares).sub(products.mul(2));
  // The three terms are large and nearly cancel when a ≈ b, so rounding can leave a tiny
  // negative number (−1e−13 for a row compared with itself); √ of it would be NaN, and the true
  // squared distance is never negative, so clamp to 0 first.
  const dists = squared.clamp(0).sqrt();
  const dtype = promoteDtypes(xTest.dtype, xTrain.dtype);
  return dtype === 'float64' ? dists : dists.astype(dtype);
}

function inFloat64(x: Tensor): Tensor {
  return x.dtype === 'float64' ? x : x.astype('float64');
}

function l1NoLoops(xTest: Tensor, xTrain: Tensor, where: string): Tensor {
  const [numTest, features] = xTest.shape;
  const numTrain = xTrain.shape[0];
  const elements = numTest * numTrain * features;
  if (elements > L1_BROADCAST_LIMIT) {
    throw new Error(
      `${where}: method 'noLoops' with distance 'l1' broadcasts to ${formatShape([numTest, numTrain, features])} ` +
        `(${elements.toExponential(1)} elements, more than the 2^24 it allows); use method 'blocked' (the default for 'l1'), ` +
        `which computes the same matrix without the temporary`,
    );
  }
  return xTest.unsqueeze(1).sub(xTrain.unsqueeze(0)).abs().sum(2);
}
