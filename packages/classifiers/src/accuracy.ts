/**
 * Classification accuracy: the fraction of predictions that equal the labels.
 * @module
 */
import { describeTensor, Tensor } from '@tapegrad/tensor';
import { type LabelsInput, readLabels } from './labels.js';

/**
 * The fraction of positions where `predictions` equals `labels`, in [0, 1] (NaN for no
 * examples). Both are class indices, one per example.
 *
 * ```ts
 * accuracy(model.predict(test.x), test.y); // 0.912
 * ```
 */
export function accuracy(predictions: LabelsInput, labels: LabelsInput): number {
  const rows = predictions instanceof Tensor ? predictions.shape[0] ?? 0 : predictions.length;
  if (predictions instanceof Tensor && predictions.ndim !== 1) {
    throw new Error(`accuracy: predictions must be [N] (one class index per example), got ${describeTensor(predictions)}`);
  }
  const predicted = readLabels('accuracy', predictions, rows, { name: 'predictions', rowsOf: 'predictions' });
  const expected = readLabels('accuracy', labels, rows, { name: 'labels', rowsOf: 'predictions' });
  return countMatches(predicted, expected) / rows;
}

/** How many positions hold the same value in both arrays (of equal length). */
export function countMatches(a: Int32Array, b: Int32Array): number {
  let matches = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) matches++;
  return matches;
}
