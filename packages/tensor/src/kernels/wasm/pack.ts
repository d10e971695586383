/**
 * Copies an operand into the panel layout the WebAssembly kernel reads: panels of `width`
 * consecutive rows of op(A) (or columns of op(B)), each stored depth-major as `k × width`, the
 * last panel padded with zeros. Reading through strides is how the transpose flags are honoured:
 * a transposed operand is packed from its stored layout and never materialised.
 * @module
 */

/** Float32Array or Float64Array: the element types the kernels handle. */
export type FloatArray = Float32Array | Float64Array;

/**
 * Where element `(depth p, index i)` of a logical operand lives: `data[offset + p·depthStride +
 * i·indexStride]`. For op(A) the index is the row of C, for op(B) the column.
 */
export interface StridedOperand {
  readonly data: FloatArray;
  readonly offset: number;
  readonly depthStride: number;
  readonly indexStride: number;
}

/**
 * Packs `count` indices × `depth` of `source` into `dst` from `dstOffset`: panel `t` holds, for
 * each depth step `p`, the `width` values at indices `t·width …` (zero past `count`).
 */
export function packPanels(source: StridedOperand, count: number, depth: number, width: number, dst: FloatArray, dstOffset: number): void {
  const { data, offset, depthStride, indexStride } = source;
  const panels = Math.ceil(count / width);
  for (let t = 0; t < panels; t++) {
    const first = t * width;
    const valid = Math.min(width, count - first);
    const panel = dstOffset + t * depth * width;
    if (indexStride === 1) {
      // Indices are contiguous in memory: copy runs of `valid` values per depth step.
      for (let p = 0; p < depth; p++) {
        const from = offset + p * depthStride + first;
        const to = panel + p * width;
        for (let w = 0; w < valid; w++) dst[to + w] = data[from + w];
        for (let w = valid; w < width; w++) dst[to + w] = 0;
      }
    } else {
      // Depth is contiguous (depthStride 1): read each index's run along depth, scatter by width.
      for (let w = 0; w < valid; w++) {
        const from = offset + (first + w) * indexStride;
        let to = panel + w;
        for (let p = 0; p < depth; p++, to += width) dst[to] = data[from + p * depthStride];
      }
      for (let w = valid; w < width; w++) {
        for (let p = 0, to = panel + w; p < depth; p++, to += width) dst[to] = 0;
      }
    }
  }
}
