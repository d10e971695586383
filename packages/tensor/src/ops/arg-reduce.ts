/**
 * `argmax` and `argmin`: int32 indices, no gradient; the first occurrence wins a tie (numpy).
 * @module
 */
import { describeTensor } from '../format.js';
import { aroundAxis, normalizeAxis } from '../shape.js';
import { Tensor } from '../tensor.js';
import { argReduceMiddle } from '../kernels/reduce.js';

function argReduce(op: string, x: Tensor, axis: number | undefined, keepdims: boolean, largest: boolean): Tensor {
  if (axis === undefined) {
    if (x.size === 0) throw new Error(`${op}: ${describeTensor(x)} is empty; ${op} of nothing has no value`);
    const flat = new Tensor(x.buffer, [x.size]);
    const result = argReduce(op, flat, 0, false, largest);
    return keepdims ? new Tensor(result.buffer, x.shape.map(() => 1)) : result;
  }
  const a = normalizeAxis(op, axis, x.ndim, x.shape);
  if (x.shape[a] === 0) throw new Error(`${op}: axis ${a} of ${describeTensor(x)} is empty; ${op} of nothing has no value`);
  const [outer, n, inner] = aroundAxis(x.shape, a);
  const out = new Int32Array(outer * inner);
  argReduceMiddle(x.buffer, outer, n, inner, largest, out);
  const shape = keepdims ? x.shape.map((e, i) => (i === a ? 1 : e)) : x.shape.filter((_, i) => i !== a);
  return new Tensor(out, shape);
}

/** Index of the largest value along `axis` (of the flattened tensor when omitted), int32. */
export function argmax(x: Tensor, axis?: number, keepdims = false): Tensor {
  return argReduce('argmax', x, axis, keepdims, true);
}

/** Index of the smallest value along `axis` (of the flattened tensor when omitted), int32. */
export function argmin(x: Tensor, axis?: number, keepdims = false): Tensor {
  return argReduce('argmin', x, axis, keepdims, false);
}
