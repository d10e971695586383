import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { kFold } from '../src/index.js';

const problem = fc
  .integer({ min: 2, max: 60 })
  .chain((n) => fc.record({ n: fc.constant(n), k: fc.integer({ min: 2, max: n }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), shuffle: fc.boolean() }));

describe('kFold', () => {
  test.prop([problem], { numRuns: 100 })(
    'deals disjoint validation folds that cover every row once, sizes within one, each train the complement of its val',
    ({ n, k, seed, shuffle }) => {
      const folds = kFold(n, k, { seed, shuffle });
      expect(folds).toHaveLength(k);
      const count = new Array<number>(n).fill(0);
      for (const { train, val } of folds) {
        for (const row of val) count[row]++;
        const held = new Set(val);
        expect(held.size).toBe(val.length);
        expect(Array.from(train)).toEqual(Array.from({ length: n }, (_, r) => r).filter((r) => !held.has(r)));
      }
      expect(count.every((c) => c === 1)).toBe(true);
      const sizes = folds.map(({ val }) => val.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    },
  );

  it('gives the same folds for the same seed and different ones for another', () => {
    const same = kFold(20, 4, { seed: 5 }).map(({ val }) => Array.from(val));
    expect(kFold(20, 4, { seed: 5 }).map(({ val }) => Array.from(val))).toEqual(same);
    expect(kFold(20, 4, { seed: 6 }).map(({ val }) => Array.from(val))).not.toEqual(same);
  });

  it('refuses more folds than rows, saying how many are possible', () => {
    expect(() => kFold(3, 5)).toThrow('kFold: k = 5 folds need at least 5 rows, but there are 3; use k ≤ 3');
  });

  it('names itself when the seed is not an integer', () => {
    expect(() => kFold(10, 2, { seed: 1.5 })).toThrow('kFold: seed must be an integer, got 1.5; pass e.g. { seed: 0 }');
  });
});
