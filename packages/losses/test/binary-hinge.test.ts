import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { binaryHinge, type Reduction } from '../src/index.js';
import { binaryHingeReference, expectClose, reduceReference } from './reference.js';

describe('binaryHinge', () => {
  it('is max(0, 1 − y·s), worked out by hand', () => {
    const s = tensor([2, 0.5, -1, -3]);
    const y = [1, 1, 1, -1];
    expect(binaryHinge(s, y, { reduction: 'none' }).toArray()).toEqual([0, 0.5, 2, 0]);
    expect(binaryHinge(s, y).item()).toBe(0.625);
    expect(binaryHinge(s, tensor(y, { dtype: 'int32' }), { reduction: 'sum' }).item()).toBe(2.5);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(7);
    const s = randn([6]).mul(2);
    const y = [1, -1, -1, 1, 1, -1];
    const out = binaryHinge(s, y, { reduction });
    const expected = reduceReference(binaryHingeReference(Array.from(s.buffer), y), reduction);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 14);
  });

  it('has gradient −y where the margin is violated, 0 beyond it and at the kink', () => {
    const s = tensor([0.5, -0.5, 2, 1], { requiresGrad: true });
    binaryHinge(s, [1, -1, 1, 1], { reduction: 'sum' }).backward();
    expect(s.grad!.toArray()).toEqual([-1, 1, -0, -0]);
  });

  it('rejects a target that is not −1 or +1, naming its position', () => {
    expect(() => binaryHinge(tensor([1, 2, 3]), [1, 0, -1])).toThrow(
      'binaryHinge: target 0 at position 1 is not −1 or +1 (targets [3]); map 0/1 labels to ±1 with y.mul(2).sub(1)',
    );
    expect(() => binaryHinge(tensor([1, 2]), tensor([-1, 0.5]))).toThrow('binaryHinge: target 0.5 at position 1 is not −1 or +1');
  });

  it('refuses targets of another shape', () => {
    expect(() => binaryHinge(tensor([[1], [2]]), [1, -1])).toThrow(
      'binaryHinge: scores [2,1] and targets [2] have different shapes; losses do not broadcast (broadcasting would give [2,2], comparing every entry of one with every entry of the other). Reshape one to match: targets.reshape([2,1]) or scores.reshape([2])',
    );
  });

  it('rejects an unknown reduction', () => {
    expect(() => binaryHinge(tensor([1]), [1], { reduction: 'max' as Reduction })).toThrow("binaryHinge: reduction must be one of 'mean', 'sum', 'none', got 'max'");
  });
});
