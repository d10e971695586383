/**
 * The analytic side of a gradient check: what backward says the gradient of `sum(f(x) · v)` is.
 * @module
 */
import { type Dtype, type Tensor, type TensorFunction, tensor, vjp } from '@tapegrad/tensor';

/** Backward's answer, widened to float64 for comparison. */
export interface AnalyticGradients {
  /** One gradient per input (zeros where the output does not depend on it), null for int32 inputs. */
  readonly gradients: readonly (Float64Array | null)[];
  /** The dtype of `f`'s output on the leaf copies: float32 means backward ran in float32. */
  readonly outputDtype: Dtype;
}

/**
 * Backpropagates `v` through `f` with `vjp`, on fresh copies of the float inputs that keep the
 * inputs' dtype, so a float32 op is checked in the precision it really runs in. Copies keep the
 * user's tensors and their `.grad` untouched; `vjp` records even when the caller is inside
 * `noGrad`. int32 inputs are closed over as constants, since `vjp` differentiates every argument.
 */
export function analyticGradient(caller: string, f: TensorFunction, inputs: readonly Tensor[], projection: Tensor): AnalyticGradients {
  const floatPositions: number[] = [];
  const copies: Tensor[] = [];
  inputs.forEach((input, i) => {
    if (input.dtype === 'int32') return;
    floatPositions.push(i);
    copies.push(tensor(input.data(), { shape: input.shape.slice(), dtype: input.dtype, label: input.label }));
  });
  const withConstants = (...floats: Tensor[]): Tensor => {
    const args = inputs.slice();
    floatPositions.forEach((position, k) => (args[position] = floats[k]));
    return f(...args);
  };
  let result: { out: Tensor; grads: Tensor[] };
  try {
    result = vjp(withConstants, copies, projection);
  } catch (error) {
    // vjp's shape message speaks of `v`; name what the user controls instead.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${caller}: computing the analytic gradient failed: ${message}`, { cause: error });
  }
  const gradients = inputs.map((): Float64Array | null => null);
  floatPositions.forEach((position, k) => (gradients[position] = Float64Array.from(result.grads[k].buffer)));
  return { gradients, outputDtype: result.out.dtype };
}
