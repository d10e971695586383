/**
 * Numbers as the step panel prints them, written as the drawing writes them (`-12`, `0.7311`,
 * `nan`, `inf`), so a number in the panel can be found in the picture: small tensors as nested
 * lists, large ones by shape.
 *
 * The drawing's own formatter is internal to `@tapegrad/viz`; this mirrors its rules.
 */
import { formatShape, type Tensor } from '@tapegrad/tensor';

/** Tensors up to this many elements print their values (the drawing's default too). */
const MAX_PRINTED_VALUES = 6;

/** `v` with four significant digits: `3`, `-0.1966`, `1.235e-7`; `-0` keeps its sign; `nan`, `inf`, `-inf`. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Object.is(v, -0)) return '-0';
  // Rounded first, so that 999999 becomes 1e6 rather than 1000000.
  const rounded = Number(v.toPrecision(4));
  const magnitude = Math.abs(rounded);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) return rounded.toExponential().replace('e+', 'e');
  return String(rounded);
}

/** A scalar as a number, a small tensor as `[[1, 2], [3, 4]]`, a large one as `[64,10] float64` (the drawing's shape). */
export function formatTensor(x: Tensor): string {
  if (x.size > MAX_PRINTED_VALUES) return `${formatShape(x.shape)} ${x.dtype}`;
  let offset = 0;
  const render = (axis: number): string => {
    if (axis === x.shape.length) return formatNumber(x.buffer[offset++]);
    return `[${Array.from({ length: x.shape[axis] }, () => render(axis + 1)).join(', ')}]`;
  };
  return render(0);
}
