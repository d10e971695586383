/**
 * The check every classification loss runs on its scores: a float `[N, C]` batch, one row of
 * class scores (or log-probabilities) per example.
 * @module
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';
import { describeTensor } from './describe-tensor.js';
import { checkTensor } from './same-shape.js';

/** Throws unless `scores` is a 2-D float tensor with at least one class; `role` names it in the error. */
export function checkClassScores(op: string, role: string, scores: unknown): Tensor {
  const x = checkTensor(op, role, scores);
  if (x.ndim !== 2) {
    const hint = x.ndim === 1 ? `; for a single example use ${role}.reshape(${formatShape([1, x.shape[0]])})` : '';
    throw new Error(`${op}: ${role} must be [N, C] (one row of class scores per example), got ${describeTensor(x)}${hint}`);
  }
  if (x.shape[1] === 0) throw new Error(`${op}: ${role} ${describeTensor(x)} has no classes; C must be at least 1`);
  if (x.dtype === 'int32') {
    throw new Error(`${op}: ${role} ${describeTensor(x)} is int32; scores must be float, e.g. ${role}.astype('float64')`);
  }
  return x;
}
