/**
 * Matrix product with numpy's rules: 1-D operands are promoted to a row (left) or a column
 * (right) and the added axis removed afterwards; leading batch axes broadcast. The primitive
 * carries transpose flags so that its backward, `G·Bᵀ` and `Aᵀ·G`, is the same primitive with
 * flags flipped and never materialises a transpose.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate } from '../dtype.js';
import { defineOp, type FastCheckModule, type Op } from '../op.js';
import { broadcastShapes, broadcastStrides, exceedsMaxSize, formatShape, resultSizeError, sizeOf } from '../shape.js';
import { broadcastShapesArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { gemm } from '../kernels/gemm.js';
import { sumTo } from './broadcast.js';
import { binaryOperands } from './operands.js';

/** Whether the primitive reads each operand's last two axes transposed. */
export interface MatmulAttrs {
  readonly transA: boolean;
  readonly transB: boolean;
}

/** Rows and columns of the logical (possibly transposed) matrix stored in the last two axes. */
function matrixDims(shape: readonly number[], transposed: boolean): [rows: number, cols: number] {
  const r = shape[shape.length - 2];
  const c = shape[shape.length - 1];
  return transposed ? [c, r] : [r, c];
}

/** Flat offset of each batch entry of `shape`'s leading axes within `batchShape` (broadcast). */
function batchOffsets(shape: readonly number[], batchShape: readonly number[], matrixSize: number): Int32Array {
  const strides = broadcastStrides(shape.slice(0, -2), batchShape);
  const total = sizeOf(batchShape);
  const offsets = new Int32Array(total);
  const counter = new Array<number>(batchShape.length).fill(0);
  for (let b = 0; b < total; b++) {
    let offset = 0;
    for (let d = 0; d < batchShape.length; d++) offset += counter[d] * strides[d];
    offsets[b] = offset * matrixSize;
    for (let d = batchShape.length - 1; d >= 0; d--) {
      if (++counter[d] < batchShape[d]) break;
      counter[d] = 0;
    }
  }
  return offsets;
}

/** True when batch entry `i` of A starts at `i · matrixSize`: A is not broadcast over the batch. */
function stacksRows(offsets: Int32Array, matrixSize: number): boolean {
  for (let i = 0; i < offsets.length; i++) if (offsets[i] !== i * matrixSize) return false;
  return true;
}

export const matmulOp: Op<MatmulAttrs> = defineOp<MatmulAttrs>({
  name: 'matmul',
  forward: ([a, b], { transA, transB }) => {
    const [m, k] = matrixDims(a.shape, transA);
    const [k2, n] = matrixDims(b.shape, transB);
    if (k !== k2) {
      throw new Error(`matmul: inner dimensions differ: a ${formatShape(a.shape)} (k=${k}) @ b ${formatShape(b.shape)} (k=${k2}); the contracted extents must be equal`);
    }
    const batch = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2));
    const shape = [...batch, m, n];
    // An outer product of two long vectors is small to ask for and huge to hold.
    if (exceedsMaxSize(shape)) {
      throw resultSizeError('matmul', shape, `a ${formatShape(a.shape)} @ b ${formatShape(b.shape)}${transA || transB ? ` (transA ${transA}, transB ${transB})` : ''}`);
    }
    const out = allocate(a.dtype, sizeOf(shape));
    const offsetsA = batchOffsets(a.shape, batch, m * k);
    const offsetsB = batchOffsets(b.shape, batch, k * n);
    if (!transA && offsetsA.length > 0 && stacksRows(offsetsA, m * k) && offsetsB.every((offset) => offset === offsetsB[0])) {
      // [B,m,k] @ [k,n]: the batch's A blocks are consecutive rows of one [B·m, k] matrix, so one
      // product packs B once and gives the kernel B·m rows to block and share between threads.
      gemm({ data: a.buffer, offset: 0, transposed: false }, { data: b.buffer, offset: offsetsB[0], transposed: transB }, out, 0, offsetsA.length * m, n, k);
      return { buffer: out, shape };
    }
    for (let i = 0; i < offsetsA.length; i++) {
      gemm(
        { data: a.buffer, offset: offsetsA[i], transposed: transA },
        { data: b.buffer, offset: offsetsB[i], transposed: transB },
        out, i * m * n, m, n, k,
      );
    }
    return { buffer: out, shape };
  },
  // C = op(A)·op(B) ⇒ d op(A) = G·op(B)ᵀ and d op(B) = op(A)ᵀ·G, written back through the flags.
  backward: (g, [a, b], { attrs: { transA, transB }, needsGrad }) => [
    needsGrad[0]
      ? sumTo(transA ? matmulOp.apply([b, g], { transA: transB, transB: true }) : matmulOp.apply([g, b], { transA: false, transB: !transB }), a.shape)
      : null,
    needsGrad[1]
      ? sumTo(transB ? matmulOp.apply([g, a], { transA: true, transB: transA }) : matmulOp.apply([a, g], { transA: !transA, transB: false }), b.shape)
      : null,
  ],
  sample: sampleMatmul,
});

function sampleMatmul(fc: FastCheckModule) {
  const extent = fc.integer({ min: 1, max: 4 });
  return fc
    .tuple(broadcastShapesArb(fc, 2, { maxRank: 2, maxSize: 8 }), extent, extent, extent, fc.boolean(), fc.boolean())
    .chain(([[batchA, batchB], m, k, n, transA, transB]) =>
      fc
        .tuple(
          tensorArb(fc, [...batchA, ...(transA ? [k, m] : [m, k])]),
          tensorArb(fc, [...batchB, ...(transB ? [n, k] : [k, n])]),
        )
        .map(([a, b]) => ({ inputs: [a, b], attrs: { transA, transB } })),
    );
}

/**
 * Matrix product with numpy's rules: `[m,k] @ [k,n] → [m,n]`, a 1-D left operand is a row and a
 * 1-D right operand a column (their added axes are dropped), and leading axes are batch axes
 * that broadcast: `[B,m,k] @ [k,n] → [B,m,n]`.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  // x and y are the operands promoted to one dtype; errors describe a and b as the user passed
  // them, because a promoted copy has lost its label.
  const [x, y] = binaryOperands('matmul', a, b);
  if (x.ndim === 0 || y.ndim === 0) {
    throw new Error(`matmul: operands must have at least one axis, got ${describeTensor(x)} @ ${describeTensor(y)}; use mul for scalars`);
  }
  const x2 = x.ndim === 1 ? x.reshape([1, x.shape[0]]) : x;
  const y2 = y.ndim === 1 ? y.reshape([y.shape[0], 1]) : y;
  const k = x2.shape[x2.ndim - 1];
  const k2 = y2.shape[y2.ndim - 2];
  if (k !== k2) {
    throw new Error(
      `matmul: inner dimensions differ: a ${describeTensor(a)} @ b ${describeTensor(b)}; ` +
        `a's last axis (${k}) must equal b's ${y.ndim === 1 ? 'only' : 'second-to-last'} axis (${k2})`,
    );
  }
  broadcastShapes('matmul (batch axes)', x2.shape.slice(0, -2), y2.shape.slice(0, -2), [a.label, b.label]);
  const out = matmulOp.apply([x2, y2], { transA: false, transB: false });
  if (x.ndim > 1 && y.ndim > 1) return out;
  const shape = out.shape.slice();
  if (y.ndim === 1) shape.pop();
  if (x.ndim === 1) shape.splice(shape.length - (y.ndim === 1 ? 1 : 2), 1);
  return out.reshape(shape);
}
