/**
 * SGD's first three steps against values worked out by hand from the rule in its doc comment,
 * from θ₀ = [1, −2] with gradients g₁ = [0.5, −1], g₂ = [1, 1], g₃ = [−2, 0.5] and α = 0.1.
 */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { SGD, sgdStep, type SGDState } from '../src/index.js';
import { expectTrajectory, startingPoint, stepWithGradients } from './trajectory.js';

describe('SGD', () => {
  it('takes plain gradient steps θ ← θ − α·g', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new SGD([theta], { lr: 0.1 }), theta);
    // [1, −2] − 0.1·[0.5, −1] = [0.95, −1.9]; − 0.1·[1, 1] = [0.85, −2]; − 0.1·[−2, 0.5] = [1.05, −2.05]
    expectTrajectory(trajectory, [[0.95, -1.9], [0.85, -2], [1.05, -2.05]]);
  });

  it('starts the momentum buffer at the first gradient, then b ← ρ·b + g', () => {
    const theta = startingPoint();
    const opt = new SGD([theta], { lr: 0.1, momentum: 0.9 });
    const trajectory = stepWithGradients(opt, theta);
    // b₁ = [0.5, −1]                               θ₁ = [0.95, −1.9]
    // b₂ = 0.9·[0.5, −1] + [1, 1] = [1.45, 0.1]     θ₂ = [0.805, −1.91]
    // b₃ = 0.9·[1.45, 0.1] + [−2, 0.5] = [−0.695, 0.59]   θ₃ = [0.8745, −1.969]
    expectTrajectory(trajectory, [[0.95, -1.9], [0.805, -1.91], [0.8745, -1.969]]);
    expect([...opt.state.get(theta)!.momentumBuffer!.data()].map((v) => Number(v.toFixed(12)))).toEqual([-0.695, 0.59]);
  });

  it('dampens every gradient but the first: b ← ρ·b + (1 − τ)·g', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new SGD([theta], { lr: 0.1, momentum: 0.9, dampening: 0.5 }), theta);
    // b₁ = [0.5, −1] (no dampening on the first step)          θ₁ = [0.95, −1.9]
    // b₂ = [0.45, −0.9] + 0.5·[1, 1] = [0.95, −0.4]             θ₂ = [0.855, −1.86]
    // b₃ = [0.855, −0.36] + 0.5·[−2, 0.5] = [−0.145, −0.11]     θ₃ = [0.8695, −1.849]
    expectTrajectory(trajectory, [[0.95, -1.9], [0.855, -1.86], [0.8695, -1.849]]);
  });

  it('uses g + ρ·b as the step with nesterov', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new SGD([theta], { lr: 0.1, momentum: 0.9, nesterov: true }), theta);
    // b₁ = [0.5, −1]; step g₁ + 0.9·b₁ = [0.95, −1.9]                     θ₁ = [0.905, −1.81]
    // b₂ = [1.45, 0.1]; step [1, 1] + 0.9·b₂ = [2.305, 1.09]              θ₂ = [0.6745, −1.919]
    // b₃ = [−0.695, 0.59]; step [−2, 0.5] + 0.9·b₃ = [−2.6255, 1.031]     θ₃ = [0.93705, −2.0221]
    expectTrajectory(trajectory, [[0.905, -1.81], [0.6745, -1.919], [0.93705, -2.0221]]);
  });

  it('adds λ·θ to the gradient with weightDecay, before the momentum buffer', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new SGD([theta], { lr: 0.1, momentum: 0.9, weightDecay: 0.1 }), theta);
    // g₁' = [0.5, −1] + 0.1·[1, −2] = [0.6, −1.2] = b₁                      θ₁ = [0.94, −1.88]
    // g₂' = [1.094, 0.812]; b₂ = [0.54, −1.08] + g₂' = [1.634, −0.268]       θ₂ = [0.7766, −1.8532]
    // g₃' = [−1.92234, 0.31468]; b₃ = [1.4706, −0.2412] + g₃' = [−0.45174, 0.07348]
    //                                                                       θ₃ = [0.821774, −1.860548]
    expectTrajectory(trajectory, [[0.94, -1.88], [0.7766, -1.8532], [0.821774, -1.860548]]);
  });

  it('weightDecay λ takes the steps of plain SGD on loss + λ/2·Σθ² (the L2 penalty)', () => {
    const decayed = tensor([1.5, -0.5], { requiresGrad: true });
    const penalized = tensor([1.5, -0.5], { requiresGrad: true });
    const withDecay = new SGD([decayed], { lr: 0.05, momentum: 0.9, weightDecay: 0.2 });
    const withPenalty = new SGD([penalized], { lr: 0.05, momentum: 0.9 });
    const loss = (w: Tensor): Tensor => w.pow(4).sum().add(w.sum().mul(3));
    for (let t = 0; t < 20; t++) {
      withDecay.zeroGrad();
      loss(decayed).backward();
      withDecay.step();
      withPenalty.zeroGrad();
      loss(penalized).add(penalized.mul(penalized).sum().mul(0.2 / 2)).backward();
      withPenalty.step();
    }
    expectTrajectory([[...decayed.data()]], [[...penalized.data()]]);
  });

  it('continues from a seeded momentum buffer instead of starting it at the gradient', () => {
    const theta = startingPoint();
    const opt = new SGD([theta], { lr: 0.1, momentum: 0.5 });
    opt.state.set(theta, { momentumBuffer: tensor([2, 2]) });
    theta.grad = tensor([1, 1]);
    opt.step();
    // b = 0.5·[2, 2] + [1, 1] = [2, 2]; θ = [1, −2] − 0.1·[2, 2]
    expect(theta.toArray()).toEqual([0.8, -2.2]);
  });

  it('sgdStep is a pure function of its arguments', () => {
    const theta = startingPoint();
    const state: SGDState = {};
    const hyper = { lr: 0.1, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 };
    sgdStep(theta, tensor([0.5, -1]), state, hyper);
    sgdStep(theta, tensor([1, 1]), state, hyper);
    expectTrajectory([[...theta.data()], [...state.momentumBuffer!.data()]], [[0.805, -1.91], [1.45, 0.1]]);
  });

  it('updates float32 parameters in float32', () => {
    const theta = tensor([1, -2], { dtype: 'float32', requiresGrad: true });
    const opt = new SGD([theta], { lr: 0.1, momentum: 0.9 });
    stepWithGradients(opt, theta);
    expect(theta.dtype).toBe('float32');
    expect(opt.state.get(theta)!.momentumBuffer!.dtype).toBe('float32');
    expect(theta.toArray()).toEqual([Math.fround(0.8745), Math.fround(-1.969)]);
  });
});
