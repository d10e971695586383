import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { tensor } from '@tapegrad/tensor';
import { stratifiedSplit } from '../src/index.js';

/** counts[c][p]: how many rows of class c landed in part p. */
function classCounts(labels: readonly number[], parts: Int32Array[], classes: number): number[][] {
  return Array.from({ length: classes }, (_, c) => parts.map((part) => Array.from(part).filter((row) => labels[row] === c).length));
}

/** Whether every class gets ⌊share⌋ or ⌈share⌉ of its exact share n_c·size_p/N in every part. */
function withinOneRowOfShare(labels: readonly number[], sizes: readonly number[], parts: Int32Array[], classes: number): boolean {
  const n = labels.length;
  return classCounts(labels, parts, classes).every((row, c) => {
    const classSize = labels.filter((label) => label === c).length;
    return row.every((count, p) => Math.abs(count - (n === 0 ? 0 : (classSize * sizes[p]) / n)) < 1);
  });
}

const problem = fc.record({
  classSizes: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe('stratifiedSplit', () => {
  it('uses every row once and gives each part its exact size when classes are smaller than the number of parts', () => {
    // Classes 1 and 2 have one row each, fewer than the four parts.
    const labels = [0, 0, 0, 0, 0, 0, 1, 2];
    const parts = stratifiedSplit(tensor(Int32Array.from(labels)), [0.25, 0.25, 0.25, 0.25], { seed: 0 });
    expect(parts.map((part) => part.length)).toEqual([2, 2, 2, 2]);
    expect(parts.flatMap((part) => Array.from(part)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test.prop([problem], { numRuns: 200 })('gives every class ⌊share⌋ or ⌈share⌉ of each part, using every row once', ({ classSizes, cuts, seed }) => {
    const labels = classSizes.flatMap((size, c) => new Array<number>(size).fill(c));
    const n = labels.length;
    const bounds = cuts.map((cut) => Math.floor(cut * n)).sort((a, b) => a - b);
    const sizes = [...bounds, n].map((bound, p) => bound - (p === 0 ? 0 : bounds[p - 1]));
    const parts = stratifiedSplit(labels, sizes, { seed });
    expect(parts.map((part) => part.length)).toEqual(sizes);
    expect(parts.flatMap((part) => Array.from(part)).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, r) => r));
    expect(withinOneRowOfShare(labels, sizes, parts, classSizes.length)).toBe(true);
  });

  it('keeps a small class in the small parts when the larger classes fill them first', () => {
    // Found by the property above: the greedy pass used to give class 3 all 4 of its rows in the
    // big part (exact shares 0.62, 2.77, 0.62) and none to the two small ones.
    const labels = [5, 5, 6, 4, 6].flatMap((size, c) => new Array<number>(size).fill(c));
    const parts = stratifiedSplit(labels, [4, 18, 4], { seed: 0 });
    expect(withinOneRowOfShare(labels, [4, 18, 4], parts, 5)).toBe(true);
    expect(classCounts(labels, parts, 5)[3].every((count) => count >= 0 && count <= 3)).toBe(true);
  });

  it('names itself when the seed is not an integer', () => {
    expect(() => stratifiedSplit([0, 1, 0, 1], [0.5, 0.5], { seed: 1.5 })).toThrow('stratifiedSplit: seed must be an integer, got 1.5; pass e.g. { seed: 0 }');
  });

  it('refuses a positive fraction that rounds to no rows, naming the part', () => {
    expect(() => stratifiedSplit([0, 1, 0, 1], [0.9, 0.1])).toThrow('stratifiedSplit: sizes[1] = 0.1 of 4 rows rounds to 0 rows');
  });
});
