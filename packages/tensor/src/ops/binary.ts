/**
 * Binary elementwise primitives with numpy broadcasting. Every backward undoes broadcasting with
 * the one shared `sumTo`; none sums by hand.
 * @module
 */
import { allocate } from '../dtype.js';
import { defineOp, type FastCheckModule, type RawResult, type RawTensor } from '../op.js';
import { broadcastShapes, sameShape, type Shape, sizeOf } from '../shape.js';
import { broadcastShapesArb, broadcastTensorsArb, distinctTensorsArb, type ValueRange } from '../sampling.js';
import type { Tensor, TensorLike } from '../tensor.js';
import { broadcastBinary, type RowKernel } from '../kernels/broadcast-binary.js';
import { addRow, divRow, maximumRow, minimumRow, mulRow, powRow, subRow } from '../kernels/binary-rows.js';
import { sumTo } from './broadcast.js';
import { binaryOperands, labelOf } from './operands.js';
import { where } from './where.js';

/** A forward that broadcasts `a` against `b` and applies `row`, writing `a`'s dtype (or `outDtype`). */
export function broadcasting(name: string, row: RowKernel, outDtype?: 'int32') {
  return (inputs: readonly RawTensor[]): RawResult => {
    const a = inputs[0];
    const b = inputs[1];
    const shape = resultShape(name, a.shape, b.shape);
    const out = allocate(outDtype ?? a.dtype, sizeOf(shape));
    broadcastBinary(a.buffer, a.shape, b.buffer, b.shape, out, shape, row);
    return { buffer: out, shape };
  };
}

/**
 * The shape `a` and `b` broadcast to. When it is one operand's own shape (same shapes, or a 0-d
 * scalar against anything: most ops in a scalar graph or an elementwise chain) that array is
 * shared rather than rebuilt: shapes are never written after creation.
 */
function resultShape(name: string, a: Shape, b: Shape): Shape {
  if (b.length === 0 || sameShape(a, b)) return a;
  if (a.length === 0) return b;
  return broadcastShapes(name, a, b);
}

function samplePairs(range: ValueRange = {}) {
  return (fc: FastCheckModule) => broadcastTensorsArb(fc, 2, {}, range).map(([a, b]) => ({ inputs: [a, b], attrs: undefined }));
}

/** Broadcasting pairs without ties, where maximum's and minimum's derivative jumps. */
function sampleDistinctPairs(fc: FastCheckModule) {
  return broadcastShapesArb(fc, 2).chain((shapes) => distinctTensorsArb(fc, shapes)).map(([a, b]) => ({ inputs: [a, b], attrs: undefined }));
}

/** The share of the gradient `a` gets from maximum/minimum: 1 where it wins, ½ on a tie. */
function winnerShare(wins: Tensor, ties: Tensor, like: Tensor): Tensor {
  return wins.astype(like.dtype).add(ties.astype(like.dtype).mul(0.5));
}

export const addOp = defineOp({
  name: 'add',
  forward: broadcasting('add', addRow),
  backward: (g, [a, b], { needsGrad }) => [needsGrad[0] ? sumTo(g, a.shape) : null, needsGrad[1] ? sumTo(g, b.shape) : null],
  saves: { inputs: [] },
  sample: samplePairs(),
});

export const subOp = defineOp({
  name: 'sub',
  forward: broadcasting('sub', subRow),
  backward: (g, [a, b], { needsGrad }) => [needsGrad[0] ? sumTo(g, a.shape) : null, needsGrad[1] ? sumTo(g.neg(), b.shape) : null],
  saves: { inputs: [] },
  sample: samplePairs(),
});

export const mulOp = defineOp({
  name: 'mul',
  forward: broadcasting('mul', mulRow),
  // Mul swaps: each input's gradient is the upstream gradient times the other input.
  backward: (g, [a, b], { needsGrad }) => [
    needsGrad[0] ? sumTo(g.mul(b), a.shape) : null,
    needsGrad[1] ? sumTo(g.mul(a), b.shape) : null,
  ],
  sample: samplePairs(),
});

export const divOp = defineOp({
  name: 'div',
  forward: broadcasting('div', divRow),
  // d(a/b)/da = 1/b, d(a/b)/db = −a/b².
  backward: (g, [a, b], { needsGrad }) => [
    needsGrad[0] ? sumTo(g.div(b), a.shape) : null,
    needsGrad[1] ? sumTo(g.mul(a).div(b.mul(b)).neg(), b.shape) : null,
  ],
  sample: samplePairs({ awayFrom: [0], margin: 0.2 }),
});

export const powOp = defineOp({
  name: 'pow',
  forward: broadcasting('pow', powRow),
  // d(aᵇ)/da = b·aᵇ⁻¹ and d(aᵇ)/db = aᵇ·ln a, with PyTorch's masks: 0 where b = 0 (not 0·0⁻¹)
  // and where a = 0 with b ≥ 0 (not 0·ln 0), so x⁰ and 0ᵇ have gradient 0 instead of NaN.
  backward: (g, [a, b], { needsGrad, out }) => [
    needsGrad[0] ? sumTo(where(b.eq(0), 0, g.mul(b).mul(a.pow(b.sub(1)))), a.shape) : null,
    needsGrad[1] ? sumTo(where(a.eq(0).mul(b.ge(0)), 0, g.mul(out).mul(a.log())), b.shape) : null,
  ],
  saves: { output: true },
  sample: samplePairs({ min: 0.2, max: 2 }),
});

export const maximumOp = defineOp({
  name: 'maximum',
  forward: broadcasting('maximum', maximumRow),
  backward: (g, [a, b], { needsGrad }) => {
    const shareA = winnerShare(a.gt(b), a.eq(b), g);
    return [
      needsGrad[0] ? sumTo(g.mul(shareA), a.shape) : null,
      needsGrad[1] ? sumTo(g.mul(shareA.neg().add(1)), b.shape) : null,
    ];
  },
  sample: sampleDistinctPairs,
});

export const minimumOp = defineOp({
  name: 'minimum',
  forward: broadcasting('minimum', minimumRow),
  backward: (g, [a, b], { needsGrad }) => {
    const shareA = winnerShare(a.lt(b), a.eq(b), g);
    return [
      needsGrad[0] ? sumTo(g.mul(shareA), a.shape) : null,
      needsGrad[1] ? sumTo(g.mul(shareA.neg().add(1)), b.shape) : null,
    ];
  },
  sample: sampleDistinctPairs,
});

/** The public form of a binary primitive: operands promoted, broadcast checked with labels. */
function binary(op: typeof addOp, a: TensorLike, b: TensorLike, float = false): Tensor {
  const operands = binaryOperands(op.name, a, b, { float });
  const x = operands[0];
  const y = operands[1];
  // Checked here, before the forward, so the error can name the operands' labels. A 0-d operand
  // broadcasts against anything, and is the usual other shape (`x.add(1)`).
  if (x.ndim > 0 && y.ndim > 0 && !sameShape(x.shape, y.shape)) broadcastShapes(op.name, x.shape, y.shape, [labelOf(a), labelOf(b)]);
  // binaryOperands returns a fresh array, so it can be the node's input list as it is.
  return op.apply(operands);
}

/** `a + b`, broadcasting. */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return binary(addOp, a, b);
}
/** `a − b`, broadcasting. */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return binary(subOp, a, b);
}
/** `a · b` elementwise, broadcasting. */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return binary(mulOp, a, b);
}
/** `a / b`, broadcasting; integer operands give a float result (numpy's true division). */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return binary(divOp, a, b, true);
}
/** `a ** b`, broadcasting; the result is float. */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  return binary(powOp, a, b, true);
}
/** Elementwise maximum; a tie splits the gradient evenly between the two. */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return binary(maximumOp, a, b);
}
/** Elementwise minimum; a tie splits the gradient evenly between the two. */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return binary(minimumOp, a, b);
}
