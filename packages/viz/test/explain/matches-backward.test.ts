import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Tensor, softmaxCrossEntropy, tensor, where } from '@tapegrad/tensor';
import { explainBackward } from '@tapegrad/viz';

/**
 * Shapes that broadcast with each other in every pair (each axis is 1 or full), so a random
 * program of binary ops never fails on shapes: its graph has forks wherever a value is reused and
 * broadcasting wherever two shapes differ.
 */
const SHAPES: readonly (readonly number[])[] = [[], [3], [1, 3], [2, 1], [2, 3]];

const OPS = [
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'where', 'scale', 'tanh', 'sigmoid', 'neg', 'relu', 'expOfTanh',
  'sumLastAxis', 'maxLastAxis', 'softmax', 'logsumexp', 'mean', 'broadcast',
] as const;

function apply(op: (typeof OPS)[number], a: Tensor, b: Tensor): Tensor {
  switch (op) {
    case 'add': return a.add(b);
    case 'sub': return a.sub(b);
    case 'mul': return a.mul(b);
    case 'div': return a.div(b.abs().add(1)); // a divisor away from 0
    case 'pow': return a.abs().add(0.5).pow(b.tanh()); // a positive base
    case 'maximum': return a.maximum(b);
    case 'minimum': return a.minimum(b);
    case 'where': return where(a.gt(0), a, b);
    case 'scale': return a.mul(tensor(1.5)); // a constant input that needs no gradient
    case 'tanh': return a.tanh();
    case 'sigmoid': return a.sigmoid();
    case 'neg': return a.neg();
    case 'relu': return a.relu();
    case 'expOfTanh': return a.tanh().exp(); // bounded, however deep the program
    case 'maxLastAxis': return a.ndim === 0 ? a.abs() : a.max(a.ndim - 1, true); // ties share the gradient
    case 'softmax': return a.ndim === 0 ? a.sigmoid() : a.softmax(-1);
    case 'logsumexp': return a.ndim === 0 ? a.neg() : a.logsumexp(-1, true);
    case 'mean': return a.mean();
    case 'sumLastAxis': return a.ndim === 0 ? a.exp() : a.sum(a.ndim - 1, true);
    case 'broadcast': return a.broadcastTo([2, 3]);
  }
}

const value = fc.double({ min: -2, max: 2, noNaN: true, noDefaultInfinity: true });
const leafArb = fc.constantFrom(...SHAPES).chain((shape) => {
  const size = shape.reduce((n, e) => n * e, 1);
  return fc.array(value, { minLength: size, maxLength: size }).map((values) => ({ shape, values }));
});
const programArb = fc.record({
  leaves: fc.array(leafArb, { minLength: 1, maxLength: 3 }),
  steps: fc.array(fc.record({ op: fc.constantFrom(...OPS), a: fc.nat(), b: fc.nat() }), { minLength: 1, maxLength: 8 }),
  reduceToScalar: fc.boolean(),
});

describe('explainBackward agrees with backward', () => {
  test.prop([programArb])('gives every leaf and every intermediate the gradient y.backward() computes (float64)', ({ leaves, steps, reduceToScalar }) => {
    const leafTensors = leaves.map(({ shape, values }) => tensor(values).reshape(shape).requiresGrad_());
    const pool = [...leafTensors];
    for (const { op, a, b } of steps) pool.push(apply(op, pool[a % pool.length], pool[b % pool.length]));
    const last = pool[pool.length - 1];
    const y = reduceToScalar ? last.sum() : last;
    const seed = reduceToScalar ? undefined : tensor(Array.from({ length: y.size }, (_, i) => 0.5 + 0.25 * i)).reshape(y.shape);

    const explanation = explainBackward(y, seed === undefined ? {} : { grad: seed });
    expect(pool.every((t) => t.grad === null)).toBe(true); // nothing written
    for (const t of pool) if (t.node !== null) t.retainGrad();
    y.backward(seed, {}); // the graph was not freed, or this would throw

    for (const leaf of leafTensors) {
      const explained = explanation.leafGrads.get(leaf);
      if (leaf.grad === null) expect(explained).toBeUndefined();
      else expect(Array.from(explained!.buffer)).toEqual(Array.from(leaf.grad.buffer));
    }
    for (const t of pool) {
      if (t.node === null || t.grad === null) continue;
      expect(Array.from(explanation.gradOf(t)!.buffer)).toEqual(Array.from(t.grad.buffer));
    }
  });

  it('matches backward through matmul, relu, softmaxCrossEntropy and mean (a 2-layer net on a batch)', () => {
    const values = (n: number, k: number) => Array.from({ length: n }, (_, i) => Math.sin(k * (i + 1)));
    const x = tensor(values(12, 1)).reshape([4, 3]);
    const w1 = tensor(values(15, 2)).reshape([3, 5]).requiresGrad_();
    const b1 = tensor(values(5, 3), { requiresGrad: true, label: 'b1' });
    const w2 = tensor(values(15, 4)).reshape([5, 3]).requiresGrad_();
    w1.label = 'W1';
    const loss = softmaxCrossEntropy(x.matmul(w1).add(b1).relu().matmul(w2), [0, 2, 1, 2]).mean();
    const explanation = explainBackward(loss);
    expect(explanation.steps.map((step) => step.op)).toContain('softmaxCrossEntropy');
    loss.backward();
    for (const leaf of [w1, b1, w2]) {
      expect(Array.from(explanation.leafGrads.get(leaf)!.buffer)).toEqual(Array.from(leaf.grad!.buffer));
    }
    expect(explanation.toString()).toContain('W1 = [3,5] float64');
  });
});
