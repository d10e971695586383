/**
 * Recipes for the ops that cut and join: `slice` (negative and out-of-range bounds, empty ranges
 * now and then), `pad` (any constant), `concat` (1–3 values that differ along the axis, some
 * empty there) and `stack`. Misuses: bounds or widths that are not what the op takes, and joins
 * of tensors whose other extents differ.
 */
import { concat, formatShape, sizeOf, stack } from '@tapegrad/tensor';
import { type Builder, MAX_SIZE, spellAxis, type Value } from '../builder.js';
import { IDENTITY, recipe, type Recipe } from '../recipe.js';

interface SliceAttrs {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

interface PadAttrs {
  readonly widths: readonly (readonly [number, number])[];
  readonly value?: number;
}

interface JoinAttrs {
  readonly axis?: number;
}

/** One axis's bounds: mostly a non-empty range, spelled with negative or clipped indices at times. */
function bounds(b: Builder, extent: number): [number, number] {
  if (extent === 0) return [0, b.rng.int(0, 1)];
  if (b.rng.chance(0.05)) {
    const at = b.rng.int(0, extent);
    return [at, at];
  }
  const start = b.rng.int(0, extent - 1);
  const end = b.rng.int(start + 1, extent);
  const spelledStart = b.rng.chance(0.3) ? start - extent : start;
  let spelledEnd = end;
  if (end < extent && b.rng.chance(0.3)) spelledEnd = end - extent;
  else if (end === extent && b.rng.chance(0.3)) spelledEnd = end + b.rng.int(1, 3);
  return [spelledStart, spelledEnd];
}

/** `count` values sharing `first`'s shape except along `axis` (`vary`) or everywhere (stack). */
function joinable(b: Builder, first: Value, axis: number, count: number, vary: boolean): Value[] {
  const values = [first];
  let total = first.tensor.size;
  for (let i = 1; i < count; i++) {
    const shape = first.tensor.shape.map((e, d) => (vary && d === axis ? b.rng.int(0, 3) : e));
    if (total + sizeOf(shape) > MAX_SIZE) break;
    total += sizeOf(shape);
    values.push(b.shaped(shape));
  }
  return b.rng.shuffle(values);
}

export const regionRecipes: readonly Recipe[] = [
  recipe<SliceAttrs>({
    op: 'slice',
    produces: ['slice', IDENTITY],
    run: ([x], { starts, ends }) => x.slice(starts, ends),
    build: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const axes = b.rng.int(1, x.tensor.ndim);
      const ranges = x.tensor.shape.slice(0, axes).map((extent) => bounds(b, extent));
      return b.draw('slice', [x], { starts: ranges.map((r) => r[0]), ends: ranges.map((r) => r[1]) });
    },
    misuse: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const shape = formatShape(x.tensor.shape);
      if (b.rng.chance(0.5)) {
        const n = x.tensor.ndim + 1;
        return b.misuse('slice', [x], { starts: Array(n).fill(0), ends: Array(n).fill(1) }, [shape, 'at most the rank']);
      }
      return b.misuse('slice', [x], { starts: [0.5], ends: [1] }, [shape, 'start 0.5', 'not an integer']);
    },
  }),
  recipe<PadAttrs>({
    op: 'pad',
    produces: ['pad', IDENTITY],
    run: ([x], { widths, value }) => x.pad(widths, value === undefined ? undefined : { value }),
    build: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const shape = x.tensor.shape;
      const widths = shape.slice(0, b.rng.int(1, shape.length)).map((): [number, number] => [b.rng.int(0, 2), b.rng.int(0, 2)]);
      const padded = () => sizeOf(shape.map((e, i) => e + (i < widths.length ? widths[i][0] + widths[i][1] : 0)));
      for (let i = 0; i < widths.length && padded() > MAX_SIZE; i++) widths[i] = [0, 0];
      if (padded() > MAX_SIZE) return false;
      return b.draw('pad', [x], { widths, value: b.rng.pick([undefined, 0, 0.5, -1]) });
    },
    misuse: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const shape = formatShape(x.tensor.shape);
      if (b.rng.chance(0.5)) return b.misuse('pad', [x], { widths: [[1, -1]] }, [shape, '[1,-1]']);
      const widths = Array.from({ length: x.tensor.ndim + 1 }, (): [number, number] => [1, 1]);
      return b.misuse('pad', [x], { widths }, [shape, `at most ${x.tensor.ndim}`]);
    },
  }),
  recipe<JoinAttrs>({
    op: 'concat',
    produces: ['concat', IDENTITY],
    run: (inputs, { axis }) => (axis === undefined ? concat(inputs) : concat(inputs, axis)),
    build: (b) => {
      const first = b.pick({ minRank: 1, maxRank: 3, minSize: 0 });
      const rank = first.tensor.ndim;
      const axis = b.rng.int(0, rank - 1);
      const values = joinable(b, first, axis, b.rng.int(1, 3), true);
      return b.draw('concat', values, { axis: axis === 0 && b.rng.chance(0.3) ? undefined : spellAxis(b.rng, axis, rank) });
    },
    misuse: (b) => {
      if (b.rng.chance(0.2)) return b.misuse('concat', [b.pick({ maxRank: 0 }), b.pick({ maxRank: 0 })], {}, ['scalars']);
      const first = b.pick({ minRank: 2, maxRank: 3, minSize: 0 });
      const axis = b.rng.int(0, first.tensor.ndim - 1);
      const other = (axis + 1) % first.tensor.ndim;
      const shape = first.tensor.shape.map((e, d) => (d === other ? e + 1 : e));
      const second = b.shaped(shape);
      return b.misuse('concat', [first, second], { axis }, [formatShape(first.tensor.shape), formatShape(shape), 'does not match']);
    },
  }),
  recipe<JoinAttrs>({
    op: 'stack',
    produces: ['concat', 'reshape'],
    run: (inputs, { axis }) => (axis === undefined ? stack(inputs) : stack(inputs, axis)),
    build: (b) => {
      const first = b.pick({ maxRank: 3, minSize: 0 });
      const rank = first.tensor.ndim;
      const values = joinable(b, first, 0, b.rng.int(1, 3), false);
      return b.draw('stack', values, { axis: b.rng.chance(0.3) ? undefined : b.rng.int(-(rank + 1), rank) });
    },
    misuse: (b) => {
      const first = b.pick({ minRank: 1, maxRank: 3, minSize: 0 });
      const shape = first.tensor.shape.map((e, d) => (d === 0 ? e + 1 : e));
      const second = b.shaped(shape);
      return b.misuse('stack', [first, second], {}, [formatShape(first.tensor.shape), formatShape(shape), 'differs in shape']);
    },
  }),
];
