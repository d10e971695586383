/**
 * What cross-validation needs of a model.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';

/**
 * Anything that trains on examples and scores itself on held-out ones: every classifier in this
 * package, or your own. `score` should be higher for better (accuracy, for the classifiers here).
 */
export interface Classifier {
  /** Trains on `x` `[N, D]` and int32 labels `y` `[N]`; the result is ignored. */
  fit(x: Tensor, y: Tensor): unknown;
  /** A number to maximise, on held-out `x`, `y`: accuracy for the classifiers of this package. */
  score(x: Tensor, y: Tensor): number;
}
