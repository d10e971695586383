import { describe, expect, it } from 'vitest';
import { manualSeed, tape, type Tensor, tensor, zeros } from '@tapegrad/tensor';
import { BatchNorm1d, Conv2d, Embedding, init, LayerNorm, Linear, Parameter } from '@tapegrad/nn';

function moments(t: Tensor): { mean: number; std: number; min: number; max: number } {
  const v = Array.from(t.buffer);
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
  return { mean, std: Math.sqrt(variance), min: Math.min(...v), max: Math.max(...v) };
}

/** Checks `t` looks like U(−bound, bound): inside the bounds, reaching near both, std bound/√3. */
function expectUniform(t: Tensor, bound: number): void {
  const { mean, std, min, max } = moments(t);
  expect(min).toBeGreaterThanOrEqual(-bound);
  expect(max).toBeLessThanOrEqual(bound);
  expect(min).toBeLessThan(-0.99 * bound);
  expect(max).toBeGreaterThan(0.99 * bound);
  // Four standard errors: a correct sampler fails this about once in 16 000 seeds.
  expect(Math.abs(mean)).toBeLessThan((4 * bound) / Math.sqrt(3 * t.size));
  expect(std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1);
}

function expectNormal(t: Tensor, expectedMean: number, expectedStd: number): void {
  const { mean, std } = moments(t);
  expect(Math.abs(mean - expectedMean)).toBeLessThan((4 * expectedStd) / Math.sqrt(t.size));
  expect(std / expectedStd).toBeCloseTo(1, 1);
}

describe('calculateGain and fans', () => {
  it("gives PyTorch's gains", () => {
    expect(init.calculateGain('linear')).toBe(1);
    expect(init.calculateGain('conv2d')).toBe(1);
    expect(init.calculateGain('sigmoid')).toBe(1);
    expect(init.calculateGain('tanh')).toBe(5 / 3);
    expect(init.calculateGain('relu')).toBe(Math.SQRT2);
    expect(init.calculateGain('leakyRelu')).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15);
    expect(init.calculateGain('leakyRelu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(init.calculateGain('selu')).toBe(0.75);
    expect(() => init.calculateGain('gelu' as init.Nonlinearity)).toThrow(/unknown nonlinearity "gelu"/);
  });

  it('computes fans as _calculate_fan_in_and_fan_out', () => {
    expect(init.calculateFanInAndFanOut(zeros([256, 784]))).toEqual({ fanIn: 784, fanOut: 256 });
    expect(init.calculateFanInAndFanOut(zeros([16, 3, 5, 5]))).toEqual({ fanIn: 75, fanOut: 400 });
    expect(() => init.calculateFanInAndFanOut(zeros([5]))).toThrow(/fewer than 2 axes/);
  });
});

describe('initialisers', () => {
  it('uniform_ and normal_ draw from the asked distribution', () => {
    manualSeed(0);
    const t = zeros([200, 100]);
    init.uniform_(t, { low: -3, high: 1 });
    const { min, max, mean } = moments(t);
    expect(min).toBeGreaterThanOrEqual(-3);
    expect(max).toBeLessThan(1);
    expect(mean).toBeCloseTo(-1, 1);
    expectNormal(init.normal_(t, { mean: 2, std: 0.5 }), 2, 0.5);
    expectNormal(init.normal_(t), 0, 1);
  });

  it('kaimingUniform_ has bound gain·√(3/fan)', () => {
    manualSeed(1);
    const t = zeros([300, 200]);
    expectUniform(init.kaimingUniform_(t), Math.SQRT2 * Math.sqrt(3 / 200));
    expectUniform(init.kaimingUniform_(t, { mode: 'fanOut', nonlinearity: 'tanh' }), (5 / 3) * Math.sqrt(3 / 300));
    expectUniform(init.kaimingUniform_(t, { a: Math.sqrt(5) }), 1 / Math.sqrt(200));
  });

  it('kaimingNormal_ has std gain/√fan', () => {
    manualSeed(2);
    const t = zeros([16, 8, 5, 5]);
    expectNormal(init.kaimingNormal_(t, { nonlinearity: 'relu' }), 0, Math.SQRT2 / Math.sqrt(200));
    expectNormal(init.kaimingNormal_(t, { mode: 'fanOut', nonlinearity: 'relu' }), 0, Math.SQRT2 / Math.sqrt(400));
  });

  it('xavierUniform_ and xavierNormal_ use √(2/(fanIn + fanOut))', () => {
    manualSeed(3);
    const t = zeros([300, 100]);
    expectUniform(init.xavierUniform_(t), Math.sqrt(6 / 400));
    expectUniform(init.xavierUniform_(t, { gain: 2 }), 2 * Math.sqrt(6 / 400));
    expectNormal(init.xavierNormal_(t, { gain: 0.5 }), 0, 0.5 * Math.sqrt(2 / 400));
  });

  it('zeros_, ones_ and constant_ fill', () => {
    const t = tensor([1, 2, 3]);
    expect(init.zeros_(t).toArray()).toEqual([0, 0, 0]);
    expect(init.ones_(t).toArray()).toEqual([1, 1, 1]);
    expect(init.constant_(t, 0.25).toArray()).toEqual([0.25, 0.25, 0.25]);
  });

  it('work in place on parameters that require grad, recording nothing', () => {
    const p = new Parameter(zeros([3, 4]));
    const result = init.xavierNormal_(p);
    expect(result).toBe(p);
    expect(p.isLeaf && p.requiresGrad).toBe(true);
    expect(p.version.value).toBe(1);
    expect(() => tape(p)).not.toThrow();
    expect(tape(p).nodes).toEqual([]);
  });

  it('round float64 draws once into a float32 tensor', () => {
    manualSeed(4);
    const t = zeros([100, 100], { dtype: 'float32' });
    expectUniform(init.kaimingUniform_(t), Math.SQRT2 * Math.sqrt(3 / 100));
    expect(t.dtype).toBe('float32');
  });

  it('refuse bad arguments', () => {
    expect(() => init.uniform_(zeros([2]), { low: 1, high: 0 })).toThrow('uniform_: needs finite bounds with low ≤ high, got low 1, high 0');
    expect(() => init.normal_(zeros([2]), { std: -1 })).toThrow(/std ≥ 0/);
    expect(() => init.kaimingUniform_(zeros([2, 2]), { mode: 'fan_in' as init.FanMode })).toThrow(/mode must be 'fanIn' or 'fanOut'/);
    expect(() => init.normal_(zeros([2], { dtype: 'int32' }))).toThrow(/int32/);
    expect(() => init.xavierUniform_(zeros([4]))).toThrow(/fewer than 2 axes/);
  });

  it('the same seed gives the same draws; another seed does not', () => {
    const draw = (seed: number) => {
      manualSeed(seed);
      return Array.from(init.kaimingNormal_(zeros([5, 5])).buffer);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe("layers' default initialisation matches PyTorch's", () => {
  it('Linear: weight and bias U(−1/√in, 1/√in)', () => {
    manualSeed(10);
    const fc = new Linear(400, 300);
    expectUniform(fc.weight, 1 / Math.sqrt(400));
    const bias = moments(fc.bias!);
    expect(Math.max(-bias.min, bias.max)).toBeLessThanOrEqual(1 / Math.sqrt(400));
    expect(bias.max).toBeGreaterThan(0.9 / Math.sqrt(400));
  });

  it('Conv2d: weight and bias U(−1/√(inC·kh·kw), …)', () => {
    manualSeed(11);
    const conv = new Conv2d(8, 64, 3);
    expectUniform(conv.weight, 1 / Math.sqrt(72));
    const bias = moments(conv.bias!);
    expect(Math.max(-bias.min, bias.max)).toBeLessThanOrEqual(1 / Math.sqrt(72));
  });

  it('Embedding: N(0, 1)', () => {
    manualSeed(12);
    expectNormal(new Embedding(1000, 20).weight, 0, 1);
  });

  it('BatchNorm and LayerNorm: weight 1, bias 0, running mean 0 and variance 1', () => {
    const bn = new BatchNorm1d(3);
    expect(bn.weight!.toArray()).toEqual([1, 1, 1]);
    expect(bn.bias!.toArray()).toEqual([0, 0, 0]);
    expect(bn.runningMean!.toArray()).toEqual([0, 0, 0]);
    expect(bn.runningVar!.toArray()).toEqual([1, 1, 1]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    const ln = new LayerNorm([2, 2]);
    expect(ln.weight!.toArray()).toEqual([[1, 1], [1, 1]]);
    expect(ln.bias!.toArray()).toEqual([[0, 0], [0, 0]]);
  });

  it('the same seed builds the same model', () => {
    manualSeed(13);
    const a = new Linear(5, 4);
    manualSeed(13);
    const b = new Linear(5, 4);
    expect(Array.from(b.weight.buffer)).toEqual(Array.from(a.weight.buffer));
    expect(Array.from(b.bias!.buffer)).toEqual(Array.from(a.bias!.buffer));
    expect(Array.from(new Linear(5, 4).weight.buffer)).not.toEqual(Array.from(a.weight.buffer));
  });
});
