import { describe, it, expect } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { relError } from '@tapegrad/gradcheck';

describe('relError', () => {
  it('divides the difference by the larger magnitude', () => {
    expect(relError(1, 1.01)).toBeCloseTo(0.01 / 1.01, 12);
    expect(relError(1, 1.01)).toBeCloseTo(0.0099, 4);
    expect(relError(1.01, 1)).toBe(relError(1, 1.01));
    expect(relError(-1, 1)).toBe(2);
    expect(relError(0, 1e-3)).toBe(1);
  });

  it('is 0 when both are 0', () => {
    expect(relError(0, 0)).toBe(0);
  });

  it('is NaN when either side is NaN, so it never passes a threshold', () => {
    expect(relError(NaN, 1)).toBeNaN();
  });

  it('takes the largest entry for Tensors', () => {
    const a = tensor([[1, 2], [0, 4]]);
    const b = tensor([[1, 2.2], [0, 4.04]]);
    expect(relError(a, b)).toBeCloseTo(0.2 / 2.2, 12);
  });

  it('refuses Tensors of different shapes instead of broadcasting', () => {
    expect(() => relError(tensor([1, 2]), tensor([[1, 2]]))).toThrow(/\[2\] and \[1,2\]/);
  });
});
