/**
 * The numpy/PyTorch-like printout behind `Tensor.toString()`: aligned columns, 4 decimals,
 * scientific notation for very large or small magnitudes, and `...` past 1000 elements.
 * @module
 */
import type { Tensor } from './tensor.js';

const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;

function formatterFor(values: ArrayLike<number>, integral: boolean): (v: number) => string {
  if (integral) return (v) => String(v);
  let maxAbs = 0;
  let minAbs = Infinity;
  let allWhole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minAbs) minAbs = a;
    if (!Number.isInteger(v)) allWhole = false;
  }
  const special = (v: number) => (Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf');
  if (allWhole && maxAbs < 1e16) return (v) => (Number.isFinite(v) ? `${v}.` : special(v));
  // numpy writes two exponent digits: 1.0000e-05.
  const scientific = (v: number) => v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
  if (maxAbs >= 1e8 || minAbs < 1e-4) return (v) => (Number.isFinite(v) ? scientific(v) : special(v));
  return (v) => (Number.isFinite(v) ? v.toFixed(4) : special(v));
}

/** Which indices of an axis of `extent` are printed (null marks the `...`). */
function shownIndices(extent: number, summarise: boolean): (number | null)[] {
  if (!summarise || extent <= 2 * EDGE_ITEMS) return Array.from({ length: extent }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => extent - EDGE_ITEMS + i);
  return [...head, null, ...tail];
}

/** Formats `x` as `tensor([...], dtype=…)`. */
export function formatTensor(x: Tensor): string {
  const shape = x.shape;
  const summarise = x.size > SUMMARY_THRESHOLD;
  const format = formatterFor(x.buffer, x.dtype === 'int32');
  const strings = Array.from(x.buffer, format);
  const width = strings.reduce((w, s) => Math.max(w, s.length), 0);
  const pad = (s: string) => s.padStart(width);
  const prefix = 'tensor(';
  const strides: number[] = [];
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d];
  }
  const render = (axis: number, offset: number): string => {
    if (axis === shape.length) return pad(strings[offset]);
    const items = shownIndices(shape[axis], summarise).map((i) =>
      i === null ? '...' : render(axis + 1, offset + i * strides[axis]),
    );
    if (axis === shape.length - 1) return `[${items.join(', ')}]`;
    const indent = ' '.repeat(prefix.length + axis + 1);
    const separator = ',' + '\n'.repeat(shape.length - axis - 1) + indent;
    return `[${items.join(separator)}]`;
  };
  const body = shape.length === 0 ? strings[0] : render(0, 0);
  const extras = [`dtype=${x.dtype}`];
  if (x.node) extras.push(`gradFn=${x.node.op.name}`);
  else if (x.requiresGrad) extras.push('requiresGrad=true');
  if (x.label) extras.push(`label=${x.label}`);
  return `${prefix}${body}, ${extras.join(', ')})`;
}
