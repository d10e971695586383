import { describe, it, expect } from 'vitest';
import { expectAllClose } from './expect-all-close.js';
import {
  arange, eye, full, linspace, manualSeed, oneHot, ones, onesLike, rand, randint, randn, scalar, tensor, zeros, zerosLike,
} from '@tapegrad/tensor';


describe('tensor()', () => {
  it('infers the shape of nested arrays and defaults to float64', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(x.shape).toEqual([2, 3]);
    expect(x.dtype).toBe('float64');
    expect(x.size).toBe(6);
    expect(x.ndim).toBe(2);
    expect(x.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('uses a typed array of the matching dtype as storage without copying', () => {
    const values = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const x = tensor(values, { shape: [2, 3] });
    expect(x.buffer).toBe(values);
    expect(x.dtype).toBe('float32');
    expect(x.shape).toEqual([2, 3]);
    expect(x.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('copies a typed array when another dtype is requested', () => {
    const values = Float32Array.from([1.5, 2.5]);
    const x = tensor(values, { dtype: 'float64' });
    expect(x.buffer).not.toBe(values);
    expect(x.dtype).toBe('float64');
    expect(x.shape).toEqual([2]);
    expect(x.toArray()).toEqual([1.5, 2.5]);
  });

  it('reads an Int32Array as an int32 vector', () => {
    const values = Int32Array.from([3, 1, 2]);
    const x = tensor(values);
    expect(x.dtype).toBe('int32');
    expect(x.buffer).toBe(values);
    expect(x.shape).toEqual([3]);
  });

  it('reshapes flat nested input with the shape option', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], { shape: [3, 2] });
    expect(x.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('truncates toward zero when int32 is requested for fractional values', () => {
    expect(tensor([1.7, -1.7, 2], { dtype: 'int32' }).toArray()).toEqual([1, -1, 2]);
  });

  it('makes a 0-d tensor from a plain number', () => {
    const x = tensor(5);
    expect(x.shape).toEqual([]);
    expect(x.ndim).toBe(0);
    expect(x.item()).toBe(5);
  });

  it('turns an empty array into a tensor of shape [0]', () => {
    const x = tensor([]);
    expect(x.shape).toEqual([0]);
    expect(x.size).toBe(0);
    expect(x.toArray()).toEqual([]);
  });

  it('applies the requiresGrad and label options', () => {
    const w = tensor([1, 2], { requiresGrad: true, label: 'w' });
    expect(w.requiresGrad).toBe(true);
    expect(w.label).toBe('w');
    expect(w.isLeaf).toBe(true);
    expect(tensor([1, 2]).requiresGrad).toBe(false);
  });
});

describe('scalar', () => {
  it('holds one value in a 0-d tensor of the default float dtype', () => {
    const s = scalar(2.5);
    expect(s.shape).toEqual([]);
    expect(s.size).toBe(1);
    expect(s.dtype).toBe('float64');
    expect(s.item()).toBe(2.5);
  });

  it('accepts a dtype', () => {
    const s = scalar(3, { dtype: 'int32' });
    expect(s.dtype).toBe('int32');
    expect(s.item()).toBe(3);
  });
});

describe('zeros, ones, full and the *Like forms', () => {
  it('fills zeros of the given shape', () => {
    const x = zeros([2, 3]);
    expect(x.shape).toEqual([2, 3]);
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it('fills ones of the given shape', () => {
    expect(ones([2, 2]).toArray()).toEqual([[1, 1], [1, 1]]);
  });

  it('fills a constant in the requested dtype', () => {
    const x = full([3], 7, { dtype: 'float32' });
    expect(x.dtype).toBe('float32');
    expect(x.toArray()).toEqual([7, 7, 7]);
  });

  it('keeps the shape and dtype of the template in zerosLike and onesLike', () => {
    const labels = tensor([[1, 2, 3]], { dtype: 'int32' });
    const z = zerosLike(labels);
    const o = onesLike(labels);
    expect(z.shape).toEqual([1, 3]);
    expect(z.dtype).toBe('int32');
    expect(z.toArray()).toEqual([[0, 0, 0]]);
    expect(o.dtype).toBe('int32');
    expect(o.toArray()).toEqual([[1, 1, 1]]);
  });

  it('lets zerosLike override the dtype', () => {
    expect(onesLike(tensor([1, 2], { dtype: 'int32' }), { dtype: 'float32' }).dtype).toBe('float32');
  });

  it('makes an empty tensor when an extent is 0', () => {
    const x = zeros([2, 0]);
    expect(x.size).toBe(0);
    expect(x.toArray()).toEqual([[], []]);
  });
});

describe('arange', () => {
  it('counts from 0 to stop − 1 with one argument, as int32', () => {
    const x = arange(5);
    expect(x.dtype).toBe('int32');
    expect(x.toArray()).toEqual([0, 1, 2, 3, 4]);
  });

  it('steps from start to just below stop', () => {
    expect(arange(2, 8, 2).toArray()).toEqual([2, 4, 6]);
    expect(arange(2, 9, 2).toArray()).toEqual([2, 4, 6, 8]);
  });

  it('counts down with a negative step, like numpy', () => {
    expect(arange(10, 0, -3).toArray()).toEqual([10, 7, 4, 1]);
    expect(arange(3, -1, -1).toArray()).toEqual([3, 2, 1, 0]);
  });

  it('is empty when stop is not reachable in the direction of step', () => {
    expect(arange(5, 0).shape).toEqual([0]);
    expect(arange(0, 5, -1).shape).toEqual([0]);
  });

  it('gives the default float dtype and numpy lengths for a float step', () => {
    const quarter = arange(0, 1, 0.25);
    expect(quarter.dtype).toBe('float64');
    expect(quarter.toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    // numpy: len(np.arange(0, 1, 0.1)) == 10 and np.arange(1, 2, 0.3) == [1, 1.3, 1.6, 1.9]
    expect(arange(0, 1, 0.1).size).toBe(10);
    expectAllClose(arange(1, 2, 0.3).toArray(), [1, 1.3, 1.6, 1.9]);
  });

  it('handles a negative float step', () => {
    expect(arange(1, 0, -0.25).toArray()).toEqual([1, 0.75, 0.5, 0.25]);
  });

  it('gives a float tensor when only start is fractional', () => {
    const x = arange(0.5, 3);
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([0.5, 1.5, 2.5]);
  });

  it('rejects a zero step', () => {
    expect(() => arange(0, 5, 0)).toThrow(/arange: .*step ≠ 0/);
  });
});

describe('linspace', () => {
  it('spaces n values evenly from a to b inclusive', () => {
    const x = linspace(0, 1, 5);
    expect(x.dtype).toBe('float64');
    expect(x.toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('ends exactly at b even where a + (n − 1)·step rounds short', () => {
    // -1 + 19 · (1.9 / 19) is 0.8999999999999999 in float64.
    const values = linspace(-1, 0.9, 20).toArray() as number[];
    expect(values).toHaveLength(20);
    expect(values[0]).toBe(-1);
    expect(values[19]).toBe(0.9);
    expect(values[1]).toBeCloseTo(-0.9, 12);
  });

  it('gives [a] for n = 1 and an empty tensor for n = 0', () => {
    expect(linspace(2, 5, 1).toArray()).toEqual([2]);
    expect(linspace(0, 1, 0).shape).toEqual([0]);
  });
});

describe('eye', () => {
  it('builds the identity matrix', () => {
    expect(eye(3).toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });

  it('accepts a dtype', () => {
    const i = eye(2, { dtype: 'int32' });
    expect(i.dtype).toBe('int32');
    expect(i.toArray()).toEqual([[1, 0], [0, 1]]);
  });
});

describe('random creation under manualSeed', () => {
  it('gives identical rand values for the same seed', () => {
    manualSeed(7);
    const first = rand([4, 5]).toArray();
    manualSeed(7);
    const second = rand([4, 5]).toArray();
    expect(second).toEqual(first);
  });

  it('gives different values for a different seed and for successive draws', () => {
    manualSeed(7);
    const a = rand([8]).toArray();
    const b = rand([8]).toArray();
    manualSeed(8);
    const c = rand([8]).toArray();
    expect(b).not.toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('reproduces the same uniform numbers on every machine', () => {
    // The generator uses 32-bit integer arithmetic only, so these values are fixed.
    manualSeed(42);
    expect(rand([3]).toArray()).toEqual([0.6606157208001621, 0.1117019639532224, 0.0791056456144914]);
  });

  it('draws rand values in [0, 1) with mean about ½', () => {
    manualSeed(0);
    const x = rand([10_000]);
    expect(x.min().item()).toBeGreaterThanOrEqual(0);
    expect(x.max().item()).toBeLessThan(1);
    expect(Math.abs(x.mean().item() - 0.5)).toBeLessThan(0.02);
  });

  it('gives identical randn values for the same seed', () => {
    manualSeed(3);
    const first = randn([2, 3]).toArray();
    manualSeed(3);
    expect(randn([2, 3]).toArray()).toEqual(first);
  });

  it('draws randn values with mean ≈ 0 and std ≈ 1 over 10k samples', () => {
    manualSeed(0);
    const x = randn([10_000]);
    expect(Math.abs(x.mean().item())).toBeLessThan(0.05);
    expect(Math.abs(x.std().item() - 1)).toBeLessThan(0.05);
  });

  it('draws int32 randint values in [low, high), reproducibly', () => {
    manualSeed(1);
    const x = randint(-2, 3, [1000]);
    expect(x.dtype).toBe('int32');
    expect(x.shape).toEqual([1000]);
    expect(x.min().item()).toBe(-2);
    expect(x.max().item()).toBe(2);
    manualSeed(1);
    expect(randint(-2, 3, [1000]).toArray()).toEqual(x.toArray());
  });

  it('honours the dtype option of rand', () => {
    expect(rand([2], { dtype: 'float32' }).dtype).toBe('float32');
  });
});

describe('oneHot', () => {
  it('puts a 1 at each label in rows of numClasses', () => {
    const y = oneHot([0, 2, 1], 3);
    expect(y.shape).toEqual([3, 3]);
    expect(y.dtype).toBe('float64');
    expect(y.toArray()).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
  });

  it('appends the class axis to an int32 label tensor of any shape', () => {
    const y = oneHot(tensor([[0], [1]], { dtype: 'int32' }), 2);
    expect(y.shape).toEqual([2, 1, 2]);
    expect(y.toArray()).toEqual([[[1, 0]], [[0, 1]]]);
  });

  it('rejects a label outside [0, numClasses), naming it and its position', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(/oneHot: label 3 at flat position 1 .*\[0, 3\)/);
  });
});

describe('reading values', () => {
  it('returns nested arrays from toArray and a plain number for a scalar', () => {
    expect(tensor([[1, 2], [3, 4]]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(scalar(4).toArray()).toBe(4);
  });

  it('returns a copy of the storage from data()', () => {
    const x = tensor([1, 2, 3]);
    const copy = x.data();
    expect(copy).toBeInstanceOf(Float64Array);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    copy[0] = 99;
    expect(x.toArray()).toEqual([1, 2, 3]);
  });

  it('returns the only element from item(), whatever the shape', () => {
    expect(tensor([[7.5]]).item()).toBe(7.5);
    expect(tensor([1, 2, 3]).sum().item()).toBe(6);
  });
});

describe('toString', () => {
  it('prints a small int32 matrix with aligned columns, numpy style', () => {
    const x = tensor([[1, 2], [3, 40]], { dtype: 'int32' });
    expect(x.toString()).toBe('tensor([[ 1,  2],\n        [ 3, 40]], dtype=int32)');
  });

  it('prints a small float matrix with 4 decimals', () => {
    const x = tensor([[1.5, -2], [0.25, 3]]);
    expect(x.toString()).toBe('tensor([[ 1.5000, -2.0000],\n        [ 0.2500,  3.0000]], dtype=float64)');
  });

  it('prints whole floats with a trailing point', () => {
    expect(tensor([1, 2, 3]).toString()).toBe('tensor([1., 2., 3.], dtype=float64)');
  });

  it('prints a scalar without brackets', () => {
    expect(scalar(3, { dtype: 'int32' }).toString()).toBe('tensor(3, dtype=int32)');
  });

  it('separates the blocks of a 3-D tensor with a blank line', () => {
    expect(arange(8).reshape([2, 2, 2]).toString()).toBe(
      'tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]], dtype=int32)',
    );
  });

  it('shows requiresGrad and the label', () => {
    expect(tensor([1], { requiresGrad: true, label: 'w' }).toString()).toBe('tensor([1.], dtype=float64, requiresGrad=true, label=w)');
  });

  it('summarises more than 1000 elements with ...', () => {
    expect(arange(2000).toString()).toBe('tensor([   0,    1,    2, ..., 1997, 1998, 1999], dtype=int32)');
    expect(arange(1000).toString()).not.toContain('...');
  });

  it('summarises rows and columns of a large matrix', () => {
    const lines = arange(1200).reshape([40, 30]).toString().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('tensor([[   0,    1,    2, ...,   27,   28,   29],');
    expect(lines[3].trim()).toBe('...,');
    expect(lines[6]).toBe('        [1170, 1171, 1172, ..., 1197, 1198, 1199]], dtype=int32)');
  });
});

describe('printing like numpy and PyTorch', () => {
  it('switches to scientific notation when magnitudes are far apart', () => {
    expect(tensor([0.00012, 1, 1234.5]).toString()).toBe('tensor([1.2000e-04, 1.0000e+00, 1.2345e+03], dtype=float64)');
  });

  it('keeps the sign of negative zero', () => {
    expect(tensor([-0, 1]).toString()).toBe('tensor([-0.,  1.], dtype=float64)');
  });

  it('wraps long rows at 80 characters', () => {
    const lines = arange(40).astype('float64').div(7).toString().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[1].startsWith('        1.2857')).toBe(true);
  });

  it('formats only the printed elements of a huge tensor', () => {
    const started = performance.now();
    const text = zeros([2000, 2000]).toString();
    expect(performance.now() - started).toBeLessThan(500);
    expect(text).toContain('...');
  });
});

describe('rows given as typed arrays', () => {
  it('stack into a tensor, as numpy accepts a list of arrays', () => {
    expect(tensor([new Float64Array([1, 2]), new Float32Array([3, 4])]).toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it('must still have equal lengths', () => {
    expect(() => tensor([new Float64Array([1, 2]), new Float64Array([3])])).toThrow(/row at \[1\] has length 1 .* ragged/);
  });
});
