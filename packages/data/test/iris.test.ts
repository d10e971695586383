import { describe, expect, it } from 'vitest';
import { pca, trainValTestSplit, validateDataset } from '../src/index.js';
import { loadIris } from '../src/node/iris.js';

describe('loadIris', () => {
  it('loads 150 × 4 measurements with 50 flowers of each of 3 species', () => {
    const iris = loadIris();
    expect(iris.x.shape).toEqual([150, 4]);
    expect(iris.x.dtype).toBe('float64');
    expect(iris.y.shape).toEqual([150]);
    expect(iris.y.dtype).toBe('int32');
    const labels = Array.from(iris.y.buffer);
    expect([0, 1, 2].map((c) => labels.filter((label) => label === c).length)).toEqual([50, 50, 50]);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(iris.featureNames).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);
    expect((iris.x.toArray() as number[][])[0]).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(() => validateDataset(iris, 'loadIris')).not.toThrow();
  });

  it('honours the dtype option', () => {
    expect(loadIris({ dtype: 'float32' }).x.dtype).toBe('float32');
  });

  it("gives scikit-learn's explained variance ratios for two components, 0.9246 and 0.0531", () => {
    const ratio = Array.from(pca({ components: 2 }).fit(loadIris().x).explainedVarianceRatio.buffer);
    expect(ratio).toEqual([expect.closeTo(0.92461872, 7), expect.closeTo(0.05306648, 7)]);
  });

  it('splits into stratified parts of 30, 10 and 10 per species at 0.6/0.2/0.2', () => {
    const { train, val, test } = trainValTestSplit(loadIris(), { train: 0.6, val: 0.2, test: 0.2 }, { seed: 0 });
    for (const [part, perClass] of [[train, 30], [val, 10], [test, 10]] as const) {
      const labels = Array.from(part.y.buffer);
      expect([0, 1, 2].map((c) => labels.filter((label) => label === c).length)).toEqual([perClass, perClass, perClass]);
    }
  });
});
