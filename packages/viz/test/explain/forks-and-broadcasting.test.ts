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

  it("says '(summed over broadcast axes)' only at a step where an input that gets a gradient was broadcast", () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true, label: 'a' });
    const b = tensor([10, 20, 30], { requiresGrad: true, label: 'b' });
    const broadcast = explainBackward(a.mul(b).sum()).steps[1];
    expect(broadcast.op).toBe('mul');
    expect(broadcast.rule.words).toBe('mul swaps: each input gets the upstream times the other input (summed over broadcast axes)');
    // Same shapes (and scalars, as in the notes' circuit): nothing is summed, so the rule does not say so.
    const [scalarMul, scalarAdd] = explainBackward(tensor(-2, { requiresGrad: true }).add(tensor(5, { requiresGrad: true })).mul(tensor(-4, { requiresGrad: true }))).steps;
    expect(scalarMul.rule.words).toBe('mul swaps: each input gets the upstream times the other input');
    expect(scalarAdd.rule.words).toBe('add distributes: each input gets the upstream gradient');
    expect(explainBackward(a.sub(a).sum()).steps[1].rule.words).toBe('sub distributes with a sign: a gets the upstream gradient, b gets its negative');
    // A broadcast constant gets no gradient: no sum happens for it either.
    const scaled = explainBackward(a.mul(tensor(2)).sum()).steps[1];
    expect(scaled.inputs[1].grad).toBeNull();
    expect(scaled.rule.words).toBe('mul swaps: each input gets the upstream times the other input');
    // The symbols and the general rule keep their form.
    expect(scaled.rule.symbols).toBe('∂L/∂a = ∂L/∂out · b, ∂L/∂b = ∂L/∂out · a');
  });

  it("says matmul's '(summed over broadcast batch axes)' only where the batch axes were broadcast", () => {
    const w = tensor([[1, 0], [0, 1]], { requiresGrad: true, label: 'w' });
    const plain = explainBackward(tensor([[1, 2]], { requiresGrad: true }).matmul(w).sum()).steps[1];
    expect(plain.op).toBe('matmul');
    expect(plain.rule.words).toBe('matmul: each operand gets the upstream multiplied by the other operand, transposed');
    const batch = tensor([[[1, 2]], [[3, 4]]], { requiresGrad: true, label: 'batch' }); // [2, 1, 2] @ [2, 2]: w is broadcast over the batch
    const batched = explainBackward(batch.matmul(w).sum()).steps[1];
    expect(batched.rule.words).toBe('matmul: each operand gets the upstream multiplied by the other operand, transposed (summed over broadcast batch axes)');
    expect(batched.inputs[1].grad!.toArray()).toEqual([[4, 4], [6, 6]]);
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
