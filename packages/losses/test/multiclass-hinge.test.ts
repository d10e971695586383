import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { multiclassHinge, type Reduction } from '../src/index.js';
import { expectClose, reduceReference, svmReference } from './reference.js';

describe('multiclassHinge', () => {
  it("gives the course notes' cat/car/frog example: 2.9, 0 and 12.9, averaging 5.27", () => {
    // CS231n's three images; each row holds one image's scores for (cat, car, frog).
    const scores = tensor([
      [3.2, 5.1, -1.7],
      [1.3, 4.9, 2.0],
      [2.2, 2.5, -3.1],
    ]);
    const labels = [0, 1, 2];
    expectClose(multiclassHinge(scores, labels, { reduction: 'none' }).toArray(), [2.9, 0, 12.9], 12);
    expect(multiclassHinge(scores, labels).item()).toBeCloseTo(15.8 / 3, 12);
    expect(multiclassHinge(scores, labels, { reduction: 'sum' }).item()).toBeCloseTo(15.8, 12);
  });

  it.each<[Reduction, number]>([
    ['mean', 1],
    ['sum', 0.5],
    ['none', 2],
  ])('matches a plain loop with reduction %s and margin %d', (reduction, margin) => {
    manualSeed(14);
    const scores = randn([5, 4]);
    const labels = [0, 3, 3, 1, 2];
    const out = multiclassHinge(scores, labels, { margin, reduction });
    const expected = reduceReference(svmReference(scores.toArray() as number[][], labels, margin), reduction);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 14);
  });

  it('is averaged over the batch, not divided by the number of classes (unlike PyTorch MultiMarginLoss)', () => {
    const scores = tensor([[0, 0, 0, 0]]);
    expect(multiclassHinge(scores, [2]).item()).toBe(3);
  });

  it('gives +1 to each violating class and −(number of violations) to the correct one', () => {
    const scores = tensor([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0]], { requiresGrad: true });
    multiclassHinge(scores, [0, 1], { reduction: 'sum' }).backward();
    // Row 0: only class 1 violates (5.1 − 3.2 + 1 > 0); row 1: no class violates.
    expect(scores.grad!.toArray()).toEqual([[-1, 1, 0], [0, 0, 0]]);
  });

  it('with margin 0 counts only strictly higher wrong scores', () => {
    expect(multiclassHinge(tensor([[1, 2, 1, 0.5]]), [0], { margin: 0 }).item()).toBe(1);
  });

  it.each([-1, NaN, Infinity])('rejects margin %d', (margin) => {
    expect(() => multiclassHinge(tensor([[0, 1]]), [0], { margin })).toThrow(
      `multiclassHinge: margin must be a finite number ≥ 0 (the course notes' Δ, usually 1), got ${margin}`,
    );
  });

  it('rejects an unknown reduction', () => {
    expect(() => multiclassHinge(tensor([[0, 1]]), [0], { reduction: 'average' as Reduction })).toThrow(
      "multiclassHinge: reduction must be one of 'mean', 'sum', 'none', got 'average'",
    );
  });
});
