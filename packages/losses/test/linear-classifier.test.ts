/**
 * The course's two linear classifiers, scores = X·W: the gradient of each loss (with and without
 * L2 regularisation) from autograd must equal the hand-derived formulas of the notes' appendix
 * (written as plain loops in ./reference.ts) and the numerical gradient.
 */
import { describe, expect, it } from 'vitest';
import { grad, manualSeed, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { numericalGradient, relError } from '@tapegrad/gradcheck';
import { l2Penalty, multiclassHinge, softmaxCrossEntropy } from '../src/index.js';
import { expectClose, softmaxGradientReference, svmGradientReference } from './reference.js';

/** The largest course-notes relative error between two gradients, entry by entry. */
function maxRelError(a: Tensor, b: Tensor): number {
  return Math.max(...Array.from(a.buffer, (v, i) => relError(v, b.buffer[i])));
}

function problem(seed: number) {
  manualSeed(seed);
  const X = randn([8, 5]);
  const W = randn([5, 4]).mul(0.5);
  const y = [0, 3, 1, 1, 2, 0, 3, 2];
  return { X, W, y, Xs: X.toArray() as number[][], Ws: W.toArray() as number[][] };
}

describe.each([0, 0.1])('a linear classifier with L2 strength λ = %d', (lambda) => {
  it('has the SVM gradient of the notes: +x_i on each violating column, −x_i on the correct one, + 2λW', () => {
    const { X, W, y, Xs, Ws } = problem(21);
    const loss = (W: Tensor) => multiclassHinge(X.matmul(W), y).add(l2Penalty(W, lambda));
    const analytic = grad(loss)(W) as Tensor;
    expectClose(analytic.toArray(), svmGradientReference(Xs, Ws, y, lambda), 13);
    const [numerical] = numericalGradient(loss, [W]);
    // The hinge is piecewise linear: away from its kinks the centered difference is exact up to rounding.
    expect(maxRelError(analytic, numerical!)).toBeLessThan(1e-7);
  });

  it('has the softmax gradient of the notes: Xᵀ(P − onehot(y))/N + 2λW', () => {
    const { X, W, y, Xs, Ws } = problem(22);
    const loss = (W: Tensor) => softmaxCrossEntropy(X.matmul(W), y).add(l2Penalty(W, lambda));
    const analytic = grad(loss)(W) as Tensor;
    expectClose(analytic.toArray(), softmaxGradientReference(Xs, Ws, y, lambda), 13);
    const [numerical] = numericalGradient(loss, [W]);
    expect(maxRelError(analytic, numerical!)).toBeLessThan(1e-7);
  });
});

describe('the SVM gradient with respect to the scores', () => {
  it('matches the notes for a margin violated by several classes', () => {
    // Row: correct class 0 scores 1; classes 1 and 2 violate (margins 1.5 and 1), class 3 does not.
    const scores = tensor([[1, 1.5, 1, -1]], { requiresGrad: true });
    multiclassHinge(scores, [0]).backward();
    expect(scores.grad!.toArray()).toEqual([[-2, 1, 1, 0]]);
  });
});
