/**
 * stateDict / loadStateDict: PyTorch's layout, copies, validation, and a mid-training round trip
 * after which training continues bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { noGrad, Tensor, tensor, zeros } from '@tapegrad/tensor';
import { AdaGrad, Adam, AdamW, type OptimizerStateDict, RMSProp, SGD } from '../src/index.js';
import { rosenbrock } from './objectives.js';

type Optimizer = { step(): void; zeroGrad(): void; stateDict(): OptimizerStateDict; loadStateDict(dict: OptimizerStateDict): void };

/** Two parameters in two groups, trained on Rosenbrock in their sum and a quadratic. */
function model(): { a: Tensor; b: Tensor; loss: () => Tensor } {
  const a = tensor([-1.2, 1], { requiresGrad: true });
  const b = tensor([[0.5, -0.3], [0.2, 0.1]], { requiresGrad: true });
  return { a, b, loss: () => rosenbrock(a).add(b.mul(b).sum().mul(3)) };
}

function train(opt: Optimizer, loss: () => Tensor, steps: number): void {
  for (let t = 0; t < steps; t++) {
    opt.zeroGrad();
    loss().backward();
    opt.step();
  }
}

type Maker = (a: Tensor, b: Tensor) => Optimizer;
const makers: [string, Maker][] = [
  ['SGD', (a, b) => new SGD([{ params: [a] }, { params: [b], lr: 1e-3 }], { lr: 1e-4, momentum: 0.9, nesterov: true, weightDecay: 1e-3 })],
  ['Adam', (a, b) => new Adam([{ params: [a] }, { params: [b], amsgrad: true }], { lr: 1e-2 })],
  ['AdamW', (a, b) => new AdamW([{ params: [a] }, { params: [b], lr: 1e-3 }], { lr: 1e-2 })],
  ['AdaGrad', (a, b) => new AdaGrad([{ params: [a] }, { params: [b], lrDecay: 0.01 }], { lr: 0.1 })],
  ['RMSProp', (a, b) => new RMSProp([{ params: [a] }, { params: [b], centered: true }], { lr: 1e-3, momentum: 0.5 })],
];

/**
 * Trains 7 steps uninterrupted, and 4 + 3 steps with the optimizer's state saved after step 4,
 * passed through `carry` (as a new process would read it back) and loaded into a fresh optimizer
 * on fresh parameters holding the saved values. Returns both runs for comparison.
 */
function interruptedRun(make: Maker, carry: (dict: OptimizerStateDict) => OptimizerStateDict) {
  const uninterrupted = model();
  const optA = make(uninterrupted.a, uninterrupted.b);
  train(optA, uninterrupted.loss, 7);

  const resumed = model();
  const first = make(resumed.a, resumed.b);
  train(first, resumed.loss, 4);
  const dict = carry(first.stateDict());
  const restored = model();
  noGrad(() => {
    restored.a.copy_(resumed.a);
    restored.b.copy_(resumed.b);
  });
  const second = make(restored.a, restored.b);
  second.loadStateDict(dict);
  train(second, restored.loss, 3);
  return { uninterrupted, optA, restored, second };
}

describe('stateDict round trip', () => {
  it.each(makers)('%s continues bit for bit after saving and loading into a fresh optimizer mid-training', (_name, make) => {
    const { uninterrupted, optA, restored, second } = interruptedRun(make, (dict) => dict);
    expect([...restored.a.data()]).toEqual([...uninterrupted.a.data()]);
    expect([...restored.b.data()]).toEqual([...uninterrupted.b.data()]);
    expect(second.stateDict()).toEqual(optA.stateDict());
  });

  it('returns copies: later steps do not change a saved dict', () => {
    const { a, b, loss } = model();
    const opt = new Adam([a, b], { lr: 0.1 });
    train(opt, loss, 2);
    const dict = opt.stateDict();
    const saved = (dict.state['0'].expAvg as Tensor).data();
    train(opt, loss, 2);
    expect(dict.state['0'].step).toBe(2);
    expect((dict.state['0'].expAvg as Tensor).data()).toEqual(saved);
    (dict.paramGroups[0].betas as number[])[0] = 0.5;
    expect(opt.paramGroups[0].betas[0]).toBe(0.9);
  });

  it('uses PyTorch’s layout: indices across groups, camelCase names, hyperparameters per group', () => {
    const { a, b, loss } = model();
    const opt = new Adam([{ params: [a] }, { params: [b], lr: 0.5, amsgrad: true }], { lr: 0.1 });
    train(opt, loss, 1);
    const dict = opt.stateDict();
    expect(Object.keys(dict.state)).toEqual(['0', '1']);
    expect(Object.keys(dict.state['0']).sort()).toEqual(['expAvg', 'expAvgSq', 'step']);
    expect(Object.keys(dict.state['1']).sort()).toEqual(['expAvg', 'expAvgSq', 'maxExpAvgSq', 'step']);
    expect(dict.paramGroups).toEqual([
      { lr: 0.1, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, params: [0] },
      { lr: 0.5, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: true, params: [1] },
    ]);
  });

  it('leaves out parameters without state, and loads hyperparameters from the dict', () => {
    const { a, b } = model();
    const opt = new SGD([a, b], { lr: 0.1, momentum: 0.9 });
    b.grad = tensor([[1, 1], [1, 1]]);
    opt.step();
    const dict = opt.stateDict();
    expect(Object.keys(dict.state)).toEqual(['1']);
    dict.paramGroups[0].lr = 0.01;
    const fresh = new SGD([a, b], { lr: 0.1, momentum: 0.9 });
    fresh.loadStateDict(dict);
    expect(fresh.paramGroups[0].lr).toBe(0.01);
    expect(fresh.state.has(a)).toBe(false);
    expect(fresh.state.get(b)!.momentumBuffer!.toArray()).toEqual([[1, 1], [1, 1]]);
  });

  it('casts loaded state to the parameter’s dtype', () => {
    const p = zeros([2], { dtype: 'float32', requiresGrad: true });
    const opt = new Adam([p]);
    opt.loadStateDict({ state: { '0': { step: 1, expAvg: tensor([1, 2]), expAvgSq: tensor([3, 4]) } }, paramGroups: [{ ...opt.stateDict().paramGroups[0] }] });
    expect(opt.state.get(p)!.expAvg.dtype).toBe('float32');
  });
});

describe('stateDict through JSON', () => {
  /** A state dict written as JSON: every Tensor writes itself as nested arrays (`toJSON`). */
  const toJson = (dict: OptimizerStateDict): string => JSON.stringify(dict);

  it.each(makers)('%s loads a dict written as JSON (tensors as arrays) and continues bit for bit', (_name, make) => {
    const { uninterrupted, restored } = interruptedRun(make, (dict) => JSON.parse(toJson(dict)));
    expect([...restored.a.data()]).toEqual([...uninterrupted.a.data()]);
    expect([...restored.b.data()]).toEqual([...uninterrupted.b.data()]);
  });

  it('loads float32 state from JSON exactly, and a 0-d parameter’s state from a plain number', () => {
    const p = tensor([0.1, -0.7], { dtype: 'float32', requiresGrad: true });
    const s = tensor(0.3, { requiresGrad: true });
    const opt = new Adam([p, s], { lr: 0.1 });
    p.grad = tensor([0.3, 1e-3], { dtype: 'float32' });
    s.grad = tensor(2);
    opt.step();
    const fresh = new Adam([p, s], { lr: 0.1 });
    fresh.loadStateDict(JSON.parse(toJson(opt.stateDict())));
    expect(fresh.stateDict()).toEqual(opt.stateDict());
  });

  it('writes its tensors as nested arrays in JSON, and names an entry that is neither', () => {
    const { a, b, loss } = model();
    const opt = new Adam([a, b]);
    train(opt, loss, 1);
    const json = JSON.parse(JSON.stringify(opt.stateDict()));
    expect(json.state['0'].expAvg).toEqual(opt.state.get(a)!.expAvg.toArray());
    json.state['0'].expAvg = { data: [1, 2] };
    expect(() => new Adam([a, b]).loadStateDict(json)).toThrow(
      "Adam.loadStateDict: state['0'].expAvg must be a Tensor or a nested number array, got a plain object; (JSON.stringify(opt.stateDict()) writes its tensors as nested arrays, which load back as they are)",
    );
  });

  it('names the entry and both shapes when an array has the wrong shape', () => {
    const { a, b, loss } = model();
    const opt = new Adam([a, b]);
    train(opt, loss, 1);
    const dict = JSON.parse(toJson(opt.stateDict()));
    dict.state['1'].expAvg = [1, 2, 3, 4];
    expect(() => new Adam([a, b]).loadStateDict(dict)).toThrow("Adam.loadStateDict: state['1'].expAvg has shape [4] but parameter 1 [2,2] float64 has shape [2,2]");
  });
});

describe('loadStateDict validation', () => {
  function setup(): { opt: Adam; dict: OptimizerStateDict; b: Tensor } {
    const { a, b, loss } = model();
    const opt = new Adam([{ params: [a] }, { params: [b] }], { lr: 0.1 });
    train(opt, loss, 1);
    return { opt, dict: opt.stateDict(), b };
  }

  it('rejects a different number of groups', () => {
    const { opt, dict } = setup();
    dict.paramGroups.pop();
    expect(() => opt.loadStateDict(dict)).toThrow('Adam.loadStateDict: the dict has 1 parameter group(s) but the optimizer has 2');
  });

  it('rejects a group of a different size', () => {
    const { opt, dict } = setup();
    dict.paramGroups[1].params.push(2);
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: paramGroups[1] lists 2 parameter(s) but the optimizer's group 1 has 1");
  });

  it('names the key and both shapes when a state tensor does not fit its parameter', () => {
    const { opt, dict } = setup();
    dict.state['1'].expAvg = zeros([4]);
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: state['1'].expAvg has shape [4] but parameter 1 [2,2] float64 has shape [2,2]");
  });

  it('rejects unknown state entries, hyperparameters, indices and top-level keys', () => {
    let { opt, dict } = setup();
    dict.state['0'].momentumBuffer = zeros([2]);
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: unknown state entry 'momentumBuffer' in state['0']; Adam keeps step, expAvg, expAvgSq, maxExpAvgSq");
    ({ opt, dict } = setup());
    dict.paramGroups[0].momentum = 0.9;
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: unknown hyperparameter 'momentum' in paramGroups[0]; Adam has lr, betas, eps, weightDecay, amsgrad");
    ({ opt, dict } = setup());
    dict.state['7'] = dict.state['0'];
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: state['7'] names no parameter; the groups list indices 0, 1");
    ({ opt, dict } = setup());
    expect(() => opt.loadStateDict({ ...dict, extra: 1 } as OptimizerStateDict)).toThrow("Adam.loadStateDict: unknown key 'extra'");
  });

  it('rejects a state without a required entry, a bad step and an invalid loaded hyperparameter', () => {
    let { opt, dict } = setup();
    delete dict.state['0'].expAvgSq;
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: state['0'] has no 'expAvgSq'");
    ({ opt, dict } = setup());
    dict.state['0'].step = -1;
    expect(() => opt.loadStateDict(dict)).toThrow("Adam.loadStateDict: state['0'].step = -1 must be a whole number ≥ 0");
    ({ opt, dict } = setup());
    dict.paramGroups[0].betas = [0.9, 1];
    expect(() => opt.loadStateDict(dict)).toThrow('Adam: loadStateDict: paramGroups[0].betas[1] = 1 must be in [0, 1)');
  });

  it('changes nothing when the dict is rejected', () => {
    const { opt, dict, b } = setup();
    const before = opt.stateDict();
    dict.paramGroups[0].lr = 0.5;
    dict.state['1'].expAvg = zeros([3]);
    expect(() => opt.loadStateDict(dict)).toThrow();
    expect(opt.stateDict()).toEqual(before);
    expect(opt.state.get(b)!.step).toBe(1);
  });
});
