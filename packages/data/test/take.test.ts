import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { take, takeRows } from '../src/index.js';

describe('take', () => {
  it('gathers rows of x and y in the order asked, repeats included', () => {
    const data = { x: tensor([[0, 1], [2, 3], [4, 5]]), y: tensor(new Int32Array([7, 8, 9])) };
    const picked = take(data, [2, 0, 2]);
    expect(picked.x.toArray()).toEqual([[4, 5], [0, 1], [4, 5]]);
    expect(picked.y.toArray()).toEqual([9, 7, 9]);
  });

  it('checks the data set, so rows and labels cannot silently come from different examples', () => {
    const data = { x: tensor([[0], [1], [2]]), y: tensor(new Int32Array([0, 1])) };
    expect(() => take(data, [0, 1])).toThrow('take: x has 3 rows but y has 2 labels: x [3,1], y [2]; pass one label per row of x');
  });

  it('reads a reshaped view through its own window of the storage, and names an index outside the rows', () => {
    const view = tensor(Float64Array.from({ length: 8 }, (_, i) => i), { shape: [2, 4] }).reshape([4, 2]);
    expect(takeRows(view, [3, 1]).toArray()).toEqual([[6, 7], [2, 3]]);
    expect(() => takeRows(view, [4])).toThrow('takeRows: index 4 at position 0 is outside the 4 rows of x [4,2]');
  });
});
