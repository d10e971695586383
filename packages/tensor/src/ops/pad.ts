/**
 * `pad`: numpy's constant padding, `widths[i] = [before, after]` for axis i. Its backward slices
 * the gradient back out.
 * @module
 */
import { describeTensor } from '../format.js';
import { allocate } from '../dtype.js';
import { defineOp } from '../op.js';
import { exceedsMaxSize, formatShape, resultSizeError, sizeOf } from '../shape.js';
import { anyTensorArb } from '../sampling.js';
import type { Tensor } from '../tensor.js';
import { copyBox } from '../kernels/layout.js';

/** Options of `pad`. */
export interface PadOptions {
  /** The constant written into the padding (default 0). */
  readonly value?: number;
}

export const padOp = defineOp<{ widths: readonly (readonly [number, number])[]; value: number }>({
  name: 'pad',
  forward: ([x], { widths, value }) => {
    const shape = x.shape.map((e, i) => e + widths[i][0] + widths[i][1]);
    if (exceedsMaxSize(shape)) throw resultSizeError('pad', shape, `padding ${formatShape(x.shape)} by ${JSON.stringify(widths)}`);
    const out = allocate(x.dtype, sizeOf(shape));
    if (value !== 0) out.fill(value);
    copyBox(x.buffer, x.shape, x.shape.map(() => 0), out, shape, widths.map((w) => w[0]), x.shape);
    return { buffer: out, shape };
  },
  backward: (g, [x], { attrs: { widths } }) => [g.slice(widths.map((w) => w[0]), widths.map((w, i) => w[0] + x.shape[i]))],
  saves: { inputs: [] },
  sample: (fc) =>
    anyTensorArb(fc, { maxSize: 16 }).chain((x) =>
      fc
        .tuple(...x.shape.map(() => fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))))
        .map((widths) => ({ inputs: [x], attrs: { widths, value: 0.5 } })),
    ),
});

/**
 * Pads `x` with `value` (default 0): `widths[i] = [before, after]` for axis i, numpy's order.
 * Fewer pairs than axes pad only the leading axes.
 */
export function pad(x: Tensor, widths: readonly (readonly [number, number])[], { value = 0 }: PadOptions = {}): Tensor {
  if (!Array.isArray(widths) || widths.length > x.ndim) {
    throw new Error(`pad: widths must be an array of at most ${x.ndim} [before, after] pairs for ${describeTensor(x)}`);
  }
  for (const w of widths) {
    if (!Array.isArray(w) || w.length !== 2 || !w.every((n) => Number.isInteger(n) && n >= 0)) {
      throw new Error(`pad: widths ${JSON.stringify(widths)} must be [before, after] pairs of integers ≥ 0 (for ${describeTensor(x)})`);
    }
  }
  const full = x.shape.map((_, i) => (i < widths.length ? ([widths[i][0], widths[i][1]] as [number, number]) : ([0, 0] as [number, number])));
  if (full.every(([a, b]) => a === 0 && b === 0)) return x;
  return padOp.apply([x], { widths: full, value });
}
