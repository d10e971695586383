import { describe, it, expect, afterEach } from 'vitest';
import {
  arange, eq, eye, ge, getDefaultDtype, gt, le, linspace, lt, promoteDtypes, rand, randn, scalar, setDefaultDtype, sub, tensor,
  zeros, type Dtype,
} from '@tapegrad/tensor';

const int = (values: number[]) => tensor(values, { dtype: 'int32' });

describe('promotion between tensors', () => {
  it('orders dtypes int32 < float32 < float64', () => {
    const cases: [Dtype, Dtype, Dtype][] = [
      ['int32', 'int32', 'int32'],
      ['int32', 'float32', 'float32'],
      ['float32', 'int32', 'float32'],
      ['int32', 'float64', 'float64'],
      ['float32', 'float64', 'float64'],
      ['float64', 'float32', 'float64'],
    ];
    for (const [a, b, expected] of cases) expect(promoteDtypes(a, b)).toBe(expected);
  });

  it('promotes the operands of add and keeps the values', () => {
    const sum = int([1, 2]).add(tensor([0.5, 0.25], { dtype: 'float32' }));
    expect(sum.dtype).toBe('float32');
    expect(sum.toArray()).toEqual([1.5, 2.25]);
    expect(tensor([1], { dtype: 'float32' }).mul(tensor([3])).dtype).toBe('float64');
    expect(tensor([1]).sub(int([1])).dtype).toBe('float64');
  });

  it('keeps int32 when both operands are int32', () => {
    const product = int([2, 3]).mul(int([4, 5]));
    expect(product.dtype).toBe('int32');
    expect(product.toArray()).toEqual([8, 15]);
  });
});

describe('promotion with a plain number', () => {
  it('gives the number the tensor dtype', () => {
    const x = tensor([1, 2], { dtype: 'float32' }).mul(0.1);
    expect(x.dtype).toBe('float32');
    expect(x.toArray()).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(tensor([1]).add(2).dtype).toBe('float64');
  });

  it('keeps int32 for an integer number on either side', () => {
    const doubled = int([1, 2, 3]).mul(2);
    expect(doubled.dtype).toBe('int32');
    expect(doubled.toArray()).toEqual([2, 4, 6]);
    const fromTwo = sub(2, int([1, 2, 3]));
    expect(fromTwo.dtype).toBe('int32');
    expect(fromTwo.toArray()).toEqual([1, 0, -1]);
  });

  it('lifts int32 times a fractional number to the default float dtype', () => {
    const halves = int([1, 2, 3]).mul(0.5);
    expect(halves.dtype).toBe('float64');
    expect(halves.toArray()).toEqual([0.5, 1, 1.5]);
    expect(int([1]).add(0.25).toArray()).toEqual([1.25]);
  });
});

describe('division and float-valued ops on int32', () => {
  it('divides int32 by int32 into a float (true division)', () => {
    const q = int([1, 2, 3]).div(int([2, 2, 2]));
    expect(q.dtype).toBe('float64');
    expect(q.toArray()).toEqual([0.5, 1, 1.5]);
  });

  it('divides int32 by an integer number into a float', () => {
    const q = int([1, 7]).div(2);
    expect(q.dtype).toBe('float64');
    expect(q.toArray()).toEqual([0.5, 3.5]);
  });

  it('computes mean and exp of int32 in float', () => {
    expect(arange(4).mean().dtype).toBe('float64');
    expect(arange(4).mean().item()).toBe(1.5);
    expect(int([0]).exp().toArray()).toEqual([1]);
  });
});

describe('astype', () => {
  it('truncates floats toward zero when converting to int32', () => {
    const x = tensor([-1.7, 1.7, 2.5, -0.5, 3]).astype('int32');
    expect(x.dtype).toBe('int32');
    expect(x.toArray()).toEqual([-1, 1, 2, 0, 3]);
  });

  it('converts int32 to float exactly', () => {
    const x = int([-3, 0, 5]).astype('float64');
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([-3, 0, 5]);
  });

  it('rounds to float32 precision and back exactly', () => {
    const single = tensor([0.1, 1 / 3]).astype('float32');
    expect(single.dtype).toBe('float32');
    expect(single.toArray()).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
    const double = single.astype('float64');
    expect(double.dtype).toBe('float64');
    expect(double.toArray()).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
  });

  it('passes the gradient back from float64 to a float32 leaf', () => {
    const x = tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    x.astype('float64').mul(tensor([3, 4])).sum().backward();
    expect(x.grad!.dtype).toBe('float32');
    expect(x.grad!.toArray()).toEqual([3, 4]);
  });

  it('passes the gradient back from float32 to a float64 leaf', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.astype('float32').mul(3).sum().backward();
    expect(x.grad!.dtype).toBe('float64');
    expect(x.grad!.toArray()).toEqual([3, 3]);
  });

  it('cuts the graph when converting to int32', () => {
    const x = tensor([1.5], { requiresGrad: true });
    const y = x.astype('int32');
    expect(y.requiresGrad).toBe(false);
    expect(y.toArray()).toEqual([1]);
  });

  it('rejects an unknown dtype, naming it', () => {
    expect(() => tensor([1]).astype('int64' as Dtype)).toThrow(/astype: unknown dtype "int64"/);
  });
});

describe('setDefaultDtype', () => {
  afterEach(() => setDefaultDtype('float64'));

  it('starts as float64', () => {
    expect(getDefaultDtype()).toBe('float64');
  });

  it('makes float creation functions produce float32', () => {
    setDefaultDtype('float32');
    expect(getDefaultDtype()).toBe('float32');
    expect(tensor([1, 2]).dtype).toBe('float32');
    expect(scalar(1).dtype).toBe('float32');
    expect(zeros([2]).dtype).toBe('float32');
    expect(rand([2]).dtype).toBe('float32');
    expect(randn([2]).dtype).toBe('float32');
    expect(linspace(0, 1, 3).dtype).toBe('float32');
    expect(eye(2).dtype).toBe('float32');
    expect(arange(0, 1, 0.5).dtype).toBe('float32');
  });

  it('leaves integer arange, explicit dtypes and typed arrays alone', () => {
    setDefaultDtype('float32');
    expect(arange(3).dtype).toBe('int32');
    expect(tensor([1], { dtype: 'float64' }).dtype).toBe('float64');
    expect(tensor(Float64Array.of(1)).dtype).toBe('float64');
  });

  it('decides the dtype of int32 times a fraction', () => {
    setDefaultDtype('float32');
    expect(int([1]).mul(0.5).dtype).toBe('float32');
    expect(int([1]).div(int([2])).dtype).toBe('float32');
  });

  it('rejects int32 as a default', () => {
    expect(() => setDefaultDtype('int32' as 'float32')).toThrow(/setDefaultDtype: expected 'float64' or 'float32'/);
    expect(getDefaultDtype()).toBe('float64');
  });
});

describe('comparisons', () => {
  const x = tensor([1, 2, 3]);

  it('return int32 0/1 for each of eq lt le gt ge', () => {
    const results = [eq(x, 2), lt(x, 2), le(x, 2), gt(x, 2), ge(x, 2)];
    for (const r of results) expect(r.dtype).toBe('int32');
    expect(results.map((r) => r.toArray())).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
  });

  it('broadcast like the arithmetic ops', () => {
    const r = tensor([[1], [2]]).le(tensor([1, 2, 3]));
    expect(r.shape).toEqual([2, 3]);
    expect(r.toArray()).toEqual([[1, 1, 1], [0, 1, 1]]);
  });

  it('compare across dtypes after promotion', () => {
    expect(int([1, 2]).eq(tensor([1, 2.5])).toArray()).toEqual([1, 0]);
  });

  it('have no gradient even when the input requires grad', () => {
    const w = tensor([1, -1], { requiresGrad: true });
    const mask = w.gt(0);
    expect(mask.requiresGrad).toBe(false);
    expect(mask.toArray()).toEqual([1, 0]);
  });
});

describe('integer-preserving unary ops', () => {
  it('keep int32 for neg, abs and relu, as numpy', () => {
    const x = tensor([-2, 0, 3], { dtype: 'int32' });
    expect(x.neg().dtype).toBe('int32');
    expect(x.abs().toArray()).toEqual([2, 0, 3]);
    expect(x.relu().toArray()).toEqual([0, 0, 3]);
    expect(x.exp().dtype).toBe('float64');
  });
});
