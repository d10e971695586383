import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '@tapegrad/tensor';
import { normalizeRows } from '../src/index.js';

describe('normalizeRows', () => {
  it('scales every row to unit L2 length and keeps the shape', () => {
    const out = normalizeRows(tensor([[3, 4], [0, 2]]));
    expect(out.toArray()).toEqual([[0.6, 0.8], [0, 1]]);
  });

  it('scales by the L1 norm when asked', () => {
    expect(normalizeRows(tensor([[1, -3]]), { norm: 'l1' }).toArray()).toEqual([[0.25, -0.75]]);
  });

  it('leaves a row of zeros as zeros instead of NaN, as sklearn', () => {
    expect(normalizeRows(zeros([2, 3])).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it('treats trailing axes as one feature vector per row', () => {
    const images = tensor([1, 1, 1, 1, 2, 0, 0, 0], { shape: [2, 1, 2, 2] });
    const out = normalizeRows(images);
    expect(out.shape).toEqual([2, 1, 2, 2]);
    expect(Array.from(out.data())).toEqual([0.5, 0.5, 0.5, 0.5, 1, 0, 0, 0]);
  });

  it('refuses a single vector and an unknown norm with the fix', () => {
    expect(() => normalizeRows(tensor([3, 4]))).toThrow('normalizeRows: x must be [N, ...features], got shape [2]; for one example use x.unsqueeze(0)');
    expect(() => normalizeRows(tensor([[3, 4]]), { norm: 'max' as 'l1' })).toThrow("normalizeRows: norm must be 'l1' or 'l2', got max");
  });

  it('refuses NaN and a plain array instead of a silent NaN row or a TypeError', () => {
    expect(() => normalizeRows(tensor([[3, 4], [NaN, 1]]))).toThrow(
      'normalizeRows: x has NaN at row 1, column 0 of x [2,2]; drop or impute missing and infinite values before training on them',
    );
    expect(() => normalizeRows([[3, 4]] as never)).toThrow('normalizeRows: x must be a Tensor, got object; make one with tensor(values, { shape })');
  });
});
