/**
 * `reshape` (a view: it shares storage) and the composites built on it: `squeeze`,
 * `unsqueeze`, `flatten`.
 * @module
 */
import { describeTensor } from '../format.js';
import { defineComposite, defineOp } from '../op.js';
import { formatShape, normalizeAxes, normalizeAxis, normalizeInsertAxis, sizeOf } from '../shape.js';
import { anyTensorArb, axisArb, shapeArb, tensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';

export const reshapeOp = defineOp<{ shape: readonly number[] }>({
  name: 'reshape',
  forward: ([x], { shape }) => ({ buffer: x.buffer, shape }),
  backward: (g, [x]) => [g.reshape(x.shape)],
  saves: { inputs: [] },
  sample: (fc) =>
    anyTensorArb(fc).chain((x) => {
      const factors = factorise(x.size);
      return fc.shuffledSubarray(factors, { minLength: factors.length }).map((shape) => ({ inputs: [x], attrs: { shape } }));
    }),
});

/** Prime factors of `n` (empty for 1): shuffled, they make a random shape of the same size. */
function factorise(n: number): number[] {
  const factors: number[] = [];
  for (let p = 2; n > 1; p++) {
    while (n % p === 0) {
      factors.push(p);
      n /= p;
    }
  }
  return factors;
}

/** Resolves one `-1` extent and checks the element count is kept. */
function resolveShape(x: Tensor, shape: readonly number[]): number[] {
  if (!Array.isArray(shape)) throw new Error(`reshape: shape must be an array of integers, got ${String(shape)}`);
  const unknown = shape.filter((e) => e === -1).length;
  if (unknown > 1 || shape.some((e) => !Number.isInteger(e) || e < -1)) {
    throw new Error(`reshape: invalid target ${formatShape(shape)}; extents are integers ≥ 0 with at most one -1`);
  }
  const known = sizeOf(shape.filter((e) => e !== -1));
  if (unknown && known === 0 && x.size === 0) {
    // Any extent times 0 is 0 elements: numpy and PyTorch refuse to guess, and so does tapegrad.
    throw new Error(
      `reshape: cannot infer the -1 in ${formatShape(shape)} for ${describeTensor(x)} (0 elements): another extent ` +
        `is 0, so every value would fit; write that extent out (e.g. the feature count of an empty batch)`,
    );
  }
  const resolved = shape.map((e) => (e === -1 ? x.size / known : e));
  if (sizeOf(resolved) !== x.size || resolved.some((e) => !Number.isInteger(e))) {
    throw new Error(
      `reshape: cannot reshape ${describeTensor(x)} (${x.size} elements) to ${formatShape(shape)}` +
        `${unknown ? '' : ` (${sizeOf(shape)} elements)`}; the element count must stay the same`,
    );
  }
  return resolved;
}

/** The same values in a new shape; one extent may be −1 (inferred). Shares storage with `x`. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const resolved = resolveShape(x, shape);
  if (resolved.length === x.ndim && resolved.every((e, i) => e === x.shape[i])) return x;
  return reshapeOp.apply([x], { shape: resolved });
}

/** Drops size-1 axes: all of them, or only `axis` (each of which must have extent 1). */
export function squeeze(x: Tensor, axis?: number | readonly number[]): Tensor {
  if (axis === undefined) return reshape(x, x.shape.filter((e) => e !== 1));
  const axes = normalizeAxes('squeeze', axis, x.shape);
  for (const a of axes) {
    if (x.shape[a] !== 1) throw new Error(`squeeze: axis ${a} of ${describeTensor(x)} has extent ${x.shape[a]}, not 1`);
  }
  return reshape(x, x.shape.filter((_, i) => !axes.includes(i)));
}

/** Inserts a size-1 axis at `axis` (−1 appends). */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  const a = normalizeInsertAxis('unsqueeze', axis, x.shape);
  const shape = x.shape.slice();
  shape.splice(a, 0, 1);
  return reshape(x, shape);
}

/** Merges axes `startAxis…endAxis` (inclusive, default all) into one. */
export function flatten(x: Tensor, startAxis = 0, endAxis = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const start = normalizeAxis('flatten', startAxis, x.ndim, x.shape);
  const end = normalizeAxis('flatten', endAxis, x.ndim, x.shape);
  if (start > end) throw new Error(`flatten: startAxis ${startAxis} comes after endAxis ${endAxis} for ${describeTensor(x)}`);
  const merged = sizeOf(x.shape.slice(start, end + 1));
  return reshape(x, [...x.shape.slice(0, start), merged, ...x.shape.slice(end + 1)]);
}

defineComposite<{ axis: number | undefined }>({
  name: 'squeeze',
  call: ([x], { axis }) => squeeze(x, axis),
  sample: (fc) =>
    anyTensorArb(fc).chain((x) => {
      const ones = x.shape.map((e, i) => (e === 1 ? i : -1)).filter((i) => i >= 0);
      return fc.constantFrom(undefined, ...ones).map((axis) => ({ inputs: [x], attrs: { axis } }));
    }),
});

defineComposite<{ axis: number }>({
  name: 'unsqueeze',
  call: ([x], { axis }) => unsqueeze(x, axis),
  sample: (fc) => shapeArb(fc, { maxRank: 3 }).chain((shape) =>
    fc.tuple(tensorArb(fc, shape), axisArb(fc, shape.length + 1)).map(([x, axis]) => ({ inputs: [x], attrs: { axis } }))),
});

defineComposite<{ start: number; end: number }>({
  name: 'flatten',
  call: ([x], { start, end }) => flatten(x, start, end),
  sample: (fc) =>
    shapeArb(fc, { minRank: 1 }).chain((shape) =>
      fc
        .tuple(tensorArb(fc, shape), fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 0, max: shape.length - 1 }))
        .map(([x, i, j]) => ({ inputs: [x], attrs: { start: Math.min(i, j), end: Math.max(i, j) - shape.length } })),
    ),
});
