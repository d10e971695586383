/**
 * The interface every benchmarked library implements, one optional method per workload. A method
 * receives the seeded inputs (plain typed arrays) and sets the library up outside the timed region;
 * what it returns is a `Prepared` case: `step()` is the timed unit of work, `read()` copies out what
 * the last step produced so it can be checked against the float64 reference (never timed).
 * A missing method means "not available"; a method may throw `Unsupported` for one case.
 */
import type { BenchDtype, FloatArray } from './dtype.js';

export interface Prepared<Output> {
  /** The timed unit: must not return before every output of the step is computed. */
  step(): void | Promise<void>;
  /** What the last step produced, for the correctness check. */
  read(): Output | Promise<Output>;
  /** Printed next to the figure, e.g. "tanh composed of 5 ops" or "eager: jit overflows the stack". */
  note?: string;
  dispose?(): void;
}

export interface MatmulInput {
  n: number;
  dtype: BenchDtype;
  a: FloatArray; // [n, n] row-major
  b: FloatArray;
}

/** A 784-256(ReLU)-10 MLP, softmax cross-entropy (batch mean), SGD: `W1` is [784, 256] (x·W1). */
export interface MlpInput {
  batch: number;
  dtype: BenchDtype;
  features: number;
  hidden: number;
  classes: number;
  learningRate: number;
  x: FloatArray; // [batch, features]
  labels: Int32Array; // [batch]
  w1: FloatArray; // [features, hidden]
  b1: FloatArray; // [hidden]
  w2: FloatArray; // [hidden, classes]
  b2: FloatArray; // [classes]
}

/** The loss of the step just taken (computed before its update). */
export type MlpOutput = number;

/** `length` elementwise ops cycling + shift, · scale, tanh on a `size`-element x; then sum and backward. */
export interface ChainInput {
  length: number;
  size: number;
  x: Float32Array;
  shift: Float32Array;
  scale: Float32Array;
}

export interface ChainOutput {
  value: number; // sum of the chain's output
  grad: Float64Array; // d value / d x
}

/** A micrograd MLP on scalars: layers of tanh neurons (the last one linear), squared-error loss. */
export interface ScalarMlpInput {
  sizes: number[]; // e.g. [8, 16, 16, 1]
  weights: Float64Array[]; // per layer, [out][in] row-major
  biases: Float64Array[]; // per layer, [out]
  samples: Float64Array[]; // each of length sizes[0]
  targets: Float64Array; // one per sample
}

export interface ScalarMlpOutput {
  loss: number;
  grads: Float64Array; // all weights then biases, layer by layer, in the input's order
}

/** One scalar x, then `length` ops alternating x + 1 and x · 1; then backward. */
export interface ScalarChainInput {
  length: number;
  x: number;
}

export interface ScalarChainOutput {
  value: number;
  grad: number;
}

/** Two 3×3 convolutions (padding 1, stride 1) with a ReLU between, NCHW; loss Σ out ⊙ g. */
export interface ConvInput {
  batch: number;
  height: number;
  width: number;
  channels: [number, number, number]; // [1, 16, 32]
  x: Float32Array; // [batch, c0, h, w]
  w1: Float32Array; // [c1, c0, 3, 3]
  b1: Float32Array; // [c1]
  w2: Float32Array; // [c2, c1, 3, 3]
  b2: Float32Array; // [c2]
  g: Float32Array; // [batch, c2, h, w]: the output's weights in the loss
}

export interface ConvOutput {
  loss: number;
  gradW1: Float64Array;
  gradB1: Float64Array;
  gradW2: Float64Array;
  gradB2: Float64Array;
}

type Maybe<T> = T | Promise<T>;

export interface Library {
  readonly name: string;
  matmul?(input: MatmulInput): Maybe<Prepared<FloatArray>>;
  mlp?(input: MlpInput): Maybe<Prepared<MlpOutput>>;
  chain?(input: ChainInput): Maybe<Prepared<ChainOutput>>;
  scalarMlp?(input: ScalarMlpInput): Maybe<Prepared<ScalarMlpOutput>>;
  scalarChain?(input: ScalarChainInput): Maybe<Prepared<ScalarChainOutput>>;
  conv?(input: ConvInput): Maybe<Prepared<ConvOutput>>;
}
