/**
 * Numerical gradients by centered differences, the reference every analytic gradient is
 * checked against.
 * @module
 */
import { type Tensor, type TensorFunction, tensor } from '@tapegrad/tensor';
import { createProbe, type Probe } from './probe.js';

/** Options of `numericalGradient`. */
export interface NumericalGradientOptions {
  /** Step h of the centered difference (default 1e-6). */
  readonly eps?: number;
  /**
   * The `v` of `sum(f(x) · v)` for a non-scalar `f`; it must have `f`'s output shape. Pass the
   * same `v` as the seed of backward to compare with an analytic gradient. Default: a fixed
   * random `v` (ones for a one-element output).
   */
  readonly projection?: Tensor;
  /** Seed of the default random `v` (default 0). */
  readonly seed?: number;
}

/** The raw results of differencing one input, kept so gradcheck can also read one-sided slopes. */
export interface Differences {
  /** `(f(x+h) − f(x−h)) / 2h` per entry. */
  readonly gradient: Float64Array;
  /** `f(x+h)` per entry. */
  readonly plus: Float64Array;
  /** `f(x−h)` per entry. */
  readonly minus: Float64Array;
  /** The step actually taken upwards, `(x+h) − x` as stored. */
  readonly stepUp: Float64Array;
  /** The step actually taken downwards, `x − (x−h)` as stored. */
  readonly stepDown: Float64Array;
}

/** Perturbs each entry of input `inputIndex` by ±eps and records the projected value on both sides. */
export function centeredDifferences(probe: Probe, inputIndex: number, eps: number): Differences {
  const n = probe.args[inputIndex].size;
  const gradient = new Float64Array(n);
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  const stepUp = new Float64Array(n);
  const stepDown = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const around = probe.around(inputIndex, j, eps);
    plus[j] = around.plus;
    minus[j] = around.minus;
    stepUp[j] = around.stepUp;
    stepDown[j] = around.stepDown;
    // Divide by the step actually stored rather than 2·eps: for |x| ≫ h the rounding of x ± h
    // is a visible fraction of h.
    gradient[j] = (around.plus - around.minus) / (around.stepUp + around.stepDown);
  }
  return { gradient, plus, minus, stepUp, stepDown };
}

/**
 * The gradient of `f` with respect to each input, by centered differences
 * `(f(x+h) − f(x−h)) / 2h` (error O(h²), against O(h) for the forward difference).
 *
 * - Always computed in float64: float inputs are copied to float64 before being perturbed, so a
 *   float32 input gets a float64 gradient; the user's tensors are never modified.
 * - int32 inputs (indices, labels) are passed to `f` unchanged and get `null`.
 * - A non-scalar `f` is differentiated as `sum(f(x) · v)` for a fixed `v` (see `projection`).
 * - `f` runs inside `noGrad`; it is called `1 + 2·(number of float entries)` times.
 *
 * Returns one float64 gradient per input, with that input's shape (`null` for int32 inputs).
 *
 * ```ts
 * const x = tensor([1, 2, 3]);
 * const [g] = numericalGradient((x) => x.mul(x).sum(), [x]); // ≈ [2, 4, 6]
 * ```
 */
export function numericalGradient(f: TensorFunction, inputs: readonly Tensor[], options: NumericalGradientOptions = {}): (Tensor | null)[] {
  const eps = checkEps('numericalGradient', options.eps ?? 1e-6);
  const probe = createProbe('numericalGradient', f, inputs, options);
  return inputs.map((input, i) =>
    probe.buffers[i] === null ? null : tensor(centeredDifferences(probe, i, eps).gradient, { shape: input.shape.slice() }),
  );
}

/** Rejects a step that cannot give a finite difference. */
export function checkEps(caller: string, eps: number): number {
  if (!(eps > 0) || !Number.isFinite(eps)) {
    throw new Error(`${caller}: eps must be a positive finite number (1e-6 is typical for float64), got ${eps}`);
  }
  return eps;
}
