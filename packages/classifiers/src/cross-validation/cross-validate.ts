/**
 * k-fold cross-validation over a grid of hyperparameters.
 * @module
 */
import { type Dataset, kFold, take, validateDataset } from '@tapegrad/data';
import { checkInteger, checkPositiveInteger } from '../hyperparameters.js';
import type { Classifier } from './classifier.js';
import { formatCrossValidation } from './format-cross-validation.js';
import { expandGrid, type Grid, type GridSetting } from './grid.js';
import { foldScores } from './fold-scores.js';

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions<G extends Grid> {
  /** Candidate values per option; every combination is tried. */
  readonly grid: G;
  /** Number of folds k (default 5). */
  readonly folds?: number;
  /** Seed of the shuffle that deals rows into folds (default 0). */
  readonly seed?: number;
  /**
   * Called after each fold with the number of folds done and the total, e.g. to show progress:
   * cross-validating KNN on MNIST takes seconds per fold.
   */
  readonly onFold?: (done: number, folds: number) => void;
}

/** One setting's results: its score on each held-out fold, their mean and spread. */
export interface CrossValidationRow<S> {
  /** The grid combination this row tried. */
  readonly setting: S;
  /** Score on each fold's held-out part, fold by fold. */
  readonly foldScores: readonly number[];
  /** Mean of `foldScores`. */
  readonly mean: number;
  /** Standard deviation of `foldScores` (dividing by the number of folds, numpy's default). */
  readonly std: number;
}

/** What {@link crossValidate} returns. */
export interface CrossValidationResult<S> {
  /** One row per grid combination, in grid order (the last option varying fastest). */
  readonly table: readonly CrossValidationRow<S>[];
  /** The row with the highest mean score (the first such row on a tie); a NaN mean wins only if every mean is NaN. */
  readonly best: CrossValidationRow<S>;
  /** Number of folds. */
  readonly folds: number;
  /** Number of examples split into folds. */
  readonly examples: number;
  /** The table as text a person can read, the best row marked; see {@link formatCrossValidation}. */
  toString(): string;
}

/**
 * k-fold cross-validation (course notes, KNN: "split the training data into folds, try each
 * fold as the validation set and average"). For every combination of `grid` and every fold,
 * `makeModel(setting)` makes a fresh model, which is fit on the other folds and scored on the
 * held-out one. Folds come from `kFold(n, folds, { seed })` of `@tapegrad/data`: their held-out
 * parts are disjoint and cover every row once.
 *
 * ```ts
 * const cv = crossValidate((s) => new KNearestNeighbor(s), train, {
 *   grid: { k: [1, 3, 5, 8, 10], distance: ['l1', 'l2'] },
 *   folds: 5,
 * });
 * console.log(cv.toString());
 * const knn = new KNearestNeighbor(cv.best.setting).fit(train.x, train.y);
 * ```
 *
 * Any model with `fit(x, y)` and `score(x, y)` works (see {@link Classifier}). KNN grids are
 * fast: models that are plain `KNearestNeighbor`s with the same distance share one distance
 * matrix per fold, so trying five values of k costs about as much as trying one.
 */
export function crossValidate<const G extends Grid>(
  makeModel: (setting: GridSetting<G>) => Classifier,
  data: Dataset,
  options: CrossValidateOptions<G>,
): CrossValidationResult<GridSetting<G>> {
  const where = 'crossValidate';
  if (typeof makeModel !== 'function') {
    throw new Error(`${where}: makeModel must be a function from a setting to a new model, e.g. (s) => new KNearestNeighbor(s), got ${typeof makeModel}`);
  }
  if (options === null || typeof options !== 'object' || options.grid === undefined) {
    throw new Error(`${where}: pass the options with a grid, e.g. { grid: { k: [1, 3, 5] }, folds: 5 }`);
  }
  const folds = checkPositiveInteger(where, 'folds', options.folds ?? 5);
  const seed = checkInteger(where, 'seed', options.seed ?? 0);
  validateDataset(data, where);
  const examples = data.y.shape[0];
  if (folds < 2 || folds > examples) {
    throw new Error(`${where}: folds = ${folds} is not possible with ${examples} examples; use 2 ≤ folds ≤ ${examples}`);
  }
  const settings = expandGrid(options.grid, where);
  const scores = settings.map(() => new Array<number>());
  kFold(examples, folds, { seed }).forEach(({ train, val }, fold) => {
    const models = settings.map((setting, i) => checkModel(where, makeModel(setting), i));
    foldScores(models, take(data, train), take(data, val)).forEach((score, i) => scores[i].push(score));
    options.onFold?.(fold + 1, folds);
  });
  const table = settings.map((setting, i) => summarise(setting, scores[i]));
  // `>` alone would never replace a NaN first row (every comparison with NaN is false).
  const best = table.reduce((top, row) => (row.mean > top.mean || (Number.isNaN(top.mean) && !Number.isNaN(row.mean)) ? row : top));
  const result: CrossValidationResult<GridSetting<G>> = {
    table,
    best,
    folds,
    examples,
    toString: () => formatCrossValidation(result),
  };
  return result;
}

function summarise<S>(setting: S, foldScores: number[]): CrossValidationRow<S> {
  const mean = foldScores.reduce((sum, score) => sum + score, 0) / foldScores.length;
  const variance = foldScores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / foldScores.length;
  return { setting, foldScores, mean, std: Math.sqrt(variance) };
}

function checkModel(where: string, model: unknown, index: number): Classifier {
  const candidate = model as Partial<Classifier> | null;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.fit !== 'function' || typeof candidate.score !== 'function') {
    throw new Error(`${where}: makeModel returned ${model === null ? 'null' : typeof model} for setting ${index}; it must return a model with fit(x, y) and score(x, y)`);
  }
  return candidate as Classifier;
}
