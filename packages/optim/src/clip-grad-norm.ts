/**
 * Gradient-norm clipping: rescale all gradients together so their joint norm is at most
 * `maxNorm` — PyTorch's `torch.nn.utils.clip_grad_norm_`.
 * @module
 */
import { Tensor } from '@tapegrad/tensor';
import { markWritten } from './storage-writes.js';
import { rejectValue } from './validate.js';

/** clipGradNorm's options. */
export interface ClipGradNormOptions {
  /** The p of the p-norm (default 2); `Infinity` takes the largest |g|. Must be > 0. */
  normType?: number;
  /** Throw when the total norm is NaN or ±Inf instead of clipping with it (default false). */
  errorIfNonfinite?: boolean;
}

/** `params` as a list: a single Tensor is allowed, as PyTorch does. */
export function toParameterList(params: Tensor | Iterable<Tensor>): Tensor[] {
  return params instanceof Tensor ? [params] : [...params];
}

/**
 * Scales the gradients of `params` in place so that their total p-norm — the norm of all
 * gradient entries taken as one vector — is at most `maxNorm`, and returns that norm as it was
 * before clipping. The scale is `min(1, maxNorm / (norm + 1e-6))`, as in PyTorch; parameters
 * without a gradient are ignored (the norm of none is 0).
 *
 * ```ts
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0);
 * opt.step();
 * ```
 */
export function clipGradNorm(params: Tensor | Iterable<Tensor>, maxNorm: number, options: ClipGradNormOptions = {}): number {
  const { normType = 2, errorIfNonfinite = false } = options;
  if (typeof maxNorm !== 'number' || Number.isNaN(maxNorm) || maxNorm < 0) rejectValue('clipGradNorm', 'maxNorm', maxNorm, 'a number ≥ 0');
  if (typeof normType !== 'number' || Number.isNaN(normType) || normType <= 0) rejectValue('clipGradNorm', 'normType', normType, 'a number > 0 or Infinity');
  const grads = toParameterList(params).flatMap((param) => (param.grad === null ? [] : [param.grad]));
  const total = totalNorm(grads, normType);
  if (errorIfNonfinite && !Number.isFinite(total)) {
    throw new Error(`clipGradNorm: the total ${normType}-norm of the gradients is ${total}; a NaN or Inf gradient cannot be clipped (find it with detectAnomaly, or pass errorIfNonfinite: false)`);
  }
  // Math.min keeps a NaN scale, so a NaN norm poisons the gradients as it does in PyTorch.
  const scale = Math.min(maxNorm / (total + 1e-6), 1);
  if (scale !== 1) {
    for (const grad of grads) {
      const g = grad.buffer;
      for (let i = 0; i < g.length; i++) g[i] *= scale;
      markWritten(grad);
    }
  }
  return total;
}

/** ‖all entries of `grads`‖_p; for p = ∞ the largest |g|. */
function totalNorm(grads: readonly Tensor[], p: number): number {
  if (p === Infinity) {
    let largest = 0;
    for (const grad of grads) {
      for (const value of grad.buffer) {
        const size = Math.abs(value);
        // `!(size <= largest)` lets a NaN through, so a NaN gradient gives a NaN norm.
        if (!(size <= largest)) largest = size;
      }
    }
    return largest;
  }
  let sum = 0;
  for (const grad of grads) {
    const g = grad.buffer;
    if (p === 2) for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
    else for (let i = 0; i < g.length; i++) sum += Math.abs(g[i]) ** p;
  }
  return p === 2 ? Math.sqrt(sum) : p === 1 ? sum : sum ** (1 / p);
}
