import { describe, it, expect } from 'vitest';
import { expectAllClose } from './expect-all-close.js';
import {
  arange, concat, indexAdd, manualSeed, matmul, ones, rand, scalar, stack, tensor, where, zeros,
  type NestedArray, type Tensor,
} from '@tapegrad/tensor';


const int = (values: NestedArray) => tensor(values, { dtype: 'int32' });

/** `a @ b` for 2-D nested arrays by the textbook triple loop. */
function naiveMatmul(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((total, aik, k) => total + aik * b[k][j], 0)));
}

describe('elementwise binary ops with broadcasting', () => {
  it('adds a [3] row to every row of a [2,3] matrix', () => {
    const out = tensor([[1, 2, 3], [4, 5, 6]]).add(tensor([10, 20, 30]));
    expect(out.shape).toEqual([2, 3]);
    expect(out.toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
  });

  it('multiplies a [2,1] column by a [1,3] row into an outer product', () => {
    const out = tensor([[1], [2]]).mul(tensor([[3, 4, 5]]));
    expect(out.shape).toEqual([2, 3]);
    expect(out.toArray()).toEqual([[3, 4, 5], [6, 8, 10]]);
  });

  it('broadcasts a plain number and a 0-d tensor', () => {
    expect(tensor([[1, 2], [3, 4]]).sub(1).toArray()).toEqual([[0, 1], [2, 3]]);
    expect(scalar(10).div(tensor([2, 4, 5])).toArray()).toEqual([5, 2.5, 2]);
  });

  it('takes elementwise maximum and minimum with broadcasting', () => {
    expect(tensor([1, 5, 3]).maximum(tensor([4, 2, 3])).toArray()).toEqual([4, 5, 3]);
    expect(tensor([[1], [5]]).minimum(tensor([4, 2])).toArray()).toEqual([[1, 1], [4, 2]]);
    expect(tensor([-1, 2]).maximum(0).toArray()).toEqual([0, 2]);
  });

  it('raises to a number or a tensor of exponents', () => {
    expectAllClose(tensor([2, 4, 9]).pow(0.5).toArray(), [Math.SQRT2, 2, 3]);
    expect(tensor([2, 3]).pow(tensor([3, 2])).toArray()).toEqual([8, 9]);
    expect(tensor([-3]).pow(2).toArray()).toEqual([9]);
  });
});

describe('elementwise unary ops', () => {
  it('computes neg, exp, log, sqrt and abs', () => {
    const x = tensor([1, 4]);
    expect(x.neg().toArray()).toEqual([-1, -4]);
    expectAllClose(x.exp().toArray(), [Math.E, Math.exp(4)]);
    expectAllClose(x.log().toArray(), [0, Math.log(4)]);
    expect(x.sqrt().toArray()).toEqual([1, 2]);
    expect(tensor([-2, 0, 3]).abs().toArray()).toEqual([2, 0, 3]);
  });

  it('computes tanh, sigmoid and relu', () => {
    expectAllClose(tensor([0, 1]).tanh().toArray(), [0, 0.7615941559557649]);
    expectAllClose(tensor([0, 2]).sigmoid().toArray(), [0.5, 0.8807970779778823]);
    expect(tensor([-1000, 1000]).sigmoid().toArray()).toEqual([0, 1]);
    expect(tensor([-2, 0, 3]).relu().toArray()).toEqual([0, 0, 3]);
  });

  it('scales negatives by the slope in leakyRelu (0.01 by default)', () => {
    expectAllClose(tensor([-2, 3]).leakyRelu(0.1).toArray(), [-0.2, 3]);
    expectAllClose(tensor([-2, 3]).leakyRelu().toArray(), [-0.02, 3]);
  });

  it('clamps into [min, max], with either bound optional', () => {
    expect(tensor([-2, 0.5, 3]).clamp(0, 1).toArray()).toEqual([0, 0.5, 1]);
    expect(tensor([-2, 0.5, 3]).clamp(0).toArray()).toEqual([0, 0.5, 3]);
    expect(tensor([-2, 0.5, 3]).clamp(undefined, 1).toArray()).toEqual([-2, 0.5, 1]);
  });
});

describe('where', () => {
  it('picks from a where cond is nonzero, else from b, broadcasting all three', () => {
    const out = where(int([[1], [0]]), tensor([1, 2, 3]), -1);
    expect(out.shape).toEqual([2, 3]);
    expect(out.toArray()).toEqual([[1, 2, 3], [-1, -1, -1]]);
  });

  it('builds a leaky relu from a comparison', () => {
    const x = tensor([-10, 0, 5]);
    expect(where(x.gt(0), x, x.mul(0.1)).toArray()).toEqual([-1, 0, 5]);
  });
});

describe('sum with numpy semantics', () => {
  const x = arange(12).reshape([3, 4]);

  it('sums columns with axis 0', () => {
    expect(x.sum(0).toArray()).toEqual([12, 15, 18, 21]);
  });

  it('sums rows with axis 1', () => {
    expect(x.sum(1).toArray()).toEqual([6, 22, 38]);
  });

  it('counts negative axes from the end', () => {
    expect(x.sum(-1).toArray()).toEqual([6, 22, 38]);
    expect(x.sum(-2).toArray()).toEqual([12, 15, 18, 21]);
  });

  it('sums everything into a 0-d tensor when no axis is given', () => {
    const total = x.sum();
    expect(total.shape).toEqual([]);
    expect(total.item()).toBe(66);
  });

  it('reduces several axes at once, in any order and sign', () => {
    const cube = arange(24).reshape([2, 3, 4]);
    expect(cube.sum([0, 2]).toArray()).toEqual([60, 92, 124]);
    expect(cube.sum([-1, 0]).toArray()).toEqual([60, 92, 124]);
    expect(cube.sum([0, 1]).toArray()).toEqual([60, 66, 72, 78]);
  });

  it('keeps reduced axes as size 1 with keepdims', () => {
    const kept = x.sum(1, true);
    expect(kept.shape).toEqual([3, 1]);
    expect(kept.toArray()).toEqual([[6], [22], [38]]);
    expect(arange(24).reshape([2, 3, 4]).sum([0, 2], true).shape).toEqual([1, 3, 1]);
    expect(x.sum(undefined, true).shape).toEqual([1, 1]);
  });
});

describe('mean, var and std', () => {
  it('averages over an axis, always as a float', () => {
    const m = arange(12).reshape([3, 4]).mean(0);
    expect(m.dtype).toBe('float64');
    expect(m.toArray()).toEqual([4, 5, 6, 7]);
    expect(arange(24).reshape([2, 3, 4]).mean([0, 2]).toArray()).toEqual([7.5, 11.5, 15.5]);
    expect(arange(24).reshape([2, 3, 4]).mean([0, 2], true).shape).toEqual([1, 3, 1]);
  });

  it('divides the variance by N by default (ddof 0)', () => {
    expect(tensor([1, 2, 3, 4]).var().item()).toBeCloseTo(1.25, 12);
    expect(tensor([[1, 2], [3, 5]]).var(1).toArray()).toEqual([0.25, 1]);
  });

  it('divides by N − 1 with { ddof: 1 }', () => {
    expect(tensor([1, 2, 3, 4]).var(undefined, false, { ddof: 1 }).item()).toBeCloseTo(5 / 3, 12);
    expect(tensor([1, 2, 3, 4]).std(undefined, false, { ddof: 1 }).item()).toBeCloseTo(1.2909944487358056, 12);
  });

  it('takes the square root of the variance in std', () => {
    expect(tensor([[1, 2], [3, 5]]).std(1).toArray()).toEqual([0.5, 1]);
    expect(tensor([2, 4, 4, 4, 5, 5, 7, 9]).std().item()).toBeCloseTo(2, 12);
  });
});

describe('max, min, argmax, argmin', () => {
  const x = tensor([[1, 5, 2], [7, 0, 7]]);

  it('finds the extremes along an axis or overall', () => {
    expect(x.max(1).toArray()).toEqual([5, 7]);
    expect(x.min(0).toArray()).toEqual([1, 0, 2]);
    expect(x.max().item()).toBe(7);
    expect(x.min(-1, true).toArray()).toEqual([[1], [0]]);
  });

  it('returns int32 indices from argmax and argmin', () => {
    const idx = x.argmax(1);
    expect(idx.dtype).toBe('int32');
    expect(idx.toArray()).toEqual([1, 0]);
    expect(x.argmin(0).toArray()).toEqual([0, 1, 0]);
  });

  it('returns the first index on a tie, like numpy', () => {
    expect(tensor([[1, 5, 5], [7, 0, 7]]).argmax(1).toArray()).toEqual([1, 0]);
    expect(tensor([[1, 0, 0], [7, 0, 7]]).argmin(1).toArray()).toEqual([1, 1]);
  });

  it('indexes the flattened tensor when no axis is given', () => {
    const flat = tensor([[1, 5, 5], [7, 0, 7]]).argmax();
    expect(flat.shape).toEqual([]);
    expect(flat.item()).toBe(3);
    expect(x.argmax(1, true).shape).toEqual([2, 1]);
  });
});

describe('logsumexp', () => {
  it('matches log Σ exp for ordinary inputs', () => {
    expect(tensor([1, 2, 3]).logsumexp().item()).toBeCloseTo(Math.log(Math.E + Math.E ** 2 + Math.E ** 3), 12);
    expectAllClose(tensor([[0, 0], [1, 1]]).logsumexp(1).toArray(), [Math.LN2, 1 + Math.LN2]);
  });

  it('stays finite at ±1000', () => {
    expect(tensor([1000, 1000]).logsumexp().item()).toBeCloseTo(1000 + Math.LN2, 10);
    expect(tensor([-1000, -1000]).logsumexp().item()).toBeCloseTo(-1000 + Math.LN2, 10);
    expect(tensor([1000, -1000]).logsumexp().item()).toBeCloseTo(1000, 10);
  });

  it('keeps the reduced axis with keepdims', () => {
    expect(tensor([[0, 0], [1, 1]]).logsumexp(0, true).shape).toEqual([1, 2]);
  });
});

describe('matmul', () => {
  it('gives the dot product of two vectors as a 0-d tensor', () => {
    const dot = tensor([1, 2, 3]).matmul(tensor([4, 5, 6]));
    expect(dot.shape).toEqual([]);
    expect(dot.item()).toBe(32);
  });

  it('treats a 1-D left operand as a row and drops the added axis', () => {
    const out = tensor([1, 2]).matmul(tensor([[1, 2, 3], [4, 5, 6]]));
    expect(out.shape).toEqual([3]);
    expect(out.toArray()).toEqual([9, 12, 15]);
  });

  it('treats a 1-D right operand as a column and drops the added axis', () => {
    const out = tensor([[1, 2, 3], [4, 5, 6]]).matmul(tensor([1, 0, -1]));
    expect(out.shape).toEqual([2]);
    expect(out.toArray()).toEqual([-2, -2]);
  });

  it('multiplies matrices like the textbook triple loop', () => {
    manualSeed(11);
    const a = rand([4, 5]);
    const b = rand([5, 3]);
    const out = matmul(a, b);
    expect(out.shape).toEqual([4, 3]);
    expectAllClose(out.toArray(), naiveMatmul(a.toArray() as number[][], b.toArray() as number[][]), 12);
  });

  it('broadcasts batch axes: [2,1,2,3] @ [3,3,2] is [2,3,2,2]', () => {
    manualSeed(12);
    const a = rand([2, 1, 2, 3]);
    const b = rand([3, 3, 2]);
    const out = a.matmul(b);
    expect(out.shape).toEqual([2, 3, 2, 2]);
    const av = a.toArray() as number[][][][];
    const bv = b.toArray() as number[][][];
    const expected = av.map((batch) => bv.map((bMatrix) => naiveMatmul(batch[0], bMatrix)));
    expectAllClose(out.toArray(), expected, 12);
  });

  it('broadcasts a plain matrix against a batch: [3,2,4] @ [4,5]', () => {
    manualSeed(13);
    const a = rand([3, 2, 4]);
    const w = rand([4, 5]);
    const out = a.matmul(w);
    expect(out.shape).toEqual([3, 2, 5]);
    const wv = w.toArray() as number[][];
    expectAllClose(out.toArray(), (a.toArray() as number[][][]).map((m) => naiveMatmul(m, wv)), 12);
  });

  it('multiplies by the identity without change', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(x.matmul(tensor([[1, 0], [0, 1]])).toArray()).toEqual([[1, 2], [3, 4]]);
  });
});

describe('softmax and logSoftmax', () => {
  it('gives rows that sum to 1 with the known values for [1,2,3]', () => {
    const p = tensor([[1, 2, 3], [0, 0, 0]]).softmax();
    expectAllClose(p.toArray(), [[0.09003057317038046, 0.24472847105479764, 0.6652409557748218], [1 / 3, 1 / 3, 1 / 3]], 12);
    expectAllClose(p.sum(1).toArray(), [1, 1], 12);
  });

  it('stays finite at ±1000', () => {
    const p = tensor([[1000, 0, -1000], [1000, 1000, -1000]]).softmax();
    expectAllClose(p.toArray(), [[1, 0, 0], [0.5, 0.5, 0]], 12);
    expect((p.toArray() as number[][]).flat().every((v) => Number.isFinite(v))).toBe(true);
  });

  it('normalises along the given axis', () => {
    const p = tensor([[1, 2], [3, 4]]).softmax(0);
    expectAllClose(p.sum(0).toArray(), [1, 1], 12);
    expectAllClose(p.toArray(), [[0.11920292202211755, 0.11920292202211755], [0.8807970779778823, 0.8807970779778823]], 12);
  });

  it('computes logSoftmax as x − logsumexp(x), finite at ±1000', () => {
    expectAllClose(tensor([1, 2, 3]).logSoftmax().toArray(), [-2.4076059644443806, -1.4076059644443806, -0.4076059644443806], 12);
    expectAllClose(tensor([1000, 0, -1000]).logSoftmax().toArray(), [0, -1000, -2000], 10);
  });

  it('agrees with log(softmax)', () => {
    manualSeed(5);
    const x = rand([3, 4]);
    expectAllClose(x.logSoftmax(-1).exp().toArray(), x.softmax(-1).toArray(), 12);
  });
});

describe('shape ops', () => {
  it('reshapes with one inferred -1 extent and shares storage', () => {
    const x = arange(12);
    const y = x.reshape([-1, 3]);
    expect(y.shape).toEqual([4, 3]);
    expect(y.buffer === x.buffer).toBe(true);
    expect(y.toArray()).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]);
    expect(x.reshape([2, -1, 2]).shape).toEqual([2, 3, 2]);
  });

  it('swaps the last two axes with transpose()', () => {
    expect(arange(6).reshape([2, 3]).transpose().toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
  });

  it('swaps any two axes with transpose(dim0, dim1)', () => {
    const x = arange(24).reshape([2, 3, 4]);
    const y = x.transpose(0, 2);
    expect(y.shape).toEqual([4, 3, 2]);
    const xv = x.toArray() as number[][][];
    const yv = y.toArray() as number[][][];
    expect(yv[3][1][0]).toBe(xv[0][1][3]);
    expect(yv[2][2][1]).toBe(xv[1][2][2]);
  });

  it('reorders axes with permute: output axis i is input axis dims[i]', () => {
    const y = arange(6).reshape([1, 2, 3]).permute([2, 0, 1]);
    expect(y.shape).toEqual([3, 1, 2]);
    expect(y.toArray()).toEqual([[[0, 3]], [[1, 4]], [[2, 5]]]);
  });

  it('reverses all axes with T', () => {
    const x = arange(24).reshape([2, 3, 4]);
    const t = x.T;
    expect(t.shape).toEqual([4, 3, 2]);
    expect((t.toArray() as number[][][])[3][2][1]).toBe((x.toArray() as number[][][])[1][2][3]);
    expect(tensor([[1, 2]]).T.toArray()).toEqual([[1], [2]]);
  });

  it('drops size-1 axes with squeeze and adds one with unsqueeze', () => {
    const x = zeros([1, 3, 1]);
    expect(x.squeeze().shape).toEqual([3]);
    expect(x.squeeze(-1).shape).toEqual([1, 3]);
    expect(x.squeeze([0, 2]).shape).toEqual([3]);
    expect(zeros([3]).unsqueeze(0).shape).toEqual([1, 3]);
    expect(zeros([3]).unsqueeze(-1).shape).toEqual([3, 1]);
    expect(tensor([1, 2]).unsqueeze(1).toArray()).toEqual([[1], [2]]);
  });

  it('merges a range of axes with flatten', () => {
    const x = arange(24).reshape([2, 3, 4]);
    expect(x.flatten().shape).toEqual([24]);
    expect(x.flatten(1).shape).toEqual([2, 12]);
    expect(x.flatten(0, 1).shape).toEqual([6, 4]);
    expect(x.flatten(1).toArray()).toEqual([Array.from({ length: 12 }, (_, i) => i), Array.from({ length: 12 }, (_, i) => i + 12)]);
  });

  it('repeats size-1 and missing axes with broadcastTo', () => {
    expect(tensor([1, 2]).broadcastTo([2, 2]).toArray()).toEqual([[1, 2], [1, 2]]);
    const col = tensor([[1], [2]]).broadcastTo([2, 2, 3]);
    expect(col.shape).toEqual([2, 2, 3]);
    expect(col.toArray()).toEqual([[[1, 1, 1], [2, 2, 2]], [[1, 1, 1], [2, 2, 2]]]);
  });
});

describe('concat and stack', () => {
  it('joins along an existing axis', () => {
    const a = tensor([[1, 2]]);
    const b = tensor([[3, 4], [5, 6]]);
    expect(concat([a, b]).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(concat([tensor([[1], [2]]), tensor([[3, 4], [5, 6]])], 1).toArray()).toEqual([[1, 3, 4], [2, 5, 6]]);
    expect(concat([tensor([[1], [2]]), tensor([[3], [4]])], -1).toArray()).toEqual([[1, 3], [2, 4]]);
  });

  it('joins along a new axis with stack', () => {
    const a = tensor([1, 2]);
    const b = tensor([3, 4]);
    expect(stack([a, b]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(stack([a, b], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(stack([a, b], -1).toArray()).toEqual([[1, 3], [2, 4]]);
  });

  it('promotes mixed dtypes', () => {
    const joined = concat([int([1]), tensor([0.5])]);
    expect(joined.dtype).toBe('float64');
    expect(joined.toArray()).toEqual([1, 0.5]);
  });
});

describe('slice', () => {
  it('takes half-open ranges with negative indices counting from the end', () => {
    expect(arange(10).slice([-3], [100]).toArray()).toEqual([7, 8, 9]);
    expect(arange(12).reshape([3, 4]).slice([1, -3], [3, -1]).toArray()).toEqual([[5, 6], [9, 10]]);
  });

  it('takes trailing axes whole when fewer bounds are given', () => {
    expect(arange(12).reshape([3, 4]).slice([1], [2]).toArray()).toEqual([[4, 5, 6, 7]]);
  });

  it('clips out-of-range bounds like numpy, giving empty results', () => {
    expect(arange(5).slice([7], [9]).shape).toEqual([0]);
    expect(arange(5).slice([3], [1]).shape).toEqual([0]);
    expect(arange(5).slice([-100], [2]).toArray()).toEqual([0, 1]);
  });
});

describe('pad', () => {
  it('pads with a constant value, widths in numpy order', () => {
    const out = tensor([[1, 2]]).pad([[1, 0], [0, 2]], { value: 9 });
    expect(out.shape).toEqual([2, 4]);
    expect(out.toArray()).toEqual([[9, 9, 9, 9], [1, 2, 9, 9]]);
  });

  it('pads with zeros by default and only the leading axes when fewer pairs are given', () => {
    expect(tensor([[1, 2], [3, 4]]).pad([[1, 1]]).toArray()).toEqual([[0, 0], [1, 2], [3, 4], [0, 0]]);
  });
});

describe('indexing ops', () => {
  it('gathers along axis 1 like torch.gather', () => {
    const out = tensor([[1, 2], [3, 4]]).gather(1, int([[0, 0], [1, 0]]));
    expect(out.toArray()).toEqual([[1, 1], [4, 3]]);
  });

  it('gathers along axis 0 with a smaller index', () => {
    const x = arange(6).reshape([3, 2]);
    expect(x.gather(0, int([[2, 0]])).toArray()).toEqual([[4, 1]]);
  });

  it('selects slices, repeats allowed, with indexSelect', () => {
    const x = arange(6).reshape([3, 2]);
    expect(x.indexSelect(0, [2, 0, 2]).toArray()).toEqual([[4, 5], [0, 1], [4, 5]]);
    expect(x.indexSelect(1, int([1])).toArray()).toEqual([[1], [3], [5]]);
  });

  it('adds src at repeated indices with scatterAdd', () => {
    expect(zeros([3]).scatterAdd(0, int([0, 2, 0]), tensor([1, 2, 3])).toArray()).toEqual([4, 0, 2]);
    const rows = ones([2, 3]).scatterAdd(1, int([[2, 2], [0, 1]]), tensor([[5, 6], [7, 8]]));
    expect(rows.toArray()).toEqual([[1, 1, 12], [8, 9, 1]]);
  });

  it('leaves its input untouched in scatterAdd', () => {
    const base = zeros([2]);
    base.scatterAdd(0, int([1]), tensor([5]));
    expect(base.toArray()).toEqual([0, 0]);
  });

  it('adds whole slices at indices with indexAdd', () => {
    const out = indexAdd(zeros([3, 2]), 0, [0, 2, 0], tensor([[1, 1], [2, 2], [3, 3]]));
    expect(out.toArray()).toEqual([[4, 4], [0, 0], [2, 2]]);
  });
});

describe('function forms', () => {
  it('gives the same values as the methods', () => {
    const a: Tensor = tensor([[1, 2], [3, 4]]);
    const b: Tensor = tensor([[5, 6], [7, 8]]);
    expect(matmul(a, b).toArray()).toEqual(a.matmul(b).toArray());
    expect(matmul(a, b).toArray()).toEqual([[19, 22], [43, 50]]);
  });
});
