/**
 * The Tensor: row-major storage in a typed array, a shape, a dtype, and — when it was computed
 * from tensors that require grad — the tape node that produced it.
 * @module
 */
import { type Dtype, type TypedArray, dtypeOf, isFloat } from './dtype.js';
import { isGradEnabled } from './grad-mode.js';
import { formatTensor, describeTensor } from './format.js';
import { toNested, type NestedArray } from './nested.js';
import { formatShape, sameShape, type Shape, sizeOf } from './shape.js';
import { type BackwardOptions, runBackward, type TapeNode } from './tape.js';
import { astype, clone } from './ops/copy.js';
import { abs, clamp, exp, leakyRelu, log, neg, relu, sigmoid, sqrt, tanh } from './ops/unary.js';
import { add, div, maximum, minimum, mul, pow, sub } from './ops/binary.js';
import { eq, ge, gt, le, lt } from './ops/compare.js';
import { max, min, sum } from './ops/reduce.js';
import { mean, std, variance, type VarianceOptions } from './ops/statistics.js';
import { logsumexp } from './ops/logsumexp.js';
import { argmax, argmin } from './ops/arg-reduce.js';
import { matmul } from './ops/matmul.js';
import { logSoftmax, softmax } from './ops/softmax.js';
import { flatten, reshape, squeeze, unsqueeze } from './ops/reshape.js';
import { permute, transpose } from './ops/permute.js';
import { broadcastTo } from './ops/broadcast.js';
import { slice } from './ops/slice.js';
import { pad, type PadOptions } from './ops/pad.js';
import { gather, indexAdd, indexSelect, scatterAdd } from './ops/gather.js';
import { applyInPlace, type InPlaceKind } from './in-place.js';
import { full, onesLike } from './creation.js';

/** A tensor, or a plain number that takes the other operand's dtype. */
export type TensorLike = Tensor | number;

/** Shared by tensors that share storage (a reshape and its source); in-place writes bump it. */
export interface VersionCounter {
  value: number;
}

/**
 * An n-dimensional array that records the ops applied to it. Create one with `tensor`,
 * `zeros`, `randn` …; every op is a method here and a function of the same name.
 *
 * ```ts
 * const w = tensor([[1, 2], [3, 4]], { requiresGrad: true, label: 'W' });
 * const loss = w.mul(w).sum();
 * loss.backward();
 * w.grad?.toArray(); // [[2, 4], [6, 8]]
 * ```
 */
export class Tensor {
  /**
   * The storage, row-major and contiguous. Shared with views (`reshape`): read it in kernels,
   * never write it outside the in-place methods. Use `data()` for a copy. A small tensor's array
   * may be a window on a larger shared ArrayBuffer: respect `byteOffset` when reaching for
   * `buffer.buffer`, and never transfer that to a worker.
   */
  readonly buffer: TypedArray;
  /** Extent of each axis. */
  readonly shape: Shape;
  /** Element type. */
  readonly dtype: Dtype;
  #grad: Tensor | null = null;
  /** Optional name shown in errors, tape listings and drawings. */
  label: string | undefined;
  /** @internal The tape node that produced this tensor; null for leaves. */
  node: TapeNode | null = null;
  /**
   * Created on first use (an in-place write, a view): most tensors are never written in place,
   * and one object fewer per op is less for the garbage collector to copy out of a graph.
   */
  #version: VersionCounter | null;
  /** @internal Whether backward stores this non-leaf's gradient in `.grad`. */
  retainsGrad = false;
  #requiresGrad = false;

  /** @internal Use `tensor()` and the other creation functions. */
  constructor(buffer: TypedArray, shape: Shape, version?: VersionCounter) {
    this.buffer = buffer;
    this.shape = shape;
    this.dtype = dtypeOf(buffer);
    this.#version = version ?? null;
    if (sizeOf(shape) !== buffer.length) {
      throw new Error(`Tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} elements but the buffer has ${buffer.length}`);
    }
  }

  /** Number of elements. */
  get size(): number {
    return this.buffer.length;
  }

  /** @internal Bumped by every in-place write, shared with views of the same storage. */
  get version(): VersionCounter {
    return (this.#version ??= { value: 0 });
  }

  /** @internal The current version, without creating a counter: 0 until the first in-place write. */
  get versionValue(): number {
    return this.#version === null ? 0 : this.#version.value;
  }

  /** @internal Wraps a kernel's output, sharing the version counter when it is a view of `source`. */
  static fromStorage(buffer: TypedArray, shape: Shape, source?: Tensor): Tensor {
    return new Tensor(buffer, shape, source ? source.version : undefined);
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /**
   * Whether gradients flow to this tensor. Settable on leaves only; only float tensors can
   * require grad.
   */
  get requiresGrad(): boolean {
    return this.#requiresGrad;
  }

  set requiresGrad(value: boolean) {
    if (value && !isFloat(this.dtype)) {
      throw new Error(
        `requiresGrad: ${describeTensor(this)} is int32, which is never differentiable; convert it first with .astype('float64')`,
      );
    }
    if (!value && this.node !== null) {
      throw new Error(`requiresGrad: cannot switch off gradients of a non-leaf ${describeTensor(this)}; use .detach()`);
    }
    this.#requiresGrad = value;
  }

  /**
   * Gradient filled by `backward` on leaves (and on tensors that called `retainGrad`); assign
   * null to clear. An assigned gradient must have this tensor's shape and dtype.
   */
  get grad(): Tensor | null {
    return this.#grad;
  }

  set grad(value: Tensor | null) {
    if (value !== null && (!(value instanceof Tensor) || !sameShape(value.shape, this.shape) || value.dtype !== this.dtype)) {
      const got = value instanceof Tensor ? describeTensor(value) : typeof value;
      throw new Error(`grad: cannot assign ${got} as the gradient of ${describeTensor(this)}; it must have the same shape and dtype`);
    }
    this.#grad = value;
  }

  /** True when the user created this tensor (it has no recording node). */
  get isLeaf(): boolean {
    return this.node === null;
  }

  // ── autograd ────────────────────────────────────────────────────────────────

  /**
   * Backpropagates from this tensor, accumulating `+=` into `.grad` of every leaf that requires
   * grad. Without a `seed` the tensor must hold one element (a loss); with one, `seed` is the
   * upstream gradient and must have this tensor's shape. The graph is freed afterwards unless
   * `retainGraph`; `createGraph` records the backward pass so gradients can be differentiated.
   *
   * ```ts
   * loss.backward();                          // a scalar loss
   * loss.backward({ retainGraph: true });     // keep the graph for another backward
   * y.backward(seed, { createGraph: true });  // a non-scalar y, differentiable gradients
   * ```
   */
  backward(options?: BackwardOptions): void;
  /** Backpropagates `seed` (the upstream gradient, with this tensor's shape) from this tensor. */
  backward(seed?: Tensor | number, options?: BackwardOptions): void;
  backward(seedOrOptions?: Tensor | number | BackwardOptions, options: BackwardOptions = {}): void {
    // `y.backward({ retainGraph: true })` is the natural spelling when there is no seed.
    const isOptions = typeof seedOrOptions === 'object' && seedOrOptions !== null && !(seedOrOptions instanceof Tensor) && !Array.isArray(seedOrOptions);
    const seed = isOptions ? undefined : (seedOrOptions as Tensor | number | undefined);
    if (isOptions) options = seedOrOptions as BackwardOptions;
    if (!this.requiresGrad) {
      throw new Error(
        `backward: ${describeTensor(this)} does not require grad — none of the tensors it was computed from has ` +
          `requiresGrad: true (or it was computed inside noGrad)`,
      );
    }
    runBackward([this], [resolveSeed(this, seed)], options);
  }

  /** Keep this non-leaf's gradient in `.grad` after backward, as PyTorch's `retain_grad()`. */
  retainGrad(): this {
    if (this.node !== null) this.retainsGrad = true;
    return this;
  }

  /** Sets `.grad` to null. */
  zeroGrad(): void {
    this.grad = null;
  }

  /** A new leaf sharing this tensor's storage, cut off from the graph. */
  detach(): Tensor {
    return new Tensor(this.buffer, this.shape, this.version);
  }

  /** Marks this leaf as requiring grad (or not) and returns it: `randn([3]).requiresGrad_()`. */
  requiresGrad_(value = true): this {
    this.requiresGrad = value;
    return this;
  }

  // ── reading values ──────────────────────────────────────────────────────────

  /** The only element, as a number; throws unless the tensor holds exactly one. */
  item(): number {
    if (this.size !== 1) {
      throw new Error(`item: ${describeTensor(this)} has ${this.size} elements; item() needs exactly one — reduce it first (e.g. .sum())`);
    }
    return this.buffer[0];
  }

  /** The values as nested JS arrays (a number for a scalar). */
  toArray(): NestedArray {
    return toNested(this.buffer, this.shape);
  }

  /**
   * What `JSON.stringify` writes: the values as nested arrays, as `toArray()`, instead of the
   * tensor's internals (its storage and its graph, which can be deep enough to overflow a
   * serialiser's stack — vitest's among them when a failing assertion shows a tensor). The dtype
   * is not kept and NaN/±Infinity become `null`, as for any JSON number: save checkpoints with
   * `toBytes`/`save` from `@tapegrad/nn`.
   */
  toJSON(): NestedArray {
    return this.toArray();
  }

  /** A copy of the storage as a typed array. */
  data(): TypedArray {
    return this.buffer.slice();
  }

  /** A numpy-like printout: `tensor([[1, 2], [3, 4]], dtype=float64)`. */
  toString(): string {
    return formatTensor(this);
  }

  /** @internal How Node's console and fast-check's counterexamples print a tensor. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return formatTensor(this);
  }

  /** @internal */
  [Symbol.for('fast-check/toStringMethod')](): string {
    return formatTensor(this);
  }

  // ── dtype and copies ────────────────────────────────────────────────────────

  /** Converts to `dtype`; differentiable between float dtypes. */
  astype(dtype: Dtype): Tensor {
    return astype(this, dtype);
  }

  /** A copy with its own storage; differentiable. */
  clone(): Tensor {
    return clone(this);
  }

  // ── elementwise ─────────────────────────────────────────────────────────────

  /** `this + other`, broadcasting. */
  add(other: TensorLike): Tensor {
    return add(this, other);
  }
  /** `this − other`, broadcasting. */
  sub(other: TensorLike): Tensor {
    return sub(this, other);
  }
  /** `this · other` elementwise, broadcasting. */
  mul(other: TensorLike): Tensor {
    return mul(this, other);
  }
  /** `this / other`, broadcasting; int32 / int32 gives a float, as numpy's true division. */
  div(other: TensorLike): Tensor {
    return div(this, other);
  }
  /** `this ** exponent`, broadcasting. */
  pow(exponent: TensorLike): Tensor {
    return pow(this, exponent);
  }
  /** Elementwise larger of the two; a tie splits the gradient evenly. */
  maximum(other: TensorLike): Tensor {
    return maximum(this, other);
  }
  /** Elementwise smaller of the two; a tie splits the gradient evenly. */
  minimum(other: TensorLike): Tensor {
    return minimum(this, other);
  }
  /** `−this`. */
  neg(): Tensor {
    return neg(this);
  }
  /** `eˣ`. */
  exp(): Tensor {
    return exp(this);
  }
  /** Natural logarithm. */
  log(): Tensor {
    return log(this);
  }
  /** Square root. */
  sqrt(): Tensor {
    return sqrt(this);
  }
  /** `|x|`; its gradient at 0 is 0. */
  abs(): Tensor {
    return abs(this);
  }
  /** Hyperbolic tangent. */
  tanh(): Tensor {
    return tanh(this);
  }
  /** Logistic sigmoid `1 / (1 + e⁻ˣ)`. */
  sigmoid(): Tensor {
    return sigmoid(this);
  }
  /** `max(x, 0)`; its gradient at 0 is 0. */
  relu(): Tensor {
    return relu(this);
  }
  /** `x` where positive, `slope · x` elsewhere. */
  leakyRelu(slope = 0.01): Tensor {
    return leakyRelu(this, slope);
  }
  /** Limits values to `[min, max]` (either bound may be omitted). */
  clamp(min?: number, max?: number): Tensor {
    return clamp(this, min, max);
  }

  // ── comparisons (int32 0/1, no gradient) ────────────────────────────────────

  /** `this == other` as int32 0/1. */
  eq(other: TensorLike): Tensor {
    return eq(this, other);
  }
  /** `this < other` as int32 0/1. */
  lt(other: TensorLike): Tensor {
    return lt(this, other);
  }
  /** `this ≤ other` as int32 0/1. */
  le(other: TensorLike): Tensor {
    return le(this, other);
  }
  /** `this > other` as int32 0/1. */
  gt(other: TensorLike): Tensor {
    return gt(this, other);
  }
  /** `this ≥ other` as int32 0/1. */
  ge(other: TensorLike): Tensor {
    return ge(this, other);
  }

  // ── reductions (numpy semantics) ────────────────────────────────────────────

  /** Sum over `axis` (all axes when omitted); negative axes count from the end. */
  sum(axis?: number | readonly number[], keepdims = false): Tensor {
    return sum(this, axis, keepdims);
  }
  /** Mean over `axis` (all axes when omitted). */
  mean(axis?: number | readonly number[], keepdims = false): Tensor {
    return mean(this, axis, keepdims);
  }
  /** Maximum over `axis`; ties split the gradient evenly. */
  max(axis?: number | readonly number[], keepdims = false): Tensor {
    return max(this, axis, keepdims);
  }
  /** Minimum over `axis`; ties split the gradient evenly. */
  min(axis?: number | readonly number[], keepdims = false): Tensor {
    return min(this, axis, keepdims);
  }
  /** Variance over `axis`, dividing by N − ddof (numpy's default ddof = 0). */
  var(axis?: number | readonly number[], keepdims = false, options: VarianceOptions = {}): Tensor {
    return variance(this, axis, keepdims, options);
  }
  /** Standard deviation over `axis`, dividing by N − ddof (default ddof = 0). */
  std(axis?: number | readonly number[], keepdims = false, options: VarianceOptions = {}): Tensor {
    return std(this, axis, keepdims, options);
  }
  /** `log Σ exp(x)` over `axis`, max-shifted so it stays finite for large inputs. */
  logsumexp(axis?: number | readonly number[], keepdims = false): Tensor {
    return logsumexp(this, axis, keepdims);
  }
  /** Index of the largest value along `axis` (of the flattened tensor when omitted), int32. */
  argmax(axis?: number, keepdims = false): Tensor {
    return argmax(this, axis, keepdims);
  }
  /** Index of the smallest value along `axis` (of the flattened tensor when omitted), int32. */
  argmin(axis?: number, keepdims = false): Tensor {
    return argmin(this, axis, keepdims);
  }

  // ── linear algebra and normalisation ────────────────────────────────────────

  /** Matrix product with numpy's rules for 1-D, 2-D and batched operands. */
  matmul(other: Tensor): Tensor {
    return matmul(this, other);
  }
  /** `exp(x) / Σ exp(x)` along `axis`, max-shifted. */
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }
  /** `x − logsumexp(x)` along `axis`, max-shifted. */
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }

  // ── shape ───────────────────────────────────────────────────────────────────

  /** Same values in a new shape (one extent may be −1); shares storage. */
  reshape(shape: readonly number[]): Tensor {
    return reshape(this, shape);
  }
  /** Swaps two axes (the last two by default). */
  transpose(dim0 = -2, dim1 = -1): Tensor {
    return transpose(this, dim0, dim1);
  }
  /** Reorders the axes: output axis i is input axis `dims[i]`. */
  permute(dims: readonly number[]): Tensor {
    return permute(this, dims);
  }
  /** All axes reversed (numpy's `.T`). */
  get T(): Tensor {
    return permute(this, this.shape.map((_, i) => this.ndim - 1 - i));
  }
  /** Drops size-1 axes (only `axis` when given). */
  squeeze(axis?: number | readonly number[]): Tensor {
    return squeeze(this, axis);
  }
  /** Inserts a size-1 axis at `axis`. */
  unsqueeze(axis: number): Tensor {
    return unsqueeze(this, axis);
  }
  /** Repeats size-1 (and missing leading) axes to reach `shape`, with numpy's rules. */
  broadcastTo(shape: readonly number[]): Tensor {
    return broadcastTo(this, shape);
  }
  /** Merges axes `startAxis…endAxis` into one. */
  flatten(startAxis = 0, endAxis = -1): Tensor {
    return flatten(this, startAxis, endAxis);
  }
  /** `x[s0:e0, s1:e1, …]`: one half-open range per leading axis; negative indices count from the end. */
  slice(starts: readonly number[], ends: readonly number[]): Tensor {
    return slice(this, starts, ends);
  }
  /** Pads with `value` (default 0); `widths[i] = [before, after]` for axis i. */
  pad(widths: readonly (readonly [number, number])[], options: PadOptions = {}): Tensor {
    return pad(this, widths, options);
  }

  // ── indexing ────────────────────────────────────────────────────────────────

  /** `out[i][j] = x[index[i][j]][j]` along `axis` (torch.gather); `index` is int32. */
  gather(axis: number, index: Tensor): Tensor {
    return gather(this, axis, index);
  }
  /** The entries at `indices` (int32, 1-D) along `axis`. */
  indexSelect(axis: number, indices: Tensor | readonly number[]): Tensor {
    return indexSelect(this, axis, indices);
  }
  /** A copy with `src` added at `index` along `axis` (torch.scatter_add). */
  scatterAdd(axis: number, index: Tensor, src: Tensor): Tensor {
    return scatterAdd(this, axis, index, src);
  }
  /** A copy with the slices of `src` added at `indices` along `axis` (torch.index_add). */
  indexAdd(axis: number, indices: Tensor | readonly number[], src: Tensor): Tensor {
    return indexAdd(this, axis, indices, src);
  }

  // ── in place (optimizers and explicit updates) ──────────────────────────────

  /** `this += other` in place. */
  add_(other: TensorLike): this {
    return this.#inPlace('add_', other);
  }
  /** `this −= other` in place. */
  sub_(other: TensorLike): this {
    return this.#inPlace('sub_', other);
  }
  /** `this *= other` in place. */
  mul_(other: TensorLike): this {
    return this.#inPlace('mul_', other);
  }
  /** `this /= other` in place. */
  div_(other: TensorLike): this {
    return this.#inPlace('div_', other);
  }
  /** Overwrites every element with `other` (broadcast). */
  copy_(other: TensorLike): this {
    return this.#inPlace('copy_', other);
  }
  /** Fills with `value`. */
  fill_(value: number): this {
    return this.#inPlace('fill_', value);
  }
  /** Fills with zeros. */
  zero_(): this {
    return this.#inPlace('zero_', 0);
  }

  #inPlace(kind: InPlaceKind, other: TensorLike): this {
    if (isGradEnabled() && this.requiresGrad) {
      const what = this.node === null ? 'a leaf that requires grad' : 'a tensor that is part of a recorded graph';
      throw new Error(
        `${kind}: ${describeTensor(this)} is ${what}; an in-place change would corrupt its gradient. ` +
          `Do updates inside noGrad(() => …) as optimizers do, or use the out-of-place ${kind.slice(0, -1)}.`,
      );
    }
    applyInPlace(kind, this, other);
    this.version.value++;
    return this;
  }
}

function resolveSeed(y: Tensor, seed: Tensor | number | undefined): Tensor {
  if (seed === undefined) {
    if (y.size !== 1) {
      throw new Error(
        `backward: ${describeTensor(y)} has ${y.size} elements; backward() without a seed needs a scalar (e.g. a loss). ` +
          `Reduce it first (y.sum()) or pass the upstream gradient: y.backward(seed) with seed of shape ${formatShape(y.shape)}`,
      );
    }
    return onesLike(y);
  }
  const seedTensor = typeof seed === 'number' ? full(y.shape, seed, { dtype: y.dtype }) : seed;
  if (!(seedTensor instanceof Tensor)) {
    throw new Error(`backward: the seed must be a Tensor of shape ${formatShape(y.shape)} or a number, got ${Array.isArray(seed) ? 'a plain array (wrap it with tensor(...))' : typeof seed}`);
  }
  if (!sameShape(seedTensor.shape, y.shape)) {
    throw new Error(`backward: seed of shape ${formatShape(seedTensor.shape)} does not match ${describeTensor(y)}; it must have the same shape`);
  }
  return seedTensor.dtype === y.dtype ? seedTensor : seedTensor.astype(y.dtype);
}
