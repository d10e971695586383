/**
 * The course's spiral data set (course notes, appendix): for class k, radius r = linspace(0, 1, N)
 * and angle t = linspace(4k, 4(k+1), N) + 0.2·randn(N); the point is (r·sin t, r·cos t).
 * @module
 */
import { linspace, manualSeed, randn, tensor } from '@tapegrad/tensor';
import type { Dataset } from './dataset.js';

/** Options of {@link spiral}. */
export interface SpiralOptions {
  /** Points in each arm. Default 100. */
  pointsPerClass?: number;
  /** Number of arms (classes). Default 3. */
  classes?: number;
  /**
   * Seed of the angle noise. Default 0. The noise comes from tensor's global generator (as the
   * notes' `np.random.randn`), which this call re-seeds with `manualSeed(seed)`.
   */
  seed?: number;
}

/**
 * Points `x` [N·K, 2] (float64) and labels `y` [N·K] (int32) of K interleaved spirals, class by
 * class. Not linearly separable: a linear classifier gets about 50 %, a small ReLU net over 95 %.
 */
export function spiral({ pointsPerClass = 100, classes = 3, seed = 0 }: SpiralOptions = {}): Dataset {
  if (!Number.isInteger(pointsPerClass) || pointsPerClass < 1) throw new Error(`spiral: pointsPerClass must be a positive integer, got ${pointsPerClass}`);
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`spiral: classes must be a positive integer, got ${classes}`);
  manualSeed(seed);
  const n = pointsPerClass;
  const x = new Float64Array(n * classes * 2);
  const y = new Int32Array(n * classes);
  const radius = linspace(0, 1, n).data();
  for (let k = 0; k < classes; k++) {
    const angle = linspace(4 * k, 4 * (k + 1), n).add(randn([n]).mul(0.2)).data();
    for (let i = 0; i < n; i++) {
      const row = k * n + i;
      x[2 * row] = radius[i] * Math.sin(angle[i]);
      x[2 * row + 1] = radius[i] * Math.cos(angle[i]);
      y[row] = k;
    }
  }
  return { x: tensor(x, { shape: [n * classes, 2], dtype: 'float64' }), y: tensor(y, { dtype: 'int32' }) };
}
