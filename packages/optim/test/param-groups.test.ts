/** Parameter groups, skipping parameters without a gradient, zeroGrad and version counters. */
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { Adam, RMSProp, SGD } from '../src/index.js';

describe('parameter groups', () => {
  it('gives each group its own hyperparameters, defaults filling the rest', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.5, momentum: 0.9 }], { lr: 0.1 });
    expect(opt.paramGroups.map(({ lr, momentum }) => ({ lr, momentum }))).toEqual([{ lr: 0.1, momentum: 0 }, { lr: 0.5, momentum: 0.9 }]);
    a.grad = tensor([1]);
    b.grad = tensor([1]);
    opt.step();
    expect(a.toArray()).toEqual([0.9]);
    expect(b.toArray()).toEqual([0.5]);
    expect(opt.state.get(a)!.momentumBuffer).toBeUndefined();
    expect(opt.state.get(b)!.momentumBuffer!.toArray()).toEqual([1]);
  });

  it('uses a group’s lr as changed by the user or a scheduler on the next step', () => {
    const a = tensor([1], { requiresGrad: true });
    const opt = new SGD([a], { lr: 0.1 });
    opt.paramGroups[0].lr = 0.25;
    a.grad = tensor([1]);
    opt.step();
    expect(a.toArray()).toEqual([0.75]);
  });

  it('does not share a betas array between groups or with the defaults', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const betas: [number, number] = [0.8, 0.9];
    const opt = new Adam([{ params: [a] }, { params: [b] }], { betas });
    opt.paramGroups[0].betas[0] = 0.5;
    expect(opt.paramGroups[1].betas).toEqual([0.8, 0.9]);
    expect(opt.defaults.betas).toEqual([0.8, 0.9]);
    expect(betas).toEqual([0.8, 0.9]);
  });

  it('adds a group later with addParamGroup', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const opt = new SGD([a], { lr: 0.1 });
    opt.addParamGroup({ params: [b], lr: 1 });
    b.grad = tensor([1]);
    opt.step();
    expect(b.toArray()).toEqual([0]);
    expect(() => opt.addParamGroup({ params: [a] })).toThrow('SGD: addParamGroup: params[0] [1] float64 appears more than once');
  });

  it('accepts any iterable of parameters, e.g. a generator', () => {
    const a = tensor([1], { requiresGrad: true });
    function* parameters() {
      yield a;
    }
    expect(new SGD(parameters(), { lr: 0.1 }).paramGroups[0].params).toEqual([a]);
  });
});

describe('step and zeroGrad', () => {
  it('skips a parameter whose grad is null and leaves its state alone', () => {
    const used = tensor([1, 1], { requiresGrad: true });
    const unused = tensor([5, 5], { requiresGrad: true });
    const opt = new RMSProp([used, unused], { momentum: 0.9 });
    used.grad = tensor([1, 1]);
    opt.step();
    expect(unused.toArray()).toEqual([5, 5]);
    expect(opt.state.has(unused)).toBe(false);
    unused.grad = tensor([1, 1]);
    opt.step();
    used.grad = null;
    const before = used.toArray();
    const stepBefore = opt.state.get(used)!.step;
    opt.step();
    expect(used.toArray()).toEqual(before);
    expect(opt.state.get(used)!.step).toBe(stepBefore);
    expect(opt.state.get(unused)!.step).toBe(2);
  });

  it('zeroGrad sets every gradient to null', () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([2], { requiresGrad: true });
    const opt = new Adam([{ params: [a] }, { params: [b] }]);
    a.mul(b).sum().backward();
    opt.zeroGrad();
    expect(a.grad).toBeNull();
    expect(b.grad).toBeNull();
  });

  it('bumps the version counter, so a graph that saved the old values refuses to backward', () => {
    const w = tensor([1, 2], { requiresGrad: true, label: 'w' });
    const opt = new SGD([w], { lr: 0.1 });
    const stale = w.mul(w).sum();
    w.grad = tensor([1, 1]);
    opt.step();
    expect(() => stale.backward()).toThrow();
  });

  it('accepts NaN gradients as PyTorch does (and passes the NaN on)', () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const opt = new Adam([w]);
    w.grad = tensor([Number.NaN, 1]);
    opt.step();
    expect(Number.isNaN(w.data()[0])).toBe(true);
    expect(w.data()[1]).toBeCloseTo(2 - 1e-3, 9);
  });
});
