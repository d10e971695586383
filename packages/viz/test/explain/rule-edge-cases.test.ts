import { describe, expect, it } from 'vitest';
import { clamp, leakyRelu, maxPool2d, pow, tensor } from '@tapegrad/tensor';
import { explainBackward, localRule } from '@tapegrad/viz';

/** The gradient one step sends its first input, as plain numbers. */
function firstInputGrad(y: ReturnType<typeof tensor>, step = 0): number[] {
  return (explainBackward(y, { grad: tensor(Array(y.size).fill(1)).reshape(y.shape) }).steps[step].inputs[0].grad!.toArray() as number[][][][]).flat(3);
}

describe('the local rules say what backward does at the edge cases', () => {
  it('maxPool2d: an element that is the maximum of overlapping windows gets the sum of their gradients', () => {
    // 3×3 image whose centre is the largest; 2×2 windows with stride 1 all contain it.
    const x = tensor([1, 2, 3, 4, 9, 5, 6, 7, 8], { requiresGrad: true }).reshape([1, 1, 3, 3]);
    expect(firstInputGrad(maxPool2d(x, 2, { stride: 1 }), 0)).toEqual([0, 0, 0, 0, 4, 0, 0, 0, 0]);
    expect(localRule('maxPool2d').words).toContain('overlapping windows gets their sum');
  });

  it('clamp: the bounds themselves pass the gradient', () => {
    const x = tensor([-2, -1, 0, 1, 2], { requiresGrad: true });
    expect(firstInputGrad(clamp(x, -1, 1))).toEqual([0, 1, 1, 1, 0]);
    expect(localRule('clamp').words).toContain('bounds included');
  });

  it('leakyRelu: the slope below 0, and at 0 too', () => {
    const x = tensor([-1, 0, 2], { requiresGrad: true });
    expect(firstInputGrad(leakyRelu(x, 0.1))).toEqual([0.1, 0.1, 1]);
    expect(localRule('leakyRelu').symbols).toBe('∂L/∂x = ∂L/∂out · (x > 0 ? 1 : slope)');
  });

  it('pow: the exponent gets 0 where the base is 0 and the exponent ≥ 0, and b·aᵇ⁻¹ otherwise', () => {
    const a = tensor([0, 0, 2], { requiresGrad: true });
    const b = tensor([2, -1, 3], { requiresGrad: true });
    const [step] = explainBackward(pow(a, b), { grad: tensor([1, 1, 1]) }).steps;
    expect(step.inputs[0].grad!.toArray()).toEqual([0, -Infinity, 12]);
    const exponentGrad = step.inputs[1].grad!.toArray() as number[];
    expect(exponentGrad.slice(0, 2)).toEqual([0, -Infinity]); // 0⁻¹ · ln 0 = ∞ · (−∞): no mask where b < 0
    expect(exponentGrad[2]).toBeCloseTo(8 * Math.log(2), 12);
    expect(localRule('pow').words).toContain('(0 where a = 0 and b ≥ 0)');
  });
});
