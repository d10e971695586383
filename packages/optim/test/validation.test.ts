/** Every constructor check: each error names the optimizer, the field, the value and what is allowed. */
import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { AdaGrad, Adam, AdamW, RMSProp, SGD } from '../src/index.js';

const p = (): Tensor => tensor([1, 2], { requiresGrad: true });

describe('hyperparameter validation', () => {
  it.each([
    [() => new SGD([p()], { lr: -0.1 }), 'SGD: lr = -0.1 must be a finite number ≥ 0'],
    [() => new SGD([p()], { lr: Number.NaN }), 'SGD: lr = NaN must be a finite number ≥ 0'],
    [() => new SGD([p()], { lr: Infinity }), 'SGD: lr = Infinity must be a finite number ≥ 0'],
    [() => new SGD([p()], {} as never), 'SGD: lr is required, e.g. new SGD(params, { lr: 0.01 })'],
    [() => new SGD([p()], { lr: 0.1, momentum: -0.5 }), 'SGD: momentum = -0.5 must be a finite number ≥ 0'],
    [() => new SGD([p()], { lr: 0.1, weightDecay: -1 }), 'SGD: weightDecay = -1 must be a finite number ≥ 0'],
    [() => new SGD([p()], { lr: 0.1, nesterov: true }), 'SGD: nesterov = true requires momentum > 0 and dampening = 0, got momentum = 0, dampening = 0'],
    [() => new SGD([p()], { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true }), 'SGD: nesterov = true requires momentum > 0 and dampening = 0, got momentum = 0.9, dampening = 0.1'],
    [() => new Adam([p()], { lr: -1 }), 'Adam: lr = -1 must be a finite number ≥ 0'],
    [() => new Adam([p()], { betas: [0.9, 1] }), 'Adam: betas[1] = 1 must be in [0, 1)'],
    [() => new Adam([p()], { betas: [-0.1, 0.999] }), 'Adam: betas[0] = -0.1 must be in [0, 1)'],
    [() => new Adam([p()], { betas: [0.9] as never }), 'Adam: betas = [0.9] must be a pair [beta1, beta2] with each in [0, 1)'],
    [() => new Adam([p()], { eps: 0 }), 'Adam: eps = 0 must be a finite number > 0'],
    [() => new Adam([p()], { weightDecay: -0.01 }), 'Adam: weightDecay = -0.01 must be a finite number ≥ 0'],
    [() => new Adam([p()], { amsgrad: 1 as never }), 'Adam: amsgrad = 1 must be true or false'],
    [() => new AdamW([p()], { betas: [1, 0.999] }), 'AdamW: betas[0] = 1 must be in [0, 1)'],
    [() => new AdamW([p()], { eps: -1e-8 }), 'AdamW: eps = -1e-8 must be a finite number > 0'],
    [() => new AdaGrad([p()], { lr: -0.01 }), 'AdaGrad: lr = -0.01 must be a finite number ≥ 0'],
    [() => new AdaGrad([p()], { lrDecay: -1 }), 'AdaGrad: lrDecay = -1 must be a finite number ≥ 0'],
    [() => new AdaGrad([p()], { eps: 0 }), 'AdaGrad: eps = 0 must be a finite number > 0'],
    [() => new AdaGrad([p()], { initialAccumulatorValue: -1 }), 'AdaGrad: initialAccumulatorValue = -1 must be a finite number ≥ 0'],
    [() => new AdaGrad([p()], { weightDecay: -1 }), 'AdaGrad: weightDecay = -1 must be a finite number ≥ 0'],
    [() => new RMSProp([p()], { alpha: 1 }), 'RMSProp: alpha = 1 must be in [0, 1)'],
    [() => new RMSProp([p()], { alpha: -0.5 }), 'RMSProp: alpha = -0.5 must be in [0, 1)'],
    [() => new RMSProp([p()], { eps: 0 }), 'RMSProp: eps = 0 must be a finite number > 0'],
    [() => new RMSProp([p()], { momentum: -0.9 }), 'RMSProp: momentum = -0.9 must be a finite number ≥ 0'],
    [() => new RMSProp([p()], { weightDecay: -1 }), 'RMSProp: weightDecay = -1 must be a finite number ≥ 0'],
    [() => new RMSProp([p()], { lr: -1 }), 'RMSProp: lr = -1 must be a finite number ≥ 0'],
  ] as [() => unknown, string][])('%#: throws “$1”', (make, message) => {
    expect(make).toThrow(message);
  });

  it('rejects an unknown option, listing the known ones', () => {
    expect(() => new Adam([p()], { learningRate: 0.1 } as never)).toThrow("Adam: unknown option 'learningRate'; the options are lr, betas, eps, weightDecay, amsgrad");
  });

  it('names the group whose override is out of range', () => {
    expect(() => new Adam([{ params: [p()] }, { params: [p()], betas: [0.9, 1] }])).toThrow('Adam: params[1].betas[1] = 1 must be in [0, 1)');
  });
});

describe('parameter validation', () => {
  it('rejects an empty parameter list', () => {
    expect(() => new SGD([], { lr: 0.1 })).toThrow('SGD: params is empty; pass at least one parameter (e.g. model.parameters())');
  });

  it('rejects a parameter listed twice, in one group or across groups', () => {
    const w = p();
    w.label = 'W';
    expect(() => new SGD([w, w], { lr: 0.1 })).toThrow('SGD: params[1] [2] float64 (W) appears more than once; each parameter may be listed once, in one group only');
    expect(() => new Adam([{ params: [w] }, { params: [w] }])).toThrow('Adam: params[1].params[0] [2] float64 (W) appears more than once');
  });

  it('rejects an int32 tensor, a tensor that does not require grad, a non-leaf and a non-Tensor', () => {
    expect(() => new SGD([tensor([1], { dtype: 'int32' })], { lr: 0.1 })).toThrow("SGD: params[0] [1] int32 is int32; only float tensors can be optimized — convert it with astype('float64')");
    expect(() => new Adam([p(), tensor([1])])).toThrow('Adam: params[1] [1] float64 does not require grad; create it with { requiresGrad: true }');
    expect(() => new RMSProp([p().mul(2)])).toThrow('RMSProp: params[0] [2] float64 is not a leaf');
    expect(() => new AdaGrad([{ params: [p(), 3 as never] }])).toThrow('AdaGrad: params[0].params[1] is number, not a Tensor');
  });

  it('rejects a mix of tensors and groups, and a params argument that is not a list', () => {
    expect(() => new SGD([p(), { params: [p()] }] as never, { lr: 0.1 })).toThrow('SGD: params[0] is a Tensor [2] float64; pass either Tensors only or parameter groups { params, ...overrides } only');
    expect(() => new SGD([{ params: [p()] }, { lr: 0.1 }] as never, { lr: 0.1 })).toThrow('SGD: params[1] is an object without a params list');
    expect(() => new SGD(p() as never, { lr: 0.1 })).toThrow('SGD: params must be an array of Tensors or of parameter groups');
  });

  it('checks the gradient and seeded state against the parameter in the step functions', () => {
    const w = p();
    const opt = new Adam([w]);
    opt.state.set(w, { step: 0, expAvg: tensor([0, 0, 0]), expAvgSq: tensor([0, 0]) });
    w.grad = tensor([1, 1]);
    expect(() => opt.step()).toThrow('adamStep: state.expAvg has shape [3] but the parameter [2] float64 has shape [2]');
  });
});
