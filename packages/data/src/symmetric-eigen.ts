/**
 * The largest eigenpairs of a symmetric matrix, for PCA's covariance. A full Jacobi
 * eigendecomposition costs O(D³) per sweep — minutes for MNIST's 784 × 784 covariance — so for
 * the top k of a large matrix this runs subspace iteration: a block of m = k + oversampling
 * vectors is multiplied by the matrix (one matmul through tensor's fast kernel), re-orthonormalised,
 * and rotated by the Rayleigh–Ritz step (Jacobi on the small m × m projection), until the k
 * leading Ritz pairs have small residuals. Small problems (m ≥ D) go to Jacobi directly.
 * @module
 */
import { noGrad, seededUniform, tensor } from '@tapegrad/tensor';
import { seededNormal } from './seeded-normal.js';

/** Eigenvalues, largest first, and their unit eigenvectors. */
export interface Eigenpairs {
  /** The eigenvalues, in decreasing order. */
  readonly values: Float64Array;
  /** Row-major `[count, n]`: row i is the eigenvector of `values[i]`. */
  readonly vectors: Float64Array;
}

/** Options of {@link topEigenpairs}. */
export interface TopEigenpairsOptions {
  /** Seed of the random starting block (the package's own stream). Default 0. */
  seed?: number;
  /** Stop when every residual ‖Av − λv‖ is below `tolerance · |λ_max|`. Default 1e-10. */
  tolerance?: number;
  /** Give up refining after this many iterations and return the current estimate. Default 300. */
  maxIterations?: number;
}

/**
 * Every eigenpair of the symmetric `n × n` row-major `matrix`, by cyclic Jacobi rotations: each
 * rotation zeroes one off-diagonal pair (θ = (a_qq − a_pp) / 2a_pq, t = sgn θ / (|θ| + √(θ² + 1)),
 * the smaller root, for stability), and sweeps repeat until the off-diagonal mass is at rounding
 * level. Exact to machine precision; O(n³) per sweep, so meant for small n.
 */
export function jacobiEigen(matrix: Float64Array, n: number): Eigenpairs {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (const value of a) total += value * value;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        // A ← JᵀAJ: columns p, q, then rows p, q; V ← VJ accumulates the eigenvectors as columns.
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j * n + j] - a[i * n + i] || i - j);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((column, rank) => {
    values[rank] = a[column * n + column];
    for (let k = 0; k < n; k++) vectors[rank * n + k] = v[k * n + column];
  });
  return { values, vectors };
}

/**
 * Orthonormalises the `m` rows of `block` (`[m, n]`) in place by modified Gram–Schmidt, applied
 * twice ("twice is enough" for orthogonality to rounding level). A row that collapses — the
 * block had lower rank, e.g. a covariance with constant pixels — is replaced by a fresh random
 * direction, so the block always spans m dimensions.
 */
function orthonormalizeRows(block: Float64Array, m: number, n: number, normal: () => number): void {
  for (let i = 0; i < m; i++) {
    const row = block.subarray(i * n, (i + 1) * n);
    for (;;) {
      let before = 0;
      for (let k = 0; k < n; k++) before += row[k] * row[k];
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < i; j++) {
          const other = block.subarray(j * n, (j + 1) * n);
          let dot = 0;
          for (let k = 0; k < n; k++) dot += row[k] * other[k];
          for (let k = 0; k < n; k++) row[k] -= dot * other[k];
        }
      }
      let after = 0;
      for (let k = 0; k < n; k++) after += row[k] * row[k];
      if (before > 0 && after > 1e-20 * before) {
        const scale = 1 / Math.sqrt(after);
        for (let k = 0; k < n; k++) row[k] *= scale;
        break;
      }
      for (let k = 0; k < n; k++) row[k] = normal();
    }
  }
}

/** `[rows, inner] · [inner, columns]` in float64 through tensor's matmul kernel. */
function product(a: Float64Array, b: Float64Array, rows: number, inner: number, columns: number): Float64Array {
  return noGrad(() => tensor(a, { shape: [rows, inner] }).matmul(tensor(b, { shape: [inner, columns] })).buffer as Float64Array);
}

/**
 * The `k` largest eigenvalues of the symmetric `n × n` row-major `matrix` and their unit
 * eigenvectors (for a covariance, the principal axes), by subspace iteration with Rayleigh–Ritz
 * (see the module comment). Deterministic for a given `seed`. Each eigenvector's sign is fixed
 * so that its entry of largest magnitude is positive.
 */
export function topEigenpairs(matrix: Float64Array, n: number, k: number, { seed = 0, tolerance = 1e-10, maxIterations = 300 }: TopEigenpairsOptions = {}): Eigenpairs {
  // Oversampling: convergence of pair i goes as (λ_{m+1} / λ_i) per iteration, so a block
  // twice as wide as asked for converges in far fewer iterations than one of exactly k.
  const m = Math.min(n, k + Math.max(10, k));
  let result: Eigenpairs;
  if (m >= n) {
    result = jacobiEigen(matrix, n);
  } else {
    const normal = seededNormal(seededUniform(seed));
    let block: Float64Array = new Float64Array(m * n);
    for (let i = 0; i < block.length; i++) block[i] = normal();
    orthonormalizeRows(block, m, n, normal);
    result = { values: new Float64Array(0), vectors: new Float64Array(0) };
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      // The matrix is symmetric, so the rows of Q·A are A applied to the rows of Q.
      const image = product(block, matrix, m, n, n);
      // Rayleigh–Ritz: eigendecompose the projection Q A Qᵀ and rotate both blocks by its vectors.
      const projection = product(image, transposeOf(block, m, n), m, n, m);
      for (let i = 0; i < m; i++) {
        for (let j = i + 1; j < m; j++) projection[i * m + j] = projection[j * m + i] = (projection[i * m + j] + projection[j * m + i]) / 2;
      }
      const small = jacobiEigen(projection, m);
      const ritzVectors = product(small.vectors, block, m, m, n);
      const ritzImages = product(small.vectors, image, m, m, n);
      result = { values: small.values, vectors: ritzVectors };
      let worst = 0;
      for (let i = 0; i < k; i++) {
        let residual = 0;
        for (let j = 0; j < n; j++) {
          const difference = ritzImages[i * n + j] - small.values[i] * ritzVectors[i * n + j];
          residual += difference * difference;
        }
        worst = Math.max(worst, Math.sqrt(residual));
      }
      if (worst <= tolerance * Math.abs(small.values[0])) break;
      block = ritzImages;
      orthonormalizeRows(block, m, n, normal);
    }
  }
  const values = result.values.slice(0, k);
  const vectors = result.vectors.slice(0, k * n);
  for (let i = 0; i < k; i++) {
    const vector = vectors.subarray(i * n, (i + 1) * n);
    let largest = 0;
    for (let j = 1; j < n; j++) if (Math.abs(vector[j]) > Math.abs(vector[largest])) largest = j;
    if (vector[largest] < 0) for (let j = 0; j < n; j++) vector[j] = -vector[j];
  }
  return { values, vectors };
}

/** The `[n, m]` transpose of the row-major `[m, n]` block. */
function transposeOf(block: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = block[i * n + j];
  return out;
}
