/**
 * Numbers as the step panel prints them, matching the drawing: four significant digits, no
 * trailing zeros (`-12`, `0.7311`), small tensors as nested lists, large ones by shape.
 */
import type { Tensor } from '@tapegrad/tensor';

/** Tensors up to this many elements print their values (the drawing's default too). */
const MAX_PRINTED_VALUES = 6;

/** `v` with four significant digits: `3`, `-0.1966`, `1.235e-7`. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4)) {
    const [mantissa, exponent] = v.toExponential(3).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(v.toPrecision(4)));
}

/** A scalar as a number, a small tensor as `[[1, 2], [3, 4]]`, a large one as `[shape 64×10]`. */
export function formatTensor(x: Tensor): string {
  if (x.size > MAX_PRINTED_VALUES) return `[shape ${x.shape.join('×')}]`;
  let offset = 0;
  const render = (axis: number): string => {
    if (axis === x.shape.length) return formatNumber(x.buffer[offset++]);
    return `[${Array.from({ length: x.shape[axis] }, () => render(axis + 1)).join(', ')}]`;
  };
  return render(0);
}
