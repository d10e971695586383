import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { huber, type Reduction } from '../src/index.js';
import { expectClose, huberReference, reduceReference } from './reference.js';

describe('huber', () => {
  it('is ½e² inside the zone and δ(|e| − ½δ) outside, worked out by hand', () => {
    const p = tensor([0.5, 3, -2, 0]);
    const t = tensor([0, 0, 0, 0]);
    expect(huber(p, t, { reduction: 'none' }).toArray()).toEqual([0.125, 2.5, 1.5, 0]);
    expect(huber(p, t, { delta: 2, reduction: 'none' }).toArray()).toEqual([0.125, 4, 2, 0]);
    expect(huber(p, t).item()).toBeCloseTo((0.125 + 2.5 + 1.5) / 4, 15);
    expect(huber(p, t, { reduction: 'sum' }).item()).toBeCloseTo(4.125, 15);
  });

  it.each<[Reduction, number]>([
    ['mean', 1],
    ['sum', 0.3],
    ['none', 2.5],
  ])('matches a plain loop with reduction %s and delta %d', (reduction, delta) => {
    manualSeed(3);
    const p = randn([4, 3]).mul(2);
    const t = randn([4, 3]);
    const out = huber(p, t, { delta, reduction });
    const expected = reduceReference(huberReference(Array.from(p.buffer), Array.from(t.buffer), delta), reduction);
    expectClose(reduction === 'none' ? Array.from(out.buffer) : out.item(), expected, 14);
  });

  it('has gradient e inside the zone and δ·sign(e) outside, continuous at |e| = δ', () => {
    const p = tensor([0.5, 3, -2, 1.5, -1.5], { requiresGrad: true });
    huber(p, tensor([0, 0, 0, 0, 0]), { delta: 1.5, reduction: 'sum' }).backward();
    expect(p.grad!.toArray()).toEqual([0.5, 1.5, -1.5, 1.5, -1.5]);
  });

  it.each([0, -1, NaN, Infinity])('rejects delta %d', (delta) => {
    expect(() => huber(tensor([1]), tensor([1]), { delta })).toThrow(
      `huber: delta must be a positive finite number (the half-width of the quadratic zone), got ${delta}`,
    );
  });

  it('refuses a [N,1] prediction against a [N] target', () => {
    expect(() => huber(tensor([[1], [2]]), tensor([1, 2]))).toThrow(/huber: prediction \[2,1\] and target \[2\] have different shapes.*target\.reshape\(\[2,1\]\)/);
  });

  it('rejects an unknown reduction', () => {
    expect(() => huber(tensor([1]), tensor([1]), { reduction: 'Mean' as Reduction })).toThrow("huber: reduction must be one of 'mean', 'sum', 'none', got 'Mean'");
  });
});
