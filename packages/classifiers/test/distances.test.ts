/**
 * The course's KNN exercise: the distance matrix computed three ways (plus the blocked loop)
 * must agree, for both distances.
 */
import { describe, expect, it } from 'vitest';
import { manualSeed, rand, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { type DistanceMethod, pairwiseDistances } from '../src/index.js';

function maxAbsDifference(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return a.sub(b).abs().max().item();
}

const METHODS: readonly DistanceMethod[] = ['twoLoops', 'oneLoop', 'noLoops', 'blocked'];

describe.each(['l1', 'l2'] as const)('%s distances', (distance) => {
  it('agree to 1e-9 across twoLoops, oneLoop, noLoops and blocked on random float64 data', () => {
    manualSeed(3);
    // 7 test rows: one block of four in the blocked loop, and three left over.
    const xTest = randn([7, 13]);
    const xTrain = randn([11, 13]);
    const reference = pairwiseDistances(xTest, xTrain, { distance, method: 'twoLoops' });
    expect(reference.shape).toEqual([7, 11]);
    expect(reference.dtype).toBe('float64');
    for (const method of METHODS.slice(1)) {
      expect(maxAbsDifference(pairwiseDistances(xTest, xTrain, { distance, method }), reference), method).toBeLessThan(1e-9);
    }
  });

  it('defaults to the fast method, which agrees with the others', () => {
    manualSeed(4);
    const xTest = randn([5, 9]);
    const xTrain = randn([6, 9]);
    const reference = pairwiseDistances(xTest, xTrain, { distance, method: 'twoLoops' });
    expect(maxAbsDifference(pairwiseDistances(xTest, xTrain, { distance }), reference)).toBeLessThan(1e-9);
  });

  it('keeps float32 inputs in float32', () => {
    manualSeed(5);
    const xTest = randn([3, 4], { dtype: 'float32' });
    const xTrain = randn([5, 4], { dtype: 'float32' });
    for (const method of METHODS) expect(pairwiseDistances(xTest, xTrain, { distance, method }).dtype, method).toBe('float32');
  });
});

describe('pairwiseDistances', () => {
  it('gives the textbook numbers: (0,0) to (3,4) is 7 in L1 and 5 in L2', () => {
    const a = tensor([[0, 0]]);
    const b = tensor([[3, 4], [0, 0]]);
    for (const method of METHODS) {
      expect(pairwiseDistances(a, b, { distance: 'l1', method }).toArray(), method).toEqual([[7, 0]]);
      expect(pairwiseDistances(a, b, { distance: 'l2', method }).toArray(), method).toEqual([[5, 0]]);
    }
  });

  it("clamps the no-loop L2's rounding below zero: nearly equal rows get a tiny distance, never NaN", () => {
    manualSeed(6);
    const a = randn([20, 50]).add(50); // large norms, so ‖a‖² − 2a·b + ‖b‖² cancels badly
    const b = a.add(randn([20, 50]).mul(1e-9)); // row i of b is row i of a moved by ~1e-9
    const unclamped = a.mul(a).sum(1, true).add(b.mul(b).sum(1)).sub(a.matmul(b.T).mul(2));
    expect(unclamped.min().item()).toBeLessThan(0); // the case the clamp exists for
    const dists = pairwiseDistances(a, b);
    expect(dists.min().item()).toBeGreaterThanOrEqual(0);
    expect(dists.buffer.some(Number.isNaN)).toBe(false);
    // √ of rounding noise of size ‖a‖²·1e-16: far from the true 1e-8, but still a distance.
    expect(maxAbsDifference(dists, pairwiseDistances(a, b, { method: 'twoLoops' }))).toBeLessThan(1e-4);
  });

  it('computes the float32 no-loop L2 in float64, so features far from 0 keep their neighbours', () => {
    manualSeed(7);
    // Around 1000 with a spread of 1: in float32, ‖a‖² ≈ 1e7 keeps no digits of a distance ≈ 1.
    const a = rand([30, 10], { dtype: 'float32' }).add(1000);
    const b = rand([40, 10], { dtype: 'float32' }).add(1000);
    const fast = pairwiseDistances(a, b);
    expect(fast.dtype).toBe('float32');
    const exact = pairwiseDistances(a.astype('float64'), b.astype('float64'), { method: 'blocked' });
    expect(maxAbsDifference(fast.astype('float64'), exact)).toBeLessThan(1e-5);
  });

  it("refuses 'noLoops' for L1 beyond the broadcast limit, pointing at 'blocked'", () => {
    const a = tensor(new Float64Array(256 * 256), { shape: [256, 256] });
    const b = tensor(new Float64Array(257 * 256), { shape: [257, 256] });
    expect(() => pairwiseDistances(a, b, { distance: 'l1', method: 'noLoops' })).toThrow(
      "pairwiseDistances: method 'noLoops' with distance 'l1' broadcasts to [256,257,256] (1.7e+7 elements, more than the 2^24 it allows); use method 'blocked'",
    );
  });

  it('names bad options and inputs', () => {
    const a = randn([2, 3]);
    expect(() => pairwiseDistances(a, a, { distance: 'cosine' as 'l2' })).toThrow("pairwiseDistances: unknown distance 'cosine'; use one of 'l1', 'l2'");
    expect(() => pairwiseDistances(a, a, { method: 'threeLoops' as 'noLoops' })).toThrow(
      "pairwiseDistances: unknown method 'threeLoops'; use one of 'twoLoops', 'oneLoop', 'noLoops', 'blocked'",
    );
    expect(() => pairwiseDistances(a, randn([2, 4]))).toThrow('pairwiseDistances: a has 3 features per row but b has 4');
    expect(() => pairwiseDistances(randn([3]), a)).toThrow('pairwiseDistances: a must be [N, D] (one row of features per example), got [3] float64; for a single example use a.reshape([1, 3])');
  });
});
