/**
 * The course's spiral data set (course notes, appendix): for class k, radius r = linspace(0, 1, N)
 * and angle t = linspace(4k, 4(k+1), N) + 0.2·randn(N); the point is (r·sin t, r·cos t).
 * (It moves to `@tapegrad/data` as `spiral()` once that package exists.)
 */
import { linspace, manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';

/** Points `x` [N·K, 2] (float64) and labels `y` [N·K] (int32) of K interleaved spirals. */
export function spiral({ pointsPerClass = 100, classes = 3, seed = 0 } = {}): { x: Tensor; y: Tensor } {
  manualSeed(seed);
  const n = pointsPerClass;
  const x = new Float64Array(n * classes * 2);
  const y = new Int32Array(n * classes);
  const radius = linspace(0, 1, n).buffer;
  for (let k = 0; k < classes; k++) {
    const angle = linspace(4 * k, 4 * (k + 1), n).add(randn([n]).mul(0.2)).buffer;
    for (let i = 0; i < n; i++) {
      const row = k * n + i;
      x[2 * row] = radius[i] * Math.sin(angle[i]);
      x[2 * row + 1] = radius[i] * Math.cos(angle[i]);
      y[row] = k;
    }
  }
  return { x: tensor(x, { shape: [n * classes, 2] }), y: tensor(y) };
}
