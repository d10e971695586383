/**
 * The functions an expression may call, each mapped onto one tapegrad op so that the graph shows
 * exactly what the learner wrote.
 */
import { abs, exp, log, matmul, max, maximum, mean, min, minimum, pow, relu, sigmoid, sqrt, sum, tanh, type Tensor } from '@tapegrad/tensor';

/** A callable function: how many arguments it takes and which op it records. */
export interface PlaygroundFunction {
  /** Accepted argument counts, e.g. [1, 2] for max(a) (largest element) and max(a, b) (elementwise). */
  readonly arities: readonly number[];
  /** One line for the help text. */
  readonly help: string;
  readonly apply: (args: readonly Tensor[]) => Tensor;
}

/** Every function by name. */
export const FUNCTIONS: ReadonlyMap<string, PlaygroundFunction> = new Map<string, PlaygroundFunction>([
  ['sigmoid', { arities: [1], help: 'sigmoid(a) = 1 / (1 + e^-a)', apply: ([a]) => sigmoid(a) }],
  ['tanh', { arities: [1], help: 'tanh(a)', apply: ([a]) => tanh(a) }],
  ['relu', { arities: [1], help: 'relu(a) = max(a, 0)', apply: ([a]) => relu(a) }],
  ['exp', { arities: [1], help: 'exp(a) = e^a', apply: ([a]) => exp(a) }],
  ['log', { arities: [1], help: 'log(a), natural logarithm', apply: ([a]) => log(a) }],
  ['sqrt', { arities: [1], help: 'sqrt(a)', apply: ([a]) => sqrt(a) }],
  ['abs', { arities: [1], help: 'abs(a)', apply: ([a]) => abs(a) }],
  ['max', { arities: [1, 2], help: 'max(a, b) elementwise; max(a) the largest element', apply: ([a, b]) => (b === undefined ? max(a) : maximum(a, b)) }],
  ['min', { arities: [1, 2], help: 'min(a, b) elementwise; min(a) the smallest element', apply: ([a, b]) => (b === undefined ? min(a) : minimum(a, b)) }],
  ['sum', { arities: [1], help: 'sum(a) of all elements', apply: ([a]) => sum(a) }],
  ['mean', { arities: [1], help: 'mean(a) of all elements', apply: ([a]) => mean(a) }],
  ['pow', { arities: [2], help: 'pow(a, b) = a^b', apply: ([a, b]) => pow(a, b) }],
  ['matmul', { arities: [2], help: 'matmul(A, B) = A @ B, matrix product', apply: ([a, b]) => matmul(a, b) }],
]);
