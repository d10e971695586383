/**
 * Evaluating `sum(f(x) · v)` at perturbed points. The probe owns float64 copies of the float
 * inputs and perturbs them by writing into their storage, so the user's tensors are never
 * touched, and float32 inputs are differentiated in float64 (a float32 `f(x + h) − f(x − h)`
 * with h = 1e-6 would be mostly rounding noise).
 * @module
 */
import { type Around, evaluateAround } from './perturb.js';
import { formatShape, noGrad, sameShape, Tensor, type TensorFunction, tensor } from '@tapegrad/tensor';
import { randomProjection } from './projection.js';

/** How the probe picks `v`. */
export interface ProbeOptions {
  /** Use this `v` (it must have `f`'s output shape); otherwise a seeded random one. */
  readonly projection?: Tensor;
  /** Seed of the random `v` (default 0). */
  readonly seed?: number;
}

/** `f` bound to private float64 copies of its inputs, reduced to a scalar by `v`. */
export interface Probe {
  /** What `f` receives: float64 copies of the float inputs, int32 inputs unchanged. */
  readonly args: readonly Tensor[];
  /** The storage of each float copy (write here to perturb), or null for an int32 input. */
  readonly buffers: readonly (Float64Array | null)[];
  /** `v`, float64, with `f`'s output shape. */
  readonly projection: Tensor;
  /** `f`'s output shape. */
  readonly outputShape: readonly number[];
  /** `sum(f(x) · v)` at the unperturbed inputs. */
  readonly base: number;
  /**
   * `sum(|f(x) · v|)` at the unperturbed inputs: the magnitude the projected sum's rounding
   * error scales with, even when its terms cancel to a small total.
   */
  readonly baseScale: number;
  /**
   * The machine epsilon of the dtype `f` returns on the float64 copies: float32's when `f` casts
   * internally, which makes centered differences at small eps mostly rounding noise.
   */
  readonly machineEpsilon: number;
  /** `sum(f(x) · v)` at the inputs as their buffers hold them now. */
  evaluate(): number;
  /**
   * `sum(f(x) · v)` with entry `flat` of input `inputIndex` moved up and down by `step`, restored
   * afterwards, and the steps as actually stored (`x + h` rounds: for |x| ≫ h visibly).
   */
  around(inputIndex: number, flat: number, step: number): Around;
}

/** Copies the inputs, runs `f` once to learn its output shape, and fixes `v`. */
export function createProbe(caller: string, f: TensorFunction, inputs: readonly Tensor[], options: ProbeOptions = {}): Probe {
  if (typeof f !== 'function') throw new Error(`${caller}: f must be a function of tensors, got ${typeof f}`);
  const buffers: (Float64Array | null)[] = [];
  const args = inputs.map((input, i) => {
    if (!(input instanceof Tensor)) {
      throw new Error(`${caller}: input ${i} is ${input === null ? 'null' : typeof input}, not a Tensor; wrap it with tensor(...)`);
    }
    if (input.dtype === 'int32') {
      // Indices and labels are constants of f: nothing to perturb, and rounding a perturbed
      // index would change which entry is read rather than differentiate anything.
      buffers.push(null);
      return input;
    }
    const storage = Float64Array.from(input.buffer);
    buffers.push(storage);
    return tensor(storage, { shape: input.shape.slice(), label: input.label });
  });

  const run = (): Tensor => {
    const out = noGrad(() => f(...args));
    if (!(out instanceof Tensor)) {
      throw new Error(`${caller}: f returned ${out === null ? 'null' : typeof out}, not a Tensor; return a Tensor (e.g. loss, not loss.item())`);
    }
    if (out.dtype === 'int32') {
      throw new Error(`${caller}: f returned an int32 tensor of shape ${formatShape(out.shape)}; int32 results have no gradient`);
    }
    return out;
  };

  const first = run();
  const outputShape = first.shape.slice();
  const projection = options.projection === undefined ? randomProjection(outputShape, options.seed ?? 0) : checkProjection(caller, options.projection, outputShape);
  const v = projection.buffer;

  const checkOutputShape = (out: Tensor): void => {
    if (!sameShape(out.shape, outputShape)) {
      throw new Error(
        `${caller}: f returned shape ${formatShape(out.shape)} after returning ${formatShape(outputShape)}; ` +
          `its output shape must not depend on the input values`,
      );
    }
  };
  const project = (out: Tensor): number => {
    checkOutputShape(out);
    let total = 0;
    for (let i = 0; i < v.length; i++) total += out.buffer[i] * v[i];
    return total;
  };
  let baseScale = 0;
  for (let i = 0; i < v.length; i++) baseScale += Math.abs(first.buffer[i] * v[i]);

  const evaluate = (): number => project(run());
  const around = (inputIndex: number, flat: number, step: number): Around => {
    const buffer = buffers[inputIndex];
    if (buffer === null) throw new Error(`${caller}: input ${inputIndex} is int32 and cannot be perturbed`);
    return evaluateAround(buffer, flat, step, evaluate);
  };

  const machineEpsilon = first.dtype === 'float32' ? 2 ** -23 : Number.EPSILON;
  return { args, buffers, projection, outputShape, base: project(first), baseScale, machineEpsilon, evaluate, around };
}

function checkProjection(caller: string, projection: Tensor, outputShape: readonly number[]): Tensor {
  if (!(projection instanceof Tensor)) throw new Error(`${caller}: projection must be a Tensor`);
  if (!sameShape(projection.shape, outputShape)) {
    throw new Error(
      `${caller}: projection has shape ${formatShape(projection.shape)} but f's output has shape ${formatShape(outputShape)}; ` +
        `v must have the output's shape`,
    );
  }
  return projection.dtype === 'float64' ? projection : projection.astype('float64');
}
