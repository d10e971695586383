import { describe, expect, it } from 'vitest';
import { detectAnomaly, manualSeed, randn, rand, tensor } from '@tapegrad/tensor';
import { bceWithLogits, type Reduction } from '../src/index.js';
import { bceReference, expectClose, reduceReference } from './reference.js';

describe('bceWithLogits', () => {
  it('gives ln 2 at logit 0 and the values worked out by hand', () => {
    const out = bceWithLogits(tensor([0, 2, -1]), tensor([1, 0, 0.25]), { reduction: 'none' });
    expectClose(out.toArray(), [Math.log(2), 2 + Math.log(1 + Math.exp(-2)), 0.25 + Math.log(1 + Math.exp(-1))], 15);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches the textbook −[t log σ + (1 − t) log(1 − σ)] with reduction %s', (reduction) => {
    manualSeed(4);
    const x = randn([3, 5]).mul(3);
    const t = rand([3, 5]);
    const out = bceWithLogits(x, t, { reduction });
    const expected = reduceReference(bceReference(Array.from(x.buffer), Array.from(t.buffer)), reduction);
    expectClose(reduction === 'none' ? Array.from(out.buffer) : out.item(), expected, 12);
  });

  it('has gradient σ(x) − t, also exactly at x = 0 where max(x, 0) has its kink', () => {
    const x = tensor([0, 0, 1.5, -2], { requiresGrad: true });
    const t = tensor([1, 0, 0.3, 1]);
    bceWithLogits(x, t, { reduction: 'sum' }).backward();
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    expectClose(x.grad!.toArray(), [-0.5, 0.5, sigmoid(1.5) - 0.3, sigmoid(-2) - 1], 15);
  });

  it('stays finite in value and gradient for logits of ±1e4', () => {
    const x = tensor([1e4, -1e4, 1e4, -1e4], { requiresGrad: true });
    const loss = bceWithLogits(x, tensor([1, 0, 0, 1]), { reduction: 'none' });
    expect(loss.toArray()).toEqual([0, 0, 1e4, 1e4]);
    loss.sum().backward();
    expect(x.grad!.toArray()).toEqual([0, 0, 1, -1]);
  });

  it('stays finite for float32 logits of ±1e4 too, no intermediate NaN or Infinity in forward or backward', () => {
    const x = tensor([1e4, -1e4, 1e4, -1e4, 0], { dtype: 'float32', requiresGrad: true });
    const t = tensor([1, 0, 0, 1, 0.5], { dtype: 'float32' });
    // detectAnomaly throws at the first non-finite value any op of the forward or backward makes.
    const loss = detectAnomaly(() => {
      const out = bceWithLogits(x, t, { reduction: 'none' });
      out.sum().backward();
      return out;
    });
    expect(loss.dtype).toBe('float32');
    expectClose(Array.from(loss.buffer), [0, 0, 1e4, 1e4, Math.LN2], 6);
    expect(Array.from(x.grad!.buffer)).toEqual([0, 0, 1, -1, 0]);
  });

  it('refuses [N,1] logits against [N] targets', () => {
    expect(() => bceWithLogits(tensor([[0], [1]]), tensor([0, 1]))).toThrow(
      'bceWithLogits: logits [2,1] and targets [2] have different shapes; losses do not broadcast (broadcasting would give [2,2], comparing every entry of one with every entry of the other). Reshape one to match: targets.reshape([2,1]) or logits.reshape([2])',
    );
  });

  it('rejects an unknown reduction', () => {
    expect(() => bceWithLogits(tensor([0]), tensor([1]), { reduction: 'none ' as Reduction })).toThrow(
      "bceWithLogits: reduction must be one of 'mean', 'sum', 'none', got 'none '",
    );
  });
});
