/**
 * The numpy/PyTorch-like printout behind `Tensor.toString()`: aligned columns, 4 decimals,
 * scientific notation when magnitudes are very large, very small or far apart, rows wrapped at
 * 80 characters, and `...` past 1000 elements. Only the printed elements are formatted, so
 * printing a huge tensor is instant.
 * @module
 */
import { formatShape, stridesOf } from './shape.js';
import type { Tensor } from './tensor.js';

const SUMMARY_THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const LINE_WIDTH = 80;
const PREFIX = 'tensor(';

function special(v: number): string {
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** numpy writes two exponent digits: 1.0000e-05. */
function scientific(v: number): string {
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Picks one notation for all shown values, as PyTorch does: integers print as `3.`; scientific
 * when the largest magnitude reaches 1e8, the smallest nonzero one is below 1e-4, or they are more
 * than 1000× apart; four fixed decimals otherwise.
 */
function formatterFor(values: readonly number[], integral: boolean): (v: number) => string {
  if (integral) return (v) => String(v);
  let maxAbs = 0;
  let minAbs = Infinity;
  let allWhole = true;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
    if (a > 0 && a < minAbs) minAbs = a;
    if (!Number.isInteger(v)) allWhole = false;
  }
  // Spelled out from the magnitude so that −0 keeps its sign, as in numpy.
  const sign = (v: number) => (v < 0 || Object.is(v, -0) ? '-' : '');
  if (allWhole && maxAbs < 1e8) return (v) => (Number.isFinite(v) ? `${sign(v)}${Math.abs(v)}.` : special(v));
  if (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000) return (v) => (Number.isFinite(v) ? scientific(v) : special(v));
  return (v) => (Number.isFinite(v) ? `${sign(v)}${Math.abs(v).toFixed(4)}` : special(v));
}

/** Which indices of an axis of `extent` are printed (null marks the `...`). */
function shownIndices(extent: number, summarise: boolean): (number | null)[] {
  if (!summarise || extent <= 2 * EDGE_ITEMS) return Array.from({ length: extent }, (_, i) => i);
  const head = Array.from({ length: EDGE_ITEMS }, (_, i) => i);
  const tail = Array.from({ length: EDGE_ITEMS }, (_, i) => extent - EDGE_ITEMS + i);
  return [...head, null, ...tail];
}

/** Joins a row's items, wrapping before `LINE_WIDTH` with continuation lines indented by `indent`. */
function wrapRow(items: readonly string[], indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < items.length; i++) {
    const piece = items[i] + (i < items.length - 1 ? ',' : '');
    if (line !== '' && indent + line.length + 1 + piece.length > LINE_WIDTH) {
      lines.push(line);
      line = piece;
    } else {
      line = line === '' ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(indent));
}

/** Formats `x` as `tensor([...], dtype=…)`. */
export function formatTensor(x: Tensor): string {
  const shape = x.shape;
  const summarise = x.size > SUMMARY_THRESHOLD;
  const strides = stridesOf(shape);
  // An empty tensor shows no element, whatever its other extents (which may be huge: [2³², 0]).
  const shown = shape.map((extent) => (x.size === 0 ? [] : shownIndices(extent, summarise)));
  // First pass: the flat offsets of the elements that will be printed.
  const offsets: number[] = [];
  const collect = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      offsets.push(offset);
      return;
    }
    for (const i of shown[axis]) if (i !== null) collect(axis + 1, offset + i * strides[axis]);
  };
  if (x.size > 0) collect(0, 0);
  const format = formatterFor(offsets.map((o) => x.buffer[o]), x.dtype === 'int32');
  const strings = new Map(offsets.map((o) => [o, format(x.buffer[o])]));
  const width = Math.max(0, ...Array.from(strings.values(), (s) => s.length));
  const render = (axis: number, offset: number): string => {
    if (axis === shape.length) return strings.get(offset)!.padStart(width);
    const items = shown[axis].map((i) => (i === null ? '...' : render(axis + 1, offset + i * strides[axis])));
    const indent = PREFIX.length + axis + 1;
    if (axis === shape.length - 1) return `[${wrapRow(items, indent)}]`;
    return `[${items.join(',' + '\n'.repeat(shape.length - axis - 1) + ' '.repeat(indent))}]`;
  };
  // An empty tensor prints as numpy's does: `[]`, with the shape beside it.
  const body = shape.length === 0 ? format(x.buffer[0]) : x.size === 0 ? '[]' : render(0, 0);
  const extras: string[] = [];
  if (x.size === 0 && shape.length > 1) extras.push(`shape=${formatShape(shape)}`);
  extras.push(`dtype=${x.dtype}`);
  if (x.node) extras.push(`gradFn=${x.node.op.name}`);
  else if (x.requiresGrad) extras.push('requiresGrad=true');
  if (x.label) extras.push(`label=${x.label}`);
  return `${PREFIX}${body}, ${extras.join(', ')})`;
}

/** `[2,3] float64 (W)`: how errors name a tensor. */
export function describeTensor(x: Tensor): string {
  return `${formatShape(x.shape)} ${x.dtype}${x.label ? ` (${x.label})` : ''}`;
}
