import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { nll, softmaxCrossEntropy, type Reduction } from '../src/index.js';
import { expectClose, nllReference, reduceReference } from './reference.js';

describe('nll', () => {
  it('is minus the log-probability of the correct class, worked out by hand', () => {
    const logProbs = tensor([[0.1, 0.9], [0.8, 0.2]]).log();
    expect(nll(logProbs, [1, 0]).item()).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 15);
    expectClose(nll(logProbs, [0, 0], { reduction: 'none' }).toArray(), [-Math.log(0.1), -Math.log(0.8)], 15);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(12);
    const logProbs = randn([4, 3]).logSoftmax(1);
    const labels = [2, 2, 0, 1];
    const out = nll(logProbs, labels, { reduction });
    const expected = reduceReference(nllReference(logProbs.toArray() as number[][], labels), reduction);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 14);
  });

  it('composed with logSoftmax equals softmaxCrossEntropy', () => {
    manualSeed(13);
    const logits = randn([6, 5]);
    const labels = tensor([0, 4, 4, 1, 2, 3], { dtype: 'int32' });
    expect(nll(logits.logSoftmax(1), labels).item()).toBeCloseTo(softmaxCrossEntropy(logits, labels).item(), 14);
  });

  it('puts −1/N on the correct class and 0 elsewhere', () => {
    const logProbs = tensor([[-1, -2, -3], [-0.5, -1, -4]], { requiresGrad: true });
    nll(logProbs, [2, 0]).backward();
    expect(logProbs.grad!.toArray()).toEqual([[0, 0, -0.5], [-0.5, 0, 0]]);
  });

  it('rejects an unknown reduction', () => {
    expect(() => nll(tensor([[0]]), [0], { reduction: 'sum ' as Reduction })).toThrow("nll: reduction must be one of 'mean', 'sum', 'none', got 'sum '");
  });
});
