/**
 * RMSProp's first three steps against values worked out from the rule in its doc comment, from
 * θ₀ = [1, −2] with gradients g₁ = [0.5, −1], g₂ = [1, 1], g₃ = [−2, 0.5], α = 0.01, ρ = 0.9.
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { initialRMSPropState, RMSProp, rmsPropStep } from '../src/index.js';
import { expectTrajectory, startingPoint, stepWithGradients } from './trajectory.js';

describe('RMSProp', () => {
  it('divides by √(leaky average of g²) + ε', () => {
    const theta = startingPoint();
    const opt = new RMSProp([theta], { lr: 0.01, alpha: 0.9 });
    const trajectory = stepWithGradients(opt, theta);
    // s₁ = 0.1·[0.25, 1]: θ₁ = [1 − 0.01·0.5/(√0.025 + 1e-8), −2 + 0.01/(√0.1 + 1e-8)] ≈ [0.96838, −1.96838]
    expectTrajectory(trajectory, [
      [0.968377225398316, -1.9683772243983162],
      [0.939805797643214, -1.9913187972590567],
      [0.9678045373362929, -2.00261264579027],
    ]);
    const state = opt.state.get(theta)!;
    expect(state.step).toBe(3);
    expect(state.momentumBuffer).toBeUndefined();
    expect(state.gradAvg).toBeUndefined();
  });

  it('subtracts the squared mean gradient inside the root when centered', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new RMSProp([theta], { lr: 0.01, alpha: 0.9, centered: true }), theta);
    // s₁ = [0.025, 0.1], ḡ₁ = [0.05, −0.1]: d₁ = [√(0.025 − 0.0025), √(0.1 − 0.01)] + ε = [0.15, 0.3] + ε
    // θ₁ = [1 − 0.01·0.5/0.15, −2 + 0.01/0.3] ≈ [0.9666667, −1.9666667]
    expectTrajectory(trajectory, [
      [0.9666666688888887, -1.9666666677777778],
      [0.9352745625844857, -1.9896142802785686],
      [0.9634067748260032, -2.001009775303602],
    ]);
  });

  it('accumulates g/d in a momentum buffer: b ← μ·b + g/d, θ ← θ − α·b', () => {
    const theta = startingPoint();
    const opt = new RMSProp([theta], { lr: 0.01, alpha: 0.9, momentum: 0.5 });
    const trajectory = stepWithGradients(opt, theta);
    // The first step equals plain RMSProp's (b₀ = 0); later ones add half the previous step.
    expectTrajectory(trajectory, [
      [0.968377225398316, -1.9683772243983162],
      [0.9239944103423721, -1.9755074094582148],
      [0.9298017425074789, -1.9903663505193776],
    ]);
    expect(opt.state.get(theta)!.momentumBuffer).toBeDefined();
  });

  it('combines centered, momentum and weightDecay', () => {
    const theta = startingPoint();
    const opt = new RMSProp([theta], { lr: 0.01, alpha: 0.9, momentum: 0.5, centered: true, weightDecay: 0.1 });
    const trajectory = stepWithGradients(opt, theta);
    // g₁' = [0.6, −1.2]: s₁ = [0.036, 0.144], ḡ₁ = [0.06, −0.12], d₁ = [√0.0324, √0.1296] = [0.18, 0.36]
    // θ₁ = [1 − 0.01·0.6/0.18, −2 + 0.01·1.2/0.36] ≈ [0.96667, −1.96667]
    expectTrajectory(trajectory, [
      [0.9666666685185185, -1.9666666675925926],
      [0.9190903206490948, -1.9682684787904405],
      [0.9222977230823654, -1.9761393919994643],
    ]);
    expect(opt.state.get(theta)!.gradAvg).toBeDefined();
  });

  it('rmsPropStep is a pure function of its arguments', () => {
    const theta = startingPoint();
    const hyper = { lr: 0.01, alpha: 0.9, eps: 1e-8, momentum: 0, centered: false, weightDecay: 0 };
    const state = initialRMSPropState(theta, hyper);
    rmsPropStep(theta, tensor([0.5, -1]), state, hyper);
    expectTrajectory([[...theta.data()]], [[0.968377225398316, -1.9683772243983162]]);
    expectTrajectory([[...state.squareAvg.data()]], [[0.025, 0.1]], 15);
  });
});
