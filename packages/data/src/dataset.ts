/**
 * The one shape every helper in this package passes around: features and labels, row-aligned.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';

/**
 * A labelled data set: row `i` of `x` is example `i` and `y[i]` its class.
 *
 * `x` is `[N, ...features]`, usually float (int32 pixels are accepted: loaders batch them as
 * they are, and the fitted transforms return float); `y` is an int32 `[N]` of class indices.
 */
export interface Dataset {
  /** Features, one row per example: `[N, ...]`. */
  readonly x: Tensor;
  /** Class labels, int32 `[N]`. */
  readonly y: Tensor;
}
