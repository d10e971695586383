/**
 * The one broadcasting loop for binary elementwise kernels. Axes are coalesced (adjacent axes
 * merge when both operands are contiguous or both broadcast across them), so a same-shape op is
 * one row and a bias add `[N,D] + [D]` is N rows; the per-op row kernels (binary-rows.ts) never see shapes.
 * @module
 */
import type { TypedArray } from '../dtype.js';
import { broadcastStrides, type Shape } from '../shape.js';

/**
 * Combines `n` elements: `out[io + i] = f(a[ia + i·sa], b[ib + i·sb])`. A stride of 0 repeats
 * one element (broadcasting).
 */
export type RowKernel = (
  a: TypedArray, ia: number, sa: number,
  b: TypedArray, ib: number, sb: number,
  out: TypedArray, io: number, n: number,
) => void;

/**
 * Applies `row` over `outShape`, reading `a` and `b` with numpy broadcasting. `out` may be `a`'s
 * own buffer (in-place ops) because each element is read before it is written.
 */
export function broadcastBinary(
  a: TypedArray, aShape: Shape,
  b: TypedArray, bShape: Shape,
  out: TypedArray, outShape: Shape,
  row: RowKernel,
): void {
  const total = out.length;
  if (total === 0) return;
  if (a.length === total && b.length === total) return row(a, 0, 1, b, 0, 1, out, 0, total);
  if (a.length === total && b.length === 1) return row(a, 0, 1, b, 0, 0, out, 0, total);
  if (a.length === 1 && b.length === total) return row(a, 0, 0, b, 0, 1, out, 0, total);

  // Coalesce axes from the right while both operands keep a regular stride across them.
  const sa = broadcastStrides(aShape, outShape);
  const sb = broadcastStrides(bShape, outShape);
  const extents: number[] = [];
  const stridesA: number[] = [];
  const stridesB: number[] = [];
  for (let axis = outShape.length - 1; axis >= 0; axis--) {
    const extent = outShape[axis];
    if (extent === 1) continue;
    const last = extents.length - 1;
    if (
      last >= 0 &&
      sa[axis] === stridesA[last] * extents[last] &&
      sb[axis] === stridesB[last] * extents[last]
    ) {
      extents[last] *= extent;
    } else {
      extents.push(extent);
      stridesA.push(sa[axis]);
      stridesB.push(sb[axis]);
    }
  }
  // extents[0] is the innermost (row) axis; iterate the rest with a counter.
  const n = extents[0];
  const rowA = stridesA[0];
  const rowB = stridesB[0];
  const outer = extents.length;
  const counter = new Array<number>(outer).fill(0);
  let ia = 0;
  let ib = 0;
  for (let io = 0; io < total; io += n) {
    row(a, ia, rowA, b, ib, rowB, out, io, n);
    for (let d = 1; d < outer; d++) {
      counter[d]++;
      ia += stridesA[d];
      ib += stridesB[d];
      if (counter[d] < extents[d]) break;
      ia -= stridesA[d] * extents[d];
      ib -= stridesB[d] * extents[d];
      counter[d] = 0;
    }
  }
}
