/**
 * Gather and scatter-add along one axis, on the `[outer, n, inner]` view of a tensor.
 * @module
 */
import type { TypedArray } from '../dtype.js';
import { type Shape, stridesOf } from '../shape.js';

/**
 * `out[…, i, …] = x[…, index[…, i, …], …]` along `axis` (torch.gather). `index` has the output's
 * shape, which may be smaller than `x`'s on every axis; the indices are already validated.
 */
export function gatherKernel(x: TypedArray, xShape: Shape, index: Int32Array, indexShape: Shape, axis: number, out: TypedArray): void {
  forEachIndexed(xShape, index, indexShape, axis, (flat, source) => {
    out[flat] = x[source];
  });
}

/** `out = base`, then `out[…, index[…, i, …], …] += src[…, i, …]` along `axis` (torch.scatter_add). */
export function scatterAddKernel(out: TypedArray, outShape: Shape, index: Int32Array, indexShape: Shape, axis: number, src: TypedArray): void {
  forEachIndexed(outShape, index, indexShape, axis, (flat, target) => {
    out[target] += src[flat];
  });
}

/** Calls `visit(flatIndexInIndexTensor, flatIndexInData)` for every entry of `index`. */
function forEachIndexed(
  dataShape: Shape, index: Int32Array, indexShape: Shape, axis: number,
  visit: (flat: number, dataOffset: number) => void,
): void {
  const rank = indexShape.length;
  const dataStrides = stridesOf(dataShape);
  const counter = new Array<number>(rank).fill(0);
  for (let flat = 0; flat < index.length; flat++) {
    let offset = 0;
    for (let d = 0; d < rank; d++) offset += (d === axis ? index[flat] : counter[d]) * dataStrides[d];
    visit(flat, offset);
    for (let d = rank - 1; d >= 0; d--) {
      if (++counter[d] < indexShape[d]) break;
      counter[d] = 0;
    }
  }
}

/** The slices at `indices` along the middle axis of `[outer, n, inner]`: `[outer, indices.length, inner]`. */
export function indexSelectKernel(x: TypedArray, outer: number, n: number, inner: number, indices: Int32Array, out: TypedArray): void {
  const m = indices.length;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < m; k++) {
      const from = (o * n + indices[k]) * inner;
      out.set(x.subarray(from, from + inner), (o * m + k) * inner);
    }
  }
}

/** Adds `[outer, m, inner]` slices of `src` into `out` (`[outer, n, inner]`) at `indices`: indexSelect's backward. */
export function indexAddKernel(out: TypedArray, outer: number, n: number, inner: number, indices: Int32Array, src: TypedArray): void {
  const m = indices.length;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < m; k++) {
      const to = (o * n + indices[k]) * inner;
      const from = (o * m + k) * inner;
      for (let j = 0; j < inner; j++) out[to + j] += src[from + j];
    }
  }
}
