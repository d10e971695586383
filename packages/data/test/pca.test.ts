import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { pca } from '../src/index.js';
import { jacobiEigen, topEigenpairs } from '../src/symmetric-eigen.js';

/** Rows of a [k, D] tensor as arrays. */
const rows = (t: Tensor) => t.toArray() as number[][];
const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);

/** Sample covariance (÷ N−1) of the columns of a [N, D] tensor. */
function covariance(x: Tensor): number[][] {
  const data = rows(x);
  const n = data.length;
  const d = data[0].length;
  const mean = Array.from({ length: d }, (_, j) => data.reduce((sum, row) => sum + row[j], 0) / n);
  return Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => data.reduce((sum, row) => sum + (row[a] - mean[a]) * (row[b] - mean[b]), 0) / (n - 1)));
}

function expectOrthonormal(vectors: number[][], digits: number): void {
  vectors.forEach((a, i) => vectors.forEach((b, j) => expect(dot(a, b)).toBeCloseTo(i === j ? 1 : 0, digits)));
}

describe('pca', () => {
  it('finds the known principal axis of 2-D data spread along (0.6, 0.8)', () => {
    // Points t·u + s·v with u = (0.6, 0.8), v = (−0.8, 0.6): variance along u is var(t), along v var(s).
    const t = [-3, -2, -1, 0, 1, 2, 3];
    const s = [0.1, -0.1, -0.1, 0, 0.1, 0.1, -0.1]; // mean 0 and Σ t·s = 0: uncorrelated with t
    const x = tensor(t.map((ti, i) => [0.6 * ti - 0.8 * s[i] + 5, 0.8 * ti + 0.6 * s[i] - 1]));
    const fitted = pca({ components: 2 }).fit(x);
    const [first, second] = rows(fitted.components);
    expect(first[0]).toBeCloseTo(0.6, 12);
    expect(first[1]).toBeCloseTo(0.8, 12);
    expectOrthonormal([first, second], 14);
    const varT = t.reduce((sum, ti) => sum + ti * ti, 0) / 6;
    const varS = s.reduce((sum, si) => sum + si * si, 0) / 6;
    expect(Array.from(fitted.explainedVariance.buffer)).toEqual([expect.closeTo(varT, 12), expect.closeTo(varS, 12)]);
    expect(fitted.explainedVarianceRatio.sum().item()).toBeCloseTo(1, 14);
    expect(fitted.mean.toArray()).toEqual([expect.closeTo(5, 14), expect.closeTo(-1, 14)]);
  });

  it('recovers the eigenvalues of a 3-D covariance built from known axes and variances', () => {
    const axes = [[2 / 3, 2 / 3, 1 / 3], [-2 / 3, 1 / 3, 2 / 3], [1 / 3, -2 / 3, 2 / 3]];
    // Rows ±√(variance·(N−1)/2)·axis give exactly that variance along each axis, and none across.
    const variances = [9, 4, 1];
    const points: number[][] = [];
    axes.forEach((axis, a) => {
      const r = Math.sqrt((variances[a] * 5) / 2);
      points.push(axis.map((v) => r * v), axis.map((v) => -r * v));
    });
    const fitted = pca({ components: 3 }).fit(tensor(points));
    expect(Array.from(fitted.explainedVariance.buffer)).toEqual(variances.map((v) => expect.closeTo(v, 12)));
    rows(fitted.components).forEach((component, a) => expect(Math.abs(dot(component, axes[a]))).toBeCloseTo(1, 12));
    expectOrthonormal(rows(fitted.components), 13);
  });

  it('projects onto uncorrelated coordinates with the explained variances, whitened to variance 1', () => {
    manualSeed(3);
    const x = randn([300, 4]).matmul(tensor([[2, 0.5, 0, 1], [0, 1, 0.3, 0], [0, 0, 0.5, 0.2], [0, 0, 0, 0.1]]));
    const plain = pca({ components: 3 }).fit(x);
    const z = plain.transform(x);
    expect(z.shape).toEqual([300, 3]);
    const cov = covariance(z);
    cov.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? plain.explainedVariance.buffer[i] : 0, 10)));
    const white = pca({ components: 3, whiten: true }).fitTransform(x);
    covariance(white).forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? 1 : 0, 10)));
  });

  it('reconstructs the data from all D components, and image-shaped rows keep their shape', () => {
    manualSeed(4);
    const images = randn([20, 1, 2, 3]);
    for (const whiten of [false, true]) {
      const fitted = pca({ components: 6, whiten }).fit(images);
      expect(fitted.components.shape).toEqual([6, 6]);
      const back = fitted.inverseTransform(fitted.transform(images));
      expect(back.shape).toEqual([20, 1, 2, 3]);
      Array.from(back.buffer).forEach((value, i) => expect(value).toBeCloseTo(images.buffer[i], 10));
    }
  });

  it('agrees with a full Jacobi decomposition when subspace iteration handles a 60 × 60 covariance', () => {
    manualSeed(5);
    const scales = tensor(Array.from({ length: 60 }, (_, j) => Math.exp(-j / 8)));
    const x = randn([400, 60]).mul(scales).matmul(randn([60, 60]));
    const fitted = pca({ components: 4 }).fit(x);
    const cov = Float64Array.from(covariance(x).flat());
    const full = jacobiEigen(cov, 60);
    Array.from(fitted.explainedVariance.buffer).forEach((value, i) => expect(value / full.values[i]).toBeCloseTo(1, 9));
    const components = rows(fitted.components);
    expectOrthonormal(components, 10);
    components.forEach((component, i) => expect(Math.abs(dot(component, Array.from(full.vectors.subarray(i * 60, (i + 1) * 60))))).toBeCloseTo(1, 8));
    // Same answer from another starting block.
    const other = topEigenpairs(cov, 60, 4, { seed: 9 });
    Array.from(other.values).forEach((value, i) => expect(value / full.values[i]).toBeCloseTo(1, 9));
  });

  it('fills a rank-deficient covariance (constant pixels) with orthonormal directions of variance 0', () => {
    manualSeed(6);
    // Only 3 of 30 features vary; components beyond the third span the zero-variance part.
    const x = randn([50, 30]).mul(tensor(Array.from({ length: 30 }, (_, j) => (j < 3 ? 1 : 0))));
    const fitted = pca({ components: 5 }).fit(x);
    expectOrthonormal(rows(fitted.components), 10);
    expect(Array.from(fitted.explainedVariance.buffer.subarray(3))).toEqual([0, 0].map(() => expect.closeTo(0, 10)));
  });

  it('refuses to transform before fit, saying to fit on the training split and why', () => {
    expect(() => pca({ components: 2 }).transform(tensor([[1, 2]]))).toThrow(
      'pca: transform called before fit; call fit(xTrain) on the training split first (statistics fitted on validation or test data would leak them into training)',
    );
    expect(() => pca({ components: 2 }).components).toThrow('pca: components read before fit');
  });

  it('refuses data with a different number of features than fit saw, showing both shapes', () => {
    const fitted = pca({ components: 1 }).fit(tensor([[1, 2, 3], [2, 2, 1], [0, 1, 1]]));
    expect(() => fitted.transform(tensor([[1, 2]]))).toThrow('pca: transform got x [1,2] with 2 features per row, but fit saw x [3,3] with 3');
    expect(() => fitted.inverseTransform(tensor([[1, 2]]))).toThrow('pca.inverseTransform: z must be [M, 1] (one row of 1 component coordinates per example), got z [1,2]');
  });

  it('rejects a bad component count, and whitening a direction of zero variance', () => {
    expect(() => pca({ components: 0 })).toThrow('pca: components must be a positive integer, got 0; pass e.g. { components: 50 }');
    expect(() => pca({ components: 3 }).fit(tensor([[1, 2], [3, 4], [5, 7]]))).toThrow(
      'pca.fit: components = 3 but x [3,2] allows at most min(N, D) = 2; ask for fewer components',
    );
    const line = tensor([[0, 0], [1, 1], [2, 2]]);
    expect(() => pca({ components: 2, whiten: true }).fit(line)).toThrow(
      'pca.fit: component 2 of 2 has zero variance (the centred data x [3,2] has rank 1), so whitening would divide by zero; ask for at most 1 components or pass whiten: false',
    );
  });

  it('bounds components by the rows too, and names constant data and a bad z plainly', () => {
    expect(() => pca({ components: 3 }).fit(tensor([[1, 2, 3, 4], [3, 4, 0, 0]]))).toThrow(
      'pca.fit: components = 3 but x [2,4] allows at most min(N, D) = 2; ask for fewer components',
    );
    expect(() => pca({ components: 1, whiten: true }).fit(tensor([[1, 2], [1, 2], [1, 2]]))).toThrow(
      'pca.fit: every row of x [3,2] is the same, so no direction has any variance to whiten by; pass whiten: false',
    );
    const fitted = pca({ components: 1 }).fit(tensor([[0, 0], [1, 1], [2, 3]]));
    expect(() => fitted.inverseTransform(tensor([[Number.NaN]]))).toThrow('pca.inverseTransform: z has NaN at row 0, column 0 of z [1,1]');
  });
});
