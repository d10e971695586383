/**
 * The course notes' sanity checks before training: with small random weights and no
 * regularisation the softmax loss is about ln C and the SVM loss about C − 1; exactly so at zero.
 */
import { describe, expect, it } from 'vitest';
import { manualSeed, randint, randn, zeros } from '@tapegrad/tensor';
import { l2Penalty, multiclassHinge, softmaxCrossEntropy } from '../src/index.js';

describe('sanity checks from the course notes', () => {
  manualSeed(0);
  const labels = randint(0, 10, [50]);

  it('gives exactly 9 for the SVM loss with all-zero scores over 10 classes', () => {
    expect(multiclassHinge(zeros([50, 10]), labels).item()).toBe(9);
  });

  it('gives exactly ln 10 for softmax cross-entropy with all-zero scores over 10 classes', () => {
    expect(softmaxCrossEntropy(zeros([50, 10]), labels).item()).toBeCloseTo(Math.log(10), 14);
  });

  it('gives about ln 10 and 9 for a linear classifier with small random weights', () => {
    manualSeed(17);
    const X = randn([50, 20]);
    const W = randn([20, 10]).mul(1e-4);
    const scores = X.matmul(W);
    expect(softmaxCrossEntropy(scores, labels).item()).toBeCloseTo(Math.log(10), 3);
    expect(multiclassHinge(scores, labels).item()).toBeCloseTo(9, 2);
  });

  it('raises the loss when regularisation is turned on', () => {
    manualSeed(18);
    const X = randn([50, 20]);
    const W = randn([20, 10]).mul(1e-2);
    const data = softmaxCrossEntropy(X.matmul(W), labels).item();
    expect(softmaxCrossEntropy(X.matmul(W), labels).add(l2Penalty(W, 10)).item()).toBeGreaterThan(data);
  });
});
