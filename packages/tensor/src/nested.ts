/**
 * Converting between nested JS arrays and flat row-major storage, with errors for ragged,
 * non-numeric or absurdly deep input.
 * @module
 */
import type { TypedArray } from './dtype.js';
import { formatShape, MAX_SIZE, type Shape, sizeOf, stridesOf } from './shape.js';

/** A number, or arbitrarily nested arrays of numbers. */
export type NestedArray = number | NestedArray[];

/** True for a row of a nested array: a JS array, or a typed array (as numpy accepts a list of arrays). */
function isRow(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Deepest nesting `tensor()` accepts; far beyond any real tensor, short of a stack overflow. */
export const MAX_NESTING = 32;

/** The shape of a rectangular nested array, or an error naming where it is ragged or not a number. */
export function inferShape(op: string, value: unknown): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (isRow(level)) {
    if (shape.length >= MAX_NESTING) {
      throw new Error(`${op}: the nested array is more than ${MAX_NESTING} levels deep; tensors of that rank are not supported`);
    }
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  // Checked before walking: rows can be one array repeated (`Array(n).fill(row)`), so a nested
  // array of 2³² numbers takes no memory to build, but minutes to walk and terabytes to copy.
  const size = sizeOf(shape);
  if (size > MAX_SIZE) {
    throw new Error(`${op}: the nested array has shape ${formatShape(shape)}, ${size} elements, more than the ${MAX_SIZE} (MAX_SIZE) a tensor can hold`);
  }
  checkRectangular(op, value, shape, 0, '');
  return shape;
}

/**
 * `string "a"`, `undefined`, `bigint 3n`, `a hole (the array is sparse)`: a non-number element
 * described for an error, never throwing itself (JSON.stringify throws on a bigint).
 */
function describeElement(value: unknown, present: boolean): string {
  if (!present) return 'a hole (the array is sparse: that index was never assigned)';
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `bigint ${value}n (convert it with Number(…))`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  return `${typeof value} ${JSON.stringify(value) ?? String(value)}`;
}

function checkRectangular(op: string, value: unknown, shape: Shape, depth: number, path: string, present = true): void {
  if (depth === shape.length) {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      const found = isRow(value) ? `an array (the first row is ${depth} levels deep here)` : describeElement(value, present);
      throw new Error(`${op}: element ${path ? `at ${path} ` : ''}is ${found}, expected a number; every row must have the same length and depth`);
    }
    return;
  }
  if (!isRow(value)) {
    throw new Error(`${op}: element ${path ? `at ${path} ` : ''}is ${describeElement(value, present)} but rows at this depth are arrays of length ${shape[depth]}; the nested array is ragged`);
  }
  if (value.length !== shape[depth]) {
    throw new Error(`${op}: row ${path ? `at ${path} ` : ''}has length ${value.length} but the first row at this depth has ${shape[depth]}; the nested array is ragged`);
  }
  // `i in value` tells a hole of a sparse array from a stored undefined; asked only of undefined.
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    checkRectangular(op, item, shape, depth + 1, `${path}[${i}]`, item !== undefined || !Array.isArray(value) || i in value);
  }
}

/** Copies a rectangular nested array (already checked by `inferShape`) into `out`, row-major. */
export function flattenInto(value: unknown, out: TypedArray): void {
  let index = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (isRow(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i]);
    } else {
      out[index++] = Number(item);
    }
  }
}

/** Builds nested arrays from flat row-major storage (a plain number for a scalar). */
export function toNested(buffer: TypedArray, shape: Shape): NestedArray {
  if (shape.length === 0) return buffer[0];
  const strides = stridesOf(shape);
  const build = (axis: number, offset: number): NestedArray[] => {
    const rows: NestedArray[] = [];
    for (let i = 0; i < shape[axis]; i++) {
      rows.push(axis === shape.length - 1 ? buffer[offset + i] : build(axis + 1, offset + i * strides[axis]));
    }
    return rows;
  };
  return build(0, 0);
}
