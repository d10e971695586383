import { describe, it, expect } from 'vitest';
import { manualSeed, randn, tensor, type Tensor } from '@tapegrad/tensor';
import { gradcheck } from '@tapegrad/gradcheck';

describe('kinks', () => {
  it('reports relu at exactly 0 as a kink, not a failure', () => {
    const report = gradcheck((x) => x.relu().sum(), [tensor([-1, 0, 2], { label: 'x' })]);
    expect(report.ok).toBe(true);
    expect(report.kinks).toHaveLength(1);
    const [kink] = report.kinks;
    expect(kink.input).toBe(0);
    expect(kink.label).toBe('x');
    expect(kink.index).toEqual([1]);
    expect(kink.left).toBeCloseTo(0, 9);
    expect(kink.right).toBeCloseTo(1, 9);
    expect(kink.analytic).toBe(0);
    expect(kink.numerical).toBeCloseTo(0.5, 9);
    expect(report.perInput[0].entries).toBe(2);
    expect(report.perInput[0].failures).toBe(0);
  });

  it('reports the tied entries of a max as kinks', () => {
    const report = gradcheck((x) => x.max(), [tensor([[1, 3], [3, 0]])]);
    expect(report.ok).toBe(true);
    expect(report.kinks.map((kink) => kink.index)).toEqual([[0, 1], [1, 0]]);
    for (const kink of report.kinks) {
      expect(kink.left).toBeCloseTo(0, 9);
      expect(kink.right).toBeCloseTo(1, 9);
      // A tie splits the gradient evenly: a subgradient between the two slopes.
      expect(kink.analytic).toBeCloseTo(0.5, 12);
    }
  });

  it('reports a tie in maximum on both operands', () => {
    const report = gradcheck((a, b) => a.maximum(b).sum(), [tensor([1, 2]), tensor([0, 2])]);
    expect(report.ok).toBe(true);
    expect(report.kinks.map((kink) => [kink.input, kink.flatIndex])).toEqual([[0, 1], [1, 1]]);
  });

  it('still fails the other entries of an input that has a kink', () => {
    const report = gradcheck((x) => x.relu().sum().add(x.mul(x.detach()).sum()), [tensor([0, 1, -1])]);
    expect(report.ok).toBe(false);
    expect(report.kinks.map((kink) => kink.flatIndex)).toEqual([0]);
    expect(report.perInput[0].failures).toBe(2);
  });

  it('does not excuse an analytic value outside both one-sided slopes', () => {
    // The value is 3·relu(x), with slopes 0 and 3 at 0; `5x − detach(5x)` adds nothing to the
    // value but 5 to backward's answer, which lies outside both slopes.
    const wrong = (x: Tensor) => x.relu().mul(3).add(x.mul(5)).sub(x.mul(5).detach()).sum();
    const report = gradcheck(wrong, [tensor([0])]);
    expect(report.perInput[0].worst!.analytic).toBe(5);
    expect(report.kinks).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it('does not mistake curvature at a large eps for a kink', () => {
    const report = gradcheck((x) => x.exp().sum(), [tensor([0.5, -1, 2])], { eps: 1e-2 });
    expect(report.kinks).toEqual([]);
    expect(report.perInput[0].entries).toBe(3);
    expect(report.ok).toBe(true);
  });
});

describe('kinks within ±eps of the point', () => {
  it('are reported as kinks, not failures, when the point sits just beside one', () => {
    const relu = gradcheck((t: Tensor) => t.relu().sum(), [tensor([5e-7, -5e-7, 1])]);
    expect(relu.ok).toBe(true);
    expect(relu.kinks.map((k) => k.flatIndex)).toEqual([0, 1]);
    const nearTie = gradcheck((t: Tensor) => t.max(), [tensor([1, 1 + 1e-7, 0])]);
    expect(nearTie.ok).toBe(true);
    expect(nearTie.kinks).toHaveLength(2);
  });
});

describe('an f that computes in float32 internally', () => {
  it('passes correct code with a larger step and says why', () => {
    manualSeed(1);
    const report = gradcheck((t: Tensor) => t.astype('float32').pow(2).sum(), [randn([4])]);
    expect(report.ok).toBe(true);
    expect(report.kinks).toHaveLength(0);
    expect(report.eps).toBe(1e-3);
    expect(report.notes.join('\n')).toMatch(/f returns float32 even for float64 inputs/);
  });

  it('still catches a wrong backward', () => {
    manualSeed(1);
    const broken = (t: Tensor) => t.astype('float32').pow(2).mul(t.astype('float32').detach()).sum();
    expect(gradcheck(broken, [randn([4])]).ok).toBe(false);
  });
});

describe('a tie handled wrongly', () => {
  it('fails even though each tied entry alone holds a valid one-sided slope', async () => {
    const { defineOp } = await import('@tapegrad/tensor');
    // Every tied entry gets the full gradient: each value 1 lies in [0, 1], but they sum to 3.
    const badMax = defineOp({
      name: 'test_bad_tie_max',
      forward: ([x]) => ({ buffer: Float64Array.of(Math.max(...x.buffer)), shape: [] }),
      backward: (g, [x], { out }) => [x.eq(out).astype('float64').mul(g)],
      sample: (fc) => fc.constant({ inputs: [tensor([1])], attrs: undefined }),
    });
    const report = gradcheck((x: Tensor) => badMax.apply([x]), [tensor([2, 2, 2, 1])]);
    expect(report.ok).toBe(false);
    expect(report.kinks).toHaveLength(0);
    expect(report.toString()).toMatch(/entries \[0\], \[1\], \[2\] sit at one kink \(a tie\).*add up to 3 where moving them together has slope 1/);
    expect(gradcheck((x: Tensor) => x.max(), [tensor([2, 2, 2, 1])]).ok).toBe(true);
  });
});
