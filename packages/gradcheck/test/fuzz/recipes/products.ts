/**
 * Recipes for `matmul` (1-D, 2-D and batched with broadcasting batch axes, numpy's rules) and
 * `linear` (with and without bias). The right operand comes from the pool when one fits the left
 * one's inner extent, else a value fitted to a shape that does. Misuses: inner extents that
 * differ, a 0-d operand, a weight or bias of the wrong shape.
 */
import { formatShape, linear, matmul, sizeOf } from '@tapegrad/tensor';
import { broadcastOf, type Builder, MAX_SIZE } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

/** The shape of `a @ b` under numpy's rules, or null when they do not multiply. */
export function matmulShape(a: readonly number[], b: readonly number[]): number[] | null {
  if (a.length === 0 || b.length === 0) return null;
  const a2 = a.length === 1 ? [1, a[0]] : a;
  const b2 = b.length === 1 ? [b[0], 1] : b;
  if (a2[a2.length - 1] !== b2[b2.length - 2]) return null;
  const batch = broadcastOf(a2.slice(0, -2), b2.slice(0, -2));
  if (batch === null) return null;
  const out = [...batch, a2[a2.length - 2], b2[b2.length - 1]];
  if (b.length === 1) out.pop();
  if (a.length === 1) out.splice(out.length - (b.length === 1 ? 1 : 2), 1);
  return out;
}

/** A right operand shape for `a`: `[k]`, `[k, n]` or batched `[..., k, n]`. */
function rightShape(b: Builder, a: readonly number[], k: number): number[] {
  const n = b.rng.int(1, 4);
  switch (b.rng.int(0, 2)) {
    case 0:
      return [k];
    case 1:
      return [k, n];
    default: {
      const batch = a.length >= 3 ? b.broadcastPartner(a.slice(0, -2)) : [b.rng.int(1, 3)];
      return [...batch, k, n];
    }
  }
}

interface LinearAttrs {
  readonly bias: boolean;
}

export const productRecipes: readonly Recipe[] = [
  recipe<object>({
    op: 'matmul',
    produces: ['matmul', 'reshape'],
    run: ([a, b]) => matmul(a, b),
    build: (b) => {
      const a = b.pick({ minRank: 1, maxRank: 3, minSize: 0 });
      const shape = a.tensor.shape;
      const fitting = b.candidates({ minRank: 1, minSize: 0 }).filter((v) => {
        const out = matmulShape(shape, v.tensor.shape);
        return out !== null && sizeOf(out) <= MAX_SIZE;
      });
      if (fitting.length > 0 && b.rng.chance(0.5)) return b.draw('matmul', [a, b.prefer(fitting)]);
      for (let attempt = 0; attempt < 3; attempt++) {
        const right = rightShape(b, shape, shape[shape.length - 1]);
        const out = matmulShape(shape, right);
        if (out !== null && sizeOf(out) <= MAX_SIZE && sizeOf(right) <= MAX_SIZE) return b.draw('matmul', [a, b.shaped(right)]);
      }
      return false;
    },
    misuse: (b) => {
      if (b.rng.chance(0.15)) {
        const scalar = b.pick({ maxRank: 0 });
        const other = b.pick({ minRank: 1 });
        return b.misuse('matmul', [scalar, other], {}, ['[]', 'at least one axis']);
      }
      const a = b.pick({ minRank: 1, maxRank: 3 });
      const shape = a.tensor.shape;
      const k = shape[shape.length - 1] + b.rng.int(1, 2);
      const right = b.rng.chance(0.5) ? [k] : [k, b.rng.int(1, 3)];
      const other = b.shaped(right);
      return b.misuse('matmul', [a, other], {}, [formatShape(shape), formatShape(right), 'inner dimensions differ']);
    },
  }),
  recipe<LinearAttrs>({
    op: 'linear',
    produces: ['matmul', 'add', 'reshape'],
    run: ([x, w, bias], attrs) => linear(x, w, attrs.bias ? bias : undefined),
    build: (b) => {
      const x = b.pick({ minRank: 1, maxRank: 3, minSize: 0 });
      const shape = x.tensor.shape;
      const inFeatures = shape[shape.length - 1];
      const rows = sizeOf(shape.slice(0, -1));
      const outFeatures = b.rng.int(1, 4);
      if (rows * outFeatures > MAX_SIZE || outFeatures * inFeatures > MAX_SIZE) return false;
      const w = b.shaped([outFeatures, inFeatures]);
      if (b.rng.chance(0.5)) return b.draw('linear', [x, w], { bias: false });
      return b.draw('linear', [x, w, b.shaped([outFeatures])], { bias: true });
    },
    misuse: (b) => {
      const x = b.pick({ minRank: 1, maxRank: 3 });
      const shape = x.tensor.shape;
      const inFeatures = shape[shape.length - 1];
      const outFeatures = b.rng.int(1, 3);
      if (b.rng.chance(0.3)) {
        const w = b.shaped([outFeatures, inFeatures]);
        const bias = b.shaped([outFeatures + 1]);
        return b.misuse('linear', [x, w, bias], { bias: true }, [formatShape([outFeatures + 1]), 'bias must be']);
      }
      const w = b.shaped([outFeatures, inFeatures + 1]);
      return b.misuse('linear', [x, w], { bias: false }, [formatShape(shape), formatShape(w.tensor.shape)]);
    },
  }),
];
