import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { l1, type Reduction } from '../src/index.js';
import { expectClose, l1Reference, reduceReference } from './reference.js';

describe('l1', () => {
  it('averages absolute errors worked out by hand', () => {
    const p = tensor([1, 2, 4]);
    const t = tensor([1, 3, 1]);
    expect(l1(p, t).item()).toBeCloseTo(4 / 3, 15);
    expect(l1(p, t, { reduction: 'sum' }).item()).toBe(4);
    expect(l1(p, t, { reduction: 'none' }).toArray()).toEqual([0, 1, 3]);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(2);
    const p = randn([5]);
    const t = randn([5]);
    const out = l1(p, t, { reduction });
    const expected = reduceReference(l1Reference(Array.from(p.buffer), Array.from(t.buffer)), reduction);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 14);
  });

  it('has gradient sign(p − t)/n, and 0 where p = t', () => {
    const p = tensor([3, -1, 2, 0.5], { requiresGrad: true });
    l1(p, tensor([1, 1, 2, 0])).backward();
    expect(p.grad!.toArray()).toEqual([0.25, -0.25, 0, 0.25]);
  });

  it('refuses mismatched shapes with the reshape that fixes them', () => {
    expect(() => l1(tensor([1, 2]), tensor([[1, 2]]))).toThrow(
      'l1: prediction [2] and target [1,2] have different shapes; losses do not broadcast. Reshape one to match: target.reshape([2]) or prediction.reshape([1,2])',
    );
  });

  it('rejects an unknown reduction', () => {
    expect(() => l1(tensor([1]), tensor([1]), { reduction: 'batchmean' as Reduction })).toThrow(
      "l1: reduction must be one of 'mean', 'sum', 'none', got 'batchmean'",
    );
  });
});
