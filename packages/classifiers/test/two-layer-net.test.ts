/**
 * TwoLayerNet: a Module of Linear–ReLU–Linear with the course's loss, its sanity check, its
 * gradients, training on the spiral set, and its errors.
 */
import { describe, expect, it } from 'vitest';
import { manualSeed, randint, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { assertGradcheck } from '@tapegrad/gradcheck';
import { spiral } from '@tapegrad/data';
import { softmaxCrossEntropy, l2Penalty } from '@tapegrad/losses';
import { functionalCall, Module } from '@tapegrad/nn';
import { TwoLayerNet } from '../src/index.js';

describe('TwoLayerNet', () => {
  it('is an nn.Module with fc1, relu, fc2 in PyTorch layout', () => {
    const net = new TwoLayerNet(4, 5, 3);
    expect(net).toBeInstanceOf(Module);
    expect(net.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['fc1.weight', [5, 4]],
      ['fc1.bias', [5]],
      ['fc2.weight', [3, 5]],
      ['fc2.bias', [3]],
    ]);
    expect(net.forward(randn([7, 4])).shape).toEqual([7, 3]);
    expect(net.fc1.bias!.toArray()).toEqual([0, 0, 0, 0, 0]);
  });

  it('starts near ln C with its small random weights, and λ Σ W² on both weights raises the loss', () => {
    manualSeed(1);
    const x = randn([200, 30]);
    const y = randint(0, 10, [200]);
    const net = new TwoLayerNet(30, 50, 10);
    const plain = net.loss(x, y).item();
    expect(plain).toBeCloseTo(Math.log(10), 2);
    const weights = [net.fc1.weight, net.fc2.weight];
    const squares = weights.reduce((sum, w) => sum + w.mul(w).sum().item(), 0);
    expect(net.loss(x, y, { reg: 3 }).item() - plain).toBeCloseTo(3 * squares, 10);
  });

  it('passes a gradient check of its scores and loss with respect to every parameter, in float64', () => {
    manualSeed(2);
    const x = randn([6, 4]);
    const y = [0, 1, 2, 0, 1, 2];
    const net = new TwoLayerNet(4, 5, 3, { std: 0.5 });
    const objective = (w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) => {
      const scores = functionalCall(net, { 'fc1.weight': w1, 'fc1.bias': b1, 'fc2.weight': w2, 'fc2.bias': b2 }, x);
      return softmaxCrossEntropy(scores, y).add(l2Penalty([w1, w2], 0.1));
    };
    const [w1, b1, w2, b2] = net.parameters();
    assertGradcheck(objective, [w1, b1, w2, b2]);
    // The same objective as the net's own loss, whose backward fills the parameters' .grad.
    expect(objective(w1, b1, w2, b2).item()).toBeCloseTo(net.loss(x, y, { reg: 0.1 }).item(), 12);
  });

  it('learns the three spirals a linear classifier cannot (above 90 %)', () => {
    const { x, y } = spiral({ pointsPerClass: 100, classes: 3, seed: 0 });
    const net = new TwoLayerNet(2, 100, 3, { std: 0.1 });
    const before = net.score(x, y);
    const history = net.fit(x, y, { epochs: 60, batchSize: 50, learningRate: 0.2, learningRateDecay: 1, momentum: 0.9, reg: 1e-4 });
    expect(before).toBeLessThan(0.5);
    expect(history.trainAccuracy.at(-1)!).toBeGreaterThan(0.9);
    expect(history.lossHistory).toHaveLength(60 * 6);
    expect(history.trainAccuracy).toHaveLength(60);
    expect(history.valAccuracy).toEqual([]);
    expect(history.lossHistory.at(-1)!).toBeLessThan(history.lossHistory[0] / 3);
    expect(net.predict(x).dtype).toBe('int32');
  });

  it('records validation accuracy per epoch and decays the learning rate per epoch', () => {
    const train = spiral({ pointsPerClass: 30, classes: 3, seed: 1 });
    const val = spiral({ pointsPerClass: 10, classes: 3, seed: 2 });
    const net = new TwoLayerNet(2, 20, 3);
    const history = net.fit(train.x, train.y, { validation: val, epochs: 3, batchSize: 30 });
    expect(history.valAccuracy).toHaveLength(3);
    expect(history.valAccuracy[2]).toBe(net.score(val.x, val.y));
    expect(history.lossHistory).toHaveLength(3 * 3);
  });

  it('builds the same weights from the same seed and float32 ones on request', () => {
    const a = new TwoLayerNet(3, 4, 2, { seed: 7 });
    const b = new TwoLayerNet(3, 4, 2, { seed: 7 });
    expect(a.fc1.weight.toArray()).toEqual(b.fc1.weight.toArray());
    expect(new TwoLayerNet(3, 4, 2, { dtype: 'float32' }).parameters().map((p) => p.dtype)).toEqual(['float32', 'float32', 'float32', 'float32']);
  });

  describe('errors', () => {
    it('names feature-count and row-count mismatches', () => {
      const net = new TwoLayerNet(784, 10, 10);
      expect(() => net.predict(randn([2, 783]))).toThrow(
        'TwoLayerNet.predict: x has 783 features but the network takes 784; pass rows of 784 features, preprocessed as the training data was',
      );
      expect(() => net.fit(randn([3, 784]), [0, 1])).toThrow('TwoLayerNet.fit: x has 3 rows but y has 2 labels; pass exactly one label per row of x');
      expect(() => net.loss(randn([2, 784]), [0, 1], { reg: -1 })).toThrow('TwoLayerNet.loss: reg must be a finite number ≥ 0, got -1');
    });

    it('names a label the net has no output for, in fit, loss and the validation set', () => {
      const net = new TwoLayerNet(2, 3, 2);
      const fix = 'but the model scores 2 classes (0 … 1); construct the net with numClasses above the largest label';
      expect(() => net.fit(randn([2, 2]), [0, 2])).toThrow(`TwoLayerNet.fit: y[1] = 2 ${fix}`);
      expect(() => net.loss(randn([2, 2]), [3, 0])).toThrow(`TwoLayerNet.loss: y[0] = 3 ${fix}`);
      const validation = { x: randn([1, 2]), y: tensor(new Int32Array([5])) };
      expect(() => net.fit(randn([2, 2]), [0, 1], { validation })).toThrow(`TwoLayerNet.fit (validation): y[0] = 5 ${fix}`);
    });

    it('rejects bad sizes and options', () => {
      expect(() => new TwoLayerNet(0, 10, 10)).toThrow('TwoLayerNet: inputSize must be an integer ≥ 1, got 0');
      expect(() => new TwoLayerNet(2, 10, 10, { dtype: 'int32' as 'float32' })).toThrow("TwoLayerNet: unknown dtype 'int32'; use one of 'float32', 'float64'");
      const net = new TwoLayerNet(2, 3, 2);
      expect(() => net.fit(randn([4, 2]), [0, 1, 0, 1], { learningRate: 0 })).toThrow('TwoLayerNet.fit: learningRate must be a finite number > 0, got 0');
    });
  });
});
