/**
 * The op registry. Every differentiable primitive is one `defineOp` entry holding its forward
 * (raw typed arrays in, raw arrays out), its backward (written with Tensor ops, so gradients are
 * themselves differentiable) and a `sample` of valid inputs that the gradient property test
 * draws from. Composite ops, built from primitives, register with `defineComposite` so the
 * property test reaches them too.
 * @module
 */
import { captureCreationSite } from './creation-site.js';
import { describeTensor } from './format.js';
import type * as FastCheck from 'fast-check';
import { type Dtype, type TypedArray, isFloat } from './dtype.js';
import { isAnomalyEnabled, isGradEnabled } from './grad-mode.js';
import { formatShape, type Shape, sizeOf } from './shape.js';
import { recordNode } from './tape.js';
import { Tensor } from './tensor.js';

/**
 * The fast-check module (`import fc from 'fast-check'` or `import * as fc`), passed to `sample`
 * so the tensor package needs no runtime dependency on it.
 */
export type FastCheckModule = Omit<typeof FastCheck, 'default'>;

/** What a forward kernel reads of an input: its storage, shape and dtype. A Tensor is one. */
export interface RawTensor {
  readonly buffer: TypedArray;
  readonly shape: Shape;
  readonly dtype: Dtype;
}

/** What a forward kernel returns: new storage (or an input's, for views) and its shape. */
export interface RawResult {
  readonly buffer: TypedArray;
  readonly shape: Shape;
}

/** What a backward rule may read besides the upstream gradient and the inputs. */
export interface BackwardContext<A> {
  /** The non-tensor arguments the op was called with (axis, shape, …). */
  readonly attrs: A;
  /** The op's forward output, for rules written in terms of it (`exp`, `tanh`, `sigmoid`). */
  readonly out: Tensor;
  /** Which inputs want a gradient; a rule may return `null` for the others and skip the work. */
  readonly needsGrad: readonly boolean[];
}

/** One valid call of an op: its tensor inputs and its attributes. */
export interface OpSample<A> {
  readonly inputs: readonly Tensor[];
  readonly attrs: A;
}

/** Tolerances and hints the gradient property test uses for one op. */
export interface CheckHints {
  /** Absolute tolerance for the float64 gradient check (default 1e-5). */
  readonly atol?: number;
  /** Relative tolerance for the float64 gradient check (default 1e-3). */
  readonly rtol?: number;
  /** Relative error allowed between the float32 and float64 forward (default 1e-4). */
  readonly float32Rtol?: number;
}

/** Everything `defineOp` needs to register a differentiable primitive. */
export interface OpDefinition<A> {
  /** Unique name, shown in errors, tape listings and graph drawings. */
  readonly name: string;
  /** Computes the output from raw inputs; never records anything. */
  forward(inputs: readonly RawTensor[], attrs: A): RawResult;
  /**
   * Returns one gradient per input (or `null` where none is needed), each with that input's
   * shape, written with Tensor ops so that `createGraph: true` can differentiate it again.
   */
  backward(grad: Tensor, inputs: readonly Tensor[], ctx: BackwardContext<A>): readonly (Tensor | null)[];
  /** A fast-check arbitrary of valid calls; receives fast-check so this package does not import it. */
  sample(fc: FastCheckModule): FastCheck.Arbitrary<OpSample<A>>;
  /**
   * Which inputs (by position) and whether the output the backward reads. An in-place change to
   * one of them before backward is an error; the rest may change freely. Default: every input.
   */
  readonly saves?: { readonly inputs?: readonly number[]; readonly output?: boolean };
  /** Tolerances for the property test. */
  readonly check?: CheckHints;
}

/** The attrs argument of `apply`: optional for ops without attributes. */
export type AttrsArgument<A> = [A] extends [void | undefined] ? [attrs?: A] : [attrs: A];

/** A registered primitive: its definition plus `apply`, which runs it and records it on the tape. */
export interface Op<A = void> extends OpDefinition<A> {
  readonly kind: 'primitive';
  /** Runs the op on `inputs` and, when any input requires grad, records a node on the tape. */
  apply(inputs: readonly Tensor[], ...attrs: AttrsArgument<A>): Tensor;
  /** The same as `apply`: the uniform entry point the property test uses for every registry entry. */
  call(inputs: readonly Tensor[], attrs: A): Tensor;
}

/** A composite op: a function of primitives, registered so the property test reaches it. */
export interface CompositeOp<A = void> {
  readonly kind: 'composite';
  readonly name: string;
  /** Calls the composite on `inputs`. */
  call(inputs: readonly Tensor[], attrs: A): Tensor;
  sample(fc: FastCheckModule): FastCheck.Arbitrary<OpSample<A>>;
  readonly check?: CheckHints;
}

/** Any registry entry. Its attrs type is erased (`any`): the registry holds ops of every kind. */
export type RegisteredOp = Op<any> | CompositeOp<any>;

const registry = new Map<string, RegisteredOp>();

function register(entry: RegisteredOp): void {
  if (registry.has(entry.name)) {
    throw new Error(
      `${entry.kind === 'composite' ? 'defineComposite' : 'defineOp'}: an op named '${entry.name}' is already registered; ` +
        `give yours a unique name (or check the module defining it is not loaded twice)`,
    );
  }
  if (typeof entry.sample !== 'function') {
    throw new Error(`defineOp: '${entry.name}' has no sample; every op needs one so the gradient property test reaches it`);
  }
  registry.set(entry.name, entry);
}

/** Every registered op, primitives and composites, in registration order. */
export function listOps(): RegisteredOp[] {
  return [...registry.values()];
}

/** The registered op called `name`, or undefined. */
export function getOp(name: string): RegisteredOp | undefined {
  return registry.get(name);
}

/**
 * Registers a differentiable primitive. The same call is public: a layer author defines a
 * custom op this way and checks it with `gradcheck`.
 *
 * ```ts
 * const cube = defineOp({
 *   name: 'cube',
 *   forward: ([x]) => ({ buffer: x.buffer.map((v) => v ** 3), shape: x.shape }),
 *   backward: (g, [x]) => [g.mul(x.mul(x).mul(3))],
 *   sample: (fc) => fc.constant({ inputs: [randn([3])], attrs: undefined }),
 * });
 * const y = cube.apply([x]);
 * ```
 */
export function defineOp<A = void>(definition: OpDefinition<A>): Op<A> {
  if (typeof definition.backward !== 'function') {
    throw new Error(`defineOp: '${definition.name}' has no backward; an op without one cannot be registered as differentiable`);
  }
  const op: Op<A> = {
    ...definition,
    kind: 'primitive',
    apply: (inputs: readonly Tensor[], attrs?: A) => applyOp(op, inputs, attrs as A),
    call: (inputs, attrs) => applyOp(op, inputs, attrs),
  };
  register(op);
  return op;
}

/** Registers a composite op (a plain function of primitives) so the property test reaches it. */
export function defineComposite<A = void>(definition: Omit<CompositeOp<A>, 'kind'>): CompositeOp<A> {
  const composite: CompositeOp<A> = { ...definition, kind: 'composite' };
  register(composite);
  return composite;
}

function applyOp<A>(op: Op<A>, inputs: readonly Tensor[], attrs: A): Tensor {
  // One plain loop: this runs for every op, so it allocates nothing it does not return.
  let anyRequiresGrad = false;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (!(input instanceof Tensor)) {
      throw new Error(`${op.name}: input ${i} is ${describeValue(input)}, not a Tensor; wrap it with tensor(...)`);
    }
    if (input.requiresGrad) anyRequiresGrad = true;
  }
  const result = op.forward(inputs, attrs);
  if (sizeOf(result.shape) !== result.buffer.length) {
    throw new Error(`${op.name}: forward returned ${result.buffer.length} values for shape ${formatShape(result.shape)}, which needs ${sizeOf(result.shape)}`);
  }
  let sharedWith: Tensor | undefined;
  for (let i = 0; i < inputs.length; i++) if (inputs[i].buffer === result.buffer) sharedWith = inputs[i];
  const out = Tensor.fromStorage(result.buffer, result.shape, sharedWith);
  if (isAnomalyEnabled()) assertFinite(op.name, out, inputs);
  if (anyRequiresGrad && isGradEnabled() && isFloat(out.dtype)) recordNode(op, inputs, attrs, out);
  return out;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a plain array';
  return value === null ? 'null' : typeof value;
}

function assertFinite(name: string, out: Tensor, inputs: readonly Tensor[]): void {
  const buffer = out.buffer;
  for (let i = 0; i < buffer.length; i++) {
    if (!Number.isFinite(buffer[i])) {
      const shapes = inputs.map((input) => describeTensor(input)).join(', ');
      throw new Error(
        `detectAnomaly: ${name} produced ${buffer[i]} at flat index ${i} of its output ${formatShape(out.shape)} ` +
          `from inputs ${shapes}. The op was created at:\n${captureCreationSite() ?? '(unknown)'}`,
      );
    }
  }
}
