/**
 * AdaGrad's first three steps against values worked out from the rule in its doc comment, from
 * θ₀ = [1, −2] with gradients g₁ = [0.5, −1], g₂ = [1, 1], g₃ = [−2, 0.5] and α = 0.1.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { AdaGrad, adaGradStep, initialAdaGradState } from '../src/index.js';
import { expectTrajectory, startingPoint, stepWithGradients } from './trajectory.js';

describe('AdaGrad', () => {
  it('divides each coordinate by the root of its summed squared gradients', () => {
    const theta = startingPoint();
    const opt = new AdaGrad([theta], { lr: 0.1 });
    const trajectory = stepWithGradients(opt, theta);
    // G₁ = [0.25, 1]: θ₁ = [1 − 0.1·0.5/(0.5 + 1e-10), −2 + 0.1·1/(1 + 1e-10)] = [0.90000000002, −1.90000000001]
    // G₂ = [1.25, 2]: θ₂ = [0.9 − 0.1/√1.25, −1.9 − 0.1/√2] = [0.81055728…, −1.97071067…]
    // G₃ = [5.25, 2.25]: θ₃ = [θ₂ + 0.2/√5.25, θ₂ − 0.05/1.5]
    expectTrajectory(trajectory, [
      [0.90000000002, -1.90000000001],
      [0.8105572809280084, -1.9707106781236547],
      [0.8978444370185958, -2.004044011454766],
    ]);
    expect(opt.state.get(theta)!.sum.toArray()).toEqual([5.25, 2.25]);
    expect(opt.state.get(theta)!.step).toBe(3);
  });

  it('decays the lr as α/(1 + (t − 1)·η), starts G at initialAccumulatorValue and adds λ·θ', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new AdaGrad([theta], { lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 0.1, weightDecay: 0.1 }), theta);
    // g₁' = [0.6, −1.2]; G₁ = [0.1 + 0.36, 0.1 + 1.44]; θ₁ = θ₀ − 0.1·g₁'/√G₁ = [1 − 0.06/√0.46, −2 + 0.12/√1.54]
    // step 2 uses α/(1 + 0.5) and step 3 α/(1 + 1)
    expectTrajectory(trajectory, [
      [0.9115348263201052, -1.9033012443247466],
      [0.8549146041765096, -1.9397299333445142],
      [0.896432611968233, -1.949843077507404],
    ]);
  });

  it('creates its state at construction, as PyTorch does, so it can be read or seeded at once', () => {
    const theta = startingPoint();
    const opt = new AdaGrad([theta], { initialAccumulatorValue: 0.5 });
    expect(opt.state.get(theta)!.step).toBe(0);
    expect(opt.state.get(theta)!.sum.toArray()).toEqual([0.5, 0.5]);
    opt.state.get(theta)!.sum.fill_(4);
    theta.grad = tensor([2, 2]);
    opt.step();
    // G = 4 + 4 = 8: θ −= 0.01·2/√8
    expectTrajectory([[...theta.data()]], [[1 - 0.02 / Math.sqrt(8), -2 - 0.02 / Math.sqrt(8)]]);
  });

  it('adaGradStep is a pure function of its arguments', () => {
    const theta = startingPoint();
    const hyper = { lr: 0.1, lrDecay: 0, eps: 1e-10, initialAccumulatorValue: 0, weightDecay: 0 };
    const state = initialAdaGradState(theta, hyper);
    adaGradStep(theta, tensor([0.5, -1]), state, hyper);
    expectTrajectory([[...theta.data()]], [[0.90000000002, -1.90000000001]]);
    expect(state.sum.toArray()).toEqual([0.25, 1]);
  });
});
