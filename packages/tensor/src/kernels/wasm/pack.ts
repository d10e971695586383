/**
 * How an operand becomes panels: the packing stage of a product. The caller first copies each
 * operand's stored block, unchanged, into the kernel memory (one `TypedArray.set`, a memcpy);
 * the packing export (`pack-kernel.ts`) then reorders it into panels of `width` consecutive rows
 * of op(A) (or columns of op(B)), each stored depth-major as `k × width`, the last panel padded
 * with zeros. Reading through strides is how the transpose flags are honoured: a transposed
 * operand is packed from its stored layout and never materialised.
 * @module
 */
import type { KernelStage } from '../kernel-pool.js';

/** Float32Array or Float64Array: the element types the kernels handle. */
export type FloatArray = Float32Array | Float64Array;

/** Element `(depth p, index i)` of a logical operand sits `p·depthStride + i·indexStride` elements into its stored block. */
export interface OperandStrides {
  readonly depthStride: number;
  readonly indexStride: number;
}

/** op(A) (index = row of C) as strides: stored `[m,k]`, or `[k,m]` when transposed. */
export function rowStrides(transposed: boolean, m: number, k: number): OperandStrides {
  return transposed ? { depthStride: m, indexStride: 1 } : { depthStride: 1, indexStride: k };
}

/** op(B) (index = column of C) as strides: stored `[k,n]`, or `[n,k]` when transposed. */
export function columnStrides(transposed: boolean, n: number, k: number): OperandStrides {
  return transposed ? { depthStride: 1, indexStride: k } : { depthStride: n, indexStride: 1 };
}

/** Where a packing stage reads and writes, and how it is shared out. */
export interface PackPlan {
  /** Export name of the packing function (its panel width is the kernel's tile side). */
  readonly kernel: string;
  readonly width: number;
  readonly elementBytes: number;
  /** Byte addresses of the raw copy and of the packed panels in the kernel memory. */
  readonly source: number;
  readonly destination: number;
  readonly strides: OperandStrides;
  /** Indices (rows of op(A) or columns of op(B)) and depth k. */
  readonly count: number;
  readonly depth: number;
}

/** The stage that packs one operand, `chunkTiles` panels per chunk. */
export function packStage(plan: PackPlan, chunkTiles: number, counters: { taken: number; finished: number }): KernelStage {
  const { kernel, width, elementBytes: E, source, destination, strides, count, depth } = plan;
  const panels = Math.ceil(count / width);
  const args = [source, strides.depthStride * E, strides.indexStride * E, count, depth, destination, 0, panels];
  return { kernel, args, rangeArg: 6, tiles: panels, chunkTiles, ...counters, afterPrevious: false };
}
