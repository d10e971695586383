/**
 * Numbers and small tensors as a drawing shows them: four significant digits, no trailing
 * zeros, so a node stays narrow (`-12`, `0.7311`, `1.235e-7`).
 * @module
 */
import type { Tensor } from '@tapegrad/tensor';

/**
 * `v` with 4 significant digits: `3`, `-0.1966`, `1.235e6`; `-0` keeps its sign (it tells a
 * learner a gradient came from a negative factor) and non-finite values print as the tensor
 * printout does: `nan`, `inf`, `-inf`.
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  if (v === 0) return '0';
  // Rounded first, so that 999999 becomes 1e6 rather than 1000000.
  const rounded = Number(v.toPrecision(4));
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e6 || magnitude < 1e-4) return rounded.toExponential().replace('e+', 'e');
  return String(rounded);
}

/** The values of `x` as nested brackets (`[[1, 2], [3, 4]]`; a scalar as its number). */
export function formatValues(x: Tensor): string {
  const shape = x.shape;
  const buffer = x.buffer;
  const format = x.dtype === 'int32' ? String : formatNumber;
  let offset = 0;
  const render = (axis: number): string => {
    if (axis === shape.length) return format(buffer[offset++]);
    const items: string[] = [];
    for (let i = 0; i < shape[axis]; i++) items.push(render(axis + 1));
    return `[${items.join(', ')}]`;
  };
  return render(0);
}
