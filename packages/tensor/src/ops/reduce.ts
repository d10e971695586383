/**
 * The reduction primitives `sum`, `max` and `min`, with numpy's `axis`/`keepdims` semantics.
 * Several axes reduce one run of consecutive axes at a time.
 * @module
 */
import { describeTensor } from '../format.js';
import { checkInt32Values, convert } from '../dtype.js';
import { defineOp, type FastCheckModule, type RawResult, type RawTensor } from '../op.js';
import { formatShape, normalizeAxes, reducedShape, type Shape } from '../shape.js';
import { axesArb, distinctTensorsArb, shapeArb, tensorArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { reduceAxes, type ReduceKind } from '../kernels/reduce.js';

/** Normalised reduction arguments: sorted distinct axes, and whether they are kept as size 1. */
export interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepdims: boolean;
}

/**
 * Reduces `axes` of raw storage; shared by the primitives and by logsumexp's forward. An int32
 * sum is accumulated in float64 and refused if it does not fit back into int32 (numpy would
 * widen to int64, which typed arrays of this library do not have).
 */
export function reduceRaw(x: RawTensor, { axes, keepdims }: ReduceAttrs, kind: ReduceKind): RawResult {
  const widened = x.dtype === 'int32' && kind === 'sum';
  let buffer = reduceAxes(x.buffer, x.shape, axes, kind, widened ? 'float64' : x.dtype);
  if (widened) {
    checkInt32Values('sum', buffer);
    buffer = convert(buffer, 'int32');
  }
  return { buffer, shape: reducedShape(x.shape, axes, keepdims) };
}

/** The gradient `g` reshaped so it broadcasts back over the reduced axes. */
export function keptDims(g: Tensor, inputShape: Shape, attrs: ReduceAttrs): Tensor {
  return attrs.keepdims ? g : g.reshape(reducedShape(inputShape, attrs.axes, true));
}

/** Inputs for reductions: any tensor and a valid axis choice, keepdims both ways. */
export function sampleReduction(fc: FastCheckModule) {
  return shapeArb(fc).chain((shape) =>
    fc.tuple(tensorArb(fc, shape), axesArb(fc, shape.length), fc.boolean()).map(([x, axis, keepdims]) => ({
      inputs: [x],
      attrs: { axes: normalizeAxes('sample', axis, shape), keepdims },
    })),
  );
}

/** Reductions without ties, where max's and min's derivative jumps. */
function sampleDistinctReduction(fc: FastCheckModule) {
  return shapeArb(fc).chain((shape) =>
    fc.tuple(distinctTensorsArb(fc, [shape]), axesArb(fc, shape.length), fc.boolean()).map(([[x], axis, keepdims]) => ({
      inputs: [x],
      attrs: { axes: normalizeAxes('sample', axis, shape), keepdims },
    })),
  );
}

/** Gradient of max/min: routed to the entries equal to the result, split evenly among ties. */
function extremumBackward(g: Tensor, x: Tensor, out: Tensor, attrs: ReduceAttrs): Tensor {
  const winners = x.eq(keptDims(out, x.shape, attrs)).astype(g.dtype);
  const count = winners.sum(attrs.axes, true);
  return winners.div(count).mul(keptDims(g, x.shape, attrs));
}

export const sumOp = defineOp<ReduceAttrs>({
  name: 'sum',
  forward: ([x], attrs) => reduceRaw(x, attrs, 'sum'),
  backward: (g, [x], { attrs }) => [keptDims(g, x.shape, attrs).broadcastTo(x.shape)],
  saves: { inputs: [] },
  sample: sampleReduction,
});

export const maxOp = defineOp<ReduceAttrs>({
  name: 'max',
  forward: ([x], attrs) => {
    checkNonEmpty('max', x, attrs);
    return reduceRaw(x, attrs, 'max');
  },
  backward: (g, [x], { attrs, out }) => [extremumBackward(g, x, out, attrs)],
  saves: { output: true },
  sample: sampleDistinctReduction,
});

export const minOp = defineOp<ReduceAttrs>({
  name: 'min',
  forward: ([x], attrs) => {
    checkNonEmpty('min', x, attrs);
    return reduceRaw(x, attrs, 'min');
  },
  backward: (g, [x], { attrs, out }) => [extremumBackward(g, x, out, attrs)],
  saves: { output: true },
  sample: sampleDistinctReduction,
});

/** Validates and normalises reduction arguments for `op`. */
export function reduceAttrs(op: string, x: Tensor, axis: number | readonly number[] | undefined, keepdims: boolean): ReduceAttrs {
  return { axes: normalizeAxes(op, axis, x.shape), keepdims: Boolean(keepdims) };
}

/**
 * numpy's rule: max and min of nothing have no value (numpy raises; an identity of ∓Infinity
 * would be a silent wrong answer). Checked in the forward, so the registry's `call` refuses as
 * well as the public function.
 */
function checkNonEmpty(op: string, x: RawTensor, attrs: ReduceAttrs): void {
  for (const axis of attrs.axes) {
    if (x.shape[axis] === 0) {
      const described = x instanceof Tensor ? describeTensor(x) : `${formatShape(x.shape)} ${x.dtype}`;
      throw new Error(`${op}: cannot reduce the empty axis ${axis} of ${described}; ${op} of nothing has no value`);
    }
  }
}

/** Sum over `axis` (all axes when omitted); negative axes count from the end. */
export function sum(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  return sumOp.apply([x], reduceAttrs('sum', x, axis, keepdims));
}

/** Maximum over `axis` (all axes when omitted); ties split the gradient evenly. */
export function max(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  return maxOp.apply([x], reduceAttrs('max', x, axis, keepdims));
}

/** Minimum over `axis` (all axes when omitted); ties split the gradient evenly. */
export function min(x: Tensor, axis?: number | readonly number[], keepdims = false): Tensor {
  return minOp.apply([x], reduceAttrs('min', x, axis, keepdims));
}
