/**
 * Rows of a matrix as tensors of their own, without copying.
 * @module
 */
import { tensor, type Tensor } from '@tapegrad/tensor';

/**
 * Row `i` of `x` `[N, D]` as a `[D]` tensor sharing `x`'s storage, for every `i`. A `slice` per
 * row would copy it; the loops over rows in the distance methods would then copy the data
 * set once per pass.
 */
export function rowViews(x: Tensor): Tensor[] {
  const [rows, width] = x.shape;
  return Array.from({ length: rows }, (_, i) => tensor(x.buffer.subarray(i * width, (i + 1) * width), { shape: [width] }));
}
