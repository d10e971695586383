/**
 * The schedulers over 20 steps against PyTorch's closed forms, computed independently here
 * (the schedulers themselves use PyTorch's recursive forms).
 */
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { CosineAnnealingLR, ExponentialLR, LinearLR, SGD, StepLR, type LRScheduler } from '../src/index.js';

function optimizer(...lrs: number[]): SGD {
  return new SGD(lrs.map((lr) => ({ params: [tensor([0], { requiresGrad: true })], lr })), { lr: lrs[0] });
}

/** getLastLr() after construction and after each of `steps` steps. */
function schedule(scheduler: LRScheduler, steps = 20): number[][] {
  const out = [scheduler.getLastLr()];
  for (let t = 0; t < steps; t++) {
    scheduler.step();
    out.push(scheduler.getLastLr());
  }
  return out;
}

function expectSchedule(actual: number[][], closedForm: (epoch: number, group: number) => number): void {
  actual.forEach((lrs, epoch) => lrs.forEach((lr, g) => expect(lr, `epoch ${epoch}, group ${g}`).toBeCloseTo(closedForm(epoch, g), 14)));
}

describe('StepLR', () => {
  it('multiplies by γ every stepSize epochs: lr = base·γ^⌊e/stepSize⌋', () => {
    const bases = [0.1, 0.02];
    const opt = optimizer(...bases);
    expectSchedule(schedule(new StepLR(opt, { stepSize: 3, gamma: 0.5 })), (e, g) => bases[g] * 0.5 ** Math.floor(e / 3));
    expect(opt.paramGroups[0].lr).toBeCloseTo(0.1 * 0.5 ** 6, 15);
  });

  it('defaults γ to 0.1', () => {
    expect(new StepLR(optimizer(1), { stepSize: 1 }).gamma).toBe(0.1);
  });
});

describe('ExponentialLR', () => {
  it('multiplies by γ every epoch: lr = base·γ^e', () => {
    expectSchedule(schedule(new ExponentialLR(optimizer(0.1, 1), { gamma: 0.9 })), (e, g) => [0.1, 1][g] * 0.9 ** e);
  });
});

describe('CosineAnnealingLR', () => {
  it('follows ηmin + (base − ηmin)(1 + cos(πe/T))/2, down to ηmin at T and back up past it', () => {
    const bases = [0.1, 0.05];
    const lrs = schedule(new CosineAnnealingLR(optimizer(...bases), { tMax: 10, etaMin: 0.001 }));
    expectSchedule(lrs, (e, g) => 0.001 + ((bases[g] - 0.001) * (1 + Math.cos((Math.PI * e) / 10))) / 2);
    expect(lrs[10][0]).toBeCloseTo(0.001, 14);
    expect(lrs[20][0]).toBeCloseTo(0.1, 14);
  });

  it('matches PyTorch’s printed values for T = 4 from lr 1', () => {
    // torch: [1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 0.0, 0.14644660940672616, 0.5, …]
    const lrs = schedule(new CosineAnnealingLR(optimizer(1), { tMax: 4 }), 6).map(([lr]) => lr);
    [1, 0.8535533905932737, 0.5, 0.14644660940672627, 0, 0.14644660940672616, 0.5].forEach((value, e) => expect(lrs[e]).toBeCloseTo(value, 14));
  });
});

describe('LinearLR', () => {
  it('warms up from startFactor to endFactor over totalIters, then holds', () => {
    const lrs = schedule(new LinearLR(optimizer(0.1)));
    expectSchedule(lrs, (e) => 0.1 * (1 / 3 + (2 / 3) * (Math.min(e, 5) / 5)));
    expect(lrs[0][0]).toBeCloseTo(0.1 / 3, 15);
    expect(lrs[20][0]).toBeCloseTo(0.1, 15);
  });

  it('decays with endFactor < startFactor', () => {
    expectSchedule(schedule(new LinearLR(optimizer(0.5), { startFactor: 1, endFactor: 0.1, totalIters: 8 })), (e) => 0.5 * (1 - 0.9 * (Math.min(e, 8) / 8)));
  });

  it('chains with ExponentialLR as PyTorch’s recursive forms do: the factors multiply', () => {
    const opt = optimizer(0.1);
    const warmup = new LinearLR(opt, { startFactor: 0.5, totalIters: 4 });
    const decay = new ExponentialLR(opt, { gamma: 0.9 });
    const lrs = [decay.getLastLr()[0]];
    for (let t = 0; t < 10; t++) {
      warmup.step();
      decay.step();
      lrs.push(decay.getLastLr()[0]);
    }
    lrs.forEach((lr, e) => expect(lr).toBeCloseTo(0.1 * (0.5 + 0.5 * (Math.min(e, 4) / 4)) * 0.9 ** e, 14));
  });
});

describe('base lrs', () => {
  it('are the lrs before any scheduler changed them, as PyTorch’s initial_lr: a cosine after a warm-up starts from the full lr', () => {
    const opt = new SGD([{ params: [tensor([1], { requiresGrad: true })] }, { params: [tensor([1], { requiresGrad: true })], lr: 1 }], { lr: 0.1 });
    new LinearLR(opt, { startFactor: 0.5, totalIters: 2 });
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.05, 0.5]);
    const cosine = new CosineAnnealingLR(opt, { tMax: 2 });
    expect(cosine.baseLrs).toEqual([0.1, 1]);
    // Epochs 1, 2 take 0.5 → 0.25 → 0; at epoch 3 = T + 1 the recursive form adds back
    // (baseLr − ηmin)(1 − cos(π/2))/2 = 0.5 — the closed form (1 + cos(3π/2))/2 of the full lr 1.
    for (let e = 1; e <= 3; e++) cosine.step();
    expect(cosine.getLastLr()[1]).toBeCloseTo(0.5, 14);
  });
});

describe('scheduler state', () => {
  it('sets the lr the optimizer steps with', () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new SGD([w], { lr: 1 });
    const scheduler = new StepLR(opt, { stepSize: 1, gamma: 0.5 });
    scheduler.step();
    w.grad = tensor([1]);
    opt.step();
    expect(w.toArray()).toEqual([0.5]);
    expect(scheduler.lastEpoch).toBe(1);
  });

  it('round-trips its position through stateDict', () => {
    const opt = optimizer(0.1);
    const original = new CosineAnnealingLR(opt, { tMax: 10 });
    for (let t = 0; t < 4; t++) original.step();
    const saved = original.stateDict();
    const lr = opt.paramGroups[0].lr;
    const fresh = optimizer(0.1);
    fresh.paramGroups[0].lr = lr;
    const resumed = new CosineAnnealingLR(fresh, { tMax: 10 });
    fresh.paramGroups[0].lr = lr;
    resumed.loadStateDict(saved);
    original.step();
    resumed.step();
    expect(resumed.getLastLr()).toEqual(original.getLastLr());
    expect(resumed.lastEpoch).toBe(5);
  });

  it.each([
    [() => new StepLR(optimizer(1), { stepSize: 0 }), 'StepLR: stepSize = 0 must be a whole number ≥ 1'],
    [() => new StepLR(optimizer(1), { stepSize: 2, gamma: Number.NaN }), 'StepLR: gamma = NaN must be a finite number'],
    [() => new ExponentialLR(optimizer(1), {} as never), 'ExponentialLR: gamma = undefined must be a finite number'],
    [() => new CosineAnnealingLR(optimizer(1), { tMax: 2.5 }), 'CosineAnnealingLR: tMax = 2.5 must be a whole number ≥ 1'],
    [() => new LinearLR(optimizer(1), { startFactor: 0 }), 'LinearLR: startFactor = 0 must be in (0, 1]'],
    [() => new LinearLR(optimizer(1), { endFactor: 1.5 }), 'LinearLR: endFactor = 1.5 must be in [0, 1]'],
    [() => new LinearLR(optimizer(1), { totalIters: 0 }), 'LinearLR: totalIters = 0 must be a whole number ≥ 1'],
    [() => new StepLR(null as never, { stepSize: 1 }), 'StepLR: the first argument must be an optimizer'],
  ] as [() => unknown, string][])('%#: throws “$1”', (make, message) => {
    expect(make).toThrow(message);
  });
});
