/**
 * KNearestNeighbor on hand-made sets whose answers can be worked out on paper, its vote rules,
 * and its errors.
 */
import { describe, expect, it } from 'vitest';
import { manualSeed, randint, randn, tensor } from '@tapegrad/tensor';
import { KNearestNeighbor } from '../src/index.js';

/** One feature per row: the points 0, 1, 2, 5, 6 of a number line, labelled 0, 0, 1, 1, 1. */
const line = { x: tensor([[0], [1], [2], [5], [6]]), y: tensor([0, 0, 1, 1, 1], { dtype: 'int32' }) };

describe('KNearestNeighbor', () => {
  it('predicts the worked-out labels of a point on a line for k = 1, 3 and 5', () => {
    // 1.9 is 0.1 from 2 (label 1), 0.9 from 1 (0), 1.9 from 0 (0), 3.1 from 5 (1), 4.1 from 6 (1).
    const x = tensor([[1.9]]);
    const knn = new KNearestNeighbor().fit(line.x, line.y);
    expect(knn.predict(x, { k: 1 }).toArray()).toEqual([1]);
    expect(knn.predict(x, { k: 3 }).toArray()).toEqual([0]); // labels 1, 0, 0
    expect(knn.predict(x, { k: 5 }).toArray()).toEqual([1]); // labels 1, 0, 0, 1, 1
    expect(knn.predict(x, { k: 3 }).dtype).toBe('int32');
  });

  it('separates two clusters and scores 100 % on points near them', () => {
    const x = tensor([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10]]);
    const y = [0, 0, 0, 1, 1, 1];
    const test = tensor([[0.2, 0.3], [9, 9.5], [1, 1], [12, 12]]);
    for (const distance of ['l1', 'l2'] as const) {
      const knn = new KNearestNeighbor({ k: 3, distance }).fit(x, y);
      expect(knn.predict(test).toArray(), distance).toEqual([0, 1, 0, 1]);
      expect(knn.score(test, [0, 1, 0, 1])).toBe(1);
      expect(knn.score(test, [1, 1, 0, 1])).toBe(0.75);
    }
  });

  it('lets the distance decide: (0,0) is nearer (3,3) in L2 but nearer (0,5) in L1', () => {
    // to (3,3): L1 6, L2 4.24; to (0,5): L1 5, L2 5.
    const x = tensor([[3, 3], [0, 5]]);
    const y = [0, 1];
    const origin = tensor([[0, 0]]);
    expect(new KNearestNeighbor({ distance: 'l2' }).fit(x, y).predict(origin).toArray()).toEqual([0]);
    expect(new KNearestNeighbor({ distance: 'l1' }).fit(x, y).predict(origin).toArray()).toEqual([1]);
  });

  it('gives a tied vote to the smallest label', () => {
    // 0 is equally far from −1 (label 3) and 1 (label 1): with k = 2 each gets one vote.
    const knn = new KNearestNeighbor({ k: 2 }).fit(tensor([[-1], [1]]), [3, 1]);
    expect(knn.predict(tensor([[0]])).toArray()).toEqual([1]);
    // Two votes each for labels 2 and 0 (and none for 1): label 0 wins.
    const four = new KNearestNeighbor({ k: 4 }).fit(tensor([[1], [2], [3], [4], [50]]), [2, 0, 2, 0, 1]);
    expect(four.predict(tensor([[0]])).toArray()).toEqual([0]);
  });

  it('votes over the labels present, however large their values', () => {
    const knn = new KNearestNeighbor({ k: 2 }).fit(tensor([[-1], [1], [9]]), [2_000_000_000, 7, 7]);
    expect(knn.predict(tensor([[0], [8]])).toArray()).toEqual([7, 7]); // the tie at 0 goes to 7 < 2e9
    expect(knn.predict(tensor([[-2]]), { k: 1 }).toArray()).toEqual([2_000_000_000]);
  });

  it('takes neighbours at equal distance in training order', () => {
    // k = 1 and a tie in distance: the training row that comes first wins, whatever its label.
    const knn = new KNearestNeighbor().fit(tensor([[-1], [1]]), [3, 1]);
    expect(knn.predict(tensor([[0]])).toArray()).toEqual([3]);
    const reversed = new KNearestNeighbor().fit(tensor([[1], [-1]]), [1, 3]);
    expect(reversed.predict(tensor([[0]])).toArray()).toEqual([1]);
  });

  it('predicts the same labels from one distance matrix for each k as predict does k by k', () => {
    manualSeed(11);
    const x = randn([60, 5]);
    const y = randint(0, 4, [60]);
    const test = randn([25, 5]);
    const knn = new KNearestNeighbor().fit(x, y);
    const dists = knn.computeDistances(test);
    const ks = [1, 2, 3, 7, 60];
    const together = knn.predictLabelsForEachK(dists, ks);
    ks.forEach((k, i) => {
      expect(together[i].toArray(), `k = ${k}`).toEqual(knn.predict(test, { k }).toArray());
      expect(together[i].toArray(), `k = ${k}`).toEqual(knn.predictLabels(dists, k).toArray());
    });
    // k = all 60 rows: every test row gets the training set's most common label.
    const counts = [0, 1, 2, 3].map((label) => (y.toArray() as number[]).filter((v) => v === label).length);
    const majority = counts.indexOf(Math.max(...counts));
    expect(new Set(together[4].toArray() as number[])).toEqual(new Set([majority]));
  });

  it('predicts the same labels whichever method computes the distances', () => {
    manualSeed(12);
    const x = randn([30, 6]);
    const y = randint(0, 3, [30]);
    const test = randn([9, 6]);
    for (const distance of ['l1', 'l2'] as const) {
      const knn = new KNearestNeighbor({ k: 3, distance }).fit(x, y);
      const expected = knn.predict(test).toArray();
      for (const method of ['twoLoops', 'oneLoop', 'noLoops', 'blocked'] as const) {
        expect(knn.predict(test, { method }).toArray(), `${distance} ${method}`).toEqual(expected);
      }
    }
  });

  it('computes the [numTest, numTrain] distance matrix of the course', () => {
    const knn = new KNearestNeighbor().fit(line.x, line.y);
    expect(knn.computeDistances(tensor([[1.5], [6]])).toArray()).toEqual([
      [1.5, 0.5, 0.5, 3.5, 4.5],
      [6, 5, 4, 1, 0],
    ]);
    expect(knn.xTrain).toBe(line.x);
    expect(knn.yTrain.toArray()).toEqual([0, 0, 1, 1, 1]);
  });

  describe('errors', () => {
    it('rejects k < 1, a fractional k, and k above the training size', () => {
      expect(() => new KNearestNeighbor({ k: 0 })).toThrow('KNearestNeighbor: k must be an integer ≥ 1, got 0');
      expect(() => new KNearestNeighbor({ k: 1.5 })).toThrow('KNearestNeighbor: k must be an integer ≥ 1, got 1.5');
      expect(() => new KNearestNeighbor({ k: 6 }).fit(line.x, line.y)).toThrow(
        'KNearestNeighbor.fit: k = 6 neighbours need at least 6 training rows, but the training set has 5; use k ≤ 5',
      );
      const knn = new KNearestNeighbor().fit(line.x, line.y);
      expect(() => knn.predict(tensor([[1]]), { k: 9 })).toThrow('KNearestNeighbor.predict: k = 9 neighbours need at least 9 training rows, but the training set has 5; use k ≤ 5');
      expect(() => knn.predictLabels(knn.computeDistances(tensor([[1]])), 0)).toThrow('KNearestNeighbor.predictLabels: k must be an integer ≥ 1, got 0');
    });

    it('rejects an unknown distance or method, listing the known ones', () => {
      expect(() => new KNearestNeighbor({ distance: 'linf' as 'l1' })).toThrow("KNearestNeighbor: unknown distance 'linf'; use one of 'l1', 'l2'");
      const knn = new KNearestNeighbor().fit(line.x, line.y);
      expect(() => knn.computeDistances(tensor([[1]]), { method: 'fast' as 'noLoops' })).toThrow(
        "KNearestNeighbor.computeDistances: unknown method 'fast'; use one of 'twoLoops', 'oneLoop', 'noLoops', 'blocked'",
      );
    });

    it('refuses to predict before fit', () => {
      const knn = new KNearestNeighbor();
      expect(() => knn.predict(tensor([[1]]))).toThrow('KNearestNeighbor.predict: the model has not been fit yet; call fit(xTrain, yTrain) first');
      expect(() => knn.computeDistances(tensor([[1]]))).toThrow('KNearestNeighbor.computeDistances: the model has not been fit yet');
      expect(() => knn.score(tensor([[1]]), [0])).toThrow('KNearestNeighbor.score: the model has not been fit yet');
      expect(knn.isFitted).toBe(false);
    });

    it('names a feature-count mismatch with both counts', () => {
      const knn = new KNearestNeighbor().fit(randn([4, 784]), [0, 1, 2, 3]);
      expect(() => knn.predict(randn([2, 783]))).toThrow(
        'KNearestNeighbor.predict: x has 783 features but the model was fit on 784; pass rows of 784 features, preprocessed as the training data was',
      );
      expect(() => knn.computeDistances(randn([2, 783]))).toThrow('KNearestNeighbor.computeDistances: xTest has 783 features but the model was fit on 784');
      expect(() => knn.score(randn([2, 783]), [0, 1])).toThrow('KNearestNeighbor.score: x has 783 features but the model was fit on 784');
    });

    it('names a mismatch between rows and labels, and labels that are not class indices', () => {
      const knn = new KNearestNeighbor();
      expect(() => knn.fit(randn([4, 2]), [0, 1, 2])).toThrow('KNearestNeighbor.fit: x has 4 rows but y has 3 labels; pass exactly one label per row of x');
      expect(() => knn.fit(randn([2, 2]), tensor([0, 1]))).toThrow("KNearestNeighbor.fit: y [2] float64 is float64; labels must be int32 class indices, e.g. y.astype('int32')");
      expect(() => knn.fit(randn([2, 2]), [0, -1])).toThrow('KNearestNeighbor.fit: y[1] = -1 is not a class index; labels must be integers ≥ 0');
      expect(() => knn.fit(randn([2]), [0, 1])).toThrow('KNearestNeighbor.fit: x must be [N, D] (one row of features per example), got [2] float64');
      expect(() => knn.fit(tensor([[1, 2]], { dtype: 'int32' }), [0])).toThrow("KNearestNeighbor.fit: x [1,2] int32 is int32; features must be float, e.g. x.astype('float64')");
    });

    it('refuses NaN or infinite features, which would otherwise rank a row silently near or far', () => {
      // Before the check, a NaN test row had NaN distances to every row, counted as infinitely far,
      // so it was "nearest" to training row 0 and got its label.
      expect(() => new KNearestNeighbor().fit(tensor([[0, 0], [Number.NaN, 5]]), [0, 1])).toThrow(
        'KNearestNeighbor.fit: x has NaN at row 1, column 0 of x [2,2]; drop or impute missing and infinite values',
      );
      const knn = new KNearestNeighbor().fit(line.x, line.y);
      expect(() => knn.predict(tensor([[Number.NaN]]))).toThrow('KNearestNeighbor.predict: x has NaN at row 0, column 0 of x [1,1]');
      expect(() => knn.computeDistances(tensor([[1], [Infinity]]))).toThrow('KNearestNeighbor.computeDistances: xTest has Infinity at row 1, column 0 of xTest [2,1]');
    });

    it('refuses an empty training set with a message about rows, not about k', () => {
      expect(() => new KNearestNeighbor({ k: 3 }).fit(tensor(new Float64Array(0), { shape: [0, 2] }), [])).toThrow(
        'KNearestNeighbor.fit: x [0,2] has no rows; there must be at least k = 3 training rows to vote',
      );
    });

    it('checks that a distance matrix has one column per training row', () => {
      const knn = new KNearestNeighbor().fit(line.x, line.y);
      expect(() => knn.predictLabels(randn([3, 4]))).toThrow(
        'KNearestNeighbor.predictLabels: dists must be [numTest, 5] (one column per training row, as computeDistances returns), got [3,4] float64',
      );
    });
  });
});
