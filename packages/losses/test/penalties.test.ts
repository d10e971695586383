import { describe, expect, it } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { elasticNet, l1Penalty, l2Penalty } from '../src/index.js';
import { expectClose } from './reference.js';

describe('l2Penalty', () => {
  it('is λ Σ w² over every parameter, worked out by hand', () => {
    expect(l2Penalty([tensor([1, 2]), tensor([[3]])], 0.1).item()).toBeCloseTo(1.4, 15);
    expect(l2Penalty(tensor([[1, -1], [2, 0]]), 2).item()).toBe(12);
  });

  it('has gradient 2λw', () => {
    const w = tensor([1, -2, 0.5], { requiresGrad: true });
    l2Penalty(w, 0.3).backward();
    expectClose(w.grad!.toArray(), [0.6, -1.2, 0.3], 15);
  });

  it("equals SGD's weightDecay λ at λ/2: the gradient of l2Penalty(params, λ/2) is λ·w", () => {
    manualSeed(15);
    const lambda = 5e-3;
    const params = [randn([3, 4], { requiresGrad: true }), randn([4], { requiresGrad: true })];
    l2Penalty(params, lambda / 2).backward();
    for (const w of params) expectClose(Array.from(w.grad!.buffer), Array.from(w.mul(lambda).buffer), 15);
  });

  it('takes any iterable of parameters, such as a generator', () => {
    function* parameters() {
      yield tensor([1, 1]);
      yield tensor([2]);
    }
    expect(l2Penalty(parameters(), 1).item()).toBe(6);
  });

  it('is the constant 0 for no parameters', () => {
    expect(l2Penalty([], 0.1).item()).toBe(0);
  });

  it.each([-0.1, NaN, Infinity])('rejects λ = %d', (lambda) => {
    expect(() => l2Penalty(tensor([1]), lambda)).toThrow(`l2Penalty: lambda must be a finite number ≥ 0, got ${lambda}`);
  });

  it('rejects an entry that is not a tensor, naming its position', () => {
    expect(() => l2Penalty([tensor([1]), [2] as never], 0.1)).toThrow('l2Penalty: params[1] is object, not a Tensor');
    expect(() => l2Penalty(3 as never, 0.1)).toThrow('l2Penalty: params must be a Tensor or an iterable of Tensors (e.g. model.parameters()), got number');
  });
});

describe('l1Penalty', () => {
  it('is λ Σ |w| with gradient λ·sign(w) (0 at w = 0)', () => {
    const w = tensor([1, -2, 0], { requiresGrad: true });
    const penalty = l1Penalty([w, tensor([[-0.5]])], 0.5);
    expect(penalty.item()).toBe(1.75);
    penalty.backward();
    expect(w.grad!.toArray()).toEqual([0.5, -0.5, 0]);
  });

  it.each([-1, NaN, -Infinity])('rejects λ = %d', (lambda) => {
    expect(() => l1Penalty(tensor([1]), lambda)).toThrow(`l1Penalty: lambda must be a finite number ≥ 0, got ${lambda}`);
  });
});

describe('elasticNet', () => {
  it('is l1·Σ|w| + l2·Σw², the sum of the two penalties', () => {
    expect(elasticNet(tensor([1, -2]), { l1: 0.1, l2: 0.01 }).item()).toBeCloseTo(0.35, 15);
    manualSeed(16);
    const params = [randn([2, 3]), randn([5])];
    const expected = l1Penalty(params, 0.2).add(l2Penalty(params, 0.7)).item();
    expect(elasticNet(params, { l1: 0.2, l2: 0.7 }).item()).toBeCloseTo(expected, 14);
  });

  it('has gradient l1·sign(w) + 2·l2·w', () => {
    const w = tensor([1, -2, 0], { requiresGrad: true });
    elasticNet(w, { l1: 0.1, l2: 0.5 }).backward();
    expectClose(w.grad!.toArray(), [1.1, -2.1, 0], 15);
  });

  it('rejects a missing, negative or non-finite strength, naming it', () => {
    expect(() => elasticNet(tensor([1]), { l1: -1, l2: 0 })).toThrow('elasticNet: l1 must be a finite number ≥ 0, got -1');
    expect(() => elasticNet(tensor([1]), { l1: 0 } as never)).toThrow('elasticNet: l2 must be a finite number ≥ 0, got undefined');
    expect(() => elasticNet(tensor([1]), { l1: 0, l2: NaN })).toThrow('elasticNet: l2 must be a finite number ≥ 0, got NaN');
    expect(() => elasticNet(tensor([1]), 0.1 as never)).toThrow('elasticNet: pass the strengths as { l1, l2 }, got number');
  });
});
