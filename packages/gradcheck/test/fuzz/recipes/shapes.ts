/**
 * Recipes for the shape ops: `reshape` (with a −1 now and then), `squeeze`, `unsqueeze`,
 * `flatten`, `permute`, `transpose` and `broadcastTo`, with negative axes and empty tensors.
 * Several may return their input unchanged (a reshape to the same shape), which the tape check
 * accepts as `identity`. Misuses: a size that differs, an axis out of range or of extent ≠ 1,
 * dims that repeat, a target that cannot be broadcast to.
 */
import { formatShape, sizeOf } from '@tapegrad/tensor';
import { type Builder, MAX_SIZE, spellAxis, type Value } from '../builder.js';
import { IDENTITY, recipe, type Recipe } from '../recipe.js';
import type { Rng } from '../rng.js';

function primeFactors(n: number): number[] {
  const factors: number[] = [];
  for (let p = 2; n > 1; p++) {
    while (n % p === 0) {
      factors.push(p);
      n /= p;
    }
  }
  return factors;
}

/** A random shape with `size` elements: its prime factors grouped into axes, with some 1s. */
function shapeOfSize(rng: Rng, size: number): number[] {
  if (size === 0) {
    const shape = Array.from({ length: rng.int(1, 3) }, () => rng.int(1, 3));
    shape[rng.int(0, shape.length - 1)] = 0;
    return shape;
  }
  const factors = rng.shuffle(primeFactors(size));
  const rank = rng.int(factors.length > 0 ? 1 : 0, Math.min(4, Math.max(1, factors.length)));
  const shape = Array.from({ length: rank }, () => 1);
  factors.forEach((f, i) => (shape[i < rank ? i : rng.int(0, rank - 1)] *= f));
  if (shape.length < 4 && rng.chance(0.2)) shape.splice(rng.int(0, shape.length), 0, 1);
  return rng.shuffle(shape);
}

function allAxes(x: Value): number[] {
  return x.tensor.shape.map((_, i) => i);
}

interface ShapeAttrs {
  readonly shape: readonly number[];
}

interface AxisListAttrs {
  readonly axis?: number | number[];
}

interface InsertAttrs {
  readonly axis: number;
}

interface FlattenAttrs {
  readonly start?: number;
  readonly end?: number;
}

interface DimsAttrs {
  readonly dims: readonly number[];
}

interface TransposeAttrs {
  readonly dim0?: number;
  readonly dim1?: number;
}

/** A value whose `axis`-th extent is not 1 (one fitted to `[2]` when the pool has none). */
function withNonUnitAxis(b: Builder): [Value, number] {
  let x = b.pick({ minRank: 1, accept: (v) => v.tensor.shape.some((e) => e !== 1) });
  if (!x.tensor.shape.some((e) => e !== 1)) x = b.fit(x, [2]);
  const axes = x.tensor.shape.flatMap((e, i) => (e !== 1 ? [i] : []));
  return [x, b.rng.pick(axes)];
}

export const shapeRecipes: readonly Recipe[] = [
  recipe<ShapeAttrs>({
    op: 'reshape',
    produces: ['reshape', IDENTITY],
    run: ([x], { shape }) => x.reshape(shape),
    build: (b) => {
      const x = b.pick({ minSize: 0 });
      const shape = shapeOfSize(b.rng, x.tensor.size);
      if (shape.length > 0 && x.tensor.size > 0 && b.rng.chance(0.3)) shape[b.rng.int(0, shape.length - 1)] = -1;
      return b.draw('reshape', [x], { shape });
    },
    misuse: (b) => {
      const x = b.pick({ minSize: 0 });
      if (b.rng.chance(0.2)) return b.misuse('reshape', [x], { shape: [-1, -1] }, ['[-1,-1]']);
      const shape = shapeOfSize(b.rng, x.tensor.size + b.rng.int(1, 3));
      return b.misuse('reshape', [x], { shape }, [formatShape(x.tensor.shape), formatShape(shape)]);
    },
  }),
  recipe<AxisListAttrs>({
    op: 'squeeze',
    produces: ['reshape', IDENTITY],
    run: ([x], { axis }) => x.squeeze(axis),
    build: (b) => {
      const x = b.pick({ minSize: 0, accept: (v) => v.tensor.shape.includes(1) });
      const rank = x.tensor.ndim;
      const ones = x.tensor.shape.flatMap((e, i) => (e === 1 ? [i] : []));
      if (ones.length === 0 || b.rng.chance(0.3)) return b.draw('squeeze', [x], {});
      const chosen = b.rng.chance(0.5) ? [b.rng.pick(ones)] : b.rng.subset(ones);
      const spelled = chosen.map((a) => spellAxis(b.rng, a, rank));
      return b.draw('squeeze', [x], { axis: spelled.length === 1 && b.rng.chance(0.5) ? spelled[0] : spelled });
    },
    misuse: (b) => {
      const [x, axis] = withNonUnitAxis(b);
      return b.misuse('squeeze', [x], { axis: spellAxis(b.rng, axis, x.tensor.ndim) }, [formatShape(x.tensor.shape), 'not 1']);
    },
  }),
  recipe<InsertAttrs>({
    op: 'unsqueeze',
    produces: ['reshape'],
    run: ([x], { axis }) => x.unsqueeze(axis),
    build: (b) => {
      const x = b.pick({ minSize: 0, maxRank: 3 });
      const rank = x.tensor.ndim;
      return b.draw('unsqueeze', [x], { axis: b.rng.int(-(rank + 1), rank) });
    },
    misuse: (b) => {
      const x = b.pick({ minSize: 0 });
      const rank = x.tensor.ndim;
      return b.misuse('unsqueeze', [x], { axis: b.rng.chance(0.5) ? rank + 1 : -(rank + 2) }, [formatShape(x.tensor.shape), 'out of range']);
    },
  }),
  recipe<FlattenAttrs>({
    op: 'flatten',
    produces: ['reshape', IDENTITY],
    run: ([x], { start, end }) => x.flatten(start, end),
    build: (b) => {
      const x = b.pick({ minSize: 0 });
      const rank = x.tensor.ndim;
      if (rank === 0 || b.rng.chance(0.25)) return b.draw('flatten', [x], {});
      const i = b.rng.int(0, rank - 1);
      const j = b.rng.int(0, rank - 1);
      const start = spellAxis(b.rng, Math.min(i, j), rank);
      return b.draw('flatten', [x], { start, end: b.rng.chance(0.2) ? undefined : spellAxis(b.rng, Math.max(i, j), rank) });
    },
    misuse: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const rank = x.tensor.ndim;
      if (rank >= 2 && b.rng.chance(0.6)) {
        const end = b.rng.int(0, rank - 2);
        return b.misuse('flatten', [x], { start: b.rng.int(end + 1, rank - 1), end }, [formatShape(x.tensor.shape), 'comes after']);
      }
      return b.misuse('flatten', [x], { start: rank + b.rng.int(0, 2) }, [formatShape(x.tensor.shape), 'out of range']);
    },
  }),
  recipe<DimsAttrs>({
    op: 'permute',
    produces: ['permute', IDENTITY],
    run: ([x], { dims }) => x.permute(dims),
    build: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const rank = x.tensor.ndim;
      return b.draw('permute', [x], { dims: b.rng.shuffle(allAxes(x)).map((a) => spellAxis(b.rng, a, rank)) });
    },
    misuse: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const rank = x.tensor.ndim;
      const shape = formatShape(x.tensor.shape);
      if (rank >= 2 && b.rng.chance(0.6)) {
        const dims = allAxes(x);
        dims[rank - 1] = dims[0];
        return b.misuse('permute', [x], { dims }, [shape, 'repeat an axis']);
      }
      return b.misuse('permute', [x], { dims: [...allAxes(x), rank] }, [shape, 'must list each']);
    },
  }),
  recipe<TransposeAttrs>({
    op: 'transpose',
    produces: ['permute', IDENTITY],
    run: ([x], { dim0, dim1 }) => x.transpose(dim0, dim1),
    build: (b) => {
      const x = b.pick({ minRank: 1, minSize: 0 });
      const rank = x.tensor.ndim;
      if (rank >= 2 && b.rng.chance(0.3)) return b.draw('transpose', [x], {});
      const dim0 = spellAxis(b.rng, b.rng.int(0, rank - 1), rank);
      return b.draw('transpose', [x], { dim0, dim1: spellAxis(b.rng, b.rng.int(0, rank - 1), rank) });
    },
    misuse: (b) => {
      if (b.rng.chance(0.4)) {
        let x = b.pick({ maxRank: 1, minSize: 0 });
        if (x.tensor.ndim > 1) x = b.fit(x, [x.tensor.size]);
        return b.misuse('transpose', [x], {}, [formatShape(x.tensor.shape), 'out of range']);
      }
      const x = b.pick({ minRank: 1, minSize: 0 });
      return b.misuse('transpose', [x], { dim0: 0, dim1: x.tensor.ndim }, [formatShape(x.tensor.shape), `axis ${x.tensor.ndim} is out of range`]);
    },
  }),
  recipe<ShapeAttrs>({
    op: 'broadcastTo',
    produces: ['broadcastTo', IDENTITY],
    run: ([x], { shape }) => x.broadcastTo(shape),
    build: (b) => {
      const x = b.pick({ minSize: 0, maxRank: 3 });
      for (let attempt = 0; attempt < 3; attempt++) {
        const widened = x.tensor.shape.map((e) => (e === 1 && b.rng.chance(0.5) ? b.rng.int(2, 3) : e));
        const lead = Array.from({ length: b.rng.int(0, Math.min(2, 4 - widened.length)) }, () => b.rng.int(1, 3));
        const shape = [...lead, ...widened];
        if (sizeOf(shape) <= MAX_SIZE) return b.draw('broadcastTo', [x], { shape });
      }
      return false;
    },
    misuse: (b) => {
      const [x, axis] = withNonUnitAxis(b);
      const shape = x.tensor.shape.slice();
      if (b.rng.chance(0.3) && shape.length > 1) shape.splice(0, 1);
      else shape[axis] = shape[axis] + b.rng.int(1, 2);
      return b.misuse('broadcastTo', [x], { shape }, [formatShape(x.tensor.shape), formatShape(shape), 'cannot broadcast']);
    },
  }),
];
