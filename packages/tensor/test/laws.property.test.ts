import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyTensorArb, axesArb, broadcastShapesArb, shapeArb, sumTo, tensor, tensorArb, type NestedArray, type Tensor,
} from '@tapegrad/tensor';

const flat = (value: NestedArray): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value]);

describe('laws', () => {
  it('sum over all axes equals the sum of toArray()', () => {
    fc.assert(
      fc.property(anyTensorArb(fc), (x) => {
        const expected = flat(x.toArray()).reduce((a, b) => a + b, 0);
        expect(x.sum().item()).toBeCloseTo(expected, 10);
      }),
    );
  });

  it('summing axes one at a time equals summing them together', () => {
    fc.assert(
      fc.property(shapeArb(fc, { minRank: 2 }).chain((s) => tensorArb(fc, s)), (x) => {
        const together = x.sum([0, 1]);
        const oneByOne = x.sum(1).sum(0);
        Array.from(together.buffer).forEach((v, i) => expect(v).toBeCloseTo(oneByOne.buffer[i], 10));
      }),
    );
  });

  it('keepdims keeps the rank and the values', () => {
    fc.assert(
      fc.property(shapeArb(fc).chain((s) => fc.tuple(tensorArb(fc, s), axesArb(fc, s.length))), ([x, axis]) => {
        const kept = x.sum(axis, true);
        expect(kept.ndim).toBe(x.ndim);
        expect(Array.from(kept.buffer)).toEqual(Array.from(x.sum(axis).buffer));
      }),
    );
  });

  it('reshape round-trips and shares storage', () => {
    fc.assert(
      fc.property(anyTensorArb(fc), (x) => {
        const there = x.reshape([-1]);
        const back = there.reshape(x.shape);
        expect(back.shape).toEqual(x.shape);
        expect(back.buffer).toBe(x.buffer);
      }),
    );
  });

  it('softmax rows sum to 1, even for inputs near ±1000', () => {
    fc.assert(
      fc.property(anyTensorArb(fc, { minRank: 1 }, { min: -1000, max: 1000 }), (x) => {
        const rows = x.softmax(-1).sum(-1);
        for (const v of rows.buffer) expect(v).toBeCloseTo(1, 10);
      }),
    );
  });

  it('logsumexp is finite for inputs near ±1000', () => {
    fc.assert(
      fc.property(fc.constantFrom(1000, -1000), anyTensorArb(fc, { minRank: 1 }), (shift, x) => {
        const out = x.add(shift).logsumexp(-1);
        for (const v of out.buffer) expect(Number.isFinite(v)).toBe(true);
        const reference = x.logsumexp(-1).add(shift);
        Array.from(out.buffer).forEach((v, i) => expect(v).toBeCloseTo(reference.buffer[i], 8));
      }),
    );
  });

  it('broadcastTo then sumTo gives back the shape', () => {
    fc.assert(
      fc.property(broadcastShapesArb(fc, 2), ([a, b]) => {
        const x = tensor(new Float64Array(a.reduce((n, e) => n * e, 1)).fill(1), { shape: a });
        const big = x.add(tensor(new Float64Array(b.reduce((n, e) => n * e, 1)), { shape: b }));
        expect(sumTo(big, a).shape).toEqual(a);
      }),
    );
  });

  it('the gradient of x + x is 2 everywhere', () => {
    fc.assert(
      fc.property(anyTensorArb(fc), (x) => {
        const leaf = x.detach().requiresGrad_();
        leaf.add(leaf).sum().backward();
        for (const v of leaf.grad!.buffer) expect(v).toBe(2);
      }),
    );
  });

  it('a diamond accumulates both paths: d/dx (x·a + x·b) = a + b', () => {
    fc.assert(
      fc.property(anyTensorArb(fc), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (x: Tensor, a, b) => {
        const leaf = x.detach().requiresGrad_();
        const shared = leaf.mul(1);
        shared.mul(a).add(shared.mul(b)).sum().backward();
        for (const v of leaf.grad!.buffer) expect(v).toBeCloseTo(a + b, 12);
      }),
    );
  });
});
