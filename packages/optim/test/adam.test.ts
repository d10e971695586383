/**
 * Adam's and AdamW's first three steps against values worked out from the rule in their doc
 * comments, from θ₀ = [1, −2] with gradients g₁ = [0.5, −1], g₂ = [1, 1], g₃ = [−2, 0.5]. The
 * first step is easy by hand: m̂₁ = g₁ and v̂₁ = g₁², so θ₁ = θ₀ − α·g₁ / (|g₁| + ε).
 */
import { describe, expect, it } from 'vitest';
import { type Tensor, tensor, zerosLike } from '@tapegrad/tensor';
import { Adam, adamStep, AdamW, adamWStep, type AdamState } from '../src/index.js';
import { expectTrajectory, startingPoint, stepWithGradients } from './trajectory.js';

describe('Adam', () => {
  it('follows m̂ / (√v̂ + ε) with the step counter incremented before the bias correction', () => {
    const theta = startingPoint();
    const opt = new Adam([theta], { lr: 0.1 });
    const trajectory = stepWithGradients(opt, theta);
    // θ₁ = [1 − 0.1·0.5/(0.5 + 1e-8), −2 + 0.1·1/(1 + 1e-8)] = [0.900000002, −1.900000001]
    expectTrajectory(trajectory, [
      [0.900000002, -1.900000001],
      [0.8034818006385094, -1.9052631588421052],
      [0.8228612459927355, -1.9304065890817537],
    ]);
    const state = opt.state.get(theta)!;
    expect(state.step).toBe(3);
    // m₃ = 0.9·(0.9·0.1·0.5 + 0.1·1) + 0.1·(−2) = 0.9·0.145 − 0.2 = −0.0695
    expect(state.expAvg.data()[0]).toBeCloseTo(-0.0695, 14);
    // v₃ = 0.999·(0.999·0.001·0.25 + 0.001·1) + 0.001·4
    expect(state.expAvgSq.data()[0]).toBeCloseTo(0.999 * (0.999 * 0.001 * 0.25 + 0.001) + 0.004, 14);
    expect(state.maxExpAvgSq).toBeUndefined();
  });

  it('uses the given betas and eps', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new Adam([theta], { lr: 0.1, betas: [0.5, 0.75], eps: 0.01 }), theta);
    // θ₁ = [1 − 0.1·0.5/0.51, −2 + 0.1·1/1.01] = [0.9019607843…, −1.9009900990…]
    expectTrajectory(trajectory, [
      [0.9019607843137255, -1.900990099009901],
      [0.802011295312971, -1.9339933993399339],
      [0.8556708659708042, -1.985504701843832],
    ]);
  });

  it('adds λ·θ to the gradient with weightDecay (L2, coupled)', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new Adam([theta], { lr: 0.1, weightDecay: 0.1 }), theta);
    // g₁' = [0.6, −1.2]; θ₁ = θ₀ − 0.1·g₁'/(|g₁'| + 1e-8)
    expectTrajectory(trajectory, [
      [0.9000000016666666, -1.9000000008333333],
      [0.8025029703202308, -1.8861177532216595],
      [0.815147822707015, -1.8890701874322793],
    ]);
  });

  it('divides by the running maximum of v with amsgrad', () => {
    // With β₂ = 0.9 and a small second gradient, v shrinks (0.4 → 0.361) and AMSGrad keeps 0.4.
    const grads = [[2, -1], [0.1, 0.1], [0.1, -3]];
    const amsgrad = startingPoint();
    const opt = new Adam([amsgrad], { lr: 0.1, betas: [0.9, 0.9], amsgrad: true });
    expectTrajectory(stepWithGradients(opt, amsgrad, grads), [
      [0.9000000005, -1.900000001],
      [0.8310797572145489, -1.841961901791199],
      [0.7761049227666627, -1.7698470588254238],
    ]);
    const plain = startingPoint();
    expectTrajectory(stepWithGradients(new Adam([plain], { lr: 0.1, betas: [0.9, 0.9] }), plain, grads), [
      [0.9000000005, -1.900000001],
      [0.8274523760153145, -1.8391595416877446],
      [0.7665475446231745, -1.7670446987219695],
    ]);
    expect(opt.state.get(amsgrad)!.maxExpAvgSq!.data()[0]).toBeCloseTo(0.4, 14);
  });

  it('adamStep is a pure function of its arguments', () => {
    const theta = startingPoint();
    const state: AdamState = { step: 0, expAvg: zerosLike(theta), expAvgSq: zerosLike(theta) };
    const hyper = { lr: 0.1, betas: [0.9, 0.999] as [number, number], eps: 1e-8, weightDecay: 0, amsgrad: false };
    adamStep(theta, tensor([0.5, -1]), state, hyper);
    expectTrajectory([[...theta.data()]], [[0.900000002, -1.900000001]]);
    expect(state.step).toBe(1);
  });
});

describe('AdamW', () => {
  it('shrinks θ by (1 − α·λ) before the Adam step instead of touching the gradient', () => {
    const theta = startingPoint();
    const trajectory = stepWithGradients(new AdamW([theta], { lr: 0.1, weightDecay: 0.1 }), theta);
    // θ₁ = [1·0.99 − 0.1·0.5/(0.5 + 1e-8), −2·0.99 + 0.1·1/(1 + 1e-8)] = [0.890000002, −1.880000001]
    expectTrajectory(trajectory, [
      [0.890000002, -1.880000001],
      [0.7845818006185094, -1.8664631588321052],
      [0.7961154279665503, -1.8729419574834327],
    ]);
  });

  it('defaults to weightDecay 1e-2 and is Adam without decay when λ = 0', () => {
    const a = startingPoint();
    const b = startingPoint();
    const adamW = new AdamW([a], { lr: 0.1 });
    expect(adamW.defaults.weightDecay).toBe(0.01);
    adamW.paramGroups[0].weightDecay = 0;
    expect(stepWithGradients(adamW, a)).toEqual(stepWithGradients(new Adam([b], { lr: 0.1 }), b));
  });

  it('adamWStep is a pure function of its arguments', () => {
    const theta = startingPoint();
    const state: AdamState = { step: 0, expAvg: zerosLike(theta), expAvgSq: zerosLike(theta) };
    adamWStep(theta, tensor([0.5, -1]), state, { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.1, amsgrad: false });
    expectTrajectory([[...theta.data()]], [[0.890000002, -1.880000001]]);
  });
});

describe('weight decay against an L2 penalty in the loss', () => {
  /** `steps` steps on `loss`, plus `penalty·Σθ²` added to the loss itself. */
  function train(make: (w: Tensor) => { step(): void; zeroGrad(): void }, penalty: number): number[] {
    const w = tensor([1.5, -0.5], { requiresGrad: true });
    const opt = make(w);
    for (let t = 0; t < 20; t++) {
      opt.zeroGrad();
      w.pow(4).sum().add(w.sum().mul(3)).add(w.mul(w).sum().mul(penalty)).backward();
      opt.step();
    }
    return [...w.data()];
  }

  it('Adam’s weightDecay λ takes the steps of Adam on loss + λ/2·Σθ² (coupled L2, as in PyTorch)', () => {
    const decayed = train((w) => new Adam([w], { lr: 0.05, weightDecay: 0.2 }), 0);
    const penalized = train((w) => new Adam([w], { lr: 0.05 }), 0.2 / 2);
    expectTrajectory([decayed], [penalized]);
  });

  it('AdamW’s decoupled decay is not an L2 penalty: it takes different steps', () => {
    const decoupled = train((w) => new AdamW([w], { lr: 0.05, weightDecay: 0.2 }), 0);
    const penalized = train((w) => new AdamW([w], { lr: 0.05, weightDecay: 0 }), 0.2 / 2);
    expect(Math.abs(decoupled[0] - penalized[0])).toBeGreaterThan(1e-3);
  });
});
