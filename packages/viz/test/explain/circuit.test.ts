import { describe, expect, it } from 'vitest';
import { tensor, type Tensor } from '@tapegrad/tensor';
import { explainBackward, localRule } from '@tapegrad/viz';
import { courseCircuit } from '../course-circuit.js';

const value = (t: Tensor | null) => t!.item();

describe('explainBackward on the notes circuit f = (x + y)z', () => {
  it('runs mul first (upstream 1: q gets z = -4, z gets q = 3), then add (upstream -4: x and y get -4)', () => {
    const { x, y, z, q, f } = courseCircuit();
    const { steps } = explainBackward(f);
    expect(steps.map((step) => step.op)).toEqual(['mul', 'add']);

    const [mul, add] = steps;
    expect(mul.output).toBe(f);
    expect(value(mul.upstream)).toBe(1);
    expect(mul.inputs.map((input) => input.input)).toEqual([q, z]);
    expect(mul.inputs.map((input) => value(input.grad))).toEqual([-4, 3]);
    // Scalars broadcast nothing, so the rule leaves out localRule's '(summed over broadcast axes)'.
    expect(mul.rule).toEqual({ words: 'mul swaps: each input gets the upstream times the other input', symbols: localRule('mul').symbols });

    expect(add.output).toBe(q);
    expect(value(add.upstream)).toBe(-4);
    expect(add.inputs.map((input) => input.input)).toEqual([x, y]);
    expect(add.inputs.map((input) => value(input.grad))).toEqual([-4, -4]);
    expect(add.rule.words).toMatch(/^add distributes/);
    expect(steps.flatMap((step) => step.inputs).some((input) => input.summed)).toBe(false);
  });

  it('gives the leaves the notes gradients: ∂f/∂x = ∂f/∂y = -4, ∂f/∂z = 3', () => {
    const { q, f } = courseCircuit();
    const explanation = explainBackward(f);
    expect([...explanation.leafGrads].map(([leaf, grad]) => [leaf.label, grad.item()])).toEqual([['x', -4], ['y', -4], ['z', 3]]);
    expect(value(explanation.gradOf(q))).toBe(-4);
    expect(value(explanation.gradOf(f))).toBe(1);
    expect(explanation.seed.item()).toBe(1);
    expect(explanation.y).toBe(f);
    expect(explanation.gradOf(tensor(1))).toBeNull();
  });

  it('prints a table with the steps in order, their rules, the downstream gradients and the leaf gradients', () => {
    const text = explainBackward(courseCircuit().f).toString();
    const lines = text.split('\n');
    expect(lines[0]).toBe('backward of f = -12 from the seed ∂f/∂f = 1: 2 steps, newest node first');
    expect(lines[1].split('|').map((cell) => cell.trim())).toEqual(['step', 'node', 'op', 'upstream', 'rule', 'downstream', 'fork sums']);
    const mulRow = lines.findIndex((line) => /^1 +\| f +\| mul +\| 1 +\| mul swaps/.test(line));
    const addRow = lines.findIndex((line) => /^2 +\| q +\| add +\| -4 +\| add distributes/.test(line));
    expect(mulRow).toBeGreaterThan(1);
    expect(addRow).toBeGreaterThan(mulRow);
    const mulCells = lines.slice(mulRow, addRow).join('\n');
    expect(mulCells).toContain('q ← -4');
    expect(mulCells).toContain('z ← 3');
    expect(mulCells).toContain('∂L/∂a = ∂L/∂out · b');
    const addCells = lines.slice(addRow).join('\n');
    expect(addCells).toContain('x ← -4');
    expect(addCells).toContain('y ← -4');
    expect(lines.at(-1)).toBe('gradients: x = -4, y = -4, z = 3');
  });

  it('prints the same bytes for the same computation', () => {
    expect(explainBackward(courseCircuit().f).toString()).toBe(explainBackward(courseCircuit().f).toString());
  });

  it('writes no .grad and keeps the graph, so backward afterwards gives the same gradients', () => {
    const { x, y, z, q, f } = courseCircuit();
    q.retainGrad();
    const explanation = explainBackward(f);
    expect([x.grad, y.grad, z.grad, q.grad, f.grad]).toEqual([null, null, null, null, null]);
    f.backward();
    expect([x, y, z].map((leaf) => leaf.grad!.item())).toEqual([...explanation.leafGrads.values()].map((grad) => grad.item()));
    expect(q.grad!.item()).toBe(explanation.gradOf(q)!.item());
  });
});

describe('explainBackward on the notes sigmoid neuron σ(w0·x0 + w1·x1 + w2)', () => {
  /** w = [2, −3, −3], x = [−1, −2]; `activation` builds σ from the pre-activation. */
  function neuron(activation: (s: Tensor) => Tensor) {
    const leaf = (v: number, label: string) => tensor(v, { requiresGrad: true, label });
    const [w0, x0, w1, x1, w2] = [leaf(2, 'w0'), leaf(-1, 'x0'), leaf(-3, 'w1'), leaf(-2, 'x1'), leaf(-3, 'w2')];
    const out = activation(w0.mul(x0).add(w1.mul(x1)).add(w2));
    return { leaves: [w0, x0, w1, x1, w2], out };
  }

  /** The notes: dw ≈ [−0.20, −0.39, 0.20] and dx ≈ [0.39, −0.59], listed as w0, x0, w1, x1, w2. */
  function expectNotesGradients(leaves: Tensor[], grads: ReadonlyMap<Tensor, Tensor>) {
    const expected = [-0.2, 0.39, -0.39, -0.59, 0.2];
    leaves.forEach((leaf, i) => expect(grads.get(leaf)!.item()).toBeCloseTo(expected[i], 2));
  }

  it('with sigmoid as one op: the rule σ(1−σ) turns upstream 1 into σ(1)(1−σ(1)) ≈ 0.197', () => {
    const { leaves, out } = neuron((s) => s.sigmoid());
    const explanation = explainBackward(out);
    expect(explanation.steps.map((step) => step.op)).toEqual(['sigmoid', 'add', 'add', 'mul', 'mul']);
    const sigmoid = explanation.steps[0];
    expect(out.item()).toBeCloseTo(0.731, 3);
    expect(sigmoid.rule.symbols).toContain('σ(x)(1−σ(x))');
    expect(sigmoid.inputs[0].grad!.item()).toBeCloseTo(0.197, 3);
    expectNotesGradients(leaves, explanation.leafGrads);
  });

  it('broken into primitive ops: 1/x, +1, exp, ·(−1) pass back -0.53, -0.53, -0.20, 0.20 as in the notes', () => {
    const { leaves, out } = neuron((s) => tensor(1).div(s.neg().exp().add(1)));
    const explanation = explainBackward(out);
    expect(explanation.steps.map((step) => step.op)).toEqual(['div', 'add', 'exp', 'neg', 'add', 'add', 'mul', 'mul']);
    const [div, plusOne, exp, neg] = explanation.steps;
    expect(div.inputs[0].grad).toBeNull(); // the constant numerator needs no gradient
    expect(div.inputs[1].grad!.item()).toBeCloseTo(-0.53, 2);
    expect(plusOne.upstream.item()).toBeCloseTo(-0.53, 2);
    expect(exp.inputs[0].grad!.item()).toBeCloseTo(-0.2, 2);
    expect(neg.inputs[0].grad!.item()).toBeCloseTo(0.2, 2);
    expectNotesGradients(leaves, explanation.leafGrads);
  });
});
