/**
 * `softmaxCrossEntropy`, fused for numerical stability: per-row losses
 * `logsumexp(row) − row[label]`, max-shifted so logits of ±1e4 give finite values and gradients.
 * The gradient with respect to the logits is `(softmax − onehot) · g[:, None]`, written with the
 * differentiable `softmax` so second-order gradients work; labels get none.
 * @module
 */
import { allocate, isFloat } from '../dtype.js';
import { defineOp, type RawTensor } from '../op.js';
import { formatShape } from '../shape.js';
import { indexTensorArb, tensorArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { oneHot } from '../creation.js';
import { softmaxCrossEntropyKernel } from '../kernels/cross-entropy.js';
import { softmaxOp } from './softmax.js';

export const softmaxCrossEntropyOp = defineOp({
  name: 'softmaxCrossEntropy',
  forward: ([logits, labels]) => {
    const [rows, classes] = logits.shape;
    // Checked here as well as in the public function: the registry's `call` would otherwise read
    // past a row (a label ≥ C reads the next row's logit) and return a wrong loss without a word.
    checkClasses(logits);
    checkLabelRange(labels.buffer, logits);
    const out = allocate(logits.dtype, rows);
    softmaxCrossEntropyKernel(logits.buffer, labels.buffer as Int32Array, rows, classes, out);
    return { buffer: out, shape: [rows] };
  },
  backward: (g, [logits, labels]) => {
    const [rows, classes] = logits.shape;
    const target = oneHot(labels, classes, { dtype: g.dtype });
    return [softmaxOp.apply([logits], { axis: 1 }).sub(target).mul(g.reshape([rows, 1])), null];
  },
  sample: (fc) =>
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })).chain(([rows, classes]) =>
      fc
        .tuple(tensorArb(fc, [rows, classes], { min: -3, max: 3 }), indexTensorArb(fc, [rows], classes))
        .map(([logits, labels]) => ({ inputs: [logits, labels], attrs: undefined })),
    ),
});

/** Logits must have at least one class: the loss of a row with none has no value. */
function checkClasses(logits: RawTensor): void {
  if (logits.shape[1] === 0) throw new Error(`softmaxCrossEntropy: logits ${formatShape(logits.shape)} have no classes; C must be at least 1`);
}

/** Every label an integer class index in `[0, C)`, or an error naming the first bad one by position. */
function checkLabelRange(values: ArrayLike<number>, logits: RawTensor): void {
  const classes = logits.shape[1];
  const where = `for logits ${formatShape(logits.shape)}`;
  for (let i = 0; i < values.length; i++) {
    const label = values[i];
    if (!Number.isInteger(label)) throw new Error(`softmaxCrossEntropy: labels[${i}] = ${label} is not an integer class index ${where}`);
    if (label < 0 || label >= classes) {
      throw new Error(`softmaxCrossEntropy: labels[${i}] = ${label} is outside [0, ${classes}) ${where}`);
    }
  }
}

/** The labels as an int32 `[N]` tensor, or an error naming the first bad one by position. */
function labelTensor(labels: Tensor | readonly number[], logits: Tensor): Tensor {
  const [rows] = logits.shape;
  const where = `for logits ${formatShape(logits.shape)}`;
  let values: ArrayLike<number>;
  if (labels instanceof Tensor) {
    if (labels.dtype !== 'int32') {
      throw new Error(`softmaxCrossEntropy: labels ${formatShape(labels.shape)} are ${labels.dtype}; class labels must be int32: use labels.astype('int32')`);
    }
    if (labels.ndim !== 1) throw new Error(`softmaxCrossEntropy: labels must be 1-D [${rows}], got ${formatShape(labels.shape)} ${where}`);
    values = labels.buffer;
  } else if (Array.isArray(labels)) {
    values = labels;
  } else {
    throw new Error(`softmaxCrossEntropy: labels must be an int32 Tensor or an array of class indices, got ${labels === null ? 'null' : typeof labels}`);
  }
  if (values.length !== rows) {
    throw new Error(`softmaxCrossEntropy: ${values.length} labels ${where}; there must be one label per row (${rows})`);
  }
  checkLabelRange(values, logits);
  return labels instanceof Tensor ? labels : new Tensor(Int32Array.from(values), [rows]);
}

/**
 * Per-row softmax cross-entropy: for logits `[N, C]` and class labels (an int32 `[N]` tensor or
 * a number array), the losses `[N]` with `loss[n] = logsumexp(logits[n]) − logits[n, labels[n]]`.
 * Max-shifted, so logits of ±1e4 give finite losses and gradients; the gradient with respect to
 * the logits is `softmax(logits) − onehot(labels)` per row. Reduce with `.mean()` or `.sum()`.
 *
 * ```ts
 * const loss = softmaxCrossEntropy(scores, [3, 0, 9]).mean();
 * ```
 */
export function softmaxCrossEntropy(logits: Tensor, labels: Tensor | readonly number[]): Tensor {
  if (!(logits instanceof Tensor)) {
    throw new Error(`softmaxCrossEntropy: logits is ${Array.isArray(logits) ? 'a plain array (wrap it with tensor(...))' : String(logits)}; expected a Tensor [N,C]`);
  }
  if (logits.ndim !== 2) {
    throw new Error(`softmaxCrossEntropy: logits must be 2-D [N,C], got ${formatShape(logits.shape)}; flatten extra axes or unsqueeze(0) a single row`);
  }
  if (!isFloat(logits.dtype)) {
    throw new Error(`softmaxCrossEntropy: logits ${formatShape(logits.shape)} are int32; convert them with logits.astype('float64') (or 'float32')`);
  }
  checkClasses(logits);
  return softmaxCrossEntropyOp.apply([logits, labelTensor(labels, logits)]);
}
