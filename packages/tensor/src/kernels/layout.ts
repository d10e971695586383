/**
 * Kernels that move elements without computing on them: permuting axes, copying a box out of
 * or into a larger tensor (slice, pad, concat).
 * @module
 */
import type { TypedArray } from '../dtype.js';
import { type Shape, stridesOf } from '../shape.js';

/** Copies `x` into `out` with its axes reordered: output axis i is input axis `dims[i]`. */
export function permuteKernel(x: TypedArray, shape: Shape, dims: readonly number[], out: TypedArray): void {
  const rank = shape.length;
  const inStrides = stridesOf(shape);
  const outShape = dims.map((d) => shape[d]);
  const strides = dims.map((d) => inStrides[d]);
  const total = out.length;
  if (total === 0) return;
  if (rank === 0) {
    out[0] = x[0];
    return;
  }
  const counter = new Array<number>(rank).fill(0);
  const last = rank - 1;
  const n = outShape[last];
  const step = strides[last];
  let offset = 0;
  for (let io = 0; io < total; io += n) {
    for (let j = 0; j < n; j++) out[io + j] = x[offset + j * step];
    for (let d = last - 1; d >= 0; d--) {
      counter[d]++;
      offset += strides[d];
      if (counter[d] < outShape[d]) break;
      offset -= strides[d] * outShape[d];
      counter[d] = 0;
    }
  }
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
  const rank = extent.length;
  for (const e of extent) if (e === 0) return;
  if (rank === 0) {
    target[0] = source[0];
    return;
  }
  const sStrides = stridesOf(sourceShape);
  const tStrides = stridesOf(targetShape);
  let sOffset = 0;
  let tOffset = 0;
  for (let d = 0; d < rank; d++) {
    sOffset += sourceStart[d] * sStrides[d];
    tOffset += targetStart[d] * tStrides[d];
  }
  const last = rank - 1;
  const n = extent[last];
  const counter = new Array<number>(rank).fill(0);
  for (;;) {
    for (let j = 0; j < n; j++) target[tOffset + j] = source[sOffset + j];
    let d = last - 1;
    for (; d >= 0; d--) {
      counter[d]++;
      sOffset += sStrides[d];
      tOffset += tStrides[d];
      if (counter[d] < extent[d]) break;
      sOffset -= sStrides[d] * extent[d];
      tOffset -= tStrides[d] * extent[d];
      counter[d] = 0;
    }
    if (d < 0) return;
  }
}
