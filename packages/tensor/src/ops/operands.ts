/**
 * Turning public arguments into registry-op inputs: numbers become scalar tensors of the other
 * operand's dtype, and mixed dtypes promote (`int32 < float32 < float64`) through the
 * differentiable `astype`, so every kernel sees operands of one dtype.
 * @module
 */
import { allocate, checkInt32Values, type Dtype, getDefaultDtype, isFloat, promoteDtypes } from '../dtype.js';
import { Tensor, type TensorLike } from '../tensor.js';

/** The shape of every number turned into a tensor here: shapes are never written, so one array serves all. */
const SCALAR_SHAPE: readonly number[] = [];

/** A scalar tensor holding `value` in `dtype` (int32 callers have range-checked it: see dtypeWithNumber). */
function scalarOf(value: number, dtype: Dtype): Tensor {
  const buffer = allocate(dtype, 1);
  buffer[0] = value;
  return new Tensor(buffer, SCALAR_SHAPE);
}

function checkOperand(op: string, value: unknown, position: string): asserts value is TensorLike {
  if (!(value instanceof Tensor) && typeof value !== 'number') {
    const kind = Array.isArray(value) ? 'a plain array (wrap it with tensor(...))' : value === null ? 'null' : typeof value;
    throw new Error(`${op}: ${position} operand is ${kind}; expected a Tensor or a number`);
  }
}

/** The label an operand was passed with; errors use it because a promoted copy has none. */
export function labelOf(x: TensorLike): string | undefined {
  return typeof x === 'number' ? undefined : x.label;
}

/** `x` converted to `dtype` when it is not already. */
export function castTo(x: Tensor, dtype: Dtype): Tensor {
  return x.dtype === dtype ? x : x.astype(dtype);
}

/**
 * The two operands of a binary op as tensors of one dtype. A number takes the tensor's dtype,
 * except that a non-integer number with an int32 tensor gives the default float dtype.
 * `float: true` (division, pow) also sends int32 to the default float dtype.
 */
export function binaryOperands(op: string, a: TensorLike, b: TensorLike, { float = false } = {}): [Tensor, Tensor] {
  // The common case, and every call a backward rule makes: two tensors of one dtype.
  if (a instanceof Tensor && b instanceof Tensor && a.dtype === b.dtype && (!float || isFloat(a.dtype))) return [a, b];
  checkOperand(op, a, 'first');
  checkOperand(op, b, 'second');
  let dtype: Dtype;
  if (typeof a === 'number') dtype = typeof b === 'number' ? getDefaultDtype() : dtypeWithNumber(op, b, a);
  else dtype = typeof b === 'number' ? dtypeWithNumber(op, a, b) : promoteDtypes(a.dtype, b.dtype);
  if (float && !isFloat(dtype)) dtype = getDefaultDtype();
  return [asTensorOf(a, dtype), asTensorOf(b, dtype)];
}

/**
 * A number adopts the tensor's dtype; only a fractional number lifts int32 to float. An integer
 * beyond int32's range with an int32 tensor is an error rather than a silent wrap.
 */
function dtypeWithNumber(op: string, x: Tensor, n: number): Dtype {
  if (isFloat(x.dtype)) return x.dtype;
  if (!Number.isInteger(n)) return getDefaultDtype();
  checkInt32Values(op, [n]);
  return 'int32';
}

function asTensorOf(x: TensorLike, dtype: Dtype): Tensor {
  return typeof x === 'number' ? scalarOf(x, dtype) : castTo(x, dtype);
}

/** `x` as a float tensor: int32 goes to the default float dtype (as numpy's `np.exp(int_array)`). */
export function floatOperand(op: string, x: TensorLike): Tensor {
  checkOperand(op, x, 'the');
  if (typeof x === 'number') return scalarOf(x, getDefaultDtype());
  return isFloat(x.dtype) ? x : x.astype(getDefaultDtype());
}
