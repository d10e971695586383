/**
 * scikit-learn's two interleaving half circles (`make_moons`): the smallest data set a linear
 * classifier cannot separate but a one-hidden-layer net can.
 * @module
 */
import { seededUniform, tensor } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';
import { seededNormal } from './seeded-normal.js';
import { shuffleInPlace } from './seeded-permutation.js';

/** Options of {@link moons}. */
export interface MoonsOptions {
  /** Number of points, split ⌊n/2⌋ on the upper moon (class 0) and the rest on the lower (class 1). Default 100. */
  n?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number;
  /** Seed of the package's own generator (shuffle and noise). Default 0. */
  seed?: number;
  /** Shuffle the rows (default true); `false` keeps class 0 first, then class 1. */
  shuffle?: boolean;
}

/**
 * Points `x` [n, 2] (float64) and labels `y` [n] (int32) on two half circles, as scikit-learn's
 * `make_moons`: class 0 is (cos t, sin t) and class 1 is (1 − cos t, ½ − sin t) for t evenly
 * spaced over [0, π]; the rows are shuffled, then N(0, noise²) is added to every coordinate.
 * The numbers come from this package's seeded stream, so they differ from scikit-learn's.
 *
 * ```ts
 * const { x, y } = moons({ n: 200, noise: 0.1, seed: 0 });
 * ```
 */
export function moons({ n = 100, noise = 0, seed = 0, shuffle = true }: MoonsOptions = {}): Dataset {
  if (!Number.isInteger(n) || n < 0) throw new Error(`moons: n must be a whole number of points, got ${n}; pass e.g. { n: 200 }`);
  if (!Number.isFinite(noise) || noise < 0) throw new Error(`moons: noise must be a standard deviation ≥ 0, got ${noise}; pass e.g. { noise: 0.1 }`);
  if (!Number.isSafeInteger(seed)) throw new Error(`moons: seed must be an integer, got ${seed}`);
  const outer = Math.floor(n / 2);
  const inner = n - outer;
  const uniform = seededUniform(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (shuffle) shuffleInPlace(order, uniform);
  const normal = seededNormal(uniform);
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    // Row `row` of the output is point `order[row]` of the unshuffled list: upper moon first.
    const point = order[row];
    const upper = point < outer;
    const count = upper ? outer : inner;
    const t = count > 1 ? (Math.PI * (upper ? point : point - outer)) / (count - 1) : 0;
    x[2 * row] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + noise * normal();
    x[2 * row + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * normal();
    y[row] = upper ? 0 : 1;
  }
  return { x: tensor(x, { shape: [n, 2], dtype: 'float64' }), y: tensor(y, { dtype: 'int32' }) };
}
