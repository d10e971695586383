/** clipGradNorm and clipGradValue, against norms worked out by hand. */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { clipGradNorm, clipGradValue } from '../src/index.js';

function withGrad(values: number[]): Tensor {
  const p = tensor(values.map(() => 0), { requiresGrad: true });
  p.grad = tensor(values);
  return p;
}

describe('clipGradNorm', () => {
  it('returns the total 2-norm over all gradients and scales them to maxNorm', () => {
    const a = withGrad([3, 4]);
    const b = withGrad([12]);
    // ‖[3, 4, 12]‖ = 13; scale = 6.5 / (13 + 1e-6)
    expect(clipGradNorm([a, b], 6.5)).toBe(13);
    const scale = 6.5 / (13 + 1e-6);
    expect([...a.grad!.data(), ...b.grad!.data()]).toEqual([3 * scale, 4 * scale, 12 * scale]);
  });

  it('leaves gradients alone when the norm is already below maxNorm', () => {
    const a = withGrad([3, 4]);
    expect(clipGradNorm(a, 10)).toBe(5);
    expect(a.grad!.toArray()).toEqual([3, 4]);
  });

  it('supports the ∞-norm (largest |g|) and other p-norms', () => {
    const a = withGrad([3, -7]);
    const b = withGrad([5]);
    expect(clipGradNorm([a, b], 100, { normType: Infinity })).toBe(7);
    expect(clipGradNorm([a, b], 100, { normType: 1 })).toBe(15);
    expect(clipGradNorm([a, b], 100, { normType: 3 })).toBeCloseTo((27 + 343 + 125) ** (1 / 3), 12);
    clipGradNorm([a, b], 3.5, { normType: Infinity });
    expect(a.grad!.data()[1]).toBeCloseTo(-3.5, 6);
  });

  it('ignores parameters without a gradient; with none the norm is 0', () => {
    const none = tensor([1], { requiresGrad: true });
    expect(clipGradNorm([none], 1)).toBe(0);
    expect(clipGradNorm([none, withGrad([6, 8])], 100)).toBe(10);
  });

  it('throws on a non-finite norm with errorIfNonfinite, and otherwise passes the NaN on as PyTorch does', () => {
    expect(() => clipGradNorm(withGrad([Number.NaN, 1]), 1, { errorIfNonfinite: true })).toThrow('clipGradNorm: the total 2-norm of the gradients is NaN');
    const a = withGrad([Number.NaN, 1]);
    expect(clipGradNorm(a, 1)).toBeNaN();
    expect(Number.isNaN(a.grad!.data()[1])).toBe(true);
  });

  it('validates maxNorm and normType', () => {
    expect(() => clipGradNorm(withGrad([1]), -1)).toThrow('clipGradNorm: maxNorm = -1 must be a number ≥ 0');
    expect(() => clipGradNorm(withGrad([1]), 1, { normType: 0 })).toThrow('clipGradNorm: normType = 0 must be a number > 0 or Infinity');
  });
});

describe('clipGradValue', () => {
  it('clamps every gradient entry to [−clip, clip]', () => {
    const a = withGrad([-3, 0.2, 5]);
    const b = tensor([0], { requiresGrad: true });
    clipGradValue([a, b], 1);
    expect(a.grad!.toArray()).toEqual([-1, 0.2, 1]);
    expect(b.grad).toBeNull();
    expect(() => clipGradValue(a, -1)).toThrow('clipGradValue: clip = -1 must be a number ≥ 0');
  });
});
