import { describe, it, expect } from 'vitest';
import { manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { gradcheck } from '@tapegrad/gradcheck';

// x · detach(x): value x², analytic gradient x, true gradient 2x.
const halfGradient = (x: Tensor) => x.mul(x.detach()).sum();

describe('report text', () => {
  it('is one line for an ok report', () => {
    manualSeed(5);
    const text = String(gradcheck((x) => x.tanh().sum(), [randn([2, 2], { label: 'x' })]));
    expect(text).not.toContain('\n');
    expect(text).toMatch(/^gradcheck ok: 1 input, 4 entries within atol 1e-5 \+ rtol 0\.001·\|numerical\|; max abs error .+, max rel error .+$/);
  });

  it('names the input, its shape, the worst entry, both values, the errors and the tolerance', () => {
    const text = String(gradcheck(halfGradient, [tensor([[1, 2, 3], [4, 5, 6]], { label: 'W' })]));
    expect(text).toContain('gradcheck failed');
    expect(text).toContain('input 0 (W) [2,3] float64: 6 of 6 entries outside atol 1e-5 + rtol 0.001·|numerical|');
    expect(text).toContain('worst entry [1, 2] (flat 5): analytic 6, numerical 12');
    expect(text).toContain('abs error 6 > allowed 0.01201; rel error 0.5');
  });

  it('tabulates the worst entries side by side, worst first', () => {
    const text = String(gradcheck(halfGradient, [tensor([[1, 2, 3], [4, 5, 6]], { label: 'W' })]));
    const lines = text.split('\n');
    const header = lines.findIndex((line) => /index\s+analytic\s+numerical\s+abs error\s+rel error/.test(line));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 1, header + 6).map((line) => line.trim().split(/\s{2,}/));
    expect(rows.map((row) => row[0])).toEqual(['[1, 2]', '[1, 1]', '[1, 0]', '[0, 2]', '[0, 1]']);
    expect(rows[0]).toEqual(['[1, 2]', '6', '12', '6', '0.5', 'FAIL']);
  });

  it('points at a constant factor when every failing entry is off by the same ratio', () => {
    const text = String(gradcheck(halfGradient, [tensor([1, 2, 3])]));
    expect(text).toContain('hint: analytic ≈ 0.5 × numerical at every failing entry');
  });

  it('names an unlabelled input by position and passing inputs as ok', () => {
    const text = String(gradcheck((a, b) => halfGradient(a).add(b.mul(b).sum()), [tensor([1, 2]), tensor([3, 4], { label: 'b' })]));
    expect(text).toContain('input 0 [2] float64: 2 of 2 entries outside');
    expect(text).toMatch(/input 1 \(b\) \[2\] float64: ok \(max abs error .+, max rel error .+\)/);
  });

  it('says how a non-scalar output was reduced', () => {
    const text = String(gradcheck((x) => x.mul(x.detach()), [tensor([[1, 2], [3, 4]])]));
    expect(text).toContain("f's output [2,2] was reduced to sum(f(x)·v) with the fixed v in report.projection");
  });

  it('lists kinks apart from failures', () => {
    const text = String(gradcheck((x) => x.relu().sum().add(x.mul(x.detach()).sum()), [tensor([0, 1, -1], { label: 'z' })]));
    expect(text).toContain('kinks (1), not counted as failures');
    expect(text).toMatch(/input 0 \(z\) at \[0\]: left slope -1e-6, right slope 1; analytic 0, numerical 0\.5/);
  });

  it('mentions kinks in the one-line summary of an ok report', () => {
    const text = String(gradcheck((x) => x.relu().sum(), [tensor([-1, 0, 2], { label: 'x' })]));
    expect(text).toBe(
      'gradcheck ok: 1 input, 2 entries within atol 1e-5 + rtol 0.001·|numerical|; max abs error 0, max rel error 0; ' +
        '1 kink not counted (input 0 (x) at [1])',
    );
  });

  it('warns when the numerical gradient itself is drowned in rounding', () => {
    const report = gradcheck((x) => x.mul(x).sum().add(1e9), [tensor([0.5, 0.25])]);
    expect(report.notes.join('\n')).toMatch(/numerical gradient of input 0 may be off by up to about .+ from rounding alone/);
  });
});
