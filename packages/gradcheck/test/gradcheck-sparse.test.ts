import { describe, it, expect } from 'vitest';
import { manualSeed, randn, tensor } from '@tapegrad/tensor';
import { gradcheckSparse } from '@tapegrad/gradcheck';

describe('gradcheckSparse', () => {
  manualSeed(11);
  const W = randn([5, 4], { label: 'W' });
  // L(W) = Σ W² + 3·Σ W, gradient 2W + 3.
  const loss = (w: typeof W) => w.mul(w).sum().add(w.sum().mul(3)).item();
  const dW = W.mul(2).add(3);

  it('checks numChecks distinct entries with small relative error on a quadratic', () => {
    const checks = gradcheckSparse(loss, W, dW, { numChecks: 7 });
    expect(checks).toHaveLength(7);
    expect(new Set(checks.map((check) => check.flatIndex)).size).toBe(7);
    for (const check of checks) {
      expect(check.flatIndex).toBe(check.index[0] * 4 + check.index[1]);
      expect(check.analytic).toBe(dW.buffer[check.flatIndex]);
      expect(check.relError).toBeLessThan(1e-7);
    }
    expect(checks.maxRelError).toBe(Math.max(...checks.map((check) => check.relError)));
  });

  it('checks 10 entries by default, the same ones for the same seed', () => {
    const a = gradcheckSparse(loss, W, dW);
    const b = gradcheckSparse(loss, W, dW);
    const c = gradcheckSparse(loss, W, dW, { seed: 1 });
    expect(a).toHaveLength(10);
    expect(a.map((check) => check.flatIndex)).toEqual(b.map((check) => check.flatIndex));
    expect(a.map((check) => check.flatIndex)).not.toEqual(c.map((check) => check.flatIndex));
  });

  it('shows a wrong gradient as a large relative error', () => {
    const checks = gradcheckSparse(loss, W, W.mul(2), { numChecks: 3 });
    for (const check of checks) {
      expect(check.numerical).toBeCloseTo(2 * W.buffer[check.flatIndex] + 3, 6);
      expect(check.relError).toBeGreaterThan(0.1);
    }
  });

  it('accepts a one-element Tensor loss and leaves x unchanged', () => {
    const x = tensor([1, 2, 3]);
    const checks = gradcheckSparse((x) => x.mul(x).sum(), x, tensor([2, 4, 6]), { numChecks: 5 });
    expect(checks).toHaveLength(3); // numChecks beyond x.size: every entry once, none twice
    expect(new Set(checks.map((check) => check.flatIndex)).size).toBe(3);
    expect(Array.from(x.buffer)).toEqual([1, 2, 3]);
    for (const check of checks) expect(check.relError).toBeLessThan(1e-8);
  });

  it('prints one line per entry and the course verdict', () => {
    const text = String(gradcheckSparse(loss, W, dW, { numChecks: 2 }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('gradcheckSparse: 2 random entries of W [5,4], eps 1e-5');
    expect(lines[1]).toMatch(/^ {2}\[\d, \d\] {2}numerical -?[\d.]+ {2}analytic -?[\d.]+ {2}relative error /);
    expect(lines[3]).toMatch(/^max relative error .+: good \(< 1e-7\)$/);
  });

  it('refuses an analytic gradient of another shape', () => {
    expect(() => gradcheckSparse(loss, W, tensor([1, 2]))).toThrow(/analytic has shape \[2\] but x has \[5,4\]/);
  });
});
