/**
 * fast-check arbitraries for property-testing ops and layers, bound to fast-check. The tensor
 * package defines them taking fast-check as an argument (it has no runtime dependency on it);
 * this package depends on fast-check anyway, so users get them ready to use.
 * @module
 */
import * as fc from 'fast-check';
import {
  axesArb,
  axisArb,
  anyTensorArb,
  broadcastShapesArb,
  broadcastTensorsArb,
  distinctTensorsArb,
  indexTensorArb,
  shapeArb,
  type ShapeLimits,
  type Tensor,
  tensorArb,
  type ValueRange,
  valuesArb,
} from '@tapegrad/tensor';

/** The arbitraries `arbitraries` holds. */
export interface Arbitraries {
  /** Shapes within `limits` (default: rank ≤ 4, extents 1…4, ≤ 64 elements). */
  shape(limits?: ShapeLimits): fc.Arbitrary<number[]>;
  /** `count` shapes that broadcast together under numpy's rules (some with fewer axes or size-1 extents). */
  broadcastShapes(count: number, limits?: ShapeLimits): fc.Arbitrary<number[][]>;
  /** `size` float64 values in `range` (default [−2, 2]), optionally kept away from kinks or poles. */
  values(size: number, range?: ValueRange): fc.Arbitrary<Float64Array>;
  /** A float64 tensor of `shape` with values in `range`. */
  tensor(shape: readonly number[], range?: ValueRange): fc.Arbitrary<Tensor>;
  /** A float64 tensor of any shape within `limits`, values in `range`. */
  anyTensor(limits?: ShapeLimits, range?: ValueRange): fc.Arbitrary<Tensor>;
  /** `count` float64 tensors whose shapes broadcast together. */
  broadcastTensors(count: number, limits?: ShapeLimits, range?: ValueRange): fc.Arbitrary<Tensor[]>;
  /** Float64 tensors of `shapes` with no two values closer than 1e-3: no ties for max-like ops. */
  distinctTensors(shapes: readonly (readonly number[])[], range?: ValueRange): fc.Arbitrary<Tensor[]>;
  /** A valid axis (possibly negative) of a tensor of `rank` ≥ 1. */
  axis(rank: number): fc.Arbitrary<number>;
  /** `undefined` (all axes), one axis, or a list of distinct axes of a tensor of `rank`. */
  axes(rank: number): fc.Arbitrary<number | number[] | undefined>;
  /** An int32 tensor of `shape` with entries in `[0, high)`: indices or labels. */
  indexTensor(shape: readonly number[], high: number): fc.Arbitrary<Tensor>;
}

/**
 * fast-check arbitraries for tensors, shapes and axes, for property tests of your own ops and
 * layers. Keep values away from a kink with `awayFrom`, so a gradient check never straddles one:
 *
 * ```ts
 * fc.assert(fc.property(arbitraries.anyTensor({ maxSize: 16 }, { awayFrom: [0] }), (x) =>
 *   gradcheck((x) => myRelu(x).sum(), [x]).ok,
 * ));
 * ```
 */
export const arbitraries: Arbitraries = {
  shape: (limits) => shapeArb(fc, limits),
  broadcastShapes: (count, limits) => broadcastShapesArb(fc, count, limits),
  values: (size, range) => valuesArb(fc, size, range),
  tensor: (shape, range) => tensorArb(fc, shape, range),
  anyTensor: (limits, range) => anyTensorArb(fc, limits, range),
  broadcastTensors: (count, limits, range) => broadcastTensorsArb(fc, count, limits, range),
  distinctTensors: (shapes, range) => distinctTensorsArb(fc, shapes, range),
  axis: (rank) => axisArb(fc, rank),
  axes: (rank) => axesArb(fc, rank),
  indexTensor: (shape, high) => indexTensorArb(fc, shape, high),
};
