/**
 * An empty batch (N = 0) is not an error: like PyTorch, whose mean of no elements is NaN, the
 * 'mean' reduction gives NaN (0/0), 'sum' gives 0 and 'none' an empty tensor. A training loop
 * that can meet an empty batch (a DataLoader's last batch with dropLast off never is) should
 * skip it rather than step on a NaN.
 */
import { describe, expect, it } from 'vitest';
import { type Tensor, zeros } from '@tapegrad/tensor';
import { bceWithLogits, binaryHinge, huber, klDiv, l1, mse, multiclassHinge, nll, type Reduction, softmaxCrossEntropy } from '../src/index.js';

const losses: [string, (reduction: Reduction) => Tensor][] = [
  ['mse', (reduction) => mse(zeros([0]), zeros([0]), { reduction })],
  ['l1', (reduction) => l1(zeros([0, 2]), zeros([0, 2]), { reduction })],
  ['huber', (reduction) => huber(zeros([0]), zeros([0]), { reduction })],
  ['bceWithLogits', (reduction) => bceWithLogits(zeros([0]), zeros([0]), { reduction })],
  ['binaryHinge', (reduction) => binaryHinge(zeros([0]), [], { reduction })],
  ['klDiv', (reduction) => klDiv(zeros([0, 3]), zeros([0, 3]), { reduction })],
  ['softmaxCrossEntropy', (reduction) => softmaxCrossEntropy(zeros([0, 3]), [], { reduction })],
  ['nll', (reduction) => nll(zeros([0, 3]), [], { reduction })],
  ['multiclassHinge', (reduction) => multiclassHinge(zeros([0, 3]), [], { reduction })],
];

describe.each(losses)('%s on an empty batch', (_name, loss) => {
  it("is NaN with 'mean' (as PyTorch), 0 with 'sum' and empty with 'none'", () => {
    expect(loss('mean').item()).toBeNaN();
    expect(loss('sum').item()).toBe(0);
    expect(loss('none').size).toBe(0);
  });
});

describe('klDiv batchmean on an empty batch', () => {
  it('is NaN (0 divided by the batch size 0), as PyTorch', () => {
    expect(klDiv(zeros([0, 3]), zeros([0, 3]), { reduction: 'batchmean' }).item()).toBeNaN();
  });
});
