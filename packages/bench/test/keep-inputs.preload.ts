/**
 * A deliberate leak for the soak's negative control (soak.test.ts), loaded with `--import`
 * before the soak: every batch a `Linear` layer sees is kept in a global list, as a cache that
 * forgot to evict would keep it.
 */
import { Linear } from '@tapegrad/nn';
import type { Tensor } from '@tapegrad/tensor';

const kept: Tensor[] = [];
const forward = Linear.prototype.forward;
Linear.prototype.forward = function keepInput(this: Linear, x: Tensor): Tensor {
  kept.push(x);
  return forward.call(this, x);
};
