/**
 * The analytic side of a gradient check: what backward says the gradient of `sum(f(x) · v)` is.
 * @module
 */
import { type Dtype, type Tensor, tensor } from '@tapegrad/tensor';
import type { TensorFunction } from './probe.js';

/** Backward's answer, widened to float64 for comparison. */
export interface AnalyticGradients {
  /** One gradient per input (zeros where backward gave none), null for int32 inputs. */
  readonly gradients: readonly (Float64Array | null)[];
  /** The dtype `f` produced on the leaf copies: float32 means backward ran in float32. */
  readonly outputDtype: Dtype;
  /** Whether `f`'s output was recorded on the tape at all (false inside `noGrad` or after `detach`). */
  readonly recorded: boolean;
}

/**
 * Runs `f` on fresh leaf copies of the float inputs (same dtype as the inputs, so a float32 op is
 * checked in the precision it will really run in) and backpropagates `v` from its output. Fresh
 * leaves keep the user's `.grad` untouched and stop gradients already accumulated on them from
 * leaking into the check.
 */
export function analyticGradient(caller: string, f: TensorFunction, inputs: readonly Tensor[], projection: Tensor): AnalyticGradients {
  const leaves = inputs.map((input) =>
    input.dtype === 'int32'
      ? input
      : tensor(input.data(), { shape: input.shape.slice(), dtype: input.dtype, requiresGrad: true, label: input.label }),
  );
  const out = f(...leaves);
  const sameShape = out.shape.length === projection.shape.length && out.shape.every((extent, axis) => extent === projection.shape[axis]);
  if (!sameShape) {
    throw new Error(
      `${caller}: f returned shape [${out.shape.join(',')}] with gradients on but [${projection.shape.join(',')}] inside noGrad; ` +
        `f must compute the same thing in both modes`,
    );
  }
  const recorded = out.requiresGrad;
  if (recorded) out.backward(projection);
  const gradients = leaves.map((leaf, i) => {
    if (inputs[i].dtype === 'int32') return null;
    // No .grad means no path from this input to the output: its true gradient is zero.
    return leaf.grad === null ? new Float64Array(leaf.size) : Float64Array.from(leaf.grad.buffer);
  });
  return { gradients, outputDtype: out.dtype, recorded };
}
