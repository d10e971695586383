import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import { defineOp, manualSeed, noGrad, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { assertGradcheck, gradcheck } from '@tapegrad/gradcheck';

describe('gradcheck on correct gradients', () => {
  it('passes tanh, with errors at rounding level', () => {
    manualSeed(1);
    const report = gradcheck((x) => x.tanh(), [randn([3, 4])]);
    expect(report.ok).toBe(true);
    expect(report.perInput[0].entries).toBe(12);
    expect(report.perInput[0].failures).toBe(0);
    expect(report.perInput[0].maxAbsError).toBeLessThan(1e-8);
    expect(report.kinks).toEqual([]);
  });

  it('passes matmul for both operands', () => {
    manualSeed(2);
    const report = gradcheck((a, b) => a.matmul(b), [randn([3, 4]), randn([4, 2])]);
    expect(report.ok).toBe(true);
    expect(report.perInput.map((check) => check.entries)).toEqual([12, 8]);
    expect(Math.max(...report.perInput.map((check) => check.maxAbsError))).toBeLessThan(1e-8);
    expect(report.outputShape).toEqual([3, 2]);
    expect(report.projection.shape).toEqual([3, 2]);
  });

  it('passes a broadcasting mul', () => {
    manualSeed(3);
    const report = gradcheck((a, b) => a.mul(b), [randn([2, 3]), randn([3])]);
    expect(report.ok).toBe(true);
    expect(report.perInput[1].shape).toEqual([3]);
    expect(report.perInput[1].maxAbsError).toBeLessThan(1e-8);
  });

  it('passes a custom op defined with defineOp', () => {
    const cube = defineOp({
      name: 'gradcheck_test_cube',
      forward: ([x]) => ({ buffer: x.buffer.map((v) => v * v * v), shape: x.shape }),
      backward: (g, [x]) => [g.mul(x.mul(x).mul(3))],
      sample: (fcModule) =>
        fcModule
          .array(fcModule.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 6 })
          .map((values) => ({ inputs: [tensor(values)], attrs: undefined })),
    });
    manualSeed(4);
    const report = assertGradcheck((x) => cube.apply([x]), [randn([2, 3])]);
    expect(report.ok).toBe(true);
    expect(report.perInput[0].maxRelError).toBeLessThan(1e-6);
  });

  it('leaves the inputs and their .grad untouched', () => {
    const x = tensor([1, -2, 3], { requiresGrad: true });
    gradcheck((x) => x.mul(x).sum(), [x]);
    expect(Array.from(x.buffer)).toEqual([1, -2, 3]);
    expect(x.grad).toBeNull();
  });

  it('still computes the analytic side when called inside noGrad', () => {
    const report = noGrad(() => gradcheck((x) => x.exp().sum(), [tensor([0.5, 1])]));
    expect(report.ok).toBe(true);
    expect(report.perInput[0].worst!.analytic).toBeGreaterThan(1.6);
  });

  it('passes int32 inputs through as constants and does not check them', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]], { label: 'x' });
    const index = tensor([[2], [0]], { dtype: 'int32', label: 'idx' });
    const report = gradcheck((x, index) => x.gather(1, index).mul(x.slice([0, 0], [2, 1])).sum(), [x, index]);
    expect(report.ok).toBe(true);
    expect(report.perInput[1].checked).toBe(false);
    expect(report.perInput[1].entries).toBe(0);
    expect(report.perInput[0].entries).toBe(6);
  });

  it('holds as a property over random shapes and values (tanh)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }).chain((shape) =>
          fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: shape.reduce((n, e) => n * e, 1), maxLength: shape.reduce((n, e) => n * e, 1) })
            .map((values) => tensor(Float64Array.from(values), { shape })),
        ),
        (x) => gradcheck((x: Tensor) => x.tanh().mul(x), [x]).ok,
      ),
      { numRuns: 30, seed: 42 },
    );
  });
});

describe('gradcheck on wrong gradients', () => {
  // x · detach(x) has the value x² but a backward that sees only one factor: analytic x, true 2x.
  const halfGradient = (x: Tensor) => x.mul(x.detach()).sum();

  it('fails, counting every wrong entry and naming the worst one', () => {
    const report = gradcheck(halfGradient, [tensor([[1, 2, 3], [4, 5, 6]], { label: 'W' })]);
    expect(report.ok).toBe(false);
    const check = report.perInput[0];
    expect(check.failures).toBe(6);
    expect(check.worst!.index).toEqual([1, 2]);
    expect(check.worst!.flatIndex).toBe(5);
    expect(check.worst!.analytic).toBe(6);
    expect(check.worst!.numerical).toBeCloseTo(12, 6);
    expect(check.worst!.relError).toBeCloseTo(0.5, 6);
    expect(check.maxAbsError).toBeCloseTo(6, 6);
    expect(check.maxRelError).toBeCloseTo(0.5, 6);
  });

  it('fails only the input whose gradient is wrong', () => {
    const report = gradcheck((a, b) => a.mul(a.detach()).sum().add(b.mul(b).sum()), [tensor([1, 2]), tensor([3, 4])]);
    expect(report.perInput.map((check) => check.failures)).toEqual([2, 0]);
  });

  it('fails where the numerical gradient is NaN instead of skipping the entry', () => {
    // sqrt at 0: f(0 − h) is NaN, so the centered difference is NaN (and backward gives Inf).
    const report = gradcheck((x) => x.sqrt().sum(), [tensor([0, 1])]);
    expect(report.ok).toBe(false);
    expect(report.perInput[0].failures).toBe(1);
    expect(report.perInput[0].worst!.flatIndex).toBe(0);
    expect(report.perInput[0].worst!.numerical).toBeNaN();
    expect(report.perInput[0].maxAbsError).toBeNaN();
    expect(String(report)).toMatch(/numerical gradient is not finite/);
  });

  it('throws the report text from assertGradcheck', () => {
    expect(() => assertGradcheck(halfGradient, [tensor([1, 2], { label: 'W' })])).toThrow(/input 0 \(W\)/);
  });

  it('judges a float32 input with float32 tolerances and says so', () => {
    manualSeed(3);
    const x = randn([8]).mul(0.01).astype('float32');
    x.label = 'x32';
    // (x + 1000)(x − 1000): float32 rounds x ± 1000 to 6e-5, so backward's 2x is off by ~5e-5,
    // beyond float64's atol 1e-5 though the rule is right. A quadratic's centered difference is
    // exact at any eps, so eps 1e-2 keeps the float64 reference free of rounding noise.
    const f = (x: Tensor) => x.add(1000).mul(x.sub(1000)).sum();
    const report = gradcheck(f, [x], { eps: 1e-2 });
    expect(report.ok).toBe(true);
    expect(report.perInput[0].float32).toBe(true);
    expect(report.perInput[0].tolerance).toEqual({ atol: 1e-3, rtol: 1e-2 });
    expect(report.perInput[0].maxAbsError).toBeGreaterThan(1e-5);
    expect(report.notes.join('\n')).toMatch(/input 0 \(x32\) is float32/);
    expect(String(report)).toMatch(/float32 backward for input 0 \(x32\), judged at atol 0\.001 \+ rtol 0\.01/);
    // At float64's tolerances the same correct code would fail: that is what the widening avoids.
    expect(gradcheck(f, [x], { eps: 1e-2, float32Atol: 1e-5, float32Rtol: 1e-3 }).ok).toBe(false);
    expect(gradcheck(f, [x.astype('float64')], { eps: 1e-2 }).perInput[0].maxAbsError).toBeLessThan(1e-6);
  });
});
