/**
 * gradcheck on float32 inputs with the default options: the numerical gradient is computed in
 * float64 (on float64 copies), the analytic one in float32 as the op really runs, and the two are
 * compared at float32 tolerances that the report states. Correct float32 code must pass; wrong
 * code must still fail, with a message saying how it was judged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineOp, listOps, manualSeed, randn, type Tensor } from '@tapegrad/tensor';
import { assertGradcheck, gradcheck } from '../src/index.js';

const float32Copy = (x: Tensor): Tensor => (x.dtype === 'float64' ? x.astype('float32') : x);

describe('gradcheck of float32 inputs at the default options', () => {
  it.each(listOps().map((op) => [op.name, op] as const))('passes %s, judged at the stated float32 tolerances', (_name, op) => {
    // Eight fixed samples per op: this is about the defaults not failing correct float32 code,
    // not a search for bugs (the float64 property suite does that).
    for (const { inputs, attrs } of fc.sample(op.sample(fc), { numRuns: 8, seed: 20240 })) {
      const xs = inputs.map(float32Copy);
      const report = gradcheck((...args: Tensor[]) => op.call(args, attrs), xs);
      expect(report.ok, report.toString()).toBe(true);
      for (const check of report.perInput) {
        if (!check.checked) continue;
        expect(check.float32).toBe(true);
        expect(check.tolerance).toEqual({ atol: 1e-3, rtol: 1e-2 });
        expect(check.notes.join('\n')).toMatch(/is float32: its analytic gradient was computed in float32 .* instead of atol 1e-5, rtol 0\.001/);
      }
    }
  });

  it('still fails a float32 backward that is 10 % off, saying it judged float32 at the widened tolerance', () => {
    const scaledWrong = defineOp({
      name: 'test_float32_square_wrong',
      forward: ([x]) => ({ buffer: x.buffer.map((v) => v * v), shape: x.shape }),
      backward: (g, [x]) => [g.mul(x).mul(2.2)],
      sample: (fc) => fc.constant({ inputs: [randn([3])], attrs: undefined }),
    });
    manualSeed(7);
    const x = randn([6], { dtype: 'float32' });
    x.label = 'x32';
    const report = gradcheck((t) => scaledWrong.apply([t]).sum(), [x]);
    expect(report.ok).toBe(false);
    expect(report.perInput[0].failures).toBeGreaterThan(0);
    const text = String(report);
    expect(text).toMatch(/input 0 \(x32\) \[6\] float32: 6 of 6 entries outside atol 0\.001 \+ rtol 0\.01·\|numerical\|/);
    expect(text).toMatch(/input 0 \(x32\) is float32: its analytic gradient was computed in float32/);
    expect(() => assertGradcheck((t) => scaledWrong.apply([t]).sum(), [x])).toThrow(/input 0 \(x32\)/);
  });

  it('computes the numerical side in float64 even at the default eps of 1e-6, where float32 differences would be noise', () => {
    manualSeed(11);
    const x = randn([5], { dtype: 'float32' });
    // x³: a float32 centered difference at h = 1e-6 would be mostly rounding (x ± h rounds to x).
    const report = gradcheck((t) => t.mul(t).mul(t).sum(), [x]);
    expect(report.eps).toBe(1e-6);
    expect(report.ok).toBe(true);
    const worst = report.perInput[0].worstEntries[0];
    // The reference is float64-accurate: the error left is the float32 backward's own rounding.
    expect(Math.abs(worst.numerical - 3 * x.buffer[worst.flatIndex] ** 2)).toBeLessThan(1e-8);
  });
});
