/**
 * Numbers and small tensors as a drawing shows them: four significant digits, no trailing
 * zeros, so a node stays narrow (`-12`, `0.7311`, `1.235e-7`). The walk-through's table and
 * captions, and pages that print numbers next to a drawing, use the same rules, so a number
 * read in one can be found in the other.
 * @module
 */
import { formatShape, Tensor } from '@tapegrad/tensor';
import { kindOf } from '../kind-of.js';
import { checkMaxValues, DEFAULT_MAX_VALUES, type DotOptions } from './options.js';

/**
 * A number as the drawings and the walk-through write it: 4 significant digits and no
 * trailing zeros (`3`, `-0.1966`, `123.5`), with an exponent from 1e6 up and below 1e-4
 * (`1.235e6`, `1.235e-7`). `-0` keeps its sign (it tells a learner a gradient came from a
 * negative factor) and non-finite values print as the tensor printout does: `nan`, `inf`, `-inf`.
 *
 * ```ts
 * formatNumber(1 / 3);   // '0.3333'
 * formatNumber(999999);  // '1e6'
 * ```
 * @throws When `v` is not a number.
 */
export function formatNumber(v: number): string {
  if (typeof v !== 'number') {
    const fix = (v as unknown) instanceof Tensor ? 'for a tensor use formatValues(x)' : 'pass a number';
    throw new Error(`formatNumber: expected a number, got ${kindOf(v)}; ${fix}`);
  }
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

/**
 * A tensor's values as the drawings and the walk-through write them: a scalar as its number
 * (`-4`), a tensor of at most `maxValues` elements (default 6, as in the drawings) as nested
 * brackets (`[[1, 2], [3, 4]]`), each number by {@link formatNumber} (int32 values exactly),
 * and a larger one by its shape and dtype only (`[64,10] float64`), so a line of text stays
 * one screen wide.
 *
 * ```ts
 * formatValues(tensor([[1, 2], [3, 4]]));  // '[[1, 2], [3, 4]]'
 * formatValues(zeros([64, 10]));           // '[64,10] float64'
 * ```
 * @throws When `x` is not a Tensor or `maxValues` is not a whole number >= 0.
 */
export function formatValues(x: Tensor, options: Pick<DotOptions, 'maxValues'> = {}): string {
  if (!(x instanceof Tensor)) {
    const fix = typeof x === 'number' ? 'for a number use formatNumber(v)' : Array.isArray(x) ? 'wrap it: tensor([...])' : 'pass a Tensor';
    throw new Error(`formatValues: expected a Tensor, got ${kindOf(x)}; ${fix}`);
  }
  const { maxValues = DEFAULT_MAX_VALUES } = options;
  return x.size > checkMaxValues('formatValues', maxValues) ? `${formatShape(x.shape)} ${x.dtype}` : formatElements(x);
}

/** Every element of `x` as nested brackets (`[[1, 2], [3, 4]]`; a scalar as its number), however many. */
export function formatElements(x: Tensor): string {
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
