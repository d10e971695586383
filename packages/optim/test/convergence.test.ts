/**
 * Every optimizer, with settings a person would pick, drives a convex quadratic and the
 * Rosenbrock function from (−1.5, 2) toward their minima, through the real loss.backward().
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, AdamW, RMSProp, SGD } from '../src/index.js';
import { minimize, quadratic, rosenbrock } from './objectives.js';

type Make = (p: Tensor) => { step(): void; zeroGrad(): void };

const onQuadratic: [string, Make][] = [
  ['SGD', (p) => new SGD([p], { lr: 0.1 })],
  ['SGD + momentum', (p) => new SGD([p], { lr: 0.05, momentum: 0.9 })],
  ['SGD + Nesterov', (p) => new SGD([p], { lr: 0.05, momentum: 0.9, nesterov: true })],
  ['Adam', (p) => new Adam([p], { lr: 0.1 })],
  ['AdamW', (p) => new AdamW([p], { lr: 0.1 })],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.5 })],
  ['RMSProp', (p) => new RMSProp([p], { lr: 0.01 })],
  ['RMSProp centered + momentum', (p) => new RMSProp([p], { lr: 0.01, momentum: 0.5, centered: true })],
];

const onRosenbrock: [string, Make, number][] = [
  ['SGD + momentum', (p) => new SGD([p], { lr: 2e-4, momentum: 0.9 }), 5000],
  ['SGD + Nesterov', (p) => new SGD([p], { lr: 2e-4, momentum: 0.9, nesterov: true }), 5000],
  ['Adam', (p) => new Adam([p], { lr: 0.05 }), 3000],
  ['AdamW', (p) => new AdamW([p], { lr: 0.05, weightDecay: 1e-4 }), 3000],
  ['AdaGrad', (p) => new AdaGrad([p], { lr: 0.5 }), 5000],
  ['RMSProp', (p) => new RMSProp([p], { lr: 1e-3 }), 5000],
];

describe('convergence', () => {
  it.each(onQuadratic)('%s reaches the minimum of ½(x² + 10y²) from (3, −2)', (_name, make) => {
    const p = tensor([3, -2], { requiresGrad: true });
    const start = quadratic(p).item();
    const final = minimize(quadratic, p, make(p), 500);
    expect(final).toBeLessThan(1e-4 * start);
    expect(Math.hypot(...p.data())).toBeLessThan(0.05);
  });

  it.each(onRosenbrock)('%s approaches Rosenbrock’s minimum (1, 1) from (−1.5, 2)', (_name, make, steps) => {
    const p = tensor([-1.5, 2], { requiresGrad: true });
    const start = rosenbrock(p).item();
    const final = minimize(rosenbrock, p, make(p), steps);
    expect(final).toBeLessThan(start / 100);
    const [x, y] = p.data();
    expect(Math.hypot(x - 1, y - 1)).toBeLessThan(0.5);
  });

  it('plain SGD descends Rosenbrock’s valley with a small enough step', () => {
    const p = tensor([-1.5, 2], { requiresGrad: true });
    const start = rosenbrock(p).item();
    expect(minimize(rosenbrock, p, new SGD([p], { lr: 1e-3 }), 5000)).toBeLessThan(start / 100);
  });
});
