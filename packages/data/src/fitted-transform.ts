/**
 * The contract of the fitted transforms (`meanSubtract`, `standardize`, `pca`), scikit-learn's
 * `fit` / `transform` / `fitTransform`, and the checks they share: transform only after fit, and
 * only data with as many features per row as the data fit saw.
 * @module
 */
import { formatShape, getDefaultDtype, isFloat, sizeOf, tensor, type FloatDtype, type Shape, type Tensor } from '@tapegrad/tensor';
import type { FeatureRows } from './column-statistics.js';
import { validateFeatures } from './validate-dataset.js';

/**
 * A preprocessing step whose statistics are learned from data. Fit it on the training split
 * only, then transform every split with those statistics: statistics fitted on validation or
 * test rows leak information about them into training, and the scores measured there come out
 * optimistic.
 *
 * Statistics are per feature, over axis 0: an `x` of shape `[N, ...]` is read as N rows of
 * D = product of the trailing axes. Transforms work on data, not on a model: nothing is
 * recorded on the tape and the output does not require grad.
 */
export interface FittedTransform {
  /** Whether `fit` has run. */
  readonly isFitted: boolean;
  /** Learns the statistics from `x` (the training split), replacing any earlier fit, and returns this. */
  fit(x: Tensor): this;
  /** Applies the fitted statistics to `x`, which must have as many features per row as the data fit saw. */
  transform(x: Tensor): Tensor;
  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Tensor): Tensor;
}

/** The float dtype a transform writes: `x`'s own, or the default float dtype for int32 data. */
export function outputDtype(x: Tensor): FloatDtype {
  return isFloat(x.dtype) ? x.dtype : getDefaultDtype();
}

/** A tensor of `shape` and float `dtype` holding `values` (converted from float64 when float32). */
export function floatTensor(values: Float64Array, shape: Shape, dtype: FloatDtype): Tensor {
  return tensor(dtype === 'float64' ? values : Float32Array.from(values), { shape });
}

/**
 * What the three transforms share: the fitted/not-fitted state, the shape fit saw, and the
 * errors for transforming too early or with the wrong number of features. Subclasses supply
 * `learn` and `apply`.
 */
export abstract class FeatureTransform implements FittedTransform {
  /** The shape of the data passed to `fit`; null until then. */
  #fitShape: Shape | null = null;

  /** @param name the factory's name, which starts every error message */
  protected constructor(protected readonly name: string) {}

  get isFitted(): boolean {
    return this.#fitShape !== null;
  }

  fit(x: Tensor): this {
    const rows = this.rowsOf(x, 'fit');
    if (rows.rows === 0) throw new Error(`${this.name}.fit: x ${formatShape(x.shape)} has no rows; fit on the training split`);
    this.learn(rows, x);
    this.#fitShape = [...x.shape];
    return this;
  }

  transform(x: Tensor): Tensor {
    const fitShape = this.requireFitted('transform called');
    const rows = this.rowsOf(x, 'transform');
    const features = sizeOf(fitShape.slice(1));
    if (rows.features !== features) {
      throw new Error(
        `${this.name}: transform got x ${formatShape(x.shape)} with ${rows.features} features per row, but fit saw x ` +
          `${formatShape(fitShape)} with ${features}; transform data shaped like the data the transform was fitted on`,
      );
    }
    return this.apply(rows, x);
  }

  fitTransform(x: Tensor): Tensor {
    return this.fit(x).transform(x);
  }

  /** The shape fit saw; throws, saying what happened too early (`'transform called'`, `'mean read'`), when fit has not run. */
  protected requireFitted(what: string): Shape {
    if (this.#fitShape === null) {
      throw new Error(
        `${this.name}: ${what} before fit; call fit(xTrain) on the training split first ` +
          '(statistics fitted on validation or test data would leak them into training)',
      );
    }
    return this.#fitShape;
  }

  /** `x` checked (a tensor with a row axis, no NaN/Inf) and read as rows × features. */
  protected rowsOf(x: Tensor, step: 'fit' | 'transform'): FeatureRows {
    validateFeatures(x, `${this.name}.${step}`);
    return { values: x.buffer, rows: x.shape[0], features: sizeOf(x.shape.slice(1)) };
  }

  /** Computes and stores the statistics of `rows` (`x` is the same data, for shapes and dtype). */
  protected abstract learn(rows: FeatureRows, x: Tensor): void;

  /** Transforms `rows` with the stored statistics (`x` is the same data, for shapes and dtype). */
  protected abstract apply(rows: FeatureRows, x: Tensor): Tensor;
}
