import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { klDiv, type KlDivReduction } from '../src/index.js';
import { expectClose, klReference, reduceReference } from './reference.js';

/** Rows of probabilities from random scores. */
function randomDistributions(rows: number, classes: number): number[][] {
  return randn([rows, classes]).softmax(1).toArray() as number[][];
}

describe('klDiv', () => {
  it('gives the KL divergence of two distributions worked out by hand with batchmean', () => {
    const input = tensor([[0.25, 0.75], [0.5, 0.5]]).log();
    const target = tensor([[0.5, 0.5], [0.5, 0.5]]);
    const first = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
    expect(klDiv(input, target, { reduction: 'batchmean' }).item()).toBeCloseTo(first / 2, 15);
    // PyTorch's default 'mean' divides by the element count (4), not by the batch (2).
    expect(klDiv(input, target).item()).toBeCloseTo(first / 4, 15);
    expect(klDiv(input, target, { reduction: 'sum' }).item()).toBeCloseTo(first, 15);
  });

  it.each<Exclude<KlDivReduction, 'batchmean'>>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(5);
    const input = tensor(randomDistributions(3, 4)).log();
    const target = tensor(randomDistributions(3, 4));
    const out = klDiv(input, target, { reduction });
    const expected = reduceReference(klReference(Array.from(input.buffer), Array.from(target.buffer)), reduction);
    expectClose(reduction === 'none' ? Array.from(out.buffer) : out.item(), expected, 14);
  });

  it('is zero where the target is zero (0 log 0 = 0), with finite gradients', () => {
    const input = tensor([[-1, -0.5]], { requiresGrad: true });
    const target = tensor([[0, 1]], { requiresGrad: true });
    const loss = klDiv(input, target, { reduction: 'none' });
    expect(loss.toArray()).toEqual([[0, 0.5]]);
    loss.sum().backward();
    expect(input.grad!.toArray()).toEqual([[-0, -1]]);
    // d/dt [t log t − t x] = log t + 1 − x where t > 0; where t = 0 the masked t log t adds
    // nothing (no 0·−Inf = NaN) and only −x remains.
    expectClose(target.grad!.toArray(), [[1, 1.5]], 15);
  });

  it('has gradient −t / N with respect to the input under batchmean', () => {
    const input = tensor([[-1, -2, -0.1], [-0.3, -3, -2]], { requiresGrad: true });
    const target = tensor([[0.2, 0.3, 0.5], [0.6, 0.1, 0.3]]);
    klDiv(input, target, { reduction: 'batchmean' }).backward();
    expectClose(input.grad!.toArray(), [[-0.1, -0.15, -0.25], [-0.3, -0.05, -0.15]], 15);
  });

  it('takes a log-probability target with logTarget', () => {
    manualSeed(6);
    const input = tensor(randomDistributions(2, 3)).log();
    const target = tensor(randomDistributions(2, 3));
    const plain = klDiv(input, target, { reduction: 'none' });
    const logged = klDiv(input, target.log(), { reduction: 'none', logTarget: true });
    expectClose(logged.toArray(), plain.toArray(), 14);
  });

  it('gives NaN for a negative target, as PyTorch', () => {
    expect(klDiv(tensor([-1]), tensor([-0.5]), { reduction: 'none' }).toArray()).toEqual([NaN]);
  });

  it('refuses mismatched shapes', () => {
    expect(() => klDiv(tensor([[-1, -1]]), tensor([0.5, 0.5]))).toThrow(
      'klDiv: input [1,2] and target [2] have different shapes; losses do not broadcast. Reshape one to match: target.reshape([1,2]) or input.reshape([2])',
    );
  });

  it("rejects an unknown reduction, listing 'batchmean' among the accepted", () => {
    expect(() => klDiv(tensor([-1]), tensor([1]), { reduction: 'batch_mean' as KlDivReduction })).toThrow(
      "klDiv: reduction must be one of 'mean', 'sum', 'none', 'batchmean', got 'batch_mean'",
    );
  });

  it('rejects batchmean on a scalar, which has no batch axis', () => {
    expect(() => klDiv(tensor(-1), tensor(1), { reduction: 'batchmean' })).toThrow(
      "klDiv: 'batchmean' divides by the batch size input.shape[0], but input [] is a scalar; use 'sum' or 'mean'",
    );
  });
});
