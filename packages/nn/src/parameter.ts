/**
 * `Parameter`: the tensors a `Module` trains.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';

/** Options of `new Parameter(data, options)`. */
export interface ParameterOptions {
  /** Whether gradients flow to it (default true); false keeps it in the state dict but frozen. */
  readonly requiresGrad?: boolean;
}

/**
 * A Tensor that a `Module` trains, as PyTorch's `nn.Parameter`: a leaf that requires grad and
 * that `Module.parameters()` finds when it is assigned to a field. It is a Tensor in every other
 * respect, so it goes anywhere one does (ops, optimizers' state `Map`s, `.grad`).
 *
 * It shares `data`'s storage (and version counter), as PyTorch does, so wrapping costs no copy;
 * it never shares `data`'s graph: a Parameter is always a leaf.
 *
 * ```ts
 * class Scale extends Module {
 *   factor = new Parameter(ones([3]));
 *   override forward(x: Tensor): Tensor {
 *     return x.mul(this.factor);
 *   }
 * }
 * ```
 */
export class Parameter extends Tensor {
  /** Wraps `data` (float; int32 only with `requiresGrad: false`) as a trainable leaf. */
  constructor(data: Tensor, { requiresGrad = true }: ParameterOptions = {}) {
    if (!(data instanceof Tensor)) {
      throw new Error(`Parameter: expected a Tensor, got ${Array.isArray(data) ? 'a plain array (wrap it with tensor(...))' : typeof data}`);
    }
    if (requiresGrad && data.dtype === 'int32') {
      throw new Error(
        `Parameter: an int32 tensor of shape [${data.shape.join(',')}] cannot require grad; convert it with .astype('float64') ` +
          `or pass { requiresGrad: false }`,
      );
    }
    super(data.buffer, data.shape, data.version);
    this.label = data.label;
    this.requiresGrad = requiresGrad;
  }
}
