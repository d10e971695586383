/**
 * Indexing primitives: `gather` and its adjoint `scatterAdd` (each is the other's gradient),
 * and `indexSelect` with its adjoint `indexAdd`. Indices are int32 and are validated before any
 * kernel runs, so an out-of-range index is an error, never a silent read.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate, checkInt32Values } from '../dtype.js';
import { defineOp, type FastCheckModule } from '../op.js';
import { aroundAxis, exceedsMaxSize, formatShape, normalizeAxis, resultSizeError, sameShape } from '../shape.js';
import { anyTensorArb, indexTensorArb, shapeArb, tensorArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { gatherKernel, indexAddKernel, indexSelectKernel, scatterAddKernel } from '../kernels/indexing.js';
import { castTo } from './operands.js';
import { zerosLike } from '../creation.js';

/** `what` names the indexed axis for the message; a function, so nothing is formatted unless it fails. */
function checkIndices(op: string, index: Tensor, high: number, what: () => string): void {
  if (index.dtype !== 'int32') {
    throw new Error(`${op}: index ${describeTensor(index)} must be int32; create it with { dtype: 'int32' } or .astype('int32')`);
  }
  const values = index.buffer;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0 || values[i] >= high) {
      throw new Error(`${op}: index ${values[i]} at flat position ${i} is out of range for ${what()} (valid: 0…${high - 1})`);
    }
  }
}

/** `index` must have `x`'s rank and fit inside it on every axis except `axis` (torch's rule). */
function checkGatherShape(op: string, x: Tensor, index: Tensor, axis: number): void {
  if (index.ndim !== x.ndim || index.shape.some((e, d) => d !== axis && e > x.shape[d])) {
    throw new Error(
      `${op}: index ${describeTensor(index)} must have the rank of ${describeTensor(x)} and no larger extent ` +
        `on any axis but ${axis}`,
    );
  }
}

export const gatherOp = defineOp<{ axis: number }>({
  name: 'gather',
  forward: ([x, index], { axis }) => {
    const out = allocate(x.dtype, index.buffer.length);
    gatherKernel(x.buffer, x.shape, index.buffer as Int32Array, index.shape, axis, out);
    return { buffer: out, shape: index.shape };
  },
  backward: (g, [x, index], { attrs: { axis } }) => [scatterAddOp.apply([zerosLike(x, { dtype: g.dtype }), index, g], { axis }), null],
  saves: { inputs: [1] },
  sample: (fc) => sampleIndexed(fc).map(({ x, index, axis }) => ({ inputs: [x, index], attrs: { axis } })),
});

export const scatterAddOp = defineOp<{ axis: number }>({
  name: 'scatterAdd',
  forward: ([base, index, src], { axis }) => {
    const out = base.buffer.slice();
    scatterAddKernel(out, base.shape, index.buffer as Int32Array, index.shape, axis, src.buffer);
    return { buffer: out, shape: base.shape };
  },
  backward: (g, [, index], { attrs: { axis }, needsGrad }) => [g, null, needsGrad[2] ? g.gather(axis, index) : null],
  saves: { inputs: [1] },
  sample: (fc) =>
    sampleIndexed(fc).chain(({ x, index, axis }) =>
      tensorArb(fc, index.shape).map((src) => ({ inputs: [x, index, src], attrs: { axis } })),
    ),
});

/** A tensor, the axis, and an in-range int32 index no larger than the tensor on other axes. */
function sampleIndexed(fc: FastCheckModule) {
  return anyTensorArb(fc, { minRank: 1 }).chain((x) =>
    fc.integer({ min: 0, max: x.ndim - 1 }).chain((axis) =>
      fc
        .tuple(...x.shape.map((e, d) => fc.integer({ min: d === axis ? 0 : 1, max: d === axis ? 4 : e })))
        .chain((shape) => indexTensorArb(fc, shape, x.shape[axis]))
        .map((index) => ({ x, index, axis })),
    ),
  );
}

/** `out[…, i, …] = x[…, index[…, i, …], …]` along `axis` (torch.gather); `index` is int32. */
export function gather(x: Tensor, axis: number, index: Tensor): Tensor {
  const a = normalizeAxis('gather', axis, x.ndim, x.shape);
  checkGatherShape('gather', x, index, a);
  checkIndices('gather', index, x.shape[a], () => `axis ${a} of ${describeTensor(x)}`);
  return gatherOp.apply([x, index], { axis: a });
}

/** A copy of `x` with `src` added at `index` along `axis` (torch.scatter_add); `index` has `src`'s shape. */
export function scatterAdd(x: Tensor, axis: number, index: Tensor, src: Tensor): Tensor {
  const a = normalizeAxis('scatterAdd', axis, x.ndim, x.shape);
  if (!sameShape(index.shape, src.shape)) {
    throw new Error(`scatterAdd: index ${formatShape(index.shape)} and src ${describeTensor(src)} must have the same shape`);
  }
  checkGatherShape('scatterAdd', x, index, a);
  checkIndices('scatterAdd', index, x.shape[a], () => `axis ${a} of ${describeTensor(x)}`);
  return scatterAddOp.apply([x, index, castTo(src, x.dtype)], { axis: a });
}

export const indexSelectOp = defineOp<{ axis: number }>({
  name: 'indexSelect',
  forward: ([x, indices], { axis }) => {
    const [outer, n, inner] = aroundAxis(x.shape, axis);
    const shape = x.shape.map((e, d) => (d === axis ? indices.buffer.length : e));
    // A short index list can ask for many copies of a long slice.
    if (exceedsMaxSize(shape)) {
      throw resultSizeError('indexSelect', shape, `selecting ${indices.buffer.length} slices along axis ${axis} of ${formatShape(x.shape)}`);
    }
    const out = allocate(x.dtype, outer * indices.buffer.length * inner);
    indexSelectKernel(x.buffer, outer, n, inner, indices.buffer as Int32Array, out);
    return { buffer: out, shape };
  },
  // Indices were checked when the forward ran; the adjoint op need not check them again.
  backward: (g, [x, indices], { attrs: { axis } }) => [indexAddOp.apply([zerosLike(x, { dtype: g.dtype }), indices, g], { axis }), null],
  saves: { inputs: [1] },
  sample: (fc) =>
    anyTensorArb(fc, { minRank: 1 }).chain((x) =>
      fc.integer({ min: 0, max: x.ndim - 1 }).chain((axis) =>
        fc.integer({ min: 0, max: 5 }).chain((count) =>
          indexTensorArb(fc, [count], x.shape[axis]).map((indices) => ({ inputs: [x, indices], attrs: { axis } })),
        ),
      ),
    ),
});

export const indexAddOp = defineOp<{ axis: number }>({
  name: 'indexAdd',
  forward: ([base, indices, src], { axis }) => {
    const out = base.buffer.slice();
    const [outer, n, inner] = aroundAxis(base.shape, axis);
    indexAddKernel(out, outer, n, inner, indices.buffer as Int32Array, src.buffer);
    return { buffer: out, shape: base.shape };
  },
  backward: (g, [, indices], { attrs: { axis }, needsGrad }) => [g, null, needsGrad[2] ? g.indexSelect(axis, indices) : null],
  saves: { inputs: [1] },
  sample: (fc) =>
    shapeArb(fc, { minRank: 1 }).chain((shape) =>
      fc.tuple(tensorArb(fc, shape), fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 0, max: 5 })).chain(([base, axis, count]) =>
        fc
          .tuple(indexTensorArb(fc, [count], shape[axis]), tensorArb(fc, shape.map((e, d) => (d === axis ? count : e))))
          .map(([indices, src]) => ({ inputs: [base, indices, src], attrs: { axis } })),
      ),
    ),
});

function indicesTensor(op: string, indices: Tensor | readonly number[]): Tensor {
  if (!(indices instanceof Tensor)) {
    const list = indices as readonly number[];
    const bad = list.findIndex((i) => !Number.isInteger(i));
    if (bad >= 0) throw new Error(`${op}: index ${list[bad]} at position ${bad} is not an integer`);
    checkInt32Values(op, list);
  }
  const t = indices instanceof Tensor ? indices : new Tensor(Int32Array.from(indices as readonly number[]), [(indices as readonly number[]).length]);
  if (t.ndim !== 1) throw new Error(`${op}: indices ${describeTensor(t)} must be 1-D`);
  return t;
}

/** The slices at `indices` (int32, 1-D) along `axis`; repeats allowed. */
export function indexSelect(x: Tensor, axis: number, indices: Tensor | readonly number[]): Tensor {
  const a = normalizeAxis('indexSelect', axis, x.ndim, x.shape);
  const idx = indicesTensor('indexSelect', indices);
  checkIndices('indexSelect', idx, x.shape[a], () => `axis ${a} of ${describeTensor(x)}`);
  return indexSelectOp.apply([x, idx], { axis: a });
}

/** A copy of `x` with the slices of `src` added at `indices` along `axis` (torch.index_add). */
export function indexAdd(x: Tensor, axis: number, indices: Tensor | readonly number[], src: Tensor): Tensor {
  const a = normalizeAxis('indexAdd', axis, x.ndim, x.shape);
  const idx = indicesTensor('indexAdd', indices);
  checkIndices('indexAdd', idx, x.shape[a], () => `axis ${a} of ${describeTensor(x)}`);
  const expected = x.shape.map((e, d) => (d === a ? idx.size : e));
  if (!sameShape(src.shape, expected)) {
    throw new Error(`indexAdd: src ${describeTensor(src)} must have shape ${formatShape(expected)} (x's shape with ${idx.size} entries along axis ${a})`);
  }
  return indexAddOp.apply([x, idx, castTo(src, x.dtype)], { axis: a });
}
