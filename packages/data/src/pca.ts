/**
 * Principal component analysis, scikit-learn's `PCA`: project centred data onto the directions
 * of largest variance, optionally whitened (course notes, "PCA and whitening").
 * @module
 */
import { formatShape, noGrad, sizeOf, type Tensor } from '@tapegrad/tensor';
import { centerColumns, columnMeans, type FeatureRows } from './column-statistics.js';
import { FeatureTransform, floatTensor, outputDtype, type FittedTransform } from './fitted-transform.js';
import { topEigenpairs } from './symmetric-eigen.js';
import { validateFeatures } from './validate-dataset.js';

/** Options of {@link pca}. */
export interface PcaOptions {
  /** How many principal components to keep, k (1 ≤ k ≤ min(N, D) at fit time). Required. */
  components: number;
  /** Divide each projected coordinate by √(its variance), so every output feature has variance 1. Default false. */
  whiten?: boolean;
  /** Seed of the eigen-solver's random starting block; the result is the same for every seed up to rounding. Default 0. */
  seed?: number;
}

/** A fitted PCA, made by {@link pca}. */
export interface Pca extends FittedTransform {
  /** Whether `transform` whitens. */
  readonly whiten: boolean;
  /** The training split's per-feature mean, shaped like one row of the data fit saw. */
  readonly mean: Tensor;
  /** The principal axes, `[k, D]`: unit, orthogonal rows, largest variance first. */
  readonly components: Tensor;
  /** Variance of the training data along each component, `[k]` (covariance eigenvalues, dividing by N − 1). */
  readonly explainedVariance: Tensor;
  /** Share of the total variance along each component, `[k]`; sums to 1 when k = D. */
  readonly explainedVarianceRatio: Tensor;
  /**
   * Maps projected coordinates `[M, k]` back to the input space `[M, ...]` (shaped like the data
   * fit saw): `z · components + mean`, undoing the whitening first. With k < D this is the
   * closest point in the principal subspace, not the original row.
   */
  inverseTransform(z: Tensor): Tensor;
}

class PcaTransform extends FeatureTransform implements Pca {
  readonly whiten: boolean;
  readonly #count: number;
  readonly #seed: number;
  #mean: Float64Array | null = null;
  #axes: Float64Array | null = null;
  #variance: Float64Array | null = null;
  #featureShape: number[] = [];
  #tensors: { mean: Tensor; components: Tensor; explainedVariance: Tensor; explainedVarianceRatio: Tensor } | null = null;

  constructor(components: number, whiten: boolean, seed: number) {
    super('pca');
    this.#count = components;
    this.whiten = whiten;
    this.#seed = seed;
  }

  get mean(): Tensor {
    this.requireFitted('mean read');
    return this.#tensors!.mean;
  }

  get components(): Tensor {
    this.requireFitted('components read');
    return this.#tensors!.components;
  }

  get explainedVariance(): Tensor {
    this.requireFitted('explainedVariance read');
    return this.#tensors!.explainedVariance;
  }

  get explainedVarianceRatio(): Tensor {
    this.requireFitted('explainedVarianceRatio read');
    return this.#tensors!.explainedVarianceRatio;
  }

  protected learn(rows: FeatureRows, x: Tensor): void {
    const { rows: n, features: d } = rows;
    const k = this.#count;
    if (n < 2) throw new Error(`pca.fit: x ${formatShape(x.shape)} has ${n} row; a covariance needs at least 2`);
    if (k > Math.min(n, d)) {
      throw new Error(`pca.fit: components = ${k} but x ${formatShape(x.shape)} allows at most min(N, D) = ${Math.min(n, d)}; ask for fewer components`);
    }
    const mean = columnMeans(rows);
    const centred = centerColumns(rows, mean);
    // Covariance C = XcᵀXc / (N − 1), as scikit-learn's explained_variance_.
    const covariance = noGrad(() => floatTensor(centred, [n, d], 'float64').transpose().matmul(floatTensor(centred, [n, d], 'float64')).div(n - 1).buffer as Float64Array);
    let total = 0;
    for (let j = 0; j < d; j++) total += covariance[j * d + j];
    const { values, vectors } = topEigenpairs(covariance, d, k, { seed: this.#seed });
    // Rounding can leave a zero eigenvalue slightly negative; a variance is not.
    const variance = values.map((value) => Math.max(value, 0));
    if (this.whiten) {
      const rank = variance.findIndex((value) => value <= 1e-12 * variance[0]);
      if (rank === 0) {
        throw new Error(`pca.fit: every row of x ${formatShape(x.shape)} is the same, so no direction has any variance to whiten by; pass whiten: false`);
      }
      if (rank !== -1) {
        throw new Error(
          `pca.fit: component ${rank + 1} of ${k} has zero variance (the centred data x ${formatShape(x.shape)} has rank ${rank}), ` +
            `so whitening would divide by zero; ask for at most ${rank} components or pass whiten: false`,
        );
      }
    }
    this.#mean = mean;
    this.#axes = vectors;
    this.#variance = variance;
    this.#featureShape = x.shape.slice(1);
    const dtype = outputDtype(x);
    this.#tensors = {
      mean: floatTensor(mean, x.shape.slice(1), dtype),
      components: floatTensor(vectors, [k, d], dtype),
      explainedVariance: floatTensor(variance, [k], dtype),
      explainedVarianceRatio: floatTensor(variance.map((value) => (total > 0 ? value / total : 0)), [k], dtype),
    };
  }

  protected apply(rows: FeatureRows, x: Tensor): Tensor {
    const k = this.#count;
    const { rows: n, features: d } = rows;
    const centred = centerColumns(rows, this.#mean!);
    // z = Xc · componentsᵀ: the axes are rows, so multiply by their transpose.
    const projected = noGrad(() =>
      floatTensor(centred, [n, d], 'float64').matmul(floatTensor(this.#axes!, [k, d], 'float64').transpose()).buffer as Float64Array,
    );
    const out = Float64Array.from(projected);
    if (this.whiten) {
      const scale = this.#variance!.map((value) => 1 / Math.sqrt(value));
      for (let i = 0; i < out.length; i++) out[i] *= scale[i % k];
    }
    return floatTensor(out, [n, k], outputDtype(x));
  }

  inverseTransform(z: Tensor): Tensor {
    this.requireFitted('inverseTransform called');
    validateFeatures(z, 'pca.inverseTransform', 'z');
    const k = this.#count;
    if (z.ndim !== 2 || z.shape[1] !== k) {
      throw new Error(`pca.inverseTransform: z must be [M, ${k}] (one row of ${k} component coordinates per example), got z ${formatShape(z.shape)}`);
    }
    const m = z.shape[0];
    const d = sizeOf(this.#featureShape);
    const coordinates = Float64Array.from(z.buffer);
    if (this.whiten) {
      const scale = this.#variance!.map(Math.sqrt);
      for (let i = 0; i < coordinates.length; i++) coordinates[i] *= scale[i % k];
    }
    const restored = noGrad(() => floatTensor(coordinates, [m, k], 'float64').matmul(floatTensor(this.#axes!, [k, d], 'float64')).buffer as Float64Array);
    const out = Float64Array.from(restored);
    const mean = this.#mean!;
    for (let i = 0; i < out.length; i++) out[i] += mean[i % d];
    return floatTensor(out, [m, ...this.#featureShape], outputDtype(z));
  }
}

/**
 * A PCA transform keeping `components` principal axes: `fit` centres the data, forms the
 * covariance `XcᵀXc / (N − 1)` over the D features (trailing axes flattened) and takes its top-k
 * eigenvectors (subspace iteration, see `topEigenpairs`); `transform` maps `[N, ...]` to
 * `(x − mean) · componentsᵀ`, `[N, k]`, divided by √explainedVariance when `whiten`.
 * Each component's sign is fixed so that its largest-magnitude entry is positive (scikit-learn
 * fixes signs differently, so a component may come out negated relative to it).
 * See {@link FittedTransform} for why to fit on the training split only.
 *
 * ```ts
 * const reduce = pca({ components: 50 }).fit(train.x);      // train.x [8000,784] (or [8000,1,28,28])
 * const z = reduce.transform(val.x);                          // [1000,50]
 * reduce.explainedVarianceRatio.sum().item();                 // share of variance kept
 * ```
 */
export function pca({ components, whiten = false, seed = 0 }: PcaOptions): Pca {
  if (typeof components !== 'number' || !Number.isInteger(components) || components < 1) {
    throw new Error(`pca: components must be a positive integer, got ${String(components)}; pass e.g. { components: 50 }`);
  }
  if (typeof whiten !== 'boolean') throw new Error(`pca: whiten must be true or false, got ${String(whiten)}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`pca: seed must be an integer, got ${String(seed)}`);
  return new PcaTransform(components, whiten, seed);
}
