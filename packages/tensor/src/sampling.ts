/**
 * Building blocks for ops' `sample` arbitraries: shapes (rank ≤ 4, size-1 axes, ≤ 64 elements),
 * broadcast-compatible shape families, axes (negative ones too), and float64 tensors whose values
 * can be kept inside a range and away from kinks or poles. Each takes fast-check as its first
 * argument, so this package has no runtime dependency on it; `@tapegrad/gradcheck` re-exports
 * them bound to fast-check as `arbitraries`.
 * @module
 */
import type { Arbitrary } from 'fast-check';
import type { FastCheckModule } from './op.js';
import { sizeOf } from './shape.js';
import { Tensor } from './tensor.js';

/** Limits on generated shapes. */
export interface ShapeLimits {
  /** Fewest axes (default 0). */
  readonly minRank?: number;
  /** Most axes (default 4). */
  readonly maxRank?: number;
  /** Smallest extent (default 1). */
  readonly minExtent?: number;
  /** Largest extent (default 4). */
  readonly maxExtent?: number;
  /** Most elements (default 64, which keeps numerical gradients fast). */
  readonly maxSize?: number;
}

/** Where generated values lie. */
export interface ValueRange {
  /** Smallest value (default −2). */
  readonly min?: number;
  /** Largest value (default 2). */
  readonly max?: number;
  /** Points values keep at least `margin` away from: kinks (0 for relu) or poles. */
  readonly awayFrom?: readonly number[];
  /** Distance kept from `awayFrom` (default 0.05). */
  readonly margin?: number;
}

/** Shapes within `limits`. */
export function shapeArb(fc: FastCheckModule, limits: ShapeLimits = {}): Arbitrary<number[]> {
  const { minRank = 0, maxRank = 4, minExtent = 1, maxExtent = 4, maxSize = 64 } = limits;
  return fc
    .array(fc.integer({ min: minExtent, max: maxExtent }), { minLength: minRank, maxLength: maxRank })
    .filter((shape) => sizeOf(shape) <= maxSize);
}

/** `count` shapes that broadcast together, some with fewer axes or size-1 extents. */
export function broadcastShapesArb(fc: FastCheckModule, count: number, limits: ShapeLimits = {}): Arbitrary<number[][]> {
  return shapeArb(fc, limits).chain((full) =>
    fc.tuple(
      ...Array.from({ length: count }, () =>
        fc
          .tuple(fc.integer({ min: 0, max: full.length }), fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }))
          .map(([dropped, ones]) => full.map((extent, i) => (ones[i] ? 1 : extent)).slice(dropped)),
      ),
    ),
  );
}

/** `size` float64 values in `range`, on a 1/1000 grid so shrunk failures print readably. */
export function valuesArb(fc: FastCheckModule, size: number, range: ValueRange = {}): Arbitrary<Float64Array> {
  const { min = -2, max = 2, awayFrom = [], margin = 0.05 } = range;
  const value = fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }).map((v) => {
    let x = v / 1000;
    for (const point of awayFrom) {
      if (Math.abs(x - point) < margin) x = x >= point ? point + margin : point - margin;
    }
    return x;
  });
  return fc.array(value, { minLength: size, maxLength: size }).map((values) => Float64Array.from(values));
}

/** A float64 tensor of `shape` with values in `range`. */
export function tensorArb(fc: FastCheckModule, shape: readonly number[], range: ValueRange = {}): Arbitrary<Tensor> {
  return valuesArb(fc, sizeOf(shape), range).map((values) => new Tensor(values, shape.slice()));
}

/**
 * Float64 tensors of `shapes` whose values are all different from each other (at least 1e-3
 * apart): for ops whose derivative jumps at a tie (max, maximum), so that no tie can make a
 * second-order check meaningless.
 */
export function distinctTensorsArb(fc: FastCheckModule, shapes: readonly (readonly number[])[], range: ValueRange = {}): Arbitrary<Tensor[]> {
  const { min = -2, max = 2 } = range;
  const sizes = shapes.map((shape) => sizeOf(shape));
  const total = sizes.reduce((a, b) => a + b, 0);
  return fc
    .uniqueArray(fc.integer({ min: Math.ceil(min * 1000), max: Math.floor(max * 1000) }), { minLength: total, maxLength: total })
    .map((values) => {
      let offset = 0;
      return shapes.map((shape, i) => {
        const part = Float64Array.from(values.slice(offset, offset + sizes[i]), (v) => v / 1000);
        offset += sizes[i];
        return new Tensor(part, shape.slice());
      });
    });
}

/** A float64 tensor of any shape within `limits`. */
export function anyTensorArb(fc: FastCheckModule, limits: ShapeLimits = {}, range: ValueRange = {}): Arbitrary<Tensor> {
  return shapeArb(fc, limits).chain((shape) => tensorArb(fc, shape, range));
}

/** Tensors whose shapes broadcast together. */
export function broadcastTensorsArb(fc: FastCheckModule, count: number, limits: ShapeLimits = {}, range: ValueRange = {}): Arbitrary<Tensor[]> {
  return broadcastShapesArb(fc, count, limits).chain((shapes) => fc.tuple(...shapes.map((shape) => tensorArb(fc, shape, range))));
}

/** A valid axis for a tensor of `rank` (≥ 1), negative half the time. */
export function axisArb(fc: FastCheckModule, rank: number): Arbitrary<number> {
  return fc.integer({ min: -rank, max: rank - 1 });
}

/** `undefined` (all axes), one axis, or a list of distinct axes of a tensor of `rank`. */
export function axesArb(fc: FastCheckModule, rank: number): Arbitrary<number | number[] | undefined> {
  if (rank === 0) return fc.constant(undefined);
  return fc.oneof(
    fc.constant(undefined),
    axisArb(fc, rank),
    fc.subarray(Array.from({ length: rank }, (_, i) => i), { minLength: 1 }).chain((axes) =>
      fc.tuple(...axes.map((axis) => fc.constantFrom(axis, axis - rank))),
    ),
  );
}

/** An int32 tensor of `shape` with entries in `[0, high)`. */
export function indexTensorArb(fc: FastCheckModule, shape: readonly number[], high: number): Arbitrary<Tensor> {
  return fc
    .array(fc.integer({ min: 0, max: Math.max(0, high - 1) }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })
    .map((values) => new Tensor(Int32Array.from(values), shape.slice()));
}
