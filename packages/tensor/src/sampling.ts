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

/** Shapes within `limits`; limits no shape can meet are an error, not an endless search. */
export function shapeArb(fc: FastCheckModule, limits: ShapeLimits = {}): Arbitrary<number[]> {
  const { minRank = 0, maxRank = 4, minExtent = 1, maxExtent = 4, maxSize = 64 } = limits;
  if (minRank > maxRank || minExtent > maxExtent || minExtent ** minRank > maxSize) {
    throw new Error(
      `shapeArb: no shape meets ${JSON.stringify({ minRank, maxRank, minExtent, maxExtent, maxSize })} ` +
        `(the smallest has ${minExtent ** minRank} elements)`,
    );
  }
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

/**
 * How to draw one value of `range`: an index into a list of the allowed values on a 1/1000 grid
 * (so shrunk failures print readably), nearest to 0 first so that fast-check shrinks toward small
 * values. Every value lies in [min, max] and at least `margin` from each point of `awayFrom`; a
 * range that allows none is an error. Without `awayFrom` the grid is implicit (no list).
 */
interface ValueGrid {
  readonly count: number;
  at(index: number): number;
}

const gridCache = new Map<string, ValueGrid>();

function allowedGrid(caller: string, range: ValueRange): ValueGrid {
  const { min = -2, max = 2, awayFrom = [], margin = 0.05 } = range;
  const low = Math.ceil(min * 1000);
  const high = Math.floor(max * 1000);
  const key = JSON.stringify([low, high, awayFrom, margin]);
  const cached = gridCache.get(key);
  if (cached) return cached;
  let grid: ValueGrid;
  if (awayFrom.length === 0 && low <= high) {
    // Offsets from the grid point nearest 0, alternating sides, so index 0 is the smallest value.
    const origin = Math.min(Math.max(0, low), high);
    grid = {
      count: high - low + 1,
      at: (i) => {
        const below = origin - low;
        const above = high - origin;
        const paired = Math.min(below, above);
        if (i <= 2 * paired) return (origin + (i % 2 === 1 ? (i + 1) / 2 : -i / 2)) / 1000;
        return (below > above ? origin - (i - paired) : origin + (i - paired)) / 1000;
      },
    };
  } else {
    const values: number[] = [];
    for (let v = low; v <= high; v++) {
      const x = v / 1000;
      if (awayFrom.every((point) => Math.abs(x - point) >= margin)) values.push(x);
    }
    values.sort((a, b) => Math.abs(a) - Math.abs(b) || a - b);
    grid = { count: values.length, at: (i) => values[i] };
  }
  if (grid.count <= 0) {
    throw new Error(`${caller}: no value in [${min}, ${max}] lies at least ${margin} from ${JSON.stringify(awayFrom)}`);
  }
  gridCache.set(key, grid);
  return grid;
}

/** `size` float64 values in `range`, on a 1/1000 grid so shrunk failures print readably. */
export function valuesArb(fc: FastCheckModule, size: number, range: ValueRange = {}): Arbitrary<Float64Array> {
  const grid = allowedGrid('valuesArb', range);
  const value = fc.integer({ min: 0, max: grid.count - 1 }).map((i) => grid.at(i));
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
  const grid = allowedGrid('distinctTensorsArb', range);
  const sizes = shapes.map((shape) => sizeOf(shape));
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > grid.count) throw new Error(`distinctTensorsArb: ${total} distinct values wanted but the range allows only ${grid.count}`);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: grid.count - 1 }), { minLength: total, maxLength: total })
    .map((picks) => {
      let offset = 0;
      return shapes.map((shape, i) => {
        const part = Float64Array.from(picks.slice(offset, offset + sizes[i]), (pick) => grid.at(pick));
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
  if (sizeOf(shape) > 0 && !(high >= 1)) throw new Error(`indexTensorArb: no index lies in [0, ${high}) for shape ${JSON.stringify(shape)}`);
  return fc
    .array(fc.integer({ min: 0, max: Math.max(0, high - 1) }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })
    .map((values) => new Tensor(Int32Array.from(values), shape.slice()));
}
