/**
 * `concat` (a primitive over any number of inputs; its backward slices the gradient apart) and
 * `stack`, which concatenates unsqueezed inputs.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate, promoteDtypes } from '../dtype.js';
import { defineComposite, defineOp, type FastCheckModule } from '../op.js';
import { exceedsMaxSize, normalizeAxis, normalizeInsertAxis, resultSizeError, sizeOf } from '../shape.js';
import { shapeArb, tensorArb } from '../sampling.js';
import { Tensor } from '../tensor.js';
import { copyBox } from '../kernels/layout.js';
import { castTo } from './operands.js';

export const concatOp = defineOp<{ axis: number }>({
  name: 'concat',
  forward: (inputs, { axis }) => {
    const shape = inputs[0].shape.slice();
    shape[axis] = inputs.reduce((n, x) => n + x.shape[axis], 0);
    if (exceedsMaxSize(shape)) throw resultSizeError('concat', shape, `joining ${inputs.length} tensors along axis ${axis}`);
    const out = allocate(inputs[0].dtype, sizeOf(shape));
    let offset = 0;
    for (const x of inputs) {
      const start = shape.map((_, i) => (i === axis ? offset : 0));
      copyBox(x.buffer, x.shape, x.shape.map(() => 0), out, shape, start, x.shape);
      offset += x.shape[axis];
    }
    return { buffer: out, shape };
  },
  backward: (g, inputs, { attrs: { axis }, needsGrad }) => {
    let offset = 0;
    return inputs.map((x, i) => {
      const start = offset;
      offset += x.shape[axis];
      if (!needsGrad[i]) return null;
      const starts = g.shape.map((_, d) => (d === axis ? start : 0));
      const ends = g.shape.map((e, d) => (d === axis ? start + x.shape[axis] : e));
      return g.slice(starts, ends);
    });
  },
  saves: { inputs: [] },
  sample: sampleJoin(true),
});

/**
 * Inputs for concat/stack: 1–3 tensors sharing a shape except (for concat) along the axis. The
 * concat primitive takes a normalised axis; stack, a public function, gets a negative one.
 */
function sampleJoin(varyAlongAxis: boolean) {
  return (fc: FastCheckModule) =>
    shapeArb(fc, { minRank: 1, maxSize: 16 }).chain((shape) =>
      fc.tuple(fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 1, max: 3 })).chain(([axis, count]) =>
        fc
          .tuple(
            ...Array.from({ length: count }, () =>
              (varyAlongAxis ? fc.integer({ min: 0, max: 3 }) : fc.constant(shape[axis])).chain((extent) =>
                tensorArb(fc, shape.map((e, i) => (i === axis ? extent : e))),
              ),
            ),
          )
          .map((inputs) => ({ inputs, attrs: { axis: varyAlongAxis ? axis : axis - shape.length } })),
      ),
    );
}

function joinOperands(op: string, tensors: readonly Tensor[]): Tensor[] {
  if (!Array.isArray(tensors) || tensors.length === 0 || !tensors.every((t) => t instanceof Tensor)) {
    const got = !Array.isArray(tensors) ? typeof tensors : tensors.length === 0 ? 'an empty array' : 'an array holding a non-Tensor';
    throw new Error(`${op}: expects a non-empty array of Tensors, got ${got}; wrap plain arrays with tensor(...)`);
  }
  const dtype = tensors.map((t) => t.dtype).reduce(promoteDtypes);
  return tensors.map((t) => castTo(t, dtype));
}

/** Joins tensors along an existing `axis` (default 0); all other extents must match. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  const inputs = joinOperands('concat', tensors);
  const first = inputs[0];
  if (first.ndim === 0) throw new Error('concat: cannot concatenate scalars (0-d tensors); use stack');
  const a = normalizeAxis('concat', axis, first.ndim, first.shape);
  inputs.forEach((x, i) => {
    if (x.ndim !== first.ndim || x.shape.some((e, d) => d !== a && e !== first.shape[d])) {
      throw new Error(
        `concat: tensor ${i} ${describeTensor(tensors[i])} does not match tensor 0 ${describeTensor(tensors[0])} ` +
          `outside axis ${a}; all extents but the concatenation axis must be equal`,
      );
    }
  });
  if (inputs.length === 1) return first;
  return concatOp.apply(inputs, { axis: a });
}

/** Joins same-shape tensors along a new `axis` (default 0). */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  const inputs = joinOperands('stack', tensors);
  const first = inputs[0];
  const a = normalizeInsertAxis('stack', axis, first.shape);
  inputs.forEach((x, i) => {
    if (x.ndim !== first.ndim || x.shape.some((e, d) => e !== first.shape[d])) {
      throw new Error(`stack: tensor ${i} ${describeTensor(tensors[i])} differs in shape from tensor 0 ${describeTensor(tensors[0])}; stack needs equal shapes`);
    }
  });
  return concat(inputs.map((x) => x.unsqueeze(a)), a);
}

defineComposite<{ axis: number }>({
  name: 'stack',
  call: (inputs, { axis }) => stack(inputs, axis),
  sample: sampleJoin(false),
});
