/**
 * Class labels, validated once for every classification loss: an int32 tensor or a plain
 * `number[]` with one integer in `[0, C)` per example. A bad label is an error naming its
 * position, never a silent out-of-range read or a wrapped-around index.
 * @module
 */
import { formatShape, Tensor, tensor } from '@tapegrad/tensor';
import { describeTensor } from './describe-tensor.js';

/** Class labels: an int32 tensor of shape `[N]`, or a `number[]` of length N. */
export type Labels = Tensor | readonly number[];

/**
 * Checks `labels` against scores of shape `[rows, classes]` and returns them as an int32 tensor
 * of shape `[rows]`. Errors name the loss, and for a bad label its value and position.
 */
export function checkLabels(op: string, labels: unknown, rows: number, classes: number): Tensor {
  let values: ArrayLike<number>;
  if (labels instanceof Tensor) {
    if (labels.dtype !== 'int32') {
      throw new Error(`${op}: labels ${describeTensor(labels)} are ${labels.dtype}; labels must be int32, e.g. labels.astype('int32')`);
    }
    if (labels.ndim !== 1) {
      const hint = labels.size === rows ? `; flatten them with labels.reshape(${formatShape([rows])})` : '';
      throw new Error(`${op}: labels must have shape ${formatShape([rows])} (one per row of the scores), got ${describeTensor(labels)}${hint}`);
    }
    values = labels.buffer;
  } else if (Array.isArray(labels)) {
    values = labels as readonly number[];
  } else if (ArrayBuffer.isView(labels)) {
    // A raw typed array has no shape to check against the scores; wrapping it says what it is.
    const name = labels.constructor.name;
    throw new Error(`${op}: labels must be an int32 Tensor or a number[], got a typed array (${name}); wrap it: tensor(labels, { dtype: 'int32' })`);
  } else {
    throw new Error(`${op}: labels must be an int32 Tensor or a number[], got ${labels === null ? 'null' : typeof labels}`);
  }
  if (values.length !== rows) {
    throw new Error(`${op}: got ${values.length} labels for ${rows} rows of scores; pass exactly one label per row`);
  }
  for (let i = 0; i < values.length; i++) {
    const label = values[i];
    if (typeof label !== 'number') {
      const got = Array.isArray(label) ? 'an array' : label === null ? 'null' : typeof label;
      throw new Error(`${op}: the label at position ${i} is ${got}, not a class index; labels must be a flat number[] or an int32 [N] tensor`);
    }
    if (!Number.isInteger(label)) throw new Error(`${op}: label ${label} at position ${i} is not an integer class index`);
    if (label < 0 || label >= classes) {
      throw new Error(`${op}: label ${label} at position ${i} is outside [0, ${classes}) (the scores have ${classes} classes)`);
    }
  }
  return labels instanceof Tensor ? labels : tensor(values as number[], { dtype: 'int32' });
}
