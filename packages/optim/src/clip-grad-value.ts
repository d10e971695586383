/**
 * Gradient-value clipping: clamp every gradient entry to [−clip, clip] — PyTorch's
 * `torch.nn.utils.clip_grad_value_`.
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';
import { toParameterList } from './clip-grad-norm.js';
import { markWritten } from './storage-writes.js';
import { rejectValue } from './validate.js';

/**
 * Clamps each entry of each parameter's gradient to [−clip, clip] in place; parameters without
 * a gradient are ignored. Unlike {@link clipGradNorm} this changes the gradient's direction.
 *
 * ```ts
 * loss.backward();
 * clipGradValue(model.parameters(), 0.5);
 * opt.step();
 * ```
 */
export function clipGradValue(params: Tensor | Iterable<Tensor>, clip: number): void {
  if (typeof clip !== 'number' || Number.isNaN(clip) || clip < 0) rejectValue('clipGradValue', 'clip', clip, 'a number ≥ 0');
  for (const param of toParameterList(params)) {
    const grad = param.grad;
    if (grad === null) continue;
    const g = grad.buffer;
    for (let i = 0; i < g.length; i++) g[i] = Math.min(Math.max(g[i], -clip), clip);
    markWritten(grad);
  }
}
