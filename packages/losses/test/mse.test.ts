import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { mse, type Reduction } from '../src/index.js';
import { expectClose, mseReference, reduceReference } from './reference.js';

describe('mse', () => {
  it('averages squared errors worked out by hand', () => {
    const p = tensor([1, 2, 3]);
    const t = tensor([1, 1, 1]);
    expect(mse(p, t).item()).toBeCloseTo(5 / 3, 15);
    expect(mse(p, t, { reduction: 'sum' }).item()).toBe(5);
    expect(mse(p, t, { reduction: 'none' }).toArray()).toEqual([0, 1, 4]);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(1);
    const p = randn([3, 4]);
    const t = randn([3, 4]);
    const expected = reduceReference(mseReference(Array.from(p.buffer), Array.from(t.buffer)), reduction);
    const out = mse(p, t, { reduction });
    if (reduction === 'none') {
      expect(out.shape).toEqual([3, 4]);
      expectClose(Array.from(out.buffer), expected, 14);
    } else {
      expect(out.shape).toEqual([]);
      expectClose(out.item(), expected, 14);
    }
  });

  it("gives the course notes' ½Σe² as the halved sum, whose gradient is the error", () => {
    const p = tensor([0.5, -1, 2], { requiresGrad: true });
    const t = tensor([1, 1, 1]);
    const loss = mse(p, t, { reduction: 'sum' }).mul(0.5);
    expect(loss.item()).toBeCloseTo(0.5 * (0.25 + 4 + 1), 15);
    loss.backward();
    expectClose(p.grad!.toArray(), [-0.5, -2, 1], 15);
  });

  it('has gradient 2(p − t)/n with the mean reduction', () => {
    const p = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    mse(p, tensor([[0, 0], [0, 0]])).backward();
    expectClose(p.grad!.toArray(), [[0.5, 1], [1.5, 2]], 15);
  });

  it('keeps NaN and Inf IEEE-like rather than rejecting them', () => {
    expect(mse(tensor([NaN, 1]), tensor([0, 1]), { reduction: 'none' }).toArray()).toEqual([NaN, 0]);
    expect(mse(tensor([Infinity]), tensor([0])).item()).toBe(Infinity);
  });

  it('refuses to broadcast a [N,1] prediction against a [N] target, and says how to reshape', () => {
    expect(() => mse(tensor([[1], [2], [3]]), tensor([1, 2, 3]))).toThrow(
      'mse: prediction [3,1] and target [3] have different shapes; losses do not broadcast ' +
        '(broadcasting would give [3,3], comparing every entry of one with every entry of the other). ' +
        'Reshape one to match: target.reshape([3,1]) or prediction.reshape([3])',
    );
  });

  it('names labelled tensors and shapes that do not even broadcast', () => {
    const p = tensor([1, 2, 3], { label: 'yHat' });
    expect(() => mse(p, tensor([1, 2]))).toThrow(
      "mse: prediction [3] (yHat) and target [2] have different shapes; losses do not broadcast. Pass a target with the prediction's shape [3]",
    );
  });

  it('rejects a target that is not a tensor', () => {
    expect(() => mse(tensor([1]), [1] as never)).toThrow('mse: target must be a Tensor, got a plain array; wrap it with tensor(…)');
  });

  it('rejects an unknown reduction before computing anything', () => {
    expect(() => mse(tensor([1]), tensor([1]), { reduction: 'avg' as Reduction })).toThrow(
      "mse: reduction must be one of 'mean', 'sum', 'none', got 'avg'",
    );
  });
});
