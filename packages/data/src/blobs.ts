/**
 * scikit-learn's Gaussian blobs (`make_blobs`): isotropic clusters, one class each, for
 * classifiers and clustering that should find them.
 * @module
 */
import { seededUniform, tensor, type Tensor } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';
import { seededNormal } from './seeded-normal.js';
import { shuffleInPlace } from './seeded-permutation.js';
import { take } from './take.js';

/** Options of {@link blobs}. */
export interface BlobsOptions {
  /** Number of points, dealt to the centers as evenly as possible (the first `n mod k` get one more). Default 100. */
  n?: number;
  /**
   * How many centers to draw uniformly inside `centerBox` (default 3), or the centers themselves
   * as `k` rows of `features` numbers.
   */
  centers?: number | readonly (readonly number[])[];
  /** Standard deviation of every cluster, or one per center. Default 1. */
  std?: number | readonly number[];
  /** Dimensions of each point when `centers` is a count. Default 2. */
  features?: number;
  /** Range `[low, high)` each coordinate of a drawn center comes from. Default `[-10, 10]`. */
  centerBox?: readonly [number, number];
  /** Seed of the package's own generator (centers, points, shuffle). Default 0. */
  seed?: number;
  /** Shuffle the rows (default true); `false` keeps the clusters one after another. */
  shuffle?: boolean;
}

/** A {@link blobs} data set, with the centers the points were drawn around. */
export interface BlobsDataset extends Dataset {
  /** The cluster centers, `[k, features]` float64; row c is class c's center. */
  readonly centers: Tensor;
}

function checkStd(std: number, where: string): void {
  if (!Number.isFinite(std) || std < 0) throw new Error(`blobs: ${where} must be a standard deviation ≥ 0, got ${std}`);
}

/**
 * Points `x` [n, features] (float64) and labels `y` [n] (int32) drawn from `k` Gaussian
 * clusters, as scikit-learn's `make_blobs`: point i of class c is `centers[c] + std_c·N(0, I)`.
 * Class c is the cluster around center c. The numbers come from this package's seeded stream,
 * so they differ from scikit-learn's.
 *
 * ```ts
 * const { x, y, centers } = blobs({ n: 300, centers: 3, std: 0.5, seed: 0 });
 * const fixed = blobs({ n: 100, centers: [[0, 0], [5, 5]] });
 * ```
 */
export function blobs({ n = 100, centers = 3, std = 1, features, centerBox = [-10, 10], seed = 0, shuffle = true }: BlobsOptions = {}): BlobsDataset {
  if (!Number.isInteger(n) || n < 0) throw new Error(`blobs: n must be a whole number of points, got ${n}; pass e.g. { n: 300 }`);
  if (!Number.isSafeInteger(seed)) throw new Error(`blobs: seed must be an integer, got ${seed}`);
  const uniform = seededUniform(seed);
  let k: number;
  let width: number;
  let centerValues: Float64Array;
  if (typeof centers === 'number') {
    if (!Number.isInteger(centers) || centers < 1) throw new Error(`blobs: centers must be a positive integer or an array of centers, got ${centers}; pass e.g. { centers: 3 }`);
    width = features ?? 2;
    if (!Number.isInteger(width) || width < 1) throw new Error(`blobs: features must be a positive integer, got ${width}`);
    const [low, high] = centerBox;
    if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) throw new Error(`blobs: centerBox must be [low, high] with low < high, got [${centerBox.join(', ')}]`);
    k = centers;
    centerValues = new Float64Array(k * width);
    for (let i = 0; i < centerValues.length; i++) centerValues[i] = low + (high - low) * uniform();
  } else {
    k = centers.length;
    width = k === 0 ? 0 : centers[0].length;
    if (k === 0 || width === 0) throw new Error('blobs: centers is empty; pass at least one center, e.g. { centers: [[0, 0], [5, 5]] }');
    if (features !== undefined && features !== width) {
      throw new Error(`blobs: features = ${features} but the centers have ${width} coordinates; leave features out when you pass centers`);
    }
    centerValues = new Float64Array(k * width);
    centers.forEach((center, c) => {
      if (center.length !== width) throw new Error(`blobs: center ${c} has ${center.length} coordinates but center 0 has ${width}; give every center the same length`);
      center.forEach((value, j) => {
        if (!Number.isFinite(value)) throw new Error(`blobs: center ${c} has ${value} at coordinate ${j}; centers must be finite`);
        centerValues[c * width + j] = value;
      });
    });
  }
  let stds: number[];
  if (typeof std === 'number') {
    checkStd(std, 'std');
    stds = new Array<number>(k).fill(std);
  } else {
    if (std.length !== k) throw new Error(`blobs: std has ${std.length} entries but there are ${k} centers; pass one per center or a single number`);
    std.forEach((value, c) => checkStd(value, `std[${c}]`));
    stds = [...std];
  }

  const normal = seededNormal(uniform);
  const x = new Float64Array(n * width);
  const y = new Int32Array(n);
  let row = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    for (let i = 0; i < count; i++, row++) {
      for (let j = 0; j < width; j++) x[row * width + j] = centerValues[c * width + j] + stds[c] * normal();
      y[row] = c;
    }
  }
  const centersTensor = tensor(centerValues, { shape: [k, width], dtype: 'float64' });
  const ordered: Dataset = { x: tensor(x, { shape: [n, width], dtype: 'float64' }), y: tensor(y, { dtype: 'int32' }) };
  const shuffled = shuffle ? take(ordered, shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), uniform)) : ordered;
  return { ...shuffled, centers: centersTensor };
}
