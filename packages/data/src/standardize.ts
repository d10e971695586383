/**
 * Standardization (z-scores), scikit-learn's `StandardScaler`: per feature, subtract the
 * training mean and divide by the training standard deviation.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { columnMeans, columnStds, type FeatureRows } from './column-statistics.js';
import { FeatureTransform, floatTensor, outputDtype, type FittedTransform } from './fitted-transform.js';

/** A fitted standardization, made by {@link standardize}. */
export interface Standardize extends FittedTransform {
  /** The training split's per-feature mean, shaped like one row of the data fit saw. */
  readonly mean: Tensor;
  /** The training split's per-feature standard deviation (÷N), shaped like `mean`; 0 for a constant feature. */
  readonly std: Tensor;
}

class StandardizeTransform extends FeatureTransform implements Standardize {
  #mean: Float64Array | null = null;
  #scale: Float64Array | null = null;
  #meanTensor: Tensor | null = null;
  #stdTensor: Tensor | null = null;

  constructor() {
    super('standardize');
  }

  get mean(): Tensor {
    this.requireFitted('mean read');
    return this.#meanTensor!;
  }

  get std(): Tensor {
    this.requireFitted('std read');
    return this.#stdTensor!;
  }

  protected learn(rows: FeatureRows, x: Tensor): void {
    const mean = columnMeans(rows);
    const std = columnStds(rows, mean);
    this.#mean = mean;
    // A constant feature would divide 0 by 0; dividing by 1 maps it to 0, as StandardScaler does.
    this.#scale = std.map((value) => (value === 0 ? 1 : value));
    this.#meanTensor = floatTensor(mean, x.shape.slice(1), outputDtype(x));
    this.#stdTensor = floatTensor(std, x.shape.slice(1), outputDtype(x));
  }

  protected apply({ values, rows, features }: FeatureRows, x: Tensor): Tensor {
    const mean = this.#mean!;
    const scale = this.#scale!;
    const out = new Float64Array(rows * features);
    for (let row = 0, i = 0; row < rows; row++) {
      for (let j = 0; j < features; j++, i++) out[i] = (values[i] - mean[j]) / scale[j];
    }
    return floatTensor(out, x.shape, outputDtype(x));
  }
}

/**
 * A transform that standardizes each feature with the training statistics:
 * `(x − mean) / std`, mean and standard deviation over axis 0 of the data passed to `fit`, the
 * standard deviation dividing by N (numpy's `ddof = 0`, as scikit-learn). A feature that is
 * constant on the training split (std 0) is divided by 1 instead, so it becomes 0 rather than
 * NaN, as scikit-learn's `StandardScaler`. The output has `x`'s shape and float dtype.
 * See {@link FittedTransform} for why to fit on the training split only.
 *
 * ```ts
 * const scaler = standardize().fit(train.x);
 * const xTrain = scaler.transform(train.x);  // mean ≈ 0, std ≈ 1 per feature
 * const xTest = scaler.transform(test.x);    // scaled with the training statistics
 * ```
 */
export function standardize(): Standardize {
  return new StandardizeTransform();
}
