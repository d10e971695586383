import { tensor, zeros } from '@tapegrad/tensor';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatValues } from '../../src/index.js';
import { formatElements } from '../../src/graph/number-format.js';

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
    expect(formatElements(tensor(2.5))).toBe('2.5');
    expect(formatElements(tensor([[1, 2], [3, 4]]))).toBe('[[1, 2], [3, 4]]');
    expect(formatElements(tensor([123456789, -7], { dtype: 'int32' }))).toBe('[123456789, -7]');
    expect(formatElements(tensor([[], []]))).toBe('[[], []]');
  });
});

describe('formatValues', () => {
  it('writes up to 6 elements as the drawings do and a larger tensor by its shape and dtype', () => {
    expect(formatValues(tensor(-4))).toBe('-4');
    expect(formatValues(tensor([[1 / 3, 2], [3, 4]]))).toBe('[[0.3333, 2], [3, 4]]');
    expect(formatValues(tensor([1, 2, 3, 4, 5, 6]))).toBe('[1, 2, 3, 4, 5, 6]');
    expect(formatValues(zeros([64, 10]))).toBe('[64,10] float64');
    expect(formatValues(tensor([1, 2, 3, 4, 5, 6, 7], { dtype: 'int32' }))).toBe('[7] int32');
  });

  it('takes the drawings\' maxValues', () => {
    expect(formatValues(tensor([1, 2, 3]), { maxValues: 2 })).toBe('[3] float64');
    expect(formatValues(tensor([1, 2, 3, 4, 5, 6, 7]), { maxValues: 7 })).toBe('[1, 2, 3, 4, 5, 6, 7]');
    expect(formatValues(tensor(5), { maxValues: 0 })).toBe('[] float64');
  });

  it('rejects what is not a Tensor or a whole maxValues, naming the function and the fix', () => {
    expect(() => formatValues([1, 2] as never)).toThrow('formatValues: expected a Tensor, got an Array; wrap it: tensor([...])');
    expect(() => formatValues(3 as never)).toThrow('formatValues: expected a Tensor, got the number 3; for a number use formatNumber(v)');
    expect(() => formatValues(tensor(1), { maxValues: -1 })).toThrow('formatValues: maxValues must be a whole number >= 0, got -1');
    expect(() => formatNumber(tensor(1) as never)).toThrow('formatNumber: expected a number, got a Tensor; for a tensor use formatValues(x)');
    expect(() => formatNumber('3' as never)).toThrow('formatNumber: expected a number, got the string "3"; pass a number');
  });
});
