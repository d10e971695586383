import { describe, expect, it } from 'vitest';
import { concat, ones, tensor, zeros, type Tensor } from '@tapegrad/tensor';

const empty = (shape: number[]) => zeros(shape, { requiresGrad: true });

describe('tensors with a zero-size axis', () => {
  it('pass through elementwise ops and broadcasting, and backprop to empty gradients', () => {
    const x = empty([0, 3]);
    const y = x.exp().mul(ones([3])).add(1).relu();
    expect(y.shape).toEqual([0, 3]);
    y.sum().backward();
    expect(x.grad!.shape).toEqual([0, 3]);
  });

  it('sum to zeros and mean to NaN over the empty axis, as numpy', () => {
    const x = empty([0, 3]);
    expect(x.sum(0).toArray()).toEqual([0, 0, 0]);
    expect(x.sum(1).shape).toEqual([0]);
    expect(x.sum().item()).toBe(0);
    expect(Number.isNaN(x.mean().item())).toBe(true);
  });

  it('refuses max, min, argmax over an empty axis, naming it', () => {
    const x = empty([0, 3]);
    expect(() => x.max(0)).toThrow(/max: cannot reduce the empty axis 0 of \[0,3\]/);
    expect(() => x.min()).toThrow(/min: cannot reduce the empty axis/);
    expect(() => x.argmax(0)).toThrow(/argmax: axis 0 of \[0,3\] float64 is empty/);
    expect(x.max(1).shape).toEqual([0]);
  });

  it('multiplies matrices with an empty outer or inner dimension', () => {
    expect(empty([0, 3]).matmul(ones([3, 2])).shape).toEqual([0, 2]);
    const a = empty([2, 0]);
    const b = empty([0, 3]);
    const product = a.matmul(b);
    expect(product.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    product.sum().backward();
    expect(a.grad!.shape).toEqual([2, 0]);
    expect(b.grad!.shape).toEqual([0, 3]);
  });

  it('reshapes, transposes, softmaxes, pads and concatenates', () => {
    const x = empty([0, 3]);
    expect(x.reshape([3, 0]).shape).toEqual([3, 0]);
    expect(x.reshape([-1, 3]).shape).toEqual([0, 3]);
    expect(x.transpose().shape).toEqual([3, 0]);
    expect(x.softmax(-1).shape).toEqual([0, 3]);
    expect(x.pad([[1, 0]]).toArray()).toEqual([[0, 0, 0]]);
    const joined: Tensor = concat([x, tensor([[1, 2, 3]])], 0);
    expect(joined.toArray()).toEqual([[1, 2, 3]]);
  });

  it('gathers and selects nothing with an empty index', () => {
    const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    expect(x.indexSelect(0, []).shape).toEqual([0, 2]);
    const none = tensor(new Int32Array(0), { shape: [0, 2] });
    expect(x.gather(0, none).shape).toEqual([0, 2]);
  });

  it('prints an empty tensor', () => {
    expect(zeros([0]).toString()).toBe('tensor([], dtype=float64)');
    expect(zeros([2, 0]).toString()).toBe('tensor([], shape=[2,0], dtype=float64)');
  });

  it('prints an empty tensor whose other extent is huge without listing its indices', () => {
    expect(zeros([2 ** 32, 0]).toString()).toBe('tensor([], shape=[4294967296,0], dtype=float64)');
  });
});

describe('IEEE special values', () => {
  it('propagate NaN through elementwise ops, reductions and matmul, as numpy', () => {
    const x = tensor([1, NaN, 3]);
    expect(Number.isNaN(x.exp().buffer[1])).toBe(true);
    expect(Number.isNaN(x.sum().item())).toBe(true);
    expect(Number.isNaN(x.max().item())).toBe(true);
    expect(Number.isNaN(tensor([NaN, 1]).min().item())).toBe(true);
    expect(Number.isNaN(x.relu().buffer[1])).toBe(true);
    expect(Number.isNaN(tensor([[0, 1]]).matmul(tensor([[Infinity], [1]])).item())).toBe(true);
    expect(x.argmax().item()).toBe(1);
  });

  it('keeps infinities and the sign of zero where IEEE does', () => {
    expect(tensor([Infinity]).tanh().item()).toBe(1);
    expect(tensor([-Infinity]).sigmoid().item()).toBe(0);
    expect(tensor([Infinity]).sigmoid().item()).toBe(1);
    expect(Object.is(tensor([0]).neg().item(), -0)).toBe(true);
    expect(tensor([-0]).div(tensor([-1])).item()).toBe(0);
    expect(tensor([1]).div(tensor([0])).item()).toBe(Infinity);
    expect(tensor([-Infinity, 0]).logsumexp().item()).toBe(0);
    expect(Array.from(tensor([-Infinity, -Infinity]).softmax().buffer).every(Number.isNaN)).toBe(true);
  });
});
