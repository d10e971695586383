/**
 * Every loss and regulariser, over random sizes, values, reductions and options drawn by
 * fast-check: its autograd gradient must pass `gradcheck` against centered differences in
 * float64. Hinges and absolute values have kinks; gradcheck reports entries that straddle one as
 * kinks, not failures, so `report.ok` means every other entry matched.
 * PROPERTY_RUNS sets the runs per loss (default 40).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Tensor, tensor } from '@tapegrad/tensor';
import { arbitraries, gradcheck } from '@tapegrad/gradcheck';
import {
  bceWithLogits,
  binaryHinge,
  elasticNet,
  huber,
  klDiv,
  type KlDivReduction,
  l1,
  l1Penalty,
  l2Penalty,
  mse,
  multiclassHinge,
  nll,
  type Reduction,
  softmaxCrossEntropy,
} from '../src/index.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

/** Float inputs to check, and the loss as a function of them (labels and options closed over). */
interface LossCall {
  readonly inputs: Tensor[];
  /** The loss with a given reduction; the regularisers, which have none, ignore it. */
  readonly lossWith: (reduction: KlDivReduction) => (...xs: Tensor[]) => Tensor;
  /** The reduction drawn for the gradient check. */
  readonly reduction: KlDivReduction;
  readonly description: string;
}

const reductionArb = fc.constantFrom<Reduction>('mean', 'sum', 'none');
const shape = { maxSize: 12 };

/** Two float tensors of one random shape. */
const pairArb = (range: { min?: number; max?: number } = {}) =>
  arbitraries.shape(shape).chain((s) => fc.tuple(arbitraries.tensor(s, range), arbitraries.tensor(s, range)));

/** `[N, C]` scores and N labels in [0, C). */
const classificationArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, classes]) =>
    fc.tuple(arbitraries.tensor([rows, classes], { min: -3, max: 3 }), arbitraries.indexTensor([rows], classes)),
  );

const strengthArb = fc.double({ min: 0, max: 2, noNaN: true });
const parametersArb = fc.array(arbitraries.anyTensor({ maxSize: 6 }), { minLength: 1, maxLength: 3 });

/** `'batchmean'` exists for klDiv only; the other losses never draw it. */
const asReduction = (reduction: KlDivReduction): Reduction => (reduction === 'batchmean' ? 'mean' : reduction);

const cases: [string, fc.Arbitrary<LossCall>][] = [
  ['mse', fc.tuple(pairArb(), reductionArb).map(([[p, t], reduction]) => ({
    inputs: [p, t], reduction, description: reduction,
    lossWith: (r) => (p, t) => mse(p, t, { reduction: asReduction(r) }),
  }))],
  ['l1', fc.tuple(pairArb(), reductionArb).map(([[p, t], reduction]) => ({
    inputs: [p, t], reduction, description: reduction,
    lossWith: (r) => (p, t) => l1(p, t, { reduction: asReduction(r) }),
  }))],
  ['huber', fc.tuple(pairArb({ min: -3, max: 3 }), reductionArb, fc.double({ min: 0.1, max: 3, noNaN: true })).map(([[p, t], reduction, delta]) => ({
    inputs: [p, t], reduction, description: `${reduction}, delta ${delta}`,
    lossWith: (r) => (p, t) => huber(p, t, { delta, reduction: asReduction(r) }),
  }))],
  ['bceWithLogits', fc
    .tuple(arbitraries.shape(shape), reductionArb)
    .chain(([s, reduction]) => fc.tuple(arbitraries.tensor(s, { min: -4, max: 4 }), arbitraries.tensor(s, { min: 0, max: 1 }), fc.constant(reduction)))
    .map(([x, t, reduction]) => ({
      inputs: [x, t], reduction, description: reduction,
      lossWith: (r) => (x, t) => bceWithLogits(x, t, { reduction: asReduction(r) }),
    }))],
  ['klDiv', fc
    .tuple(arbitraries.shape({ ...shape, minRank: 1 }), fc.constantFrom<KlDivReduction>('mean', 'sum', 'none', 'batchmean'), fc.boolean())
    // Probability targets stay above 0: at 0, t·log t has an infinite slope on one side.
    .chain(([s, reduction, logTarget]) =>
      fc.tuple(arbitraries.tensor(s, { min: -3, max: 0 }), arbitraries.tensor(s, logTarget ? { min: -3, max: 0 } : { min: 0.05, max: 1 }), fc.constant(reduction), fc.constant(logTarget)),
    )
    .map(([x, t, reduction, logTarget]) => ({
      inputs: [x, t], reduction, description: `${reduction}, logTarget ${logTarget}`,
      lossWith: (r) => (x, t) => klDiv(x, t, { reduction: r, logTarget }),
    }))],
  ['nll', fc.tuple(classificationArb, reductionArb).map(([[x, y], reduction]) => ({
    inputs: [x], reduction, description: `${reduction}, labels ${y.toArray()}`,
    lossWith: (r) => (x) => nll(x, y, { reduction: asReduction(r) }),
  }))],
  ['softmaxCrossEntropy', fc
    .tuple(classificationArb, reductionArb, fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })))
    .map(([[x, y], reduction, labelSmoothing]) => ({
      inputs: [x], reduction, description: `${reduction}, ε ${labelSmoothing}, labels ${y.toArray()}`,
      lossWith: (r) => (x) => softmaxCrossEntropy(x, y, { labelSmoothing, reduction: asReduction(r) }),
    }))],
  ['multiclassHinge', fc.tuple(classificationArb, reductionArb, fc.constantFrom(0, 0.5, 1, 2)).map(([[x, y], reduction, margin]) => ({
    inputs: [x], reduction, description: `${reduction}, margin ${margin}, labels ${y.toArray()}`,
    lossWith: (r) => (x) => multiclassHinge(x, y, { margin, reduction: asReduction(r) }),
  }))],
  ['binaryHinge', fc
    .tuple(arbitraries.anyTensor(shape), reductionArb)
    .chain(([s, reduction]) => fc.tuple(fc.constant(s), fc.array(fc.constantFrom(-1, 1), { minLength: s.size, maxLength: s.size }), fc.constant(reduction)))
    .map(([s, signs, reduction]) => {
      const y = tensor(signs, { shape: s.shape.slice() });
      return {
        inputs: [s], reduction, description: `${reduction}, targets ${signs}`,
        lossWith: (r: KlDivReduction) => (s: Tensor) => binaryHinge(s, y, { reduction: asReduction(r) }),
      };
    })],
  ['l2Penalty', fc.tuple(parametersArb, strengthArb).map(([params, lambda]) => ({
    inputs: params, reduction: 'sum', description: `λ ${lambda}`,
    lossWith: () => (...ws) => l2Penalty(ws, lambda),
  }))],
  ['l1Penalty', fc.tuple(parametersArb, strengthArb).map(([params, lambda]) => ({
    inputs: params, reduction: 'sum', description: `λ ${lambda}`,
    lossWith: () => (...ws) => l1Penalty(ws, lambda),
  }))],
  ['elasticNet', fc.tuple(parametersArb, strengthArb, strengthArb).map(([params, l1, l2]) => ({
    inputs: params, reduction: 'sum', description: `l1 ${l1}, l2 ${l2}`,
    lossWith: () => (...ws) => elasticNet(ws, { l1, l2 }),
  }))],
];

const losses = cases.filter(([name]) => !name.endsWith('Penalty') && name !== 'elasticNet');

describe.each(cases)('%s', (_name, callArb) => {
  it('has an autograd gradient equal to centered differences (kinks set apart)', () => {
    fc.assert(
      fc.property(callArb, ({ inputs, lossWith, reduction, description }) => {
        const report = gradcheck(lossWith(reduction), inputs);
        if (!report.ok) {
          const shown = inputs.map((x, i) => `  input ${i}: ${x.toString()}`).join('\n');
          throw new Error(`${description}\n${shown}\n${report.toString()}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe.each(losses)('%s reductions', (_name, callArb) => {
  it("'sum' and 'mean' are the sum and the mean of 'none'", () => {
    fc.assert(
      fc.property(callArb, ({ inputs, lossWith }) => {
        const unreduced = lossWith('none')(...inputs);
        const values = Array.from(unreduced.buffer);
        const total = values.reduce((a, b) => a + b, 0);
        expect(lossWith('sum')(...inputs).item()).toBeCloseTo(total, 12);
        expect(lossWith('mean')(...inputs).item()).toBeCloseTo(total / values.length, 12);
        expect(lossWith('sum')(...inputs).shape).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('kinks', () => {
  it('are reported, not failed, for the SVM at a margin of exactly 0', () => {
    // s_1 − s_0 + 1 = 0: the hinge sits on its corner for both scores.
    const report = gradcheck((s) => multiclassHinge(s, [0]), [tensor([[0, -1, -5]])]);
    expect(report.ok).toBe(true);
    expect(report.kinks.map((kink) => kink.index)).toEqual([[0, 0], [0, 1]]);
  });

  it('are reported, not failed, for the binary hinge at y·s = 1 and l1 at p = t', () => {
    const hinge = gradcheck((s) => binaryHinge(s, [1, -1]), [tensor([1, 0.5])]);
    expect(hinge.ok).toBe(true);
    expect(hinge.kinks.map((kink) => kink.index)).toEqual([[0]]);
    const absolute = gradcheck((p, t) => l1(p, t), [tensor([2, 3]), tensor([2, 0])]);
    expect(absolute.ok).toBe(true);
    expect(absolute.kinks.map((kink) => [kink.input, kink.flatIndex])).toEqual([[0, 0], [1, 0]]);
  });
});

