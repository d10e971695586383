/**
 * Class labels as classifiers receive them: an int32 tensor `[N]` or a `number[]`, one
 * non-negative integer per row of features.
 * @module
 */
import { describeTensor, Tensor } from '@tapegrad/tensor';

/** Class labels: an int32 tensor `[N]` (what `Dataset.y` holds) or a plain `number[]`. */
export type LabelsInput = Tensor | readonly number[];

/** How {@link readLabels} names the labels and the rows they go with in its errors. */
export interface LabelNames {
  /** The labels' argument name (default `'y'`). */
  readonly name?: string;
  /** What the rows belong to (default `'x'`). */
  readonly rowsOf?: string;
}

/**
 * The labels as an `Int32Array`, after checking there is one per row and each is a class index
 * (an integer ≥ 0). `where` is `Class.method`; `rows` is the number of feature rows they go with.
 */
export function readLabels(where: string, y: unknown, rows: number, { name = 'y', rowsOf = 'x' }: LabelNames = {}): Int32Array {
  let values: ArrayLike<number>;
  if (y instanceof Tensor) {
    if (y.dtype !== 'int32') {
      throw new Error(`${where}: ${name} ${describeTensor(y)} is ${y.dtype}; labels must be int32 class indices, e.g. ${name}.astype('int32')`);
    }
    if (y.ndim !== 1) {
      const hint = y.size === rows ? `; flatten them with ${name}.reshape([${rows}])` : '';
      throw new Error(`${where}: ${name} must be [N] (one label per row of ${rowsOf}), got ${describeTensor(y)}${hint}`);
    }
    values = y.buffer;
  } else if (Array.isArray(y)) {
    values = y as readonly number[];
  } else {
    throw new Error(`${where}: ${name} must be an int32 Tensor [N] or a number[] of class indices, got ${y === null ? 'null' : typeof y}`);
  }
  if (values.length !== rows) {
    throw new Error(`${where}: ${rowsOf} has ${rows} rows but ${name} has ${values.length} labels; pass exactly one label per row of ${rowsOf}`);
  }
  const labels = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const label = values[i];
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label > 2 ** 31 - 1) {
      throw new Error(`${where}: ${name}[${i}] = ${String(label)} is not a class index; labels must be integers ≥ 0`);
    }
    labels[i] = label;
  }
  return labels;
}

/** Number of classes the labels imply: the largest label plus one (0 for no labels). */
export function countClasses(labels: Int32Array): number {
  let largest = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i] > largest) largest = labels[i];
  return largest + 1;
}

/**
 * Throws unless every label is one of the `classes` classes a model scores (0 … classes − 1),
 * naming the first label outside them and `fix`; the loss would otherwise fail under its own name
 * (`softmaxCrossEntropy: label 9 at position 3 …`), far from the call that passed the labels.
 */
export function checkLabelsBelow(where: string, labels: Int32Array, classes: number, fix: string, name = 'y'): void {
  const row = labels.findIndex((label) => label >= classes);
  if (row !== -1) {
    throw new Error(`${where}: ${name}[${row}] = ${labels[row]} but the model scores ${classes} classes (0 … ${classes - 1}); ${fix}`);
  }
}
