import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  anyTensorArb, axesArb, broadcastShapesArb, ones, shapeArb, sumTo, tensorArb, zeros, type NestedArray, type Tensor,
} from '@tapegrad/tensor';

const flat = (value: NestedArray): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value]);
const finite = fc.double({ min: -3, max: 3, noNaN: true });

describe('laws', () => {
  test.prop([anyTensorArb(fc)])('sum over all axes equals the sum of toArray()', (x) => {
    const expected = flat(x.toArray()).reduce((a, b) => a + b, 0);
    expect(x.sum().item()).toBeCloseTo(expected, 10);
  });

  test.prop([shapeArb(fc, { minRank: 2 }).chain((s) => tensorArb(fc, s))])(
    'summing axes one at a time equals summing them together',
    (x) => {
      const together = x.sum([0, 1]);
      const oneByOne = x.sum(1).sum(0);
      together.buffer.forEach((v, i) => expect(v).toBeCloseTo(oneByOne.buffer[i], 10));
    },
  );

  test.prop([shapeArb(fc).chain((s) => fc.tuple(tensorArb(fc, s), axesArb(fc, s.length)))])(
    'keepdims keeps the rank and the values',
    ([x, axis]) => {
      const kept = x.sum(axis, true);
      expect(kept.ndim).toBe(x.ndim);
      expect(Array.from(kept.buffer)).toEqual(Array.from(x.sum(axis).buffer));
    },
  );

  test.prop([anyTensorArb(fc)])('reshape round-trips and shares storage', (x) => {
    const back = x.reshape([-1]).reshape(x.shape);
    expect(back.shape).toEqual(x.shape);
    expect(back.buffer).toBe(x.buffer);
  });

  test.prop([anyTensorArb(fc, { minRank: 1 }, { min: -1000, max: 1000 })])(
    'softmax rows sum to 1, even for inputs near ±1000',
    (x) => {
      for (const v of x.softmax(-1).sum(-1).buffer) expect(v).toBeCloseTo(1, 10);
    },
  );

  test.prop([fc.constantFrom(1000, -1000), anyTensorArb(fc, { minRank: 1 })])(
    'logsumexp is finite for inputs near ±1000 and shifts with them',
    (shift, x) => {
      const out = x.add(shift).logsumexp(-1);
      const reference = x.logsumexp(-1).add(shift);
      out.buffer.forEach((v, i) => {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeCloseTo(reference.buffer[i], 8);
      });
    },
  );

  test.prop([broadcastShapesArb(fc, 2)])('broadcastTo then sumTo gives back the shape', ([a, b]) => {
    const big = ones(a).add(zeros(b));
    expect(sumTo(big, a).shape).toEqual(a);
  });

  test.prop([anyTensorArb(fc)])('the gradient of x + x is 2 everywhere', (x) => {
    const leaf = x.detach().requiresGrad_();
    leaf.add(leaf).sum().backward();
    for (const v of leaf.grad!.buffer) expect(v).toBe(2);
  });

  test.prop([anyTensorArb(fc), finite, finite])(
    'a diamond accumulates both paths: d/dx (x·a + x·b) = a + b',
    (x: Tensor, a, b) => {
      const leaf = x.detach().requiresGrad_();
      const shared = leaf.mul(1);
      shared.mul(a).add(shared.mul(b)).sum().backward();
      for (const v of leaf.grad!.buffer) expect(v).toBeCloseTo(a + b, 12);
    },
  );
});
