/**
 * Reductions over one block of consecutive axes, seen as a `[outer, n, inner]` layout. Sums
 * accumulate in float64 whatever the storage dtype, so a float32 sum over one block of axes is
 * rounded once (a reduction over separate blocks rounds once per block).
 * @module
 */
import { allocate, type Dtype, type TypedArray } from '../dtype.js';
import { type Shape, sizeOf } from '../shape.js';

/** What a reduction computes. */
export type ReduceKind = 'sum' | 'max' | 'min';

/** Reduces the middle axis of `x` viewed as `[outer, n, inner]` into `out` (`[outer, inner]`). */
export function reduceMiddle(x: TypedArray, outer: number, n: number, inner: number, kind: ReduceKind, out: TypedArray): void {
  if (inner === 1) {
    for (let o = 0; o < outer; o++) out[o] = reduceContiguous(x, o * n, n, kind);
    return;
  }
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(kind === 'sum' ? 0 : kind === 'max' ? -Infinity : Infinity);
    const base = o * n * inner;
    for (let k = 0; k < n; k++) {
      const offset = base + k * inner;
      if (kind === 'sum') {
        for (let j = 0; j < inner; j++) acc[j] += x[offset + j];
      } else if (kind === 'max') {
        // `v !== v` takes a NaN in; once there it stays, since `v > NaN` is false (numpy propagates NaN).
        for (let j = 0; j < inner; j++) {
          const v = x[offset + j];
          if (v > acc[j] || v !== v) acc[j] = v;
        }
      } else {
        for (let j = 0; j < inner; j++) {
          const v = x[offset + j];
          if (v < acc[j] || v !== v) acc[j] = v;
        }
      }
    }
    out.set(acc, o * inner);
  }
}

function reduceContiguous(x: TypedArray, start: number, n: number, kind: ReduceKind): number {
  if (kind === 'sum') {
    let total = 0;
    for (let k = 0; k < n; k++) total += x[start + k];
    return total;
  }
  let best = kind === 'max' ? -Infinity : Infinity;
  for (let k = 0; k < n; k++) {
    const v = x[start + k];
    if (v !== v) return NaN;
    if (kind === 'max' ? v > best : v < best) best = v;
  }
  return best;
}

/** Index of the first largest (or smallest) entry along the middle axis of `[outer, n, inner]`. */
export function argReduceMiddle(x: TypedArray, outer: number, n: number, inner: number, largest: boolean, out: Int32Array): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * n * inner + j;
      let bestIndex = 0;
      let best = x[base];
      for (let k = 1; k < n && best === best; k++) {
        const v = x[base + k * inner];
        if (v !== v || (largest ? v > best : v < best)) {
          best = v;
          bestIndex = k;
        }
      }
      out[o * inner + j] = bestIndex;
    }
  }
}

/** Splits sorted axes into runs of consecutive axes, last run first, so reducing one run leaves the axis numbers of the runs still to do unchanged. */
function runsFromLast(axes: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const axis of axes) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === axis - 1) run.push(axis);
    else runs.push([axis]);
  }
  return runs.reverse();
}

/**
 * Reduces the sorted, distinct `axes` of `x` (of `shape`), one run of consecutive axes at a time,
 * into a new `outDtype` buffer laid out as the kept axes. With no axes it returns a copy.
 */
export function reduceAxes(x: TypedArray, shape: Shape, axes: readonly number[], kind: ReduceKind, outDtype: Dtype): TypedArray {
  if (axes.length === 0) {
    const copy = allocate(outDtype, x.length);
    copy.set(x);
    return copy;
  }
  let buffer = x;
  let current = shape.slice();
  for (const run of runsFromLast(axes)) {
    const first = run[0];
    const last = run[run.length - 1];
    const out = allocate(outDtype, sizeOf(current.slice(0, first)) * sizeOf(current.slice(last + 1)));
    reduceMiddle(buffer, sizeOf(current.slice(0, first)), sizeOf(current.slice(first, last + 1)), sizeOf(current.slice(last + 1)), kind, out);
    buffer = out;
    current = [...current.slice(0, first), ...current.slice(last + 1)];
  }
  return buffer;
}
