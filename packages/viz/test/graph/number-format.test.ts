import { tensor } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValues } from '../../src/graph/number-format.js';

describe('numbers in drawings', () => {
  it('have at most 4 significant digits and no trailing zeros', () => {
    expect([3, -12, 0.5, 1 / 3, -2 / 3, 0.19661193, 123.456, 999999].map(formatNumber)).toEqual(
      ['3', '-12', '0.5', '0.3333', '-0.6667', '0.1966', '123.5', '1e6'],
    );
  });

  it('switch to exponents below 1e-4 and from 1e6 on', () => {
    expect([1e-4, 0.00001234, -1.23456e-7, 1e6, 2.5e12, 1e21].map(formatNumber)).toEqual(
      ['0.0001', '1.234e-5', '-1.235e-7', '1e6', '2.5e12', '1e21'],
    );
  });

  it('keep the sign of -0 and name the non-finite values as the tensor printout does', () => {
    expect([0, -0, NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['0', '-0', 'nan', 'inf', '-inf']);
  });

  it('print tensors as nested brackets, int32 exactly', () => {
    expect(formatValues(tensor(2.5))).toBe('2.5');
    expect(formatValues(tensor([[1, 2], [3, 4]]))).toBe('[[1, 2], [3, 4]]');
    expect(formatValues(tensor([123456789, -7], { dtype: 'int32' }))).toBe('[123456789, -7]');
    expect(formatValues(tensor([[], []]))).toBe('[[], []]');
  });
});
