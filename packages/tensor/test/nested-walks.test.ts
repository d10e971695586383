import { describe, expect, it } from 'vitest';
import { anyTensorArb, defineOp, tape, tensor, vjp, type FastCheckModule, type Tensor } from '@tapegrad/tensor';

const sample = (fc: FastCheckModule) => anyTensorArb(fc, { maxSize: 4 }).map((x: Tensor) => ({ inputs: [x], attrs: undefined }));

/** h feeds a custom op and, later on the tape, a plain mul: the walk reaches h's node with a gradient already pending from the mul. */
function backwardThrough(op: { apply(inputs: Tensor[]): Tensor }): number[] {
  const x = tensor([0.5, 1.5], { requiresGrad: true });
  const h = x.mul(1);
  const custom = op.apply([h]);
  const plain = h.mul(3);
  custom.add(plain).sum().backward();
  return Array.from(x.grad!.buffer);
}

describe('a backward walk inside a backward rule', () => {
  it('keeps the gradients pending in the outer walk when the rule lists the tape', () => {
    const listed = defineOp({
      name: 'test_identity_listing_its_tape',
      forward: ([x]) => ({ buffer: x.buffer.slice(), shape: x.shape }),
      backward: (g, _inputs, { out }) => {
        tape(out).toString();
        return [g];
      },
      sample,
    });
    expect(backwardThrough(listed)).toEqual([4, 4]);
  });

  it('keeps the gradients pending in the outer walk when the rule runs vjp over the op output', () => {
    // d/dx of 2x is computed as the vjp of y ↦ y · (out / x), which closes over the recorded output.
    const doubled = defineOp({
      name: 'test_double_by_vjp',
      forward: ([x]) => ({ buffer: x.buffer.map((v) => 2 * v), shape: x.shape }),
      backward: (g, [x], { out }) => [vjp((y) => y.mul(out).div(x), [g], g.mul(0).add(1)).grads[0].mul(g)],
      sample,
    });
    expect(backwardThrough(doubled)).toEqual([5, 5]);
  });
});
