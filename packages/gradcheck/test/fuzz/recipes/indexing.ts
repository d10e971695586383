/**
 * Recipes for the indexing ops: `gather` and `scatterAdd` (an int32 index of the tensor's rank,
 * torch's rules), `indexSelect` and `indexAdd` (1-D indices, as a tensor or a plain array,
 * repeats allowed). Indices are constants of the program; the float operands come from the pool.
 * Misuses: an index out of range, of the wrong rank or dtype, a source of the wrong shape.
 */
import { formatShape, sizeOf, type Tensor, tensor } from '@tapegrad/tensor';
import { type Builder, MAX_SIZE, spellAxis, type Value } from '../builder.js';
import { recipe, type Recipe } from '../recipe.js';

interface AxisAttrs {
  readonly axis: number;
  /** indexSelect/indexAdd: pass the indices as a plain number array. */
  readonly asArray?: boolean;
}

function indexTensor(b: Builder, shape: readonly number[], high: number): Tensor {
  return tensor(Int32Array.from({ length: sizeOf(shape) }, () => b.rng.int(0, high - 1)), { shape: shape.slice() });
}

/** A tensor, an axis, and a valid gather index for them (extent ≤ the tensor's off the axis). */
function gatherable(b: Builder, minSize = 0): { x: Value; axis: number; index: Tensor } {
  const x = b.pick({ minRank: 1, minSize });
  const shape = x.tensor.shape;
  const axis = b.rng.int(0, shape.length - 1);
  // An empty axis admits no index value, so the index is empty there too.
  const indexShape = shape.map((e, d) => (d === axis ? (e === 0 ? 0 : b.rng.int(0, 4)) : e === 0 ? 0 : b.rng.int(1, e)));
  while (sizeOf(indexShape) > MAX_SIZE) indexShape[axis]--;
  return { x, axis, index: indexTensor(b, indexShape, shape[axis]) };
}

/** 1-D indices into `axis` of `x`, as many as keep `x` with that axis resized within MAX_SIZE. */
function selectable(b: Builder, minSize = 0): { x: Value; axis: number; indices: Tensor } {
  const x = b.pick({ minRank: 1, minSize });
  const shape = x.tensor.shape;
  const axis = b.rng.int(0, shape.length - 1);
  const others = sizeOf(shape.filter((_, d) => d !== axis));
  const count = shape[axis] === 0 ? 0 : Math.min(b.rng.int(0, 5), Math.floor(MAX_SIZE / Math.max(1, others)));
  return { x, axis, indices: indexTensor(b, [count], shape[axis]) };
}

/** A copy of `index` with one entry moved out of range (`high`, or −1). */
function outOfRange(b: Builder, index: Tensor, high: number): { index: Tensor; bad: number } {
  const values = Int32Array.from(index.buffer);
  const bad = b.rng.chance(0.5) ? high : -1;
  values[b.rng.int(0, values.length - 1)] = bad;
  return { index: tensor(values, { shape: index.shape.slice() }), bad };
}

/** indexSelect/indexAdd's indices, as passed: a tensor or a plain array. */
function indicesOf(indices: Tensor, asArray: boolean | undefined): Tensor | number[] {
  return asArray ? Array.from(indices.buffer) : indices;
}

export const indexingRecipes: readonly Recipe[] = [
  recipe<AxisAttrs>({
    op: 'gather',
    produces: ['gather'],
    run: ([x], { axis }, [index]) => x.gather(axis, index),
    build: (b) => {
      const { x, axis, index } = gatherable(b);
      return b.draw('gather', [x], { axis: spellAxis(b.rng, axis, x.tensor.ndim) }, [index]);
    },
    misuse: (b) => {
      const { x, axis, index } = gatherable(b, 1);
      const shape = formatShape(x.tensor.shape);
      const r = b.rng.next();
      if (r < 0.2) {
        const floats = tensor(Float64Array.from(index.buffer), { shape: index.shape.slice() });
        return b.misuse('gather', [x], { axis }, [formatShape(index.shape), 'must be int32'], [floats]);
      }
      if (r < 0.4 || index.size === 0) {
        // The same entries with a rank of their own: [n] for a tensor of rank ≥ 2, [n, 1] for a vector.
        const flat = tensor(Int32Array.from(index.buffer), { shape: x.tensor.ndim === 1 ? [index.size, 1] : [index.size] });
        return b.misuse('gather', [x], { axis }, [formatShape(flat.shape), shape, 'must have the rank'], [flat]);
      }
      const { index: bad, bad: value } = outOfRange(b, index, x.tensor.shape[axis]);
      return b.misuse('gather', [x], { axis }, [shape, `index ${value}`, 'out of range'], [bad]);
    },
  }),
  recipe<AxisAttrs>({
    op: 'scatterAdd',
    produces: ['scatterAdd'],
    run: ([x, src], { axis }, [index]) => x.scatterAdd(axis, index, src),
    build: (b) => {
      const { x, axis, index } = gatherable(b);
      return b.draw('scatterAdd', [x, b.shaped(index.shape)], { axis: spellAxis(b.rng, axis, x.tensor.ndim) }, [index]);
    },
    misuse: (b) => {
      const { x, axis, index } = gatherable(b, 1);
      if (b.rng.chance(0.5) && index.size > 0) {
        const { index: bad, bad: value } = outOfRange(b, index, x.tensor.shape[axis]);
        return b.misuse('scatterAdd', [x, b.shaped(index.shape)], { axis }, [formatShape(x.tensor.shape), `index ${value}`], [bad]);
      }
      const srcShape = index.shape.map((e, d) => (d === 0 ? e + 1 : e));
      return b.misuse('scatterAdd', [x, b.shaped(srcShape)], { axis }, [formatShape(index.shape), formatShape(srcShape), 'same shape'], [index]);
    },
  }),
  recipe<AxisAttrs>({
    op: 'indexSelect',
    produces: ['indexSelect'],
    run: ([x], { axis, asArray }, [indices]) => x.indexSelect(axis, indicesOf(indices, asArray)),
    build: (b) => {
      const { x, axis, indices } = selectable(b);
      return b.draw('indexSelect', [x], { axis: spellAxis(b.rng, axis, x.tensor.ndim), asArray: b.rng.chance(0.3) }, [indices]);
    },
    misuse: (b) => {
      const { x, axis, indices } = selectable(b, 1);
      if (b.rng.chance(0.3) || indices.size === 0) {
        const column = tensor(Int32Array.from([0, 0]), { shape: [2, 1] });
        return b.misuse('indexSelect', [x], { axis }, ['[2,1]', 'must be 1-D'], [column]);
      }
      const { index: bad, bad: value } = outOfRange(b, indices, x.tensor.shape[axis]);
      return b.misuse('indexSelect', [x], { axis, asArray: b.rng.chance(0.3) }, [formatShape(x.tensor.shape), `index ${value}`], [bad]);
    },
  }),
  recipe<AxisAttrs>({
    op: 'indexAdd',
    produces: ['indexAdd'],
    run: ([x, src], { axis, asArray }, [indices]) => x.indexAdd(axis, indicesOf(indices, asArray), src),
    build: (b) => {
      const { x, axis, indices } = selectable(b);
      const src = b.shaped(x.tensor.shape.map((e, d) => (d === axis ? indices.size : e)));
      return b.draw('indexAdd', [x, src], { axis: spellAxis(b.rng, axis, x.tensor.ndim), asArray: b.rng.chance(0.3) }, [indices]);
    },
    misuse: (b) => {
      const { x, axis, indices } = selectable(b, 1);
      const srcShape = x.tensor.shape.map((e, d) => (d === axis ? indices.size + 1 : e));
      const src = b.shaped(srcShape);
      return b.misuse('indexAdd', [x, src], { axis }, [formatShape(srcShape), 'must have shape'], [indices]);
    },
  }),
];
