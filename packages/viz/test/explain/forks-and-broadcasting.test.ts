import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

describe('explainBackward where gradients meet or broadcast', () => {
  it('adds the gradients of a value used twice (x·x + x at x = 3) and shows each running sum', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const square = x.mul(x);
    square.label = 'square';
    const f = square.add(x);
    f.label = 'f';
    const explanation = explainBackward(f);
    const [add, mul] = explanation.steps;

    // add runs first: x's first gradient is 1, not yet a fork.
    expect(add.inputs.map((input) => [input.input.label, input.grad!.item(), input.summed])).toEqual([['square', 1, false], ['x', 1, false]]);
    // mul then sends x·1 = 3 twice (x is both its inputs), each added to the running sum: 1 + 3 = 4, 4 + 3 = 7.
    const sums = mul.inputs.map((input) => [input.previous!.item(), input.grad!.item(), input.total!.item(), input.summed]);
    expect(sums).toEqual([[1, 3, 4, true], [4, 3, 7, true]]);
    expect(explanation.leafGrads.get(x)!.item()).toBe(7); // d(x² + x)/dx = 2x + 1

    const table = explanation.toString();
    expect(table).toContain('x: 1 + 3 = 4');
    expect(table).toContain('x: 4 + 3 = 7');
  });

  it('sums the upstream gradient over the broadcast axes for the broadcast operand of add', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true, label: 'a' });
    const b = tensor([10, 20, 30], { requiresGrad: true, label: 'b' });
    const explanation = explainBackward(a.add(b), { grad: tensor([[1, 2, 3], [4, 5, 6]]) });
    const [add] = explanation.steps;
    expect(add.upstream.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(add.inputs[0].grad!.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(add.inputs[1].grad!.shape).toEqual([3]);
    expect(add.inputs[1].grad!.toArray()).toEqual([5, 7, 9]);
    expect(explanation.toString()).toContain('b ← [5, 7, 9]');
    expect(explanation.toString()).toContain('from the seed ∂L/∂%2 = [[1, 2, 3], [4, 5, 6]]');
  });

  it('takes a number as grad, filling the output shape, as y.backward(seed) does', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true, label: 'x' });
    const explanation = explainBackward(x.mul(x), { grad: 0.5 });
    expect(explanation.seed.toArray()).toEqual([0.5, 0.5, 0.5]);
    expect(explanation.leafGrads.get(x)!.toArray()).toEqual([1, 2, 3]);
  });

  it('prints large tensors by shape and keeps their values in the steps', () => {
    const w = tensor(Array.from({ length: 12 }, (_, i) => i / 10), { requiresGrad: true, label: 'W' }).reshape([3, 4]);
    const loss = w.mul(w).sum();
    loss.label = 'loss';
    const explanation = explainBackward(loss);
    expect(explanation.toString()).toContain('[3,4] float64');
    const mul = explanation.steps.find((step) => step.op === 'mul')!;
    expect(mul.inputs[1].total!.shape).toEqual([3, 4]);
    expect(explanation.steps.map((step) => step.op)).toEqual(['sum', 'mul', 'reshape']);
  });

  it('skips inputs that need no gradient, as backward does, and says so in the table', () => {
    const x = tensor([1, -2, 3], { requiresGrad: true, label: 'x' });
    const scale = tensor([2, 2, 2], { label: 'scale' });
    const y = x.mul(scale).sum();
    const explanation = explainBackward(y);
    const mul = explanation.steps[1];
    expect(mul.inputs[1]).toMatchObject({ input: scale, grad: null, previous: null, total: null, summed: false });
    expect(explanation.leafGrads.has(scale)).toBe(false);
    expect(explanation.toString()).toContain('scale: no gradient');
  });

  it('explains a leaf on its own as no steps and the seed as its gradient', () => {
    const x = tensor(2, { requiresGrad: true, label: 'x' });
    const explanation = explainBackward(x);
    expect(explanation.steps).toEqual([]);
    expect(explanation.leafGrads.get(x)!.item()).toBe(1);
    expect(explanation.toString().split('\n').at(-1)).toBe('gradients: x = 1');
  });
});
