import { describe, expect, it } from 'vitest';
import { type Tensor, tensor, zeros } from '@tapegrad/tensor';
import { type Labels, multiclassHinge, nll, softmaxCrossEntropy } from '../src/index.js';

const classificationLosses: [string, (scores: Tensor, labels: Labels) => Tensor][] = [
  ['softmaxCrossEntropy', softmaxCrossEntropy],
  ['nll', nll],
  ['multiclassHinge', multiclassHinge],
];

describe.each(classificationLosses)('%s labels', (name, loss) => {
  const scores = zeros([4, 3]);

  it('accepts an int32 tensor and the same labels as a number[]', () => {
    const fromArray = loss(scores.add(tensor([0.1, 0.5, -0.2])), [2, 0, 1, 1]).item();
    const fromTensor = loss(scores.add(tensor([0.1, 0.5, -0.2])), tensor([2, 0, 1, 1], { dtype: 'int32' })).item();
    expect(fromTensor).toBe(fromArray);
  });

  it('rejects a label outside [0, C), naming its position', () => {
    expect(() => loss(scores, [0, 1, 3, 0])).toThrow(`${name}: label 3 at position 2 is outside [0, 3) (the scores have 3 classes)`);
    expect(() => loss(scores, tensor([0, -1, 0, 0], { dtype: 'int32' }))).toThrow(`${name}: label -1 at position 1 is outside [0, 3)`);
  });

  it('rejects a non-integer label, naming its position', () => {
    expect(() => loss(scores, [0, 1, 2, 1.5])).toThrow(`${name}: label 1.5 at position 3 is not an integer class index`);
    expect(() => loss(scores, [0, NaN, 2, 1])).toThrow(`${name}: label NaN at position 1 is not an integer class index`);
  });

  it('rejects nested or non-numeric labels, naming the position', () => {
    expect(() => loss(scores, [0, [1], 2, 1] as never)).toThrow(
      `${name}: the label at position 1 is an array, not a class index; labels must be a flat number[] or an int32 [N] tensor`,
    );
    expect(() => loss(scores, 'abcd' as never)).toThrow(`${name}: labels must be an int32 Tensor or a number[], got string`);
  });

  it('rejects labels given as a raw typed array, saying how to wrap them', () => {
    expect(() => loss(scores, new Int32Array([0, 1, 2, 1]) as never)).toThrow(
      `${name}: labels must be an int32 Tensor or a number[], got a typed array (Int32Array); wrap it: tensor(labels, { dtype: 'int32' })`,
    );
    expect(() => loss(scores, new Float32Array([0, 1, 2, 1]) as never)).toThrow(`${name}: labels must be an int32 Tensor or a number[], got a typed array (Float32Array)`);
  });

  it('rejects float labels, suggesting astype', () => {
    expect(() => loss(scores, tensor([0, 1, 2, 1]))).toThrow(`${name}: labels [4] are float64; labels must be int32, e.g. labels.astype('int32')`);
  });

  it('rejects a label count that differs from the number of rows', () => {
    expect(() => loss(scores, [0, 1, 2])).toThrow(`${name}: got 3 labels for 4 rows of scores; pass exactly one label per row`);
  });

  it('rejects [N,1] labels, suggesting the reshape', () => {
    expect(() => loss(scores, tensor([[0], [1], [2], [1]], { dtype: 'int32' }))).toThrow(
      `${name}: labels must have shape [4] (one per row of the scores), got [4,1]; flatten them with labels.reshape([4])`,
    );
  });

  it('rejects scores that are not [N, C]', () => {
    const role = name === 'softmaxCrossEntropy' ? 'logits' : name === 'nll' ? 'logProbs' : 'scores';
    expect(() => loss(tensor([1, 2, 3]), [0])).toThrow(
      `${name}: ${role} must be [N, C] (one row of class scores per example), got [3]; for a single example use ${role}.reshape([1,3])`,
    );
    expect(() => loss(tensor([[1, 2]], { dtype: 'int32' }), [0])).toThrow(`${name}: ${role} [1,2] is int32; scores must be float`);
  });
});
