import { describe, expect, it } from 'vitest';
import { getOp, linear, matmul, tensor, transpose, type Op, type Tensor } from '@tapegrad/tensor';
import { backwardFrameCaptions, explainBackward, localRule } from '@tapegrad/viz';
import { inputRoles } from '../../src/graph/input-roles.js';

describe('the walk-through names the part each input plays', () => {
  it("writes `d as b` where sub(b, d) sends d the rule's −∂L/∂out", () => {
    const a = tensor([3, 1], { requiresGrad: true, label: 'a' });
    const b = tensor([2, 5], { requiresGrad: true, label: 'b' });
    const d = b.div(a);
    d.label = 'd';
    const explanation = explainBackward(b.sub(d).sum());
    const sub = explanation.steps[1];
    expect(sub.inputs.map((input) => [input.input.label, input.role, input.grad!.toArray()])).toEqual([
      ['b', 'a', [1, 1]],
      ['d', 'b', [-1, -1]],
    ]);
    const table = explanation.toString();
    expect(table).toContain('b as a ← [1, 1]');
    expect(table).toContain('d as b ← [-1, -1]');
    // div(b, a) at upstream -1: b as a gets −1/a, a as b gets b/a².
    expect(table).toContain('b as a ← [-0.3333, -1]');
    expect(table).toContain('a as b ← [0.2222, 5]');
    expect(backwardFrameCaptions(explanation)[2]).toContain('sends b as a ← [1, 1], d as b ← [-1, -1]');
  });

  it('does not repeat a role that is already the name: sub(a, b) sends a ← and b ←', () => {
    const a = tensor(3, { requiresGrad: true, label: 'a' });
    const b = tensor(5, { requiresGrad: true, label: 'b' });
    const [sub] = explainBackward(a.sub(b)).steps;
    expect(sub.inputs.map((input) => input.role)).toEqual(['a', 'b']);
    expect(explainBackward(a.sub(b)).toString()).toMatch(/\| a ← 1 +\|\n.*\| b ← -1 +\|/);
  });

  it('gives no role where the inputs play the same part (add, mul) or there is one', () => {
    const x = tensor(3, { requiresGrad: true, label: 'x' });
    const explanation = explainBackward(x.mul(x).exp());
    expect(explanation.steps.flatMap((step) => step.inputs.map((input) => input.role))).toEqual([null, null, null]);
  });

  it('uses role names that its rule uses, for every op that has them', () => {
    const ops: [string, number][] = [
      ['sub', 2], ['div', 2], ['pow', 2], ['where', 3], ['matmul', 2], ['gather', 2], ['scatterAdd', 3],
      ['indexSelect', 2], ['indexAdd', 3], ['conv2d', 3], ['softmaxCrossEntropy', 2],
    ];
    for (const [op, count] of ops) {
      const { words, symbols } = localRule(op);
      for (const role of inputRoles(op, count)!) {
        expect(`${words} ${symbols}`, `${op}'s rule mentions its input ${role}`).toMatch(new RegExp(`(^|[^\\p{L}])${role}([^\\p{L}]|$)`, 'u'));
      }
    }
  });
});

describe('the matmul rule of a step follows its transpose flags', () => {
  const values = (shape: number[], k: number) =>
    tensor(Array.from({ length: shape.reduce((n, e) => n * e, 1) }, (_, i) => Math.sin(k * (i + 1)))).reshape(shape);
  const close = (actual: Tensor, expected: Tensor) => {
    expect(actual.shape).toEqual(expected.shape);
    Array.from(actual.buffer).forEach((v, i) => expect(v).toBeCloseTo(expected.buffer[i], 12));
  };

  it('linear records out = A·Bᵀ: ∂L/∂A = ∂L/∂out · B and ∂L/∂B = ∂L/∂outᵀ · A, and the numbers say so', () => {
    const x = values([2, 3], 1).requiresGrad_();
    const w = values([4, 3], 2).requiresGrad_();
    const grad = values([2, 4], 3);
    const step = explainBackward(linear(x, w), { grad }).steps[0];
    expect(step.rule.symbols).toBe('out = A·Bᵀ: ∂L/∂A = ∂L/∂out · B, ∂L/∂B = ∂L/∂outᵀ · A');
    close(step.inputs[0].grad!, matmul(grad, w));
    close(step.inputs[1].grad!, matmul(transpose(grad, 0, 1), x));
  });

  it('each of the four flag settings has a formula that gives the numbers backward computes', () => {
    const op = getOp('matmul') as Op<{ transA: boolean; transB: boolean }>;
    const T = (m: Tensor) => transpose(m, 0, 1);
    const cases: [boolean, boolean, string, (a: Tensor, b: Tensor, g: Tensor) => [Tensor, Tensor]][] = [
      [false, false, 'out = A·B: ∂L/∂A = ∂L/∂out · Bᵀ, ∂L/∂B = Aᵀ · ∂L/∂out', (a, b, g) => [matmul(g, T(b)), matmul(T(a), g)]],
      [false, true, 'out = A·Bᵀ: ∂L/∂A = ∂L/∂out · B, ∂L/∂B = ∂L/∂outᵀ · A', (a, b, g) => [matmul(g, b), matmul(T(g), a)]],
      [true, false, 'out = Aᵀ·B: ∂L/∂A = B · ∂L/∂outᵀ, ∂L/∂B = A · ∂L/∂out', (a, b, g) => [matmul(b, T(g)), matmul(a, g)]],
      [true, true, 'out = Aᵀ·Bᵀ: ∂L/∂A = Bᵀ · ∂L/∂outᵀ, ∂L/∂B = ∂L/∂outᵀ · Aᵀ', (a, b, g) => [matmul(T(b), T(g)), matmul(T(g), T(a))]],
    ];
    for (const [transA, transB, symbols, formula] of cases) {
      const a = values(transA ? [3, 2] : [2, 3], 1).requiresGrad_();
      const b = values(transB ? [4, 3] : [3, 4], 2).requiresGrad_();
      const grad = values([2, 4], 3);
      const step = explainBackward(op.call([a, b], { transA, transB }), { grad }).steps[0];
      expect(step.rule.symbols).toBe(symbols);
      const [da, db] = formula(a.detach(), b.detach(), grad);
      close(step.inputs[0].grad!, da);
      close(step.inputs[1].grad!, db);
    }
  });
});
