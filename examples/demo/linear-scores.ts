/**
 * A fitted linear classifier's weights as a Module, so that `save` writes them to a safetensors
 * file and `load` reads them back into a model that predicts: `LinearClassifier` itself keeps
 * `W` and `b` as plain tensors, not as a Module.
 */
import { type Tensor, zeros } from '@tapegrad/tensor';
import { Module, Parameter } from '@tapegrad/nn';

/** Scores `x·W + b`, the course's layout: `W` is `[D, C]` (a column per class) and `b` `[C]`. */
export class LinearScores extends Module {
  /** `[D, C]`. */
  W: Parameter;
  /** `[C]`. */
  b: Parameter;

  /** Wraps `W` and `b` (sharing their storage); the defaults are zeros of MNIST's shape, to `load` into. */
  constructor(W: Tensor = zeros([784, 10]), b: Tensor = zeros([10])) {
    super();
    this.W = new Parameter(W.detach());
    this.b = new Parameter(b.detach());
  }

  /** Class scores `[N, C]` of the rows of `x` `[N, D]`: the same product `LinearClassifier.predict` takes. */
  override forward(x: Tensor): Tensor {
    return x.matmul(this.W).add(this.b);
  }
}
