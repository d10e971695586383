/**
 * Creating tensors: from nested arrays or typed arrays, filled, ranges, identity, random, one-hot.
 * @module
 */
import { allocate, checkDtype, checkInt32Values, type Dtype, dtypeOf, getDefaultDtype, type TypedArray } from './dtype.js';
import { flattenInto, inferShape } from './nested.js';
import { checkShape, exceedsMaxSize, formatShape, MAX_SIZE, resultSizeError, sizeOf } from './shape.js';
import { nextInt, nextNormal, nextUniform } from './random.js';
import { Tensor, type VersionCounter } from './tensor.js';

/** Options every creation function accepts. */
export interface CreationOptions {
  /** Element type; float creation defaults to `getDefaultDtype()` (float64 unless changed). */
  readonly dtype?: Dtype;
  /** Make the new tensor a leaf that gradients flow to. */
  readonly requiresGrad?: boolean;
  /** Name shown in errors, tape listings and drawings. */
  readonly label?: string;
}

/** Options of `tensor()`: a `shape` turns a flat array into that shape. */
export interface TensorOptions extends CreationOptions {
  /** Shape of a flat input (typed array or 1-D array): the fast path for loading data. */
  readonly shape?: readonly number[];
}

/**
 * Version counters of typed arrays handed to `tensor()` without a copy: two tensors made from the
 * same array share storage, so an in-place write through one must be seen by backward through
 * the other.
 */
const sharedVersions = new WeakMap<TypedArray, VersionCounter>();

function finish(buffer: TypedArray, shape: readonly number[], options: CreationOptions, version?: VersionCounter): Tensor {
  const out = new Tensor(buffer, shape, version);
  if (options.label !== undefined) out.label = options.label;
  if (options.requiresGrad) out.requiresGrad = true;
  return out;
}

function resolveDtype(op: string, options: CreationOptions, fallback?: Dtype): Dtype {
  return options.dtype === undefined ? (fallback ?? getDefaultDtype()) : checkDtype(op, options.dtype);
}

/**
 * A tensor from a number, nested arrays, or a flat typed array (with `shape`). A typed array of
 * the requested dtype is used as storage without copying. Plain numbers become float (the
 * default dtype) unless `dtype: 'int32'` is given.
 *
 * ```ts
 * tensor([[1, 2], [3, 4]]);                           // float64 [2,2]
 * tensor(new Float32Array(6), { shape: [2, 3] });     // float32 [2,3], no copy
 * tensor([0, 2, 1], { dtype: 'int32' });              // labels
 * ```
 */
export function tensor(values: unknown, options: TensorOptions = {}): Tensor {
  if (ArrayBuffer.isView(values)) {
    if (!(values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array)) {
      throw new Error(`tensor: ${values.constructor.name} is not supported; pass a Float64Array, Float32Array or Int32Array`);
    }
    const dtype = resolveDtype('tensor', options, dtypeOf(values));
    const shape = checkShape('tensor', options.shape ?? [values.length]);
    if (sizeOf(shape) !== values.length) {
      throw new Error(`tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} elements but the typed array has ${values.length}`);
    }
    if (dtype === dtypeOf(values)) {
      let version = sharedVersions.get(values);
      if (version === undefined) sharedVersions.set(values, (version = { value: 0 }));
      return finish(values, shape, options, version);
    }
    if (dtype === 'int32') checkInt32Values('tensor', values);
    const buffer = allocate(dtype, values.length);
    buffer.set(values);
    return finish(buffer, shape, options);
  }
  if (typeof values !== 'number' && typeof values !== 'boolean' && !Array.isArray(values)) {
    throw new Error(`tensor: cannot make a tensor from ${values === null ? 'null' : typeof values}; pass a number, nested arrays of numbers, or a typed array`);
  }
  const nestedShape = inferShape('tensor', values);
  const dtype = resolveDtype('tensor', options);
  const buffer = allocate(dtype, sizeOf(nestedShape));
  if (dtype === 'int32') {
    // Check the numbers before Int32Array would wrap them.
    const exact = new Float64Array(buffer.length);
    flattenInto(values, exact);
    checkInt32Values('tensor', exact);
    buffer.set(exact);
  } else {
    flattenInto(values, buffer);
  }
  let shape = nestedShape;
  if (options.shape !== undefined) {
    shape = checkShape('tensor', options.shape);
    if (sizeOf(shape) !== buffer.length) {
      throw new Error(`tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} elements but the values have ${buffer.length}`);
    }
  }
  return finish(buffer, shape, options);
}

/** A 0-dimensional tensor holding `value`. */
export function scalar(value: number, options: CreationOptions = {}): Tensor {
  const dtype = resolveDtype('scalar', options);
  if (dtype === 'int32') checkInt32Values('scalar', [value]);
  const buffer = allocate(dtype, 1);
  buffer[0] = value;
  return finish(buffer, [], options);
}

/** A tensor of `shape` filled with `value`. */
export function full(shape: readonly number[], value: number, options: CreationOptions = {}): Tensor {
  return filled('full', shape, value, options);
}

/** `full` under the caller's name, so a bad shape passed to `zeros` is reported as `zeros: …`. */
function filled(op: string, shape: readonly number[], value: number, options: CreationOptions): Tensor {
  const checked = checkShape(op, shape);
  const dtype = resolveDtype(op, options);
  if (dtype === 'int32') checkInt32Values(op, [value]);
  const buffer = allocate(dtype, sizeOf(checked));
  if (value !== 0) buffer.fill(value);
  return finish(buffer, checked, options);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return filled('zeros', shape, 0, options);
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return filled('ones', shape, 1, options);
}

/** Zeros with `x`'s shape and dtype (unless overridden). */
export function zerosLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 0, { dtype: x.dtype, ...options });
}

/** Ones with `x`'s shape and dtype (unless overridden). */
export function onesLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 1, { dtype: x.dtype, ...options });
}

/**
 * Evenly spaced values in `[start, stop)` with `step`, as numpy: `arange(5)` is `[0,1,2,3,4]`.
 * int32 when every argument is an integer, else the default float dtype.
 */
export function arange(start: number, stop?: number, step = 1, options: CreationOptions = {}): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  if (!Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step) || step === 0) {
    throw new Error(`arange: start ${start}, stop ${stop} and step ${step} must be finite, with step ≠ 0`);
  }
  const integral = Number.isInteger(start) && Number.isInteger(stop) && Number.isInteger(step);
  const dtype = resolveDtype('arange', options, integral ? 'int32' : getDefaultDtype());
  const length = Math.max(0, Math.ceil((stop - start) / step));
  // A tiny step makes the count astronomical (or Infinity, for a step of 5e-324): say which argument.
  if (!(length <= MAX_SIZE)) {
    throw new Error(
      `arange: start ${start}, stop ${stop}, step ${step} give ${length} elements, more than the ${MAX_SIZE} (MAX_SIZE) a tensor can hold; ` +
        `use a larger step, or linspace(start, stop, n) to choose the count`,
    );
  }
  if (dtype === 'int32' && length > 0) checkInt32Values('arange', [start, start + (length - 1) * step]);
  const buffer = allocate(dtype, length);
  for (let i = 0; i < length; i++) buffer[i] = start + i * step;
  return finish(buffer, [length], options);
}

/** `n` evenly spaced values from `a` to `b` inclusive (numpy's linspace: the last one is exactly `b`). */
export function linspace(a: number, b: number, n: number, options: CreationOptions = {}): Tensor {
  if (!Number.isInteger(n) || n < 0) throw new Error(`linspace: n must be an integer ≥ 0, got ${n}`);
  checkShape('linspace', [n]);
  const dtype = resolveDtype('linspace', options);
  if (dtype === 'int32' && n > 0) checkInt32Values('linspace', [a, b]);
  const buffer = allocate(dtype, n);
  const step = n > 1 ? (b - a) / (n - 1) : 0;
  for (let i = 0; i < n; i++) buffer[i] = a + i * step;
  if (n > 1) buffer[n - 1] = b;
  return finish(buffer, [n], options);
}

/** The `n × n` identity matrix. */
export function eye(n: number, options: CreationOptions = {}): Tensor {
  const shape = checkShape('eye', [n, n]);
  const buffer = allocate(resolveDtype('eye', options), n * n);
  for (let i = 0; i < n; i++) buffer[i * n + i] = 1;
  return finish(buffer, shape, options);
}

/** A tensor of `shape` whose every element is drawn from `next` (the seeded generator). */
function drawn(op: string, shape: readonly number[], options: CreationOptions, fallback: Dtype | undefined, next: () => number): Tensor {
  const checked = checkShape(op, shape);
  const buffer = allocate(resolveDtype(op, options, fallback), sizeOf(checked));
  for (let i = 0; i < buffer.length; i++) buffer[i] = next();
  return finish(buffer, checked, options);
}

/** Uniform random values in [0, 1) from the seeded generator (`manualSeed`). */
export function rand(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return drawn('rand', shape, options, undefined, nextUniform);
}

/** Standard normal random values from the seeded generator (`manualSeed`). */
export function randn(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return drawn('randn', shape, options, undefined, nextNormal);
}

/** Uniform random integers in `[low, high)`, int32 unless `dtype` says otherwise. */
export function randint(low: number, high: number, shape: readonly number[], options: CreationOptions = {}): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new Error(`randint: needs integers low < high, got low ${low}, high ${high}`);
  }
  if (resolveDtype('randint', options, 'int32') === 'int32') checkInt32Values('randint', [low, high - 1]);
  return drawn('randint', shape, options, 'int32', () => nextInt(low, high));
}

/**
 * One-hot rows: `labels` (int32 or numbers, shape `[...]`) becomes `[..., numClasses]` with a 1 at
 * each label. A label outside `[0, numClasses)` is an error naming its position.
 */
export function oneHot(labels: Tensor | readonly number[], numClasses: number, options: CreationOptions = {}): Tensor {
  const source = labels instanceof Tensor ? labels : tensor(labels, { dtype: 'int32' });
  if (!Number.isInteger(numClasses) || numClasses <= 0) throw new Error(`oneHot: numClasses must be a positive integer, got ${numClasses}`);
  const shape = [...source.shape, numClasses];
  if (exceedsMaxSize(shape)) throw resultSizeError('oneHot', shape, `${source.size} labels × ${numClasses} classes`);
  const buffer = allocate(resolveDtype('oneHot', options), source.size * numClasses);
  for (let i = 0; i < source.size; i++) {
    const label = source.buffer[i];
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
      throw new Error(`oneHot: label ${label} at flat position ${i} is not an integer in [0, ${numClasses})`);
    }
    buffer[i * numClasses + label] = 1;
  }
  return finish(buffer, [...source.shape, numClasses], options);
}
