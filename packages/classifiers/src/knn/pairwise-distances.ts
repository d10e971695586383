/**
 * The distance matrix between two sets of rows, by any of the course's methods.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';
import { checkFeatures } from '../features.js';
import { checkChoice } from '../hyperparameters.js';
import { distancesBlocked } from './blocked.js';
import { type Distance, DISTANCE_METHODS, type DistanceMethod, DISTANCES, fastestMethod } from './distance-options.js';
import { distancesNoLoops } from './no-loops.js';
import { distancesOneLoop } from './one-loop.js';
import { distancesTwoLoops } from './two-loops.js';

/** Options of {@link pairwiseDistances}. */
export interface PairwiseDistanceOptions {
  /** `'l1'` or `'l2'` (default `'l2'`). */
  readonly distance?: Distance;
  /**
   * How to compute it (see {@link DistanceMethod}); default the fast one for the distance:
   * `'noLoops'` (one matrix product) for `'l2'`, `'blocked'` for `'l1'`.
   */
  readonly method?: DistanceMethod;
}

/**
 * `dists[i][j]` = distance between row `i` of `a` `[M, D]` and row `j` of `b` `[N, D]`, as an
 * `[M, N]` tensor (float32 only when both inputs are). The course's KNN exercise computes it
 * three ways and checks they agree:
 *
 * ```ts
 * const fast = pairwiseDistances(xTest, xTrain);                          // l2, no loops
 * const slow = pairwiseDistances(xTest, xTrain, { method: 'twoLoops' });
 * fast.sub(slow).abs().max().item();                                      // ~1e-13 in float64
 * pairwiseDistances(xTest, xTrain, { distance: 'l1' });                   // l1, blocked loop
 * ```
 *
 * Nothing is recorded on the tape.
 */
export function pairwiseDistances(a: Tensor, b: Tensor, options: PairwiseDistanceOptions = {}): Tensor {
  const where = 'pairwiseDistances';
  checkFeatures(where, a, 'a');
  checkFeatures(where, b, 'b');
  if (a.shape[1] !== b.shape[1]) {
    throw new Error(`${where}: a has ${a.shape[1]} features per row but b has ${b.shape[1]}; both need the same features (a ${formatShape(a.shape)}, b ${formatShape(b.shape)})`);
  }
  const distance = checkChoice(where, 'distance', options.distance ?? 'l2', DISTANCES);
  const method = checkChoice(where, 'method', options.method ?? fastestMethod(distance), DISTANCE_METHODS);
  return distanceMatrix(where, a, b, distance, method);
}

/**
 * The distance matrix for checked inputs and options, dispatching to the method; `where` is the
 * public entry point errors are reported under.
 */
export function distanceMatrix(where: string, xTest: Tensor, xTrain: Tensor, distance: Distance, method: DistanceMethod): Tensor {
  switch (method) {
    case 'twoLoops':
      return distancesTwoLoops(xTest, xTrain, distance);
    case 'oneLoop':
      return distancesOneLoop(xTest, xTrain, distance);
    case 'noLoops':
      return distancesNoLoops(xTest, xTrain, distance, where);
    case 'blocked':
      return distancesBlocked(xTest, xTrain, distance);
  }
}
