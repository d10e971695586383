import { describe, it, expect } from 'vitest';
import { manualSeed, randn, tensor, type Tensor, vjp } from '@tapegrad/tensor';
import { numericalGradient } from '@tapegrad/gradcheck';

function maxAbsDiff(a: Tensor, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.size; i++) worst = Math.max(worst, Math.abs(a.buffer[i] - b[i]));
  return worst;
}

describe('numericalGradient', () => {
  it('gives 2x for sum(x²) to within 1e-8', () => {
    const x = tensor([[0.5, -1.25, 3], [2, -0.1, 7.5]]);
    const [g] = numericalGradient((x) => x.mul(x).sum(), [x]);
    expect(g!.shape).toEqual([2, 3]);
    expect(g!.dtype).toBe('float64');
    expect(maxAbsDiff(g!, [1, -2.5, 6, 4, -0.2, 15])).toBeLessThan(1e-8);
  });

  it('matches an analytic vjp for a non-scalar function when given the same projection', () => {
    manualSeed(7);
    const x = randn([4, 3]);
    const w = randn([3, 2]);
    const v = randn([4, 2]);
    const f = (x: Tensor, w: Tensor) => x.matmul(w).tanh();
    const [gx, gw] = numericalGradient(f, [x, w], { projection: v });
    const { grads } = vjp(f, [x, w], v);
    expect(maxAbsDiff(gx!, grads[0].buffer)).toBeLessThan(1e-8);
    expect(maxAbsDiff(gw!, grads[1].buffer)).toBeLessThan(1e-8);
  });

  it('uses a fixed default projection, so two calls agree exactly', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const f = (x: Tensor) => x.mul(x);
    const [a] = numericalGradient(f, [x]);
    const [b] = numericalGradient(f, [x]);
    expect(Array.from(a!.buffer)).toEqual(Array.from(b!.buffer));
    // Every output entry is weighted by some v with |v| ≥ 0.5, so no entry is checked away.
    for (let i = 0; i < a!.size; i++) expect(Math.abs(a!.buffer[i]) / (2 * x.buffer[i])).toBeGreaterThanOrEqual(0.5 - 1e-9);
  });

  it('gives null for int32 inputs and passes them to f unchanged', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const index = tensor([2, 0], { dtype: 'int32' });
    const seen: Tensor[] = [];
    const grads = numericalGradient((x, index) => {
      seen.push(index);
      return x.indexSelect(1, index).sum();
    }, [x, index]);
    expect(grads[1]).toBeNull();
    expect(seen.every((t) => t === index)).toBe(true);
    expect(maxAbsDiff(grads[0]!, [1, 0, 1, 1, 0, 1])).toBeLessThan(1e-8);
  });

  it('differentiates a float32 input in float64', () => {
    const x = tensor([0.1, -0.7, 1.3], { dtype: 'float32' });
    const [g] = numericalGradient((x) => x.mul(x).mul(x).sum(), [x]);
    expect(g!.dtype).toBe('float64');
    // 3x² of the float32 values themselves, to float64 accuracy; a float32 difference quotient
    // with h = 1e-6 would be off by about 1e-1.
    const expected = Array.from(x.buffer, (v) => 3 * v * v);
    expect(maxAbsDiff(g!, expected)).toBeLessThan(1e-8);
  });

  it('never modifies the inputs and calls f once plus twice per entry', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    let calls = 0;
    numericalGradient((x) => {
      calls++;
      return x.exp().sum();
    }, [x]);
    expect(Array.from(x.buffer)).toEqual([1, 2, 3]);
    expect(x.grad).toBeNull();
    expect(calls).toBe(1 + 2 * 3);
  });

  it('rejects a projection of the wrong shape, naming both shapes', () => {
    const x = tensor([1, 2, 3]);
    expect(() => numericalGradient((x) => x.mul(2), [x], { projection: tensor([1, 1]) })).toThrow(/\[2\].*\[3\]/);
  });

  it('rejects a non-positive eps', () => {
    expect(() => numericalGradient((x) => x.sum(), [tensor([1])], { eps: 0 })).toThrow(/eps must be a positive/);
  });
});
