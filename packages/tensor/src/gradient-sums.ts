/**
 * Adding up the gradients that reach one tensor during a backward walk: `+=`, so a value used
 * twice gets both contributions, with as few new tensors as is safe.
 * @module
 */
import { addRow } from './kernels/binary-rows.js';
import type { Tensor } from './tensor.js';

/**
 * The running sums of one backward walk. A first gradient is kept as it is, or copied when
 * `copyFirst` (it is handed out as a `.grad`: backward rules may give one tensor to several inputs
 * — add does — and an in-place change to one `.grad` must never reach another). The second is
 * added into a new tensor; that tensor belongs to this walk alone, so the third and later are
 * added into it in place, which saves an allocation per contribution where a value fans out (a
 * scalar MLP's activations feed 16 neurons). Under createGraph every sum is a recorded op
 * instead, so that it can be differentiated.
 */
export class GradientSums {
  /** Sums this walk allocated and nothing else holds: the only tensors it may write into. */
  readonly #owned = new Set<Tensor>();
  readonly #recorded: boolean;

  /** `recorded`: the walk records its ops (createGraph), so no sum may be written in place. */
  constructor(recorded: boolean) {
    this.#recorded = recorded;
  }

  /** `previous + grad`, where `previous` is what the slot held so far (nothing for a first gradient). */
  add(previous: Tensor | null | undefined, grad: Tensor, copyFirst: boolean): Tensor {
    if (previous === null || previous === undefined) return copyFirst ? this.#own(grad.clone()) : grad;
    if (this.#owned.has(previous) && previous.dtype === grad.dtype && previous.size === grad.size) {
      addRow(previous.buffer, 0, 1, grad.buffer, 0, 1, previous.buffer, 0, previous.size);
      previous.version.value++;
      return previous;
    }
    return this.#own(previous.add(grad));
  }

  /** Gives up `sum`: it is about to go to a backward rule, which may keep it or pass it on. */
  release(sum: Tensor): void {
    this.#owned.delete(sum);
  }

  #own(sum: Tensor): Tensor {
    if (!this.#recorded) this.#owned.add(sum);
    return sum;
  }
}
