import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { trainValTestSplit, type Dataset } from '../src/index.js';

/** `n` rows, row r = [r], classes in blocks: 60 % class 0, 30 % class 1, 10 % class 2. */
function blocks(n: number): Dataset {
  const y = Int32Array.from({ length: n }, (_, r) => (r < 0.6 * n ? 0 : r < 0.9 * n ? 1 : 2));
  return { x: tensor(Float64Array.from({ length: n }, (_, r) => r), { shape: [n, 1] }), y: tensor(y) };
}

const classCounts = (part: Dataset) => [0, 1, 2].map((c) => Array.from(part.y.buffer).filter((label) => label === c).length);
const rowsOf = (part: Dataset) => Array.from(part.x.buffer);

describe('trainValTestSplit', () => {
  it('puts every row in exactly one part, with its label', () => {
    const data = blocks(100);
    const { train, val, test } = trainValTestSplit(data, { train: 0.7, val: 0.2, test: 0.1 }, { seed: 3 });
    const all = [...rowsOf(train), ...rowsOf(val), ...rowsOf(test)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, r) => r));
    for (const part of [train, val, test]) {
      rowsOf(part).forEach((row, i) => expect(part.y.buffer[i]).toBe(data.y.buffer[row]));
    }
  });

  it('keeps class proportions in every part when stratifying (the default)', () => {
    const { train, val, test } = trainValTestSplit(blocks(200), { train: 0.5, val: 0.25, test: 0.25 });
    expect(classCounts(train)).toEqual([60, 30, 10]);
    expect(classCounts(val)).toEqual([30, 15, 5]);
    expect(classCounts(test)).toEqual([30, 15, 5]);
  });

  it('rounds fractions by largest remainder so the counts add up: 150 rows at 0.7/0.15/0.15 give 105/23/22', () => {
    const { train, val, test } = trainValTestSplit(blocks(150), { train: 0.7, val: 0.15, test: 0.15 }, { stratify: false });
    expect([train.y.shape[0], val.y.shape[0], test.y.shape[0]]).toEqual([105, 23, 22]);
  });

  it('takes row counts as they are, and keeps dtype and trailing shape', () => {
    const x = tensor(new Float32Array(10 * 4), { shape: [10, 2, 2] });
    const { train, val, test } = trainValTestSplit({ x, y: tensor(new Int32Array(10)) }, { train: 6, val: 4, test: 0 });
    expect([train.x.shape, val.x.shape, test.x.shape]).toEqual([[6, 2, 2], [4, 2, 2], [0, 2, 2]]);
    expect(train.x.dtype).toBe('float32');
  });

  it('is reproducible for a seed and changes with it, stratified or not', () => {
    for (const stratify of [true, false]) {
      const split = (seed: number) => rowsOf(trainValTestSplit(blocks(60), { train: 0.5, val: 0.25, test: 0.25 }, { seed, stratify }).val);
      expect(split(1)).toEqual(split(1));
      expect(split(1)).not.toEqual(split(2));
    }
  });

  it('rejects sizes that add up to neither N nor 1, and a missing part', () => {
    expect(() => trainValTestSplit(blocks(10), { train: 0.8, val: 0.3, test: 0.1 })).toThrow(
      /^trainValTestSplit: sizes \[0\.8, 0\.3, 0\.1\] add up to 1\.2\d*, but there are 10 rows; pass row counts adding up to 10 or fractions adding up to 1$/,
    );
    expect(() => trainValTestSplit(blocks(10), { train: 0.8, val: 0.2 } as never)).toThrow(
      'trainValTestSplit: sizes.test must be a row count or a fraction ≥ 0, got undefined; pass e.g. { train: 0.8, val: 0.1, test: 0.1 }',
    );
  });

  it('refuses a positive fraction that rounds to no rows, and keeps a part of exactly 0 empty', () => {
    expect(() => trainValTestSplit(blocks(10), { train: 0.95, val: 0.04, test: 0.01 })).toThrow(
      'trainValTestSplit: sizes.val = 0.04 of 10 rows rounds to 0 rows; ask for at least 0.1 (one row), pass row counts, or pass 0 to leave that part empty',
    );
    const { val, test } = trainValTestSplit(blocks(10), { train: 0.9, val: 0.1, test: 0 });
    expect([val.y.shape[0], test.y.shape[0]]).toEqual([1, 0]);
  });

  it('checks the data set first', () => {
    const data = { x: tensor(new Float64Array(3), { shape: [3, 1] }), y: tensor(new Int32Array(2)) };
    expect(() => trainValTestSplit(data, { train: 1, val: 1, test: 0 })).toThrow('trainValTestSplit: x has 3 rows but y has 2 labels: x [3,1], y [2]');
  });
});
