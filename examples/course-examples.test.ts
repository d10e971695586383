/**
 * The course-notes examples, each run with `--quick` as a child process, checked against the
 * numbers the notes give and the numbers each example promises in its top comment.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shellWord } from './example-flags.js';
import { runExample } from './test-support/run-example.js';
import { numberAfter } from './test-support/printed-numbers.js';
import { plottedCharts } from './test-support/plotted-values.js';

const output = mkdtempSync(join(tmpdir(), 'tapegrad-course-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

/** The list after `label`, e.g. `dx = [0.3932, -0.5898]`. */
function listAfter(out: string, label: string): number[] {
  const match = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[([^\\]]*)\\]`).exec(out);
  expect(match, `"${label}[…]" in the output`).not.toBeNull();
  return match![1].split(',').map(Number);
}

describe('course examples', () => {
  it('axes prints the notes’ sums and the shape each axis leaves', () => {
    const out = runExample('axes.ts', '--quick');
    expect(out).toContain('a.sum(0) = tensor([12, 15, 18, 21], dtype=int32)');
    expect(out).toContain('a.sum(1) = tensor([ 6, 22, 38], dtype=int32)');
    expect(out).toContain('a.shape = [3,4]');
    expect(out).toContain('a.sum(1, true).shape = [3,1]');
    expect(out).toContain('b.sum(0).shape = [3,4], b.sum(1).shape = [2,4], b.sum(2).shape = [2,3]');
  });

  it('circuit-backprop reproduces the notes’ circuit and sigmoid-neuron gradients', () => {
    const out = runExample('circuit-backprop.ts', '--quick');
    // (x + y)·z at x = −2, y = 5, z = −4: add distributes, mul swaps.
    expect(out).toMatch(/^ {2}q += +3 +∂f\/∂q = -4$/m);
    expect(out).toMatch(/^ {2}f += +-12 +∂f\/∂f = 1$/m);
    expect([numberAfter(out, '∂f/∂x = '), numberAfter(out, '∂f/∂y = '), numberAfter(out, '∂f/∂z = ')]).toEqual([-4, -4, 3]);
    // max routes to the larger input; a value used twice adds both paths.
    expect([numberAfter(out, '∂/∂y = '), numberAfter(out, '∂/∂x = ')]).toEqual([-4, 0]);
    expect(numberAfter(out, '∂(x·x)/∂x = ')).toBe(-4);
    // The neuron, gate by gate and fused, against the notes' rounded numbers.
    expect(numberAfter(out, 'out  = ')).toBeCloseTo(0.731, 3);
    expect(numberAfter(out, '∂out/∂dot = ')).toBeCloseTo(0.197, 3);
    expect([numberAfter(out, '∂out/∂x0 = '), numberAfter(out, '∂out/∂x1 = ')]).toEqual([0.3932, -0.5898]);
    expect([numberAfter(out, '∂out/∂w0 = '), numberAfter(out, '∂out/∂w1 = '), numberAfter(out, '∂out/∂w2 = ')]).toEqual([-0.1966, -0.3932, 0.1966]);
    const [dx, dw] = [listAfter(out, 'dx = '), listAfter(out, 'dw = ')];
    [0.39, -0.59].forEach((value, i) => expect(dx[i]).toBeCloseTo(value, 2));
    [-0.2, -0.39, 0.2].forEach((value, i) => expect(dw[i]).toBeCloseTo(value, 2));
    expect(out).toContain("course notes' numbers: 10 of 10 match");
  });

  it('gradient-check finds both losses’ gradients good, regularisation off and on, and reports the hinge’s kinks', () => {
    const out = runExample('gradient-check.ts', '--quick');
    // The notes' sanity check at initialisation (small random W): softmax ≈ ln 10, SVM ≈ C − 1 = 9.
    expect(numberAfter(out, 'softmax loss ')).toBeCloseTo(Math.log(10), 3);
    expect(numberAfter(out, 'svm     loss ')).toBeCloseTo(9, 0);
    for (const loss of ['svm', 'softmax']) {
      for (const lambda of ['0', '0.1']) {
        const block = new RegExp(`^${loss}, λ = ${lambda}:\\n(.*)\\n(.*)$`, 'm').exec(out);
        expect(block, `${loss}, λ = ${lambda}`).not.toBeNull();
        for (const line of block!.slice(1, 3)) {
          expect(numberAfter(line, 'max relative error ')).toBeLessThan(1e-7);
          expect(line).toContain('good (< 1e-7)');
        }
      }
    }
    // At the margin, the bare relative error is 1 (a false alarm); gradcheck reports kinks instead.
    expect(out).toContain('max relative error 1: probably wrong (> 1e-2)');
    expect(out).toMatch(/gradcheck ok: .*; 4 kinks not counted/);
    expect(out).toContain('kink at scores[0,1]: left slope 0.0000, right slope 0.5000, backward 0, centered difference 0.2500');
  });

  it('optimizers draws each path over Rosenbrock from (−1.2, 1) in its own panel, ending where the table says', () => {
    // 2,000 steps: Momentum, Nesterov and Adam reach (1, 1) within 0.01 (the table's step counts),
    // SGD and AdaGrad are still creeping along the valley floor, RMSProp circles the minimum.
    const out = runExample('optimizers.ts', '--max-steps', '2000', '--out', output);
    expect(out).toContain(`wrote ${join(output, 'trajectories.svg')}`);
    // The reproduce line repeats every flag given, --out included.
    expect(out).toContain(`reproduce: npx tsx examples/optimizers.ts --max-steps 2000 --out ${shellWord(output)}\n`);
    const svg = readFileSync(join(output, 'trajectories.svg'), 'utf8');
    expect(svg).toContain('steps to within 0.01 of (1, 1), a dot every 100 steps');
    const panels = plottedCharts(svg);
    const converged = new Map([...out.matchAll(/^(\w+) +(\d+) /gm)].map(([, name, steps]) => [name, Number(steps)]));
    expect([...converged.keys()].sort()).toEqual(['Adam', 'Momentum', 'Nesterov']);
    // One panel per optimizer (in one picture the paths hide each other on the valley floor),
    // each naming its settings as the table's settings line does.
    const settings = /^settings: (.*) — /m.exec(out)![1].split('; ');
    expect(panels.map((panel) => panel.paths.map((path) => path.name))).toEqual(settings.map((setting) => [setting.replace(' ', ', ')]));
    panels.forEach(({ title, paths: [{ name, start, end, paceDots }], contours }) => {
      const optimizer = name.split(',')[0];
      const steps = converged.get(optimizer);
      expect(contours, optimizer).toBeGreaterThan(10);
      expect(title).toBe(`${optimizer}: ${steps === undefined ? 'not at (1, 1) after 2000 steps' : `${steps} steps to (1, 1)`}`);
      expect(start!.map((v) => Number(v.toFixed(2)))).toEqual([-1.2, 1]);
      // The end marker is the path's last point, drawn to a hundredth of a pixel.
      const distance = Math.hypot(end![0] - 1, end![1] - 1);
      if (steps !== undefined) expect(distance, optimizer).toBeLessThan(0.0101);
      else expect(distance, optimizer).toBeGreaterThan(0.01);
      // A dot on points 100, 200, … before the last: the path's pace.
      expect(paceDots, optimizer).toBe(Math.floor(((steps ?? 2000) - 1) / 100));
    });
  });

  it('mlp-spiral: the MLP reaches at least 95 % where the linear classifier stays near 50 %', () => {
    const out = runExample('mlp-spiral.ts', '--quick');
    const losses = [...out.matchAll(/MLP (\d+\.\d+)$/gm)].map((m) => Number(m[1]));
    expect(losses.length).toBe(5);
    expect(losses[4]).toBeLessThan(losses[0] / 2);
    expect(numberAfter(out, 'MLP training accuracy ')).toBeGreaterThanOrEqual(95);
    const linear = numberAfter(out, 'linear training accuracy ');
    expect(linear).toBeGreaterThan(40);
    expect(linear).toBeLessThan(60);
    expect(out).toContain('reproduce: npx tsx examples/mlp-spiral.ts --quick');
  });
});
