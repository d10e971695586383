import { describe, expect, it } from 'vitest';
import { detectAnomaly, full, noGrad, ones, randn, tensor } from '@tapegrad/tensor';
import {
  BatchNorm1d, BatchNorm2d, Conv2d, Dropout, Embedding, Flatten, LayerNorm, LeakyReLU, Linear, MaxPool2d, ModuleList, Sequential, Softmax,
} from '@tapegrad/nn';

describe('wrong inputs name the layer, what was expected and the input shape', () => {
  it('Linear', () => {
    const fc = new Linear(784, 256);
    expect(() => fc.forward(randn([64, 100]))).toThrow('Linear(784→256): input has 100 features, expected 784: x [64,100]');
    expect(() => fc.forward(randn([]))).toThrow('Linear(784→256): input is a scalar, expected 784: x []');
  });

  it('BatchNorm1d and BatchNorm2d', () => {
    expect(() => new BatchNorm1d(3).forward(randn([4, 5]))).toThrow('BatchNorm1d(3): expected input [N, 3] or [N, 3, L], got x [4,5]');
    expect(() => new BatchNorm1d(3).forward(randn([4, 3, 2, 2]))).toThrow(/expected input \[N, 3\] or \[N, 3, L\], got x \[4,3,2,2\]/);
    expect(() => new BatchNorm2d(3).forward(randn([4, 3, 2]))).toThrow('BatchNorm2d(3): expected input [N, 3, H, W], got x [4,3,2]');
    expect(() => new BatchNorm1d(3).forward(randn([1, 3]))).toThrow(/expected more than 1 value per channel when normalising by batch statistics, got x \[1,3\]; use a batch of at least 2, or call eval\(\) first/);
    expect(new BatchNorm1d(3).eval().forward(randn([1, 3])).shape).toEqual([1, 3]);
  });

  it('LayerNorm', () => {
    expect(() => new LayerNorm([2, 3]).forward(randn([4, 3, 2]))).toThrow('LayerNorm([2,3]): input must end in [2,3], got x [4,3,2]');
    expect(() => new LayerNorm(5).forward(randn([]))).toThrow(/input must end in \[5\], got x \[\]/);
  });

  it('Embedding: float ids, and an id out of range with its position', () => {
    const embed = new Embedding(10, 3);
    expect(() => embed.forward(tensor([1, 2]))).toThrow(/Embedding\(10, 3\): indices must be int32, got float64 \[2\]/);
    expect(() => embed.forward(tensor([[0, 1], [12, 3]], { dtype: 'int32' }))).toThrow(
      'Embedding(10, 3): index 12 at position [1,0] of indices [2,2] is out of range; valid ids are 0…9',
    );
    expect(() => embed.forward(tensor([-1], { dtype: 'int32' }))).toThrow(/index -1 at position \[0\]/);
  });

  it('Conv2d and MaxPool2d', () => {
    const conv = new Conv2d(3, 8, 3);
    expect(() => conv.forward(randn([2, 4, 8, 8]))).toThrow('Conv2d(3→8, kernel 3×3): input has 4 channels, expected [N, 3, H, W]: x [2,4,8,8]');
    expect(() => conv.forward(randn([2, 3, 8]))).toThrow(/input has 2 channels|input is 3-D/);
    expect(() => conv.forward(randn([8, 8]))).toThrow('Conv2d(3→8, kernel 3×3): input is 2-D, expected [N, 3, H, W]: x [8,8]');
    expect(() => conv.forward(randn([1, 3, 2, 8]))).toThrow(/the 3×3 kernel is larger than the padded image: x \[1,3,2,8\]/);
    expect(() => new MaxPool2d(3).forward(randn([1, 1, 2, 5]))).toThrow('MaxPool2d(3×3): the window is larger than the image: x [1,1,2,5]');
    expect(() => new MaxPool2d(2).forward(randn([4, 4]))).toThrow(/MaxPool2d\(2×2\): input is 2-D/);
  });

  it('Sequential says which module broke the chain', () => {
    const model = new Sequential(new Linear(4, 3), new Linear(4, 2));
    expect(() => model.forward(ones([1, 4]))).toThrow(/Linear\(4→2\): input has 3 features, expected 4/);
    expect(() => model.at(2)).toThrow('Sequential.at: index 2 is out of range for 2 modules');
    expect(() => new ModuleList().at(0)).toThrow('ModuleList.at: index 0 is out of range for 0 modules');
  });
});

describe('bad constructor arguments', () => {
  const cases: [string, () => unknown, string | RegExp][] = [
    ['Linear with 0 inputs', () => new Linear(0, 3), 'Linear: inFeatures must be a positive integer, got 0'],
    ['Linear with a fractional output', () => new Linear(3, 2.5), 'Linear: outFeatures must be a positive integer, got 2.5'],
    ['Linear with a negative size', () => new Linear(-1, 2), /inFeatures must be a positive integer, got -1/],
    ['Conv2d with 0 channels', () => new Conv2d(0, 2, 3), /Conv2d: inChannels must be a positive integer, got 0/],
    ['Conv2d with a bad kernel', () => new Conv2d(1, 2, [3, 0]), /Conv2d: kernelSize\[1\] must be a positive integer, got 0/],
    ['Conv2d with a three-entry kernel', () => new Conv2d(1, 2, [3, 3, 3] as unknown as [number, number]), /kernelSize must be a number or a \[height, width\] pair/],
    ['Conv2d with stride 0', () => new Conv2d(1, 2, 3, { stride: 0 }), /Conv2d: stride must be a positive integer, got 0/],
    ['Conv2d with negative padding', () => new Conv2d(1, 2, 3, { padding: -1 }), /Conv2d: padding must be an integer ≥ 0, got -1/],
    ['MaxPool2d with a fractional kernel', () => new MaxPool2d(1.5), /MaxPool2d: kernelSize must be a positive integer, got 1.5/],
    ['BatchNorm1d with 0 features', () => new BatchNorm1d(0), /BatchNorm1d: numFeatures must be a positive integer, got 0/],
    ['BatchNorm2d with eps 0', () => new BatchNorm2d(2, { eps: 0 }), /BatchNorm2d: eps must be a finite number > 0, got 0/],
    ['BatchNorm1d with momentum 2', () => new BatchNorm1d(2, { momentum: 2 }), /momentum must be a number in \[0, 1\] or null, got 2/],
    ['LayerNorm with an empty shape', () => new LayerNorm([]), /normalizedShape must have at least one axis/],
    ['LayerNorm with a 0 extent', () => new LayerNorm([3, 0]), /LayerNorm: normalizedShape\[1\] must be a positive integer, got 0/],
    ['Embedding with 0 rows', () => new Embedding(0, 2), /Embedding: numEmbeddings must be a positive integer, got 0/],
    ['Embedding with a fractional dim', () => new Embedding(3, 1.5), /Embedding: embeddingDim must be a positive integer, got 1.5/],
    ['Dropout with p > 1', () => new Dropout(1.5), 'Dropout: p must be a probability in [0, 1], got 1.5'],
    ['Dropout with p < 0', () => new Dropout(-0.1), /got -0.1/],
    ['Dropout with p NaN', () => new Dropout(NaN), /got NaN/],
    ['LeakyReLU with an infinite slope', () => new LeakyReLU(Infinity), /negativeSlope must be a finite number/],
    ['Softmax with a fractional axis', () => new Softmax(0.5), /Softmax: axis must be an integer/],
    ['Flatten with a fractional axis', () => new Flatten(1.5), /Flatten: startAxis and endAxis must be integers/],
  ];
  for (const [what, build, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(build).toThrow(message);
    });
  }
});

describe('detectAnomaly inside a layer', () => {
  it("points at the user's line that called the layer, not at the layer's source in @tapegrad/nn", () => {
    const layer = new Linear(2, 1);
    noGrad(() => layer.weight.copy_(full([1, 2], 1e308))); // 1e308 + 1e308 overflows to Infinity
    const line = Number(/errors\.test\.ts:(\d+)/.exec(new Error().stack!.split('\n')[1])![1]) + 3;
    let message = '';
    try {
      detectAnomaly(() => layer.forward(tensor([[1, 1]])));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^detectAnomaly: matmul produced Infinity/);
    const frames = message.split('The op was created at:\n')[1].split('\n');
    expect(frames[0]).toMatch(new RegExp(`errors\\.test\\.ts:${line}:\\d+`));
    expect(frames.some((frame) => /packages\/(nn|tensor)\/src\//.test(frame))).toBe(false);
  });
});
