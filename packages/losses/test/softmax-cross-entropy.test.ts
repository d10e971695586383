import { describe, expect, it } from 'vitest';
import { detectAnomaly, manualSeed, randn, tensor, zeros } from '@tapegrad/tensor';
import { softmaxCrossEntropy, type Reduction } from '../src/index.js';
import { crossEntropyReference, expectClose, reduceReference } from './reference.js';

describe('softmaxCrossEntropy', () => {
  it("gives the course notes' example loss, −log(e^{s_y} / Σ e^{s_j}), worked out by hand", () => {
    // The notes' cat scores [3.2, 5.1, −1.7] with the cat (class 0) correct.
    const scores = [3.2, 5.1, -1.7];
    const expected = -Math.log(Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7)));
    expect(softmaxCrossEntropy(tensor([scores]), [0]).item()).toBeCloseTo(expected, 14);
    expect(expected).toBeCloseTo(2.04, 2);
  });

  it.each<Reduction>(['mean', 'sum', 'none'])('matches a plain loop with reduction %s', (reduction) => {
    manualSeed(8);
    const logits = randn([5, 4]);
    const labels = [3, 0, 1, 1, 2];
    const out = softmaxCrossEntropy(logits, tensor(labels, { dtype: 'int32' }), { reduction });
    const expected = reduceReference(crossEntropyReference(logits.toArray() as number[][], labels), reduction);
    if (reduction === 'none') expect(out.shape).toEqual([5]);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 13);
  });

  it('has gradient (softmax − onehot)/N with the mean reduction', () => {
    manualSeed(9);
    const logits = randn([3, 4], { requiresGrad: true });
    const labels = [2, 0, 3];
    softmaxCrossEntropy(logits, labels).backward();
    const rows = logits.toArray() as number[][];
    const expected = rows.map((row, i) => {
      const total = row.reduce((acc, s) => acc + Math.exp(s), 0);
      return row.map((s, c) => (Math.exp(s) / total - (c === labels[i] ? 1 : 0)) / 3);
    });
    expectClose(logits.grad!.toArray(), expected, 14);
  });

  it('stays finite in value and gradient for logits of ±1e4', () => {
    const logits = tensor([[1e4, -1e4, 0], [-1e4, 1e4, -1e4]], { requiresGrad: true });
    const losses = softmaxCrossEntropy(logits, [1, 1], { reduction: 'none' });
    expect(losses.toArray()).toEqual([2e4, 0]);
    losses.sum().backward();
    expect(logits.grad!.toArray()).toEqual([[1, -1, 0], [0, 0, 0]]);
    const smoothed = softmaxCrossEntropy(logits.detach(), [1, 1], { labelSmoothing: 0.1, reduction: 'none' });
    expect(Array.from(smoothed.buffer).every(Number.isFinite)).toBe(true);
  });

  it('stays finite for float32 logits of ±1e4 too, with and without label smoothing, no intermediate NaN or Infinity', () => {
    for (const labelSmoothing of [0, 0.1]) {
      const logits = tensor([[1e4, -1e4, 0], [-1e4, 1e4, -1e4]], { dtype: 'float32', requiresGrad: true });
      // detectAnomaly throws at the first non-finite value any op of the forward or backward makes.
      const losses = detectAnomaly(() => {
        const out = softmaxCrossEntropy(logits, [1, 1], { labelSmoothing, reduction: 'none' });
        out.sum().backward();
        return out;
      });
      expect(losses.dtype).toBe('float32');
      // Smoothing adds ε · mean_j(−log p_j): for the first row, (2e4 + 0 + 1e4)/3 = 1e4.
      const expected = labelSmoothing === 0 ? [2e4, 0] : [0.9 * 2e4 + 0.1 * 1e4, 0.1 * (2e4 + 0 + 2e4) / 3];
      expectClose(Array.from(losses.buffer), expected, 2);
      // (1 − ε)·(p − onehot) + ε·(p − 1/C): p is [1, 0, 0] and [0, 1, 0].
      const grad = labelSmoothing === 0 ? [[1, -1, 0], [0, 0, 0]] : [[1 - 0.1 / 3, -0.9 - 0.1 / 3, -0.1 / 3], [-0.1 / 3, 0.2 / 3, -0.1 / 3]];
      expectClose(logits.grad!.toArray(), grad, 6);
    }
  });

  it.each<[number, Reduction]>([
    [0.1, 'mean'],
    [0.3, 'sum'],
    [1, 'none'],
  ])("smooths labels as PyTorch: (1 − ε)·CE + ε·mean_j(−log p_j), ε = %d, reduction %s", (smoothing, reduction) => {
    manualSeed(10);
    const logits = randn([4, 5]).mul(2);
    const labels = [4, 0, 2, 2];
    const out = softmaxCrossEntropy(logits, labels, { labelSmoothing: smoothing, reduction });
    const expected = reduceReference(crossEntropyReference(logits.toArray() as number[][], labels, smoothing), reduction);
    expectClose(reduction === 'none' ? out.toArray() : out.item(), expected, 13);
  });

  it('with label smoothing has gradient softmax − ((1 − ε)·onehot + ε/C)', () => {
    manualSeed(11);
    const logits = randn([2, 3], { requiresGrad: true });
    const labels = [1, 2];
    const eps = 0.2;
    softmaxCrossEntropy(logits, labels, { labelSmoothing: eps, reduction: 'sum' }).backward();
    const expected = (logits.toArray() as number[][]).map((row, i) => {
      const total = row.reduce((acc, s) => acc + Math.exp(s), 0);
      return row.map((s, c) => Math.exp(s) / total - ((1 - eps) * (c === labels[i] ? 1 : 0) + eps / 3));
    });
    expectClose(logits.grad!.toArray(), expected, 14);
  });

  it.each([-0.1, 1.5, NaN])('rejects labelSmoothing %d', (labelSmoothing) => {
    expect(() => softmaxCrossEntropy(zeros([1, 2]), [0], { labelSmoothing })).toThrow(
      `softmaxCrossEntropy: labelSmoothing must be a number in [0, 1] (0 turns it off), got ${labelSmoothing}`,
    );
  });

  it('rejects an unknown reduction', () => {
    expect(() => softmaxCrossEntropy(zeros([1, 2]), [0], { reduction: 'elementwise_mean' as Reduction })).toThrow(
      "softmaxCrossEntropy: reduction must be one of 'mean', 'sum', 'none', got 'elementwise_mean'",
    );
  });
});
