/**
 * Element types a tensor can hold, how they map to typed arrays, and how they promote.
 * @module
 */
import { fromSlab } from './slab.js';

/** The element type of a tensor. `int32` holds indices and labels and is never differentiable. */
export type Dtype = 'float64' | 'float32' | 'int32';

/** Float dtypes, the only ones a gradient can flow through. */
export type FloatDtype = 'float64' | 'float32';

/** The typed array behind a tensor of any dtype. */
export type TypedArray = Float64Array | Float32Array | Int32Array;

/** Every dtype, in promotion order (a later one wins). */
export const DTYPES: readonly Dtype[] = ['int32', 'float32', 'float64'];

const RANK: Record<Dtype, number> = { int32: 0, float32: 1, float64: 2 };

let defaultFloat: FloatDtype = 'float64';

/**
 * Sets the dtype that float-valued creation functions use when none is given.
 * `float64` (the default) is exact enough for gradient checking; `float32` is faster.
 */
export function setDefaultDtype(dtype: FloatDtype): void {
  if (dtype !== 'float64' && dtype !== 'float32') {
    throw new Error(`setDefaultDtype: expected 'float64' or 'float32', got ${String(dtype)}`);
  }
  defaultFloat = dtype;
}

/** The dtype that float-valued creation functions use when none is given. */
export function getDefaultDtype(): FloatDtype {
  return defaultFloat;
}

/** True for the dtypes a gradient can flow through. */
export function isFloat(dtype: Dtype): dtype is FloatDtype {
  return dtype !== 'int32';
}

/** Asserts that `dtype` is one tapegrad knows, naming the caller when it is not. */
export function checkDtype(op: string, dtype: unknown): Dtype {
  if (dtype === 'float64' || dtype === 'float32' || dtype === 'int32') return dtype;
  throw new Error(`${op}: unknown dtype ${JSON.stringify(dtype)}; use 'float64', 'float32' or 'int32'`);
}

/** The dtype two operands promote to: `int32 < float32 < float64`. */
export function promoteDtypes(a: Dtype, b: Dtype): Dtype {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * A zero-filled typed array of `length` elements for `dtype`. Small ones may be views into a
 * shared ArrayBuffer (see slab.ts): use `byteOffset` when reaching for `.buffer`.
 */
export function allocate(dtype: Dtype, length: number): TypedArray {
  const small = fromSlab(dtype, length);
  if (small !== null) return small;
  switch (dtype) {
    case 'float64':
      return new Float64Array(length);
    case 'float32':
      return new Float32Array(length);
    case 'int32':
      return new Int32Array(length);
  }
}

/** The dtype whose storage `buffer` is. */
export function dtypeOf(buffer: TypedArray): Dtype {
  if (buffer instanceof Float64Array) return 'float64';
  if (buffer instanceof Float32Array) return 'float32';
  return 'int32';
}

/** The int32 range; numbers outside it would wrap silently when stored. */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Throws, naming the op, when `values` (about to be stored as int32) hold NaN, ±Inf or a number
 * outside the int32 range: stored anyway, they would wrap to a different number without a word.
 */
export function checkInt32Values(op: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= INT32_MIN && v < INT32_MAX + 1)) {
      throw new Error(
        `${op}: ${v} (at flat position ${i}) does not fit in int32 (${INT32_MIN}…${INT32_MAX}); ` +
          `use a float dtype, or keep the value in range`,
      );
    }
  }
}

/** Copies `buffer` into a new array of `dtype` (int32 truncates toward zero, as numpy's astype). */
export function convert(buffer: TypedArray, dtype: Dtype): TypedArray {
  const out = allocate(dtype, buffer.length);
  if (dtype === 'int32') {
    for (let i = 0; i < buffer.length; i++) out[i] = Math.trunc(buffer[i]);
  } else {
    out.set(buffer);
  }
  return out;
}
