/**
 * A small deliberate leak for the soak's second negative control (soak.test.ts), loaded with
 * `--import` before the soak: every loss that backward runs from is kept in a global list, the
 * classic `losses.push(loss)` instead of `losses.push(loss.item())`. Each kept loss is a scalar
 * and its tape node, a few hundred bytes of heap a step.
 */
import { Tensor } from '@tapegrad/tensor';

const kept: Tensor[] = [];
const backward = Tensor.prototype.backward as (this: Tensor, ...args: unknown[]) => void;
Tensor.prototype.backward = function keepLoss(this: Tensor, ...args: unknown[]): void {
  kept.push(this);
  backward.apply(this, args);
} as Tensor['backward'];
