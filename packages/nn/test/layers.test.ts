import { describe, expect, it } from 'vitest';
import { arange, manualSeed, ones, randn, type Tensor, tensor } from '@tapegrad/tensor';
import {
  BatchNorm1d, BatchNorm2d, Conv2d, Dropout, Embedding, Flatten, LayerNorm, LeakyReLU, Linear, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh, Unflatten,
} from '@tapegrad/nn';

const values = (t: Tensor): number[] => Array.from(t.buffer);

function expectClose(actual: readonly number[], expected: readonly number[], digits = 10): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i], digits));
}

describe('Linear', () => {
  it('computes x·Wᵀ + b with weight [out, in]', () => {
    const fc = new Linear(3, 2);
    fc.loadStateDict({ weight: tensor([[1, 2, 3], [4, 5, 6]]), bias: tensor([0.5, -1]) });
    expect(fc.forward(tensor([[1, 0, -1], [2, 1, 0]])).toArray()).toEqual([[-1.5, -3], [4.5, 12]]);
    expect(fc.forward(tensor([1, 0, -1])).toArray()).toEqual([-1.5, -3]);
    expect(fc.forward(ones([2, 4, 3])).shape).toEqual([2, 4, 2]);
  });

  it('gives the weight the gradient Gᵀ·x and the bias Σ G', () => {
    const fc = new Linear(2, 2);
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    fc.forward(x).sum().backward();
    expect(fc.weight.grad!.toArray()).toEqual([[9, 12], [9, 12]]);
    expect(fc.bias!.grad!.toArray()).toEqual([3, 3]);
  });

  it('promotes a float32 input to the float64 weights, as matmul does', () => {
    const fc = new Linear(2, 1);
    expect(fc.forward(tensor([[1, 2]], { dtype: 'float32' })).dtype).toBe('float64');
  });
});

describe('activations', () => {
  const x = tensor([-2, -0.5, 0, 1.5]);
  it('ReLU, LeakyReLU, Tanh, Sigmoid act elementwise', () => {
    expect(new ReLU().forward(x).toArray()).toEqual([0, 0, 0, 1.5]);
    expectClose(values(new LeakyReLU().forward(x)), [-0.02, -0.005, 0, 1.5]);
    expectClose(values(new LeakyReLU(0.2).forward(x)), [-0.4, -0.1, 0, 1.5]);
    expectClose(values(new Tanh().forward(x)), [-2, -0.5, 0, 1.5].map(Math.tanh));
    expectClose(values(new Sigmoid().forward(x)), [-2, -0.5, 0, 1.5].map((v) => 1 / (1 + Math.exp(-v))));
  });
  it('Softmax normalises along its axis', () => {
    const logits = tensor([[1, 2], [3, 5]]);
    const rows = new Softmax().forward(logits);
    expectClose(values(rows), [1 / (1 + Math.E), Math.E / (1 + Math.E), 1 / (1 + Math.E ** 2), Math.E ** 2 / (1 + Math.E ** 2)]);
    const columns = new Softmax(0).forward(logits);
    expectClose(values(columns.sum(0)), [1, 1]);
  });
});

describe('Flatten', () => {
  it('keeps the batch axis by default and shares storage', () => {
    const x = randn([2, 3, 4, 5]);
    const flat = new Flatten().forward(x);
    expect(flat.shape).toEqual([2, 60]);
    expect(flat.buffer).toBe(x.buffer);
    expect(new Flatten(0).forward(x).shape).toEqual([120]);
    expect(new Flatten(1, 2).forward(x).shape).toEqual([2, 12, 5]);
  });
});

describe('Unflatten', () => {
  it('splits one axis into several and undoes Flatten, sharing storage', () => {
    const x = randn([2, 784]);
    const images = new Unflatten(1, [1, 28, 28]).forward(x);
    expect(images.shape).toEqual([2, 1, 28, 28]);
    expect(images.buffer).toBe(x.buffer);
    expect(new Flatten().forward(images).shape).toEqual([2, 784]);
    expect(new Unflatten(-1, [4, -1]).forward(randn([3, 12])).shape).toEqual([3, 4, 3]);
  });

  it('names the input shape when the axis cannot be split into the sizes asked for', () => {
    expect(() => new Unflatten(1, [1, 28, 28]).forward(randn([2, 780]))).toThrow(
      'Unflatten: axis 1 of input [2,780] has 780 entries, which cannot be split into [1,28,28]',
    );
    expect(() => new Unflatten(2, [2, 2]).forward(randn([2, 4]))).toThrow('Unflatten: axis 2 is out of range for input [2,4] (2 axes)');
    expect(() => new Unflatten(0, [-1, -1])).toThrow('Unflatten: shape [-1,-1] has more than one -1; only one size can be inferred');
    expect(() => new Unflatten(0.5, [2])).toThrow('Unflatten: axis must be an integer, got 0.5');
  });
});

describe('Dropout', () => {
  it('keeps about 1 − p of the elements, scaled by 1/(1 − p), so the mean is kept', () => {
    manualSeed(0);
    const p = 0.3;
    const out = new Dropout(p).forward(ones([100_000]));
    const kept = values(out).filter((v) => v !== 0);
    expect(kept.every((v) => v === 1 / (1 - p))).toBe(true);
    expect(kept.length / 100_000).toBeCloseTo(1 - p, 2);
    expect(out.mean().item()).toBeCloseTo(1, 1);
  });

  it('with p = 1 zeroes everything, as PyTorch allows', () => {
    const x = randn([4], { requiresGrad: true });
    const out = new Dropout(1).forward(x);
    expect(values(out).every((v) => v === 0)).toBe(true); // −0 for negative x, as x · 0 gives in PyTorch
    out.sum().backward();
    expect(values(x.grad!)).toEqual([0, 0, 0, 0]);
  });

  it('is the identity in evaluation mode', () => {
    const x = randn([10]);
    const dropout = new Dropout(0.9).eval();
    expect(dropout.forward(x)).toBe(x);
  });

  it('draws its mask from the seeded generator', () => {
    const dropout = new Dropout();
    manualSeed(5);
    const a = values(dropout.forward(ones([50])));
    manualSeed(5);
    expect(values(dropout.forward(ones([50])))).toEqual(a);
  });

  it('sends gradient only through the kept elements, scaled the same way', () => {
    manualSeed(2);
    const x = ones([1000], { requiresGrad: true });
    const out = new Dropout(0.5).forward(x);
    out.sum().backward();
    expect(values(x.grad!)).toEqual(values(out));
  });
});

/** BatchNorm in training mode over rows, written out from its formula on plain arrays. */
function batchNormByHand(x: number[][], gamma: number[], beta: number[], eps: number) {
  const n = x.length;
  const channels = gamma.length;
  const mean = gamma.map((_, c) => x.reduce((s, row) => s + row[c], 0) / n);
  const variance = gamma.map((_, c) => x.reduce((s, row) => s + (row[c] - mean[c]) ** 2, 0) / n);
  const xhat = x.map((row) => row.map((v, c) => (v - mean[c]) / Math.sqrt(variance[c] + eps)));
  const y = xhat.map((row) => row.map((v, c) => gamma[c] * v + beta[c]));
  /** The closed-form backward for upstream gradient `dy` (Ioffe & Szegedy 2015, simplified). */
  const backward = (dy: number[][]) => {
    const sumDy = gamma.map((_, c) => dy.reduce((s, row) => s + row[c], 0));
    const sumDyXhat = gamma.map((_, c) => dy.reduce((s, row, i) => s + row[c] * xhat[i][c], 0));
    const dx = dy.map((row, i) =>
      row.map((g, c) => (gamma[c] / (n * Math.sqrt(variance[c] + eps))) * (n * g - sumDy[c] - xhat[i][c] * sumDyXhat[c])),
    );
    return { dx, dgamma: sumDyXhat, dbeta: sumDy };
  };
  return { mean, variance, y, backward, channels };
}

describe('BatchNorm1d', () => {
  const rows = [[1, -2, 0.5], [3, 0, 2], [-1, 4, 1.5], [0.5, 1, -3]];
  const gamma = [1.5, -0.5, 2];
  const beta = [0.1, 0.2, -0.3];
  const dy = [[1, 0, -1], [0.5, 2, 0], [-1, 1, 1], [2, -0.5, 0.25]];

  it('forward and backward in training mode match the formula and its closed-form gradient', () => {
    const bn = new BatchNorm1d(3);
    bn.loadStateDict({ ...bn.stateDict(), weight: tensor(gamma), bias: tensor(beta) });
    const x = tensor(rows, { requiresGrad: true });
    const y = bn.forward(x);
    const expected = batchNormByHand(rows, gamma, beta, 1e-5);
    expectClose(values(y), expected.y.flat(), 10);
    y.backward(tensor(dy));
    const grads = expected.backward(dy);
    expectClose(values(x.grad!), grads.dx.flat(), 10);
    expectClose(values(bn.weight!.grad!), grads.dgamma, 10);
    expectClose(values(bn.bias!.grad!), grads.dbeta, 10);
  });

  it('updates running statistics with momentum and the unbiased variance, over two steps', () => {
    const bn = new BatchNorm1d(3, { momentum: 0.1 });
    const second = rows.map((row) => row.map((v, c) => 2 * v + c));
    bn.forward(tensor(rows));
    bn.forward(tensor(second));
    const [a, b] = [batchNormByHand(rows, gamma, beta, 0), batchNormByHand(second, gamma, beta, 0)];
    const unbiased = (variance: number[]) => variance.map((v) => (v * 4) / 3);
    const mean1 = a.mean.map((m) => 0.9 * 0 + 0.1 * m);
    const var1 = unbiased(a.variance).map((v) => 0.9 * 1 + 0.1 * v);
    expectClose(values(bn.runningMean!), mean1.map((m, c) => 0.9 * m + 0.1 * b.mean[c]), 12);
    expectClose(values(bn.runningVar!), var1.map((v, c) => 0.9 * v + 0.1 * unbiased(b.variance)[c]), 12);
    expect(bn.numBatchesTracked!.item()).toBe(2);
  });

  it('with momentum null, the running statistics are the plain average over batches', () => {
    const bn = new BatchNorm1d(3, { momentum: null });
    const second = rows.map((row) => row.map((v) => v * 3));
    bn.forward(tensor(rows));
    bn.forward(tensor(second));
    const [a, b] = [batchNormByHand(rows, gamma, beta, 0), batchNormByHand(second, gamma, beta, 0)];
    expectClose(values(bn.runningMean!), a.mean.map((m, c) => (m + b.mean[c]) / 2), 12);
    expectClose(values(bn.runningVar!), a.variance.map((v, c) => ((v + b.variance[c]) * 4) / 3 / 2), 12);
  });

  it('uses the running statistics in evaluation mode, and does not update them', () => {
    const bn = new BatchNorm1d(3);
    bn.forward(tensor(rows));
    bn.eval();
    const runningMean = values(bn.runningMean!);
    const runningVar = values(bn.runningVar!);
    const x = [[2, 2, 2]];
    const y = values(bn.forward(tensor(x)));
    expectClose(y, x[0].map((v, c) => (v - runningMean[c]) / Math.sqrt(runningVar[c] + 1e-5)), 12);
    expect(values(bn.runningMean!)).toEqual(runningMean);
    expect(bn.numBatchesTracked!.item()).toBe(1);
  });

  it('without trackRunningStats has no buffers and uses batch statistics in evaluation too', () => {
    const bn = new BatchNorm1d(3, { trackRunningStats: false, affine: false }).eval();
    expect(bn.namedBuffers()).toEqual([]);
    expect(bn.parameters()).toEqual([]);
    expect(bn.runningMean).toBeNull();
    expectClose(values(bn.forward(tensor(rows))), batchNormByHand(rows, [1, 1, 1], [0, 0, 0], 1e-5).y.flat(), 10);
  });

  it('normalises [N, C, L] per channel over N and L', () => {
    manualSeed(4);
    const x = randn([5, 2, 7]).mul(3).add(1);
    const y = new BatchNorm1d(2).forward(x);
    expectClose(values(y.mean([0, 2])), [0, 0], 10);
    expectClose(values(y.var([0, 2])), [1, 1].map(() => 1), 3);
  });

  it('refuses one value per channel wherever it would normalise by batch statistics, as PyTorch', () => {
    expect(() => new BatchNorm1d(3).forward(randn([1, 3, 1]))).toThrow(/more than 1 value per channel .* got x \[1,3,1\]/);
    // Without running statistics, evaluation also uses the batch's, so one sample is refused there too.
    const untracked = new BatchNorm1d(3, { trackRunningStats: false }).eval();
    expect(() => untracked.forward(randn([1, 3]))).toThrow(/more than 1 value per channel .* got x \[1,3\]; use a batch of at least 2$/);
    // One sample with L = 2 has two values per channel, which is enough.
    expect(new BatchNorm1d(3).forward(randn([1, 3, 2])).shape).toEqual([1, 3, 2]);
  });

  it('passes an empty batch through as an empty output, leaving the running statistics alone', () => {
    const bn = new BatchNorm1d(2);
    const x = tensor(new Float64Array(0), { shape: [0, 2], requiresGrad: true });
    const y = bn.forward(x);
    expect(y.shape).toEqual([0, 2]);
    y.sum().backward();
    expect(x.grad!.shape).toEqual([0, 2]);
    expect(values(bn.weight!.grad!)).toEqual([0, 0]);
    expect(values(bn.runningMean!)).toEqual([0, 0]);
    expect(values(bn.runningVar!)).toEqual([1, 1]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    expect(bn.eval().forward(x).shape).toEqual([0, 2]);
  });
});

describe('BatchNorm2d', () => {
  it('normalises [N, C, H, W] per channel and tracks running statistics per channel', () => {
    manualSeed(6);
    const x = randn([4, 3, 5, 5]).mul(tensor([1, 2, 3]).reshape([1, 3, 1, 1])).add(tensor([0, -1, 5]).reshape([1, 3, 1, 1]));
    const bn = new BatchNorm2d(3, { momentum: 1 });
    const y = bn.forward(x);
    expectClose(values(y.mean([0, 2, 3])), [0, 0, 0], 10);
    expectClose(values(bn.runningMean!), values(x.mean([0, 2, 3])), 12);
    expectClose(values(bn.runningVar!), values(x.var([0, 2, 3], false, { ddof: 1 })), 12);
  });
});

describe('LayerNorm', () => {
  it('normalises each row by its own mean and biased variance, then scales and shifts', () => {
    const rows = [[1, 2, 4], [-3, 0, 9]];
    const norm = new LayerNorm(3);
    norm.loadStateDict({ weight: tensor([1, 2, 3]), bias: tensor([0, 1, -1]) });
    const expected = rows.flatMap((row) => {
      const mean = row.reduce((s, v) => s + v, 0) / 3;
      const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / 3;
      return row.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * [1, 2, 3][i] + [0, 1, -1][i]);
    });
    expectClose(values(norm.forward(tensor(rows))), expected, 10);
  });

  it('normalises over several trailing axes, the same in evaluation mode', () => {
    manualSeed(8);
    const x = randn([3, 2, 4]).mul(5).add(2);
    const norm = new LayerNorm([2, 4], { elementwiseAffine: false });
    const y = norm.forward(x);
    expectClose(values(y.mean([1, 2])), [0, 0, 0], 10);
    expectClose(values(y.var([1, 2])), [1, 1, 1], 5);
    expect(values(norm.eval().forward(x))).toEqual(values(y));
  });
});

describe('Embedding', () => {
  it('looks up rows for ids of any shape and adds gradients of repeated ids', () => {
    const embed = new Embedding(4, 2);
    embed.loadStateDict({ weight: tensor([[0, 1], [10, 11], [20, 21], [30, 31]]) });
    const ids = tensor([[3, 1], [1, 0]], { dtype: 'int32' });
    const out = embed.forward(ids);
    expect(out.toArray()).toEqual([[[30, 31], [10, 11]], [[10, 11], [0, 1]]]);
    out.sum().backward();
    expect(embed.weight.grad!.toArray()).toEqual([[1, 1], [2, 2], [0, 0], [1, 1]]);
  });
});

describe('Conv2d', () => {
  const image = tensor([[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]);
  const filter = { weight: tensor([[[[1, 2], [3, 4]]]]), bias: tensor([0.5]) };

  it('a 2×2 convolution worked out by hand', () => {
    const conv = new Conv2d(1, 1, 2);
    conv.loadStateDict(filter);
    // out[i][j] = Σ x[i+p][j+q]·w[p][q] + b
    expect(conv.forward(image).toArray()).toEqual([[[[37.5, 47.5], [67.5, 77.5]]]]);
  });

  it('the same with padding 1 and stride 2', () => {
    const conv = new Conv2d(1, 1, 2, { stride: 2, padding: 1 });
    conv.loadStateDict(filter);
    // Windows at rows/cols {−1,0} and {1,2} of the zero-padded image.
    expect(conv.forward(image).toArray()).toEqual([[[[4.5, 18.5], [36.5, 77.5]]]]);
  });

  it('its gradients worked out by hand', () => {
    const conv = new Conv2d(1, 1, 2);
    conv.loadStateDict(filter);
    const x = image.detach().requiresGrad_();
    conv.forward(x).sum().backward();
    // dW[p][q] = Σ over the 4 windows of x[i+p][j+q]; db = number of outputs.
    expect(conv.weight.grad!.toArray()).toEqual([[[[12, 16], [24, 28]]]]);
    expect(conv.bias!.grad!.toArray()).toEqual([4]);
    // dx[i][j] = Σ of the weights that touch pixel (i, j).
    expect(x.grad!.toArray()).toEqual([[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]]);
  });

  it('maps [N, inC, H, W] to [N, outC, Ho, Wo], and one image [C, H, W] too', () => {
    const conv = new Conv2d(3, 8, [3, 5], { padding: [1, 2] });
    expect(conv.forward(randn([2, 3, 10, 10])).shape).toEqual([2, 8, 10, 10]);
    expect(conv.forward(randn([3, 10, 10])).shape).toEqual([8, 10, 10]);
    expect(conv.weight.shape).toEqual([8, 3, 3, 5]);
  });
});

describe('MaxPool2d', () => {
  it('takes the largest value of each window and routes the gradient to it', () => {
    const x = arange(16).astype('float64').reshape([1, 1, 4, 4]).requiresGrad_();
    const out = new MaxPool2d(2).forward(x);
    expect(out.toArray()).toEqual([[[[5, 7], [13, 15]]]]);
    out.sum().backward();
    expect(x.grad!.toArray()).toEqual([[[[0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]]]]);
  });

  it('with stride 1 windows overlap', () => {
    const x = tensor([[[[1, 5, 2], [0, 3, 4], [6, 1, 0]]]]);
    expect(new MaxPool2d(2, { stride: 1 }).forward(x).toArray()).toEqual([[[[5, 5], [6, 4]]]]);
  });
});
