/**
 * The course's k-nearest-neighbour classifier.
 * @module
 */
import { describeTensor, formatShape, Tensor, tensor } from '@tapegrad/tensor';
import { countMatches } from '../accuracy.js';
import { checkFeatureCount, checkFeatures } from '../features.js';
import { checkChoice, checkPositiveInteger } from '../hyperparameters.js';
import { type LabelsInput, readLabels } from '../labels.js';
import { type Distance, DISTANCE_METHODS, type DistanceMethod, DISTANCES, fastestMethod } from './distance-options.js';
import { majorityVote } from './majority-vote.js';
import { nearestNeighbors } from './nearest-neighbors.js';
import { distanceMatrix } from './pairwise-distances.js';

/** Options of `new KNearestNeighbor(options)`. */
export interface KNearestNeighborOptions {
  /** How many neighbours vote (default 1: the label of the single nearest training row). */
  readonly k?: number;
  /** `'l1'` (Manhattan) or `'l2'` (Euclidean, the default). */
  readonly distance?: Distance;
}

/** Options of {@link KNearestNeighbor.computeDistances}. */
export interface ComputeDistancesOptions {
  /**
   * The course's `'twoLoops'`, `'oneLoop'`, `'noLoops'`, or `'blocked'` (see
   * {@link DistanceMethod}). Default: the fast one for the model's distance, `'noLoops'` for
   * `'l2'` and `'blocked'` for `'l1'`.
   */
  readonly method?: DistanceMethod;
}

/** Options of {@link KNearestNeighbor.predict} and {@link KNearestNeighbor.score}. */
export interface KNearestNeighborPredictOptions extends ComputeDistancesOptions {
  /** Neighbours that vote, overriding the model's `k` for this call. */
  readonly k?: number;
}

/**
 * k-nearest neighbours, as the course builds it: `fit` memorises the training set; `predict`
 * computes the distance from every test row to every training row and lets the `k` nearest
 * training rows vote. A tie in the vote goes to the smallest label; neighbours at equal
 * distance are taken in training order.
 *
 * ```ts
 * const knn = new KNearestNeighbor({ k: 5, distance: 'l2' }).fit(train.x, train.y);
 * const predicted = knn.predict(test.x);             // int32 [numTest]
 * knn.score(test.x, test.y);                         // accuracy in [0, 1]
 *
 * // One distance matrix, several k: what cross-validation over k needs.
 * const dists = knn.computeDistances(val.x);         // [numVal, numTrain]
 * const [k1, k3, k5] = knn.predictLabelsForEachK(dists, [1, 3, 5]);
 * ```
 *
 * **Speed.** The distance matrix is the cost: `numTest · numTrain · D` operations. The default
 * method is the fast one for each distance: for `'l2'` one matrix product (1,000 × 8,000 MNIST
 * images: about a second), for `'l1'` a blocked typed-array loop (the same size: about five
 * seconds). The course's slower versions stay available through `computeDistances`'s `method`.
 */
export class KNearestNeighbor {
  /** Neighbours that vote by default. */
  readonly k: number;
  /** The distance between examples. */
  readonly distance: Distance;
  #xTrain: Tensor | null = null;
  #yTrain: Int32Array | null = null;
  /** The distinct training labels, ascending: the vote counts class positions in this list. */
  #classes = new Int32Array(0);
  /** Each training row's position in `#classes`. */
  #classOfRow = new Int32Array(0);

  /** A classifier with `k` neighbours (default 1) and the `'l2'` or `'l1'` distance (default `'l2'`). */
  constructor({ k = 1, distance = 'l2' }: KNearestNeighborOptions = {}) {
    this.k = checkPositiveInteger('KNearestNeighbor', 'k', k);
    this.distance = checkChoice('KNearestNeighbor', 'distance', distance, DISTANCES);
  }

  /**
   * Memorises the training set: `x` `[N, D]` (float) and one class index per row in `y`
   * (int32 `[N]` or `number[]`). Nothing is copied; tensors are immutable. Returns the model.
   */
  fit(x: Tensor, y: LabelsInput): this {
    const where = 'KNearestNeighbor.fit';
    checkFeatures(where, x);
    const labels = readLabels(where, y, x.shape[0]);
    if (labels.length === 0) throw new Error(`${where}: x ${formatShape(x.shape)} has no rows; there must be at least k = ${this.k} training rows to vote`);
    this.#checkK(where, this.k, x.shape[0]);
    this.#xTrain = x;
    this.#yTrain = labels;
    // Votes are counted per distinct label rather than per value up to the largest one, so labels
    // such as [0, 1e9] cost two counters, not a billion. Ascending order keeps "ties go to the
    // smallest label" a tie going to the smallest position.
    this.#classes = Int32Array.from(new Set(labels)).sort();
    const position = new Map(Array.from(this.#classes, (label, i) => [label, i]));
    this.#classOfRow = labels.map((label) => position.get(label)!);
    return this;
  }

  /** Whether `fit` has been called. */
  get isFitted(): boolean {
    return this.#xTrain !== null;
  }

  /** The memorised training features `[numTrain, D]`. */
  get xTrain(): Tensor {
    return this.#fitted('KNearestNeighbor.xTrain').x;
  }

  /** The memorised training labels, int32 `[numTrain]`. */
  get yTrain(): Tensor {
    return tensor(this.#fitted('KNearestNeighbor.yTrain').y.slice(), { dtype: 'int32' });
  }

  /**
   * The `[numTest, numTrain]` matrix of distances from each row of `xTest` to each training
   * row, by the course's method of choice (default: the fast one for this distance, see
   * {@link ComputeDistancesOptions.method}).
   */
  computeDistances(xTest: Tensor, { method }: ComputeDistancesOptions = {}): Tensor {
    return this.#distances('KNearestNeighbor.computeDistances', xTest, 'xTest', method);
  }

  /**
   * The labels the `k` nearest training rows vote for (default the model's `k`), one per row of
   * `dists` `[numTest, numTrain]` (from {@link computeDistances}): int32 `[numTest]`. The
   * course's `predict_labels`.
   */
  predictLabels(dists: Tensor, k: number = this.k): Tensor {
    return this.#labelsForEachK('KNearestNeighbor.predictLabels', dists, [k])[0];
  }

  /**
   * {@link predictLabels} for several `k` from one distance matrix: the neighbours are sorted
   * once, up to the largest k, and each k only recounts the vote. Returns one int32
   * `[numTest]` tensor per entry of `ks`, in order.
   */
  predictLabelsForEachK(dists: Tensor, ks: readonly number[]): Tensor[] {
    return this.#labelsForEachK('KNearestNeighbor.predictLabelsForEachK', dists, ks);
  }

  /** Predicted class of each row of `xTest` `[numTest, D]`: int32 `[numTest]`. */
  predict(xTest: Tensor, { k = this.k, method }: KNearestNeighborPredictOptions = {}): Tensor {
    const where = 'KNearestNeighbor.predict';
    const { y } = this.#fitted(where);
    this.#checkK(where, k, y.length);
    const dists = this.#distances(where, xTest, 'x', method);
    return this.#labelsForEachK(where, dists, [k])[0];
  }

  /** Accuracy of {@link predict} on `x` against `y`, in [0, 1]. */
  score(x: Tensor, y: LabelsInput, options: KNearestNeighborPredictOptions = {}): number {
    const where = 'KNearestNeighbor.score';
    const { y: trainLabels } = this.#fitted(where);
    checkFeatures(where, x);
    const labels = readLabels(where, y, x.shape[0]);
    const k = options.k ?? this.k;
    this.#checkK(where, k, trainLabels.length);
    const [predicted] = this.#labelsForEachK(where, this.#distances(where, x, 'x', options.method), [k]);
    return countMatches(predicted.buffer as Int32Array, labels) / labels.length;
  }

  /** The distance matrix from `xTest` to the training rows, with errors under `where`. */
  #distances(where: string, xTest: Tensor, name: string, method: DistanceMethod | undefined): Tensor {
    const { x } = this.#fitted(where);
    checkFeatures(where, xTest, name);
    checkFeatureCount(where, xTest, x.shape[1], name);
    const chosen = checkChoice(where, 'method', method ?? fastestMethod(this.distance), DISTANCE_METHODS);
    return distanceMatrix(where, xTest, x, this.distance, chosen);
  }

  #labelsForEachK(where: string, dists: Tensor, ks: readonly number[]): Tensor[] {
    const { y } = this.#fitted(where);
    const numTrain = y.length;
    if (!(dists instanceof Tensor) || dists.ndim !== 2 || dists.shape[1] !== numTrain) {
      const got = dists instanceof Tensor ? describeTensor(dists) : String(dists);
      throw new Error(
        `${where}: dists must be [numTest, ${numTrain}] (one column per training row, as computeDistances returns), got ${got}`,
      );
    }
    if (!Array.isArray(ks) || ks.length === 0) throw new Error(`${where}: ks must be a non-empty array of neighbour counts, got ${String(ks)}`);
    for (const k of ks) this.#checkK(where, k, numTrain);
    const numTest = dists.shape[0];
    const width = Math.max(...ks);
    const neighbors = nearestNeighbors(dists.buffer, numTest, numTrain, width);
    return ks.map((k) => {
      const winners = majorityVote(neighbors, width, k, this.#classOfRow, this.#classes.length);
      return tensor(winners.map((position) => this.#classes[position]), { dtype: 'int32' });
    });
  }

  #fitted(where: string): { x: Tensor; y: Int32Array } {
    if (this.#xTrain === null || this.#yTrain === null) {
      throw new Error(`${where}: the model has not been fit yet; call fit(xTrain, yTrain) first`);
    }
    return { x: this.#xTrain, y: this.#yTrain };
  }

  #checkK(where: string, k: unknown, numTrain: number): void {
    checkPositiveInteger(where, 'k', k);
    if ((k as number) > numTrain) {
      throw new Error(`${where}: k = ${k} neighbours need at least ${k} training rows, but the training set has ${numTrain}; use k ≤ ${numTrain}`);
    }
  }
}
