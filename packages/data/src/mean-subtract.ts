/**
 * Mean subtraction, the course notes' "zero-center the data" step: subtract the training
 * split's per-feature mean (the mean image, for images) from every split.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { centerColumns, columnMeans, type FeatureRows } from './column-statistics.js';
import { FeatureTransform, floatTensor, outputDtype, type FittedTransform } from './fitted-transform.js';

/** A fitted mean subtraction, made by {@link meanSubtract}. */
export interface MeanSubtract extends FittedTransform {
  /** The training split's per-feature mean, shaped like one row of the data fit saw (`x.shape.slice(1)`). */
  readonly mean: Tensor;
}

class MeanSubtractTransform extends FeatureTransform implements MeanSubtract {
  #mean: Float64Array | null = null;
  #meanTensor: Tensor | null = null;

  constructor() {
    super('meanSubtract');
  }

  get mean(): Tensor {
    this.requireFitted('mean read');
    return this.#meanTensor!;
  }

  protected learn(rows: FeatureRows, x: Tensor): void {
    this.#mean = columnMeans(rows);
    this.#meanTensor = floatTensor(this.#mean, x.shape.slice(1), outputDtype(x));
  }

  protected apply(rows: FeatureRows, x: Tensor): Tensor {
    return floatTensor(centerColumns(rows, this.#mean!), x.shape, outputDtype(x));
  }
}

/**
 * A transform that subtracts each feature's training mean: `x − mean`, with `mean` over axis 0
 * of the data passed to `fit`. The output has `x`'s shape and float dtype (int32 data gives the
 * default float dtype). See {@link FittedTransform} for why to fit on the training split only.
 *
 * ```ts
 * const center = meanSubtract().fit(train.x);
 * const xTrain = center.transform(train.x);
 * const xVal = center.transform(val.x);   // the training mean, not val's own
 * ```
 */
export function meanSubtract(): MeanSubtract {
  return new MeanSubtractTransform();
}
