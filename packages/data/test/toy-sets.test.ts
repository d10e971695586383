import { describe, expect, it } from 'vitest';
import { manualSeed, randn } from '@tapegrad/tensor';
import { blobs, moons } from '../src/index.js';

const points = (x: { toArray(): unknown }) => x.toArray() as number[][];
const labelsOf = (y: { buffer: ArrayLike<number> }) => Array.from(y.buffer);

describe('moons', () => {
  it('puts class 0 on the upper unit half circle and class 1 on the shifted lower one, ⌊n/2⌋ and the rest', () => {
    const { x, y } = moons({ n: 101, noise: 0 });
    expect(x.shape).toEqual([101, 2]);
    expect([x.dtype, y.dtype]).toEqual(['float64', 'int32']);
    const labels = labelsOf(y);
    expect(labels.filter((label) => label === 0)).toHaveLength(50);
    points(x).forEach(([a, b], i) => {
      if (labels[i] === 0) expect(Math.hypot(a, b)).toBeCloseTo(1, 12);
      else expect(Math.hypot(a - 1, b - 0.5)).toBeCloseTo(1, 12);
      expect(labels[i] === 0 ? b >= -1e-12 : b <= 0.5 + 1e-12).toBe(true);
    });
  });

  it('is the same for the same seed, differs for another, and adds noise of the given size', () => {
    expect(moons({ n: 50, noise: 0.1, seed: 4 }).x.toArray()).toEqual(moons({ n: 50, noise: 0.1, seed: 4 }).x.toArray());
    expect(moons({ n: 50, noise: 0.1, seed: 4 }).x.toArray()).not.toEqual(moons({ n: 50, noise: 0.1, seed: 5 }).x.toArray());
    const { x, y } = moons({ n: 2000, noise: 0.1, seed: 1, shuffle: false });
    const offsets = points(x).map(([a, b], i) => (labelsOf(y)[i] === 0 ? Math.hypot(a, b) : Math.hypot(a - 1, b - 0.5)) - 1);
    const rms = Math.sqrt(offsets.reduce((sum, d) => sum + d * d, 0) / offsets.length);
    expect(rms).toBeGreaterThan(0.08);
    expect(rms).toBeLessThan(0.12);
  });

  it("leaves tensor's global generator alone", () => {
    manualSeed(2);
    const expected = randn([3]).toArray();
    manualSeed(2);
    moons({ n: 20, noise: 0.3, seed: 9 });
    blobs({ n: 20, seed: 9 });
    expect(randn([3]).toArray()).toEqual(expected);
  });

  it('rejects a negative noise, naming the option', () => {
    expect(() => moons({ noise: -1 })).toThrow('moons: noise must be a standard deviation ≥ 0, got -1; pass e.g. { noise: 0.1 }');
  });
});

describe('blobs', () => {
  it('deals n points to k centers as evenly as possible, each cluster around its own center', () => {
    const { x, y, centers } = blobs({ n: 3001, centers: 3, std: 0.5, features: 4, seed: 3 });
    expect(x.shape).toEqual([3001, 4]);
    expect(centers.shape).toEqual([3, 4]);
    const labels = labelsOf(y);
    expect([0, 1, 2].map((c) => labels.filter((label) => label === c).length)).toEqual([1001, 1000, 1000]);
    Array.from(centers.buffer).forEach((value) => expect(Math.abs(value)).toBeLessThanOrEqual(10));
    const rows = points(x);
    const centerRows = points(centers);
    for (let c = 0; c < 3; c++) {
      const members = rows.filter((_, i) => labels[i] === c);
      for (let j = 0; j < 4; j++) {
        const mean = members.reduce((sum, row) => sum + row[j], 0) / members.length;
        const spread = Math.sqrt(members.reduce((sum, row) => sum + (row[j] - mean) ** 2, 0) / members.length);
        expect(Math.abs(mean - centerRows[c][j])).toBeLessThan(0.1);
        expect(spread).toBeGreaterThan(0.45);
        expect(spread).toBeLessThan(0.55);
      }
    }
  });

  it('uses given centers and per-center std, and is reproducible for a seed', () => {
    const make = () => blobs({ n: 4, centers: [[0, 0], [100, 100]], std: [0, 0], shuffle: false, seed: 1 });
    const { x, y } = make();
    expect(x.toArray()).toEqual([[0, 0], [0, 0], [100, 100], [100, 100]]);
    expect(labelsOf(y)).toEqual([0, 0, 1, 1]);
    expect(blobs({ n: 30, seed: 2 }).x.toArray()).toEqual(blobs({ n: 30, seed: 2 }).x.toArray());
  });

  it('rejects a std per center of the wrong length and centers of different widths', () => {
    expect(() => blobs({ centers: 3, std: [1, 2] })).toThrow('blobs: std has 2 entries but there are 3 centers; pass one per center or a single number');
    expect(() => blobs({ centers: [[0, 0], [1]] })).toThrow('blobs: center 1 has 1 coordinates but center 0 has 2; give every center the same length');
  });
});
