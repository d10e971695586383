/**
 * Recipes for the reductions: `sum`, `max`, `min`, `logsumexp` and the composites `mean`, `var`,
 * `std`, over all axes, one axis or an axis list (negative axes too), keepdims both ways. Only
 * `sum` reduces empty tensors (the others have no value there); `var`/`std` keep N − ddof ≥ 1 and
 * `std` a variance ≥ 1e-2, away from sqrt's pole. Ties in max/min are kinks, left to gradcheck.
 * Misuses: an axis out of range, a repeated axis, a bad ddof, max/min over an empty axis.
 */
import { formatShape, noGrad, sizeOf, type Tensor } from '@tapegrad/tensor';
import { type Builder, minOf } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

interface ReduceAttrs {
  readonly axis?: number | number[];
  readonly keepdims?: boolean;
  readonly ddof?: number;
}

type Reduce = (x: Tensor, axis: number | number[] | undefined, keepdims: boolean, ddof: number | undefined) => Tensor;

const REDUCTIONS: Record<string, { run: Reduce; produces: string }> = {
  sum: { run: (x, axis, keepdims) => x.sum(axis, keepdims), produces: 'sum' },
  max: { run: (x, axis, keepdims) => x.max(axis, keepdims), produces: 'max' },
  min: { run: (x, axis, keepdims) => x.min(axis, keepdims), produces: 'min' },
  logsumexp: { run: (x, axis, keepdims) => x.logsumexp(axis, keepdims), produces: 'logsumexp' },
  mean: { run: (x, axis, keepdims) => x.mean(axis, keepdims), produces: 'div' },
  var: { run: (x, axis, keepdims, ddof) => (ddof === undefined ? x.var(axis, keepdims) : x.var(axis, keepdims, { ddof })), produces: 'div' },
  std: { run: (x, axis, keepdims, ddof) => (ddof === undefined ? x.std(axis, keepdims) : x.std(axis, keepdims, { ddof })), produces: 'sqrt' },
};

/** How many elements each result of reducing `axis` of `shape` combines. */
function countOf(shape: readonly number[], axis: number | number[] | undefined): number {
  if (axis === undefined) return sizeOf(shape);
  const axes = typeof axis === 'number' ? [axis] : axis;
  return axes.reduce((n, a) => n * shape[a < 0 ? a + shape.length : a], 1);
}

function buildReduction(op: string) {
  return (b: Builder): boolean => {
    const x = b.pick({ minSize: op === 'sum' ? 0 : 1 });
    for (let attempt = 0; attempt < 3; attempt++) {
      const axis = b.axes(x.tensor.ndim);
      const keepdims = b.rng.pick([undefined, true, false]);
      if (op !== 'var' && op !== 'std') return b.draw(op, [x], { axis, keepdims });
      const ddof = b.rng.pick([undefined, 0, 1]);
      if (countOf(x.tensor.shape, axis) - (ddof ?? 0) < 1) continue;
      if (op === 'std') {
        const variance = noGrad(() => x.tensor.var(axis, false, { ddof: ddof ?? 0 }));
        if (variance.size > 0 && minOf(variance) < 1e-2) continue;
      }
      return b.draw(op, [x], { axis, keepdims, ddof });
    }
    return false;
  };
}

function misuseReduction(op: string) {
  return (b: Builder): boolean => {
    const r = b.rng.next();
    if ((op === 'var' || op === 'std') && r < 0.2) {
      const ddof = b.rng.pick([-1, 0.5]);
      return b.misuse(op, [b.pick()], { ddof }, [`got ${ddof}`]);
    }
    if ((op === 'max' || op === 'min') && r < 0.3) {
      const empty = b.candidates({ minRank: 1, minSize: 0, maxSize: 0 });
      if (empty.length > 0) {
        const x = b.prefer(empty);
        const axis = x.tensor.shape.indexOf(0);
        return b.misuse(op, [x], { axis }, [formatShape(x.tensor.shape), 'empty axis']);
      }
    }
    const x = b.pick({ minSize: op === 'sum' ? 0 : 1 });
    const rank = x.tensor.ndim;
    const shape = formatShape(x.tensor.shape);
    if (rank > 0 && r < 0.5) {
      const a = b.rng.int(0, rank - 1);
      return b.misuse(op, [x], { axis: [a, b.rng.chance(0.5) ? a : a - rank] }, [shape, 'repeats an axis']);
    }
    const bad = b.rng.chance(0.5) ? rank + b.rng.int(0, 1) : -rank - 1 - b.rng.int(0, 1);
    const axis = rank > 0 && b.rng.chance(0.3) ? [0, bad] : bad;
    return b.misuse(op, [x], { axis }, [shape, `axis ${bad} is out of range`]);
  };
}

export const reductionRecipes: readonly Recipe[] = Object.entries(REDUCTIONS).map(([op, { run, produces }]) =>
  recipe<ReduceAttrs>({
    op,
    produces: [produces],
    run: ([x], { axis, keepdims, ddof }) => run(x, axis, keepdims ?? false, ddof),
    build: buildReduction(op),
    misuse: misuseReduction(op),
  }),
);
