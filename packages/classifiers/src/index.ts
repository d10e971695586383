/**
 * `@tapegrad/classifiers`: the course's classifiers, built on tapegrad and fast enough for MNIST.
 *
 * - {@link KNearestNeighbor}: memorise, compute distances three ways (plus a blocked loop), vote;
 * - {@link LinearClassifier}: a linear SVM or softmax classifier trained by minibatch SGD through
 *   `.backward()`;
 * - {@link TwoLayerNet}: affine – ReLU – affine with softmax loss, an `nn.Module`;
 * - {@link crossValidate}: k-fold cross-validation over a grid of settings.
 *
 * ```ts
 * import { KNearestNeighbor, crossValidate } from '@tapegrad/classifiers';
 * const cv = crossValidate((s) => new KNearestNeighbor(s), train, { grid: { k: [1, 3, 5], distance: ['l1', 'l2'] } });
 * console.log(cv.toString());
 * ```
 *
 * The guides `docs/knn.md` and `docs/linear-classifiers.md` build the first two step by step;
 * `docs/classifiers.md` covers what all of them share and the two-layer net.
 * @module
 */
export { KNearestNeighbor, type KNearestNeighborOptions, type ComputeDistancesOptions, type KNearestNeighborPredictOptions } from './knn/k-nearest-neighbor.js';
export { type Distance, type DistanceMethod, DISTANCES, DISTANCE_METHODS } from './knn/distance-options.js';
export { pairwiseDistances, type PairwiseDistanceOptions } from './knn/pairwise-distances.js';
export { L1_BROADCAST_LIMIT } from './knn/no-loops.js';
export { accuracy } from './accuracy.js';
export type { LabelsInput } from './labels.js';
export { LinearClassifier, type LinearClassifierOptions } from './linear/linear-classifier.js';
export { linearClassifierObjective, type LinearLoss, type LinearObjectiveOptions, LINEAR_LOSSES } from './linear/linear-objective.js';
export { TwoLayerNet, type TwoLayerNetOptions, type TwoLayerNetLossOptions, type TwoLayerNetFitOptions, type TwoLayerNetHistory } from './two-layer/two-layer-net.js';
export {
  crossValidate, type CrossValidateOptions, type CrossValidationRow, type CrossValidationResult,
} from './cross-validation/cross-validate.js';
export { formatCrossValidation } from './cross-validation/format-cross-validation.js';
export { expandGrid, type Grid, type GridSetting } from './cross-validation/grid.js';
export type { Classifier } from './cross-validation/classifier.js';
