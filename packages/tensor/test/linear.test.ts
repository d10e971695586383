import { describe, expect, it } from 'vitest';
import { linear, manualSeed, randn, tensor, zeros } from '@tapegrad/tensor';
import { expectAllClose } from './expect-all-close.js';
import { messageOf } from './message-of.js';

describe('linear', () => {
  it('computes x·Wᵀ + b with W laid out [out, in]', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const w = tensor([[1, 0], [0, 1], [1, 1]]);
    const b = tensor([10, 20, 30]);
    expect(linear(x, w, b).toArray()).toEqual([[11, 22, 33], [13, 24, 37]]);
    expect(linear(x, w).toArray()).toEqual([[1, 2, 3], [3, 4, 7]]);
  });

  it('folds leading axes into rows and gives the same gradients as matmul with w.T', () => {
    manualSeed(1);
    const x = randn([2, 3, 4], { requiresGrad: true });
    const w = randn([5, 4], { requiresGrad: true });
    const b = randn([5], { requiresGrad: true });
    const out = linear(x, w, b);
    expect(out.shape).toEqual([2, 3, 5]);
    out.mul(out).sum().backward();
    const [gx, gw, gb] = [x.grad!, w.grad!, b.grad!];
    for (const t of [x, w, b]) t.grad = null;
    const reference = x.matmul(w.T).add(b);
    expectAllClose(out.toArray(), reference.toArray());
    reference.mul(reference).sum().backward();
    expectAllClose(gx.toArray(), x.grad!.toArray());
    expectAllClose(gw.toArray(), w.grad!.toArray());
    expectAllClose(gb.toArray(), b.grad!.toArray());
  });

  it('gives the bias for every row when there are no input features, with batch axes too', () => {
    const out = linear(zeros([2, 3, 0]), zeros([4, 0]), tensor([1, 2, 3, 4]));
    expect(out.shape).toEqual([2, 3, 4]);
    expect(out.sum(0).sum(0).toArray()).toEqual([6, 12, 18, 24]);
  });

  it('refuses mismatched features, says when w looks transposed, and checks the bias', () => {
    expect(messageOf(() => linear(zeros([8, 3]), zeros([3, 4])))).toBe(
      "linear: x's last axis must match w's second axis (w is [outFeatures, inFeatures]): x [8,3] float64, w [3,4] float64; w looks transposed, pass w.T or build it as [out, in]",
    );
    expect(messageOf(() => linear(zeros([8, 3]), zeros([4, 3]), zeros([3])))).toBe(
      'linear: bias must be [4] (one entry per output feature), got b [3] float64 with w [4,3] float64',
    );
  });
});
