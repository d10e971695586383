/**
 * Kernels that move elements without computing on them: permuting axes, copying a box out of
 * or into a larger tensor (slice, pad, concat).
 * @module
 */
import type { TypedArray } from '../dtype.js';
import { type Shape, stridesOf } from '../shape.js';

/**
 * The one strided copy behind permute, slice, pad and concat: for every index `i` within `extent`,
 * `target[targetOffset + i·targetStrides] = source[sourceOffset + i·sourceStrides]`. The last
 * axis runs in a tight loop; the others advance with a counter (no recursion, no per-element
 * index arithmetic).
 */
function stridedCopy(
  source: TypedArray, sourceOffset: number, sourceStrides: readonly number[],
  target: TypedArray, targetOffset: number, targetStrides: readonly number[],
  extent: Shape,
): void {
  const rank = extent.length;
  for (const e of extent) if (e === 0) return;
  if (rank === 0) {
    target[targetOffset] = source[sourceOffset];
    return;
  }
  const last = rank - 1;
  const n = extent[last];
  const sourceStep = sourceStrides[last];
  const targetStep = targetStrides[last];
  const counter = new Array<number>(rank).fill(0);
  let s = sourceOffset;
  let t = targetOffset;
  for (;;) {
    for (let j = 0; j < n; j++) target[t + j * targetStep] = source[s + j * sourceStep];
    let d = last - 1;
    for (; d >= 0; d--) {
      counter[d]++;
      s += sourceStrides[d];
      t += targetStrides[d];
      if (counter[d] < extent[d]) break;
      s -= sourceStrides[d] * extent[d];
      t -= targetStrides[d] * extent[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Copies `x` into `out` with its axes reordered: output axis i is input axis `dims[i]`. */
export function permuteKernel(x: TypedArray, shape: Shape, dims: readonly number[], out: TypedArray): void {
  const inStrides = stridesOf(shape);
  const outShape = dims.map((d) => shape[d]);
  stridedCopy(x, 0, dims.map((d) => inStrides[d]), out, 0, stridesOf(outShape), outShape);
}

/**
 * Copies a box between two row-major tensors: for every index `i` within `extent`,
 * `target[targetStart + i] = source[sourceStart + i]`. Slicing reads a box of a larger source;
 * padding and concatenation write a box into a larger target.
 */
export function copyBox(
  source: TypedArray, sourceShape: Shape, sourceStart: readonly number[],
  target: TypedArray, targetShape: Shape, targetStart: readonly number[],
  extent: Shape,
): void {
  const sourceStrides = stridesOf(sourceShape);
  const targetStrides = stridesOf(targetShape);
  const offsetOf = (start: readonly number[], strides: readonly number[]) => start.reduce((sum, index, d) => sum + index * strides[d], 0);
  stridedCopy(source, offsetOf(sourceStart, sourceStrides), sourceStrides, target, offsetOf(targetStart, targetStrides), targetStrides, extent);
}
