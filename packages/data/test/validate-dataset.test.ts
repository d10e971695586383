import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { validateDataset, validateFeatures } from '../src/index.js';

const labels = (n: number) => tensor(new Int32Array(n));

describe('validateDataset', () => {
  it('accepts float features of any rank with one int32 label per row', () => {
    expect(() => validateDataset({ x: tensor(new Float32Array(2 * 3 * 4), { shape: [2, 3, 4] }), y: labels(2) }, 'check')).not.toThrow();
    expect(() => validateDataset({ x: tensor(new Int32Array(5)), y: labels(5) }, 'check')).not.toThrow();
  });

  it('reports a rows/labels mismatch with both shapes and the fix', () => {
    expect(() => validateDataset({ x: tensor(new Float64Array(12), { shape: [4, 3] }), y: labels(5) }, 'check')).toThrow(
      'check: x has 4 rows but y has 5 labels: x [4,3], y [5]; pass one label per row of x (x is [N, ...features], y is [N])',
    );
  });

  it('wants labels as int32 [N], saying how to convert or flatten', () => {
    const x = tensor(new Float64Array(6), { shape: [3, 2] });
    expect(() => validateDataset({ x, y: tensor([0, 1, 2]) }, 'check')).toThrow(
      "check: y must hold int32 class indices, got float64 y [3]; convert with y.astype('int32')",
    );
    expect(() => validateDataset({ x, y: tensor(new Int32Array(3), { shape: [3, 1] }) }, 'check')).toThrow(
      'check: y must be 1-D [N] class indices, got y [3,1]; flatten it with y.reshape([-1])',
    );
  });

  it('rejects negative labels, naming the row', () => {
    const y = tensor(new Int32Array([0, 2, -1]));
    expect(() => validateDataset({ x: tensor(new Float64Array(3), { shape: [3, 1] }), y }, 'check')).toThrow(
      'check: y has label -1 at row 2; labels must be class indices 0, 1, 2, …',
    );
  });

  it('finds the first NaN or Infinity and gives its row, column and, past 2-D, its full index', () => {
    const flat = new Float64Array(2 * 2 * 3);
    flat[9] = Infinity;
    flat[11] = NaN;
    expect(() => validateFeatures(tensor(flat, { shape: [2, 6] }), 'check')).toThrow(
      'check: x has Infinity at row 1, column 3 of x [2,6]; drop or impute missing and infinite values before training on them',
    );
    expect(() => validateFeatures(tensor(flat, { shape: [2, 2, 3] }), 'check')).toThrow('check: x has Infinity at row 1, column 3 (index [1,1,0]) of x [2,2,3]');
  });

  it("names the argument it was given, for callers whose features are not called 'x'", () => {
    expect(() => validateFeatures(tensor([[1, NaN]]), 'check', 'xTest')).toThrow('check: xTest has NaN at row 0, column 1 of xTest [1,2]');
  });
});
