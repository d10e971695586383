/**
 * The checks every classifier runs on a feature matrix: one float row per example, and at
 * predict time the same number of features the model was fit on.
 * @module
 */
import { validateFeatures } from '@tapegrad/data';
import { describeTensor, Tensor } from '@tapegrad/tensor';

/**
 * Throws unless `x` is a 2-D float tensor `[N, D]` with no NaN or ±Infinity; `where` is
 * `Class.method`, which the message starts with. Returns `x`.
 *
 * The finite check matters most for KNN: a NaN distance counts as infinitely far, so a test row
 * holding a NaN would silently get the vote of the first k training rows, and a training row
 * holding one would never be anyone's neighbour.
 */
export function checkFeatures(where: string, x: unknown, name = 'x'): Tensor {
  if (!(x instanceof Tensor)) {
    const got = Array.isArray(x) ? 'a plain array (wrap it with tensor(...))' : x === null ? 'null' : typeof x;
    throw new Error(`${where}: ${name} must be a Tensor [N, D] with one row of features per example, got ${got}`);
  }
  if (x.ndim !== 2) {
    const hint =
      x.ndim === 1
        ? `; for a single example use ${name}.reshape([1, ${x.shape[0]}])`
        : x.ndim > 2
          ? `; flatten each example first: ${name}.reshape([${x.shape[0]}, -1])`
          : '';
    throw new Error(`${where}: ${name} must be [N, D] (one row of features per example), got ${describeTensor(x)}${hint}`);
  }
  if (x.dtype === 'int32') {
    throw new Error(`${where}: ${name} ${describeTensor(x)} is int32; features must be float, e.g. ${name}.astype('float64')`);
  }
  validateFeatures(x, where, name);
  return x;
}

/**
 * Throws unless `x` has the `expected` number of features, naming both counts and the usual
 * cause. `reference` says where `expected` comes from (default: what the model was fit on).
 */
export function checkFeatureCount(where: string, x: Tensor, expected: number, name = 'x', reference = 'the model was fit on'): void {
  const got = x.shape[1];
  if (got !== expected) {
    throw new Error(
      `${where}: ${name} has ${got} features but ${reference} ${expected}; ` +
        `pass rows of ${expected} features, preprocessed as the training data was (${name} is ${describeTensor(x)})`,
    );
  }
}
