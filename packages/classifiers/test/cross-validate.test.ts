/**
 * crossValidate: which rows each fold trains and validates on, the grid it tries, how it picks
 * the best setting, its KNN shortcut, its printout and its errors.
 */
import { describe, expect, it } from 'vitest';
import { manualSeed, randint, randn, type Tensor, tensor } from '@tapegrad/tensor';
import { blobs, type Dataset } from '@tapegrad/data';
import { type Classifier, crossValidate, expandGrid, KNearestNeighbor, LinearClassifier } from '../src/index.js';

/** n examples whose only feature is the row number, so a model can tell which rows it was given. */
function numberedRows(n: number): Dataset {
  return {
    x: tensor(Float64Array.from({ length: n }, (_, i) => i), { shape: [n, 1] }),
    y: tensor(Int32Array.from({ length: n }, (_, i) => i % 3)),
  };
}

/** Remembers the rows it was fit and scored on; its score is a number fixed by its setting. */
class RowRecorder implements Classifier {
  static made: RowRecorder[] = [];
  trainRows: number[] = [];
  valRows: number[] = [];
  constructor(readonly setting: { a: number; b: string }) {
    RowRecorder.made.push(this);
  }
  fit(x: Tensor): void {
    this.trainRows = Array.from(x.buffer);
  }
  score(x: Tensor): number {
    this.valRows = Array.from(x.buffer);
    return this.setting.a * 0.1 + (this.setting.b === 'up' ? 0.05 : 0) + this.valRows[0] * 1e-4;
  }
}

describe('crossValidate', () => {
  it('validates on disjoint folds that cover every row, training on the rest', () => {
    RowRecorder.made = [];
    const data = numberedRows(23);
    crossValidate((s) => new RowRecorder(s), data, { grid: { a: [1], b: ['up'] }, folds: 5, seed: 3 });
    expect(RowRecorder.made).toHaveLength(5); // one fresh model per fold
    const valRows = RowRecorder.made.map((m) => m.valRows);
    expect(valRows.map((rows) => rows.length)).toEqual([5, 5, 5, 4, 4]);
    expect(valRows.flat().sort((p, q) => p - q)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const model of RowRecorder.made) {
      const all = [...model.trainRows, ...model.valRows].sort((p, q) => p - q);
      expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
    }
  });

  it('reports each finished fold to onFold, in order', () => {
    const reported: [number, number][] = [];
    crossValidate((s) => new RowRecorder(s), numberedRows(12), { grid: { a: [1, 2], b: ['up'] }, folds: 3, onFold: (done, folds) => reported.push([done, folds]) });
    expect(reported).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('tries every combination of the grid, last option fastest, and picks the best mean', () => {
    RowRecorder.made = [];
    const result = crossValidate((s) => new RowRecorder(s), numberedRows(12), { grid: { a: [1, 3, 2], b: ['down', 'up'] }, folds: 3 });
    expect(result.table.map((row) => row.setting)).toEqual([
      { a: 1, b: 'down' },
      { a: 1, b: 'up' },
      { a: 3, b: 'down' },
      { a: 3, b: 'up' },
      { a: 2, b: 'down' },
      { a: 2, b: 'up' },
    ]);
    expect(RowRecorder.made).toHaveLength(6 * 3);
    for (const row of result.table) {
      expect(row.foldScores).toHaveLength(3);
      const mean = row.foldScores.reduce((s, v) => s + v, 0) / 3;
      expect(row.mean).toBeCloseTo(mean, 12);
      expect(row.std).toBeCloseTo(Math.sqrt(row.foldScores.reduce((s, v) => s + (v - mean) ** 2, 0) / 3), 12);
    }
    const means = result.table.map((row) => row.mean);
    expect(result.best).toBe(result.table[means.indexOf(Math.max(...means))]);
    expect(result.best.setting).toEqual({ a: 3, b: 'up' });
    expect(result.folds).toBe(3);
    expect(result.examples).toBe(12);
  });

  it('gives KNN grids the same scores through the shared-distance path as model by model', () => {
    manualSeed(9);
    const data = { x: randn([60, 4]), y: randint(0, 3, [60]) };
    const grid = { k: [1, 3, 5], distance: ['l1', 'l2'] } as const;
    // Written inline, the grid's strings keep their literal types: s.distance is 'l1' | 'l2'.
    const shared = crossValidate((s) => new KNearestNeighbor(s), data, { grid: { k: [1, 3, 5], distance: ['l1', 'l2'] }, folds: 4 });
    // A wrapper is not a KNearestNeighbor, so it goes through fit and score one model at a time.
    const oneByOne = crossValidate(
      (s) => {
        const knn = new KNearestNeighbor(s);
        return { fit: (x: Tensor, y: Tensor) => knn.fit(x, y), score: (x: Tensor, y: Tensor) => knn.score(x, y) };
      },
      data,
      { grid, folds: 4 },
    );
    expect(shared.table.map((row) => row.foldScores)).toEqual(oneByOne.table.map((row) => row.foldScores));
    expect(shared.table).toHaveLength(6);
  });

  it('tunes a LinearClassifier through the same generic fit and score', () => {
    const data = blobs({ n: 90, centers: [[-4, 0], [4, 0], [0, 5]], std: 1, seed: 1 });
    const cv = crossValidate((s) => new LinearClassifier({ ...s, epochs: 5, batchSize: 20, learningRate: 0.02 }), data, {
      grid: { loss: ['softmax', 'svm'], reg: [1e-4, 1e-2] },
      folds: 3,
    });
    expect(cv.table.map((row) => row.setting)).toEqual([
      { loss: 'softmax', reg: 1e-4 },
      { loss: 'softmax', reg: 1e-2 },
      { loss: 'svm', reg: 1e-4 },
      { loss: 'svm', reg: 1e-2 },
    ]);
    expect(cv.best.mean).toBeGreaterThan(0.9);
  });

  it('prints a table a person can read, the best row marked', () => {
    RowRecorder.made = [];
    const result = crossValidate((s) => new RowRecorder(s), numberedRows(12), { grid: { a: [1, 3], b: ['up'] }, folds: 3 });
    const lines = result.toString().split('\n');
    expect(lines[0]).toBe('3-fold cross-validation on 12 examples, 2 settings');
    expect(lines[2].split(/\s+/).filter(Boolean)).toEqual(['a', 'b', 'mean', 'std', 'fold', '1', 'fold', '2', 'fold', '3']);
    expect(lines[3].startsWith(' ')).toBe(true);
    expect(lines[4].startsWith('*')).toBe(true);
    expect(lines[4]).toContain(result.best.mean.toFixed(4));
    expect(lines.at(-1)).toBe(`best: a = 3, b = up (mean ${result.best.mean.toFixed(4)} ± ${result.best.std.toFixed(4)})`);
  });

  it('never picks a setting whose mean score is NaN while another has a number', () => {
    const scoreOf = { diverged: Number.NaN, worse: 0.2, better: 0.7 };
    const model = (s: { run: keyof typeof scoreOf }): Classifier => ({ fit: () => {}, score: () => scoreOf[s.run] });
    const result = crossValidate(model, numberedRows(6), { grid: { run: ['diverged', 'worse', 'better'] as const }, folds: 2 });
    expect(result.best.setting).toEqual({ run: 'better' });
    const allNaN = crossValidate(model, numberedRows(6), { grid: { run: ['diverged'] as const }, folds: 2 });
    expect(allNaN.best.setting).toEqual({ run: 'diverged' });
  });

  it('expands an empty grid to the one empty setting', () => {
    expect(expandGrid({})).toEqual([{}]);
    expect(expandGrid({ k: [1, 2], d: ['x'] })).toEqual([{ k: 1, d: 'x' }, { k: 2, d: 'x' }]);
  });

  describe('errors', () => {
    const data = numberedRows(6);
    const make = (s: { a: number; b: string }) => new RowRecorder(s);

    it('rejects fold counts below 2 or above the number of examples', () => {
      expect(() => crossValidate(make, data, { grid: { a: [1], b: ['up'] }, folds: 1 })).toThrow('crossValidate: folds = 1 is not possible with 6 examples; use 2 ≤ folds ≤ 6');
      expect(() => crossValidate(make, data, { grid: { a: [1], b: ['up'] }, folds: 7 })).toThrow('crossValidate: folds = 7 is not possible with 6 examples; use 2 ≤ folds ≤ 6');
    });

    it('names an empty or non-array grid entry', () => {
      expect(() => crossValidate(() => make({ a: 1, b: 'up' }), data, { grid: { a: [], b: ['up'] } })).toThrow('crossValidate: grid.a must be a non-empty array of candidate values, got an empty array');
      expect(() => crossValidate(() => make({ a: 1, b: 'up' }), data, { grid: { a: 3 } as never })).toThrow('crossValidate: grid.a must be a non-empty array of candidate values, got 3 (wrap a fixed value in an array: { a: [3] })');
    });

    it('names a model without fit and score, and a missing grid', () => {
      expect(() => crossValidate(() => ({}) as Classifier, data, { grid: { k: [1] } })).toThrow(
        'crossValidate: makeModel returned object for setting 0; it must return a model with fit(x, y) and score(x, y)',
      );
      expect(() => crossValidate(() => make({ a: 1, b: 'up' }), data, undefined as never)).toThrow('crossValidate: pass the options with a grid');
    });

    it('names data whose rows and labels disagree', () => {
      const bad = { x: randn([5, 2]), y: tensor([0, 1, 2, 0], { dtype: 'int32' }) };
      expect(() => crossValidate(make, bad, { grid: { a: [1], b: ['up'] } })).toThrow('crossValidate: x has 5 rows but y has 4 labels');
    });

    it('passes a failing model’s error through, named by the model', () => {
      const knnData = { x: randn([10, 2]), y: randint(0, 2, [10]) };
      // 10 rows in 2 folds leave 5 training rows per fold: k = 6 is too many.
      expect(() => crossValidate((s) => new KNearestNeighbor(s), knnData, { grid: { k: [6] }, folds: 2 })).toThrow(
        'KNearestNeighbor.fit: k = 6 neighbours need at least 6 training rows, but the training set has 5; use k ≤ 5',
      );
    });
  });
});
