/**
 * JAX-style function transforms over the tape: `grad`, `valueAndGrad`, `vjp`, `hvp`,
 * `jacobian`. They return gradients instead of filling `.grad`, and they compose: a transform
 * applied inside another one records its backward pass (`createGraph`), so `grad(grad(f))` works.
 * @module
 */
import { describeTensor } from './format.js';
import { isFloat } from './dtype.js';
import { withGradEnabled } from './grad-mode.js';
import { formatShape, sameShape } from './shape.js';
import { runBackward } from './tape.js';
import { Tensor } from './tensor.js';
import { stack } from './ops/concat.js';
import { onesLike, zeros, zerosLike } from './creation.js';

/** How many transforms are evaluating their function right now; > 0 means gradients must stay differentiable. */
let depth = 0;

function traced<T>(fn: () => T): T {
  depth++;
  try {
    return withGradEnabled(true, fn);
  } finally {
    depth--;
  }
}

function ensureTensor(op: string, value: unknown, position: number): Tensor {
  if (!(value instanceof Tensor)) {
    throw new Error(`${op}: argument ${position} is ${typeof value}, not a Tensor; only tensor arguments can be differentiated`);
  }
  if (!isFloat(value.dtype)) {
    throw new Error(`${op}: argument ${position} ${describeTensor(value)} is int32, which has no gradient; convert it with .astype('float64')`);
  }
  return value;
}

/**
 * A fresh variable standing for argument `x`, so that uses of `x` that `f` closes over are not
 * differentiated (as in JAX). When `x` itself requires grad — an outer transform or a model is
 * tracking it — the variable is a recorded copy, so gradients still flow back to `x`.
 */
function track(x: Tensor): Tensor {
  return x.requiresGrad ? withGradEnabled(true, () => x.clone()) : x.detach().requiresGrad_();
}

function gradientsOf(out: Tensor, seed: Tensor, wrt: readonly Tensor[], createGraph: boolean): Tensor[] {
  const grads = out.requiresGrad ? runBackward([out], [seed], { createGraph }, wrt) : wrt.map(() => null);
  // An input the output does not depend on has gradient zero, as in JAX.
  return grads.map((g, i) => g ?? zerosLike(wrt[i]));
}

function scalarOutput(op: string, out: unknown): Tensor {
  if (!(out instanceof Tensor)) throw new Error(`${op}: the function returned ${typeof out}, not a Tensor`);
  if (out.size !== 1) {
    throw new Error(`${op}: the function must return a scalar, got ${describeTensor(out)}; reduce it (e.g. .sum()) or use vjp/jacobian`);
  }
  return out;
}

/** A function of tensors. */
export type TensorFunction = (...args: Tensor[]) => Tensor;

/**
 * `valueAndGrad(f, argnums)(...args)` returns `[f(...args), ∂f/∂args[argnums]]` — an array of
 * gradients when `argnums` is an array. `f` must return a scalar.
 *
 * ```ts
 * const [loss, dW] = valueAndGrad((W, x) => x.matmul(W).tanh().sum())(W, x);
 * ```
 */
export function valueAndGrad<F extends TensorFunction>(f: F, argnums?: number): (...args: Parameters<F>) => [Tensor, Tensor];
/** With several `argnums`: `[f(...args), [∂f/∂args[argnums[0]], …]]`. */
export function valueAndGrad<F extends TensorFunction>(f: F, argnums: readonly number[]): (...args: Parameters<F>) => [Tensor, Tensor[]];
export function valueAndGrad<F extends TensorFunction>(f: F, argnums: number | readonly number[] = 0) {
  return (...args: Parameters<F>): [Tensor, Tensor | Tensor[]] => {
    const [value, grads] = evaluateWithGradients('valueAndGrad', f, typeof argnums === 'number' ? [argnums] : argnums, args);
    return [value, typeof argnums === 'number' ? grads[0] : grads];
  };
}

/**
 * `grad(f, argnums)(...args)`: the gradient of scalar `f` with respect to argument `argnums`
 * (several when it is an array). Composable: `grad(x => grad(f)(x).sum())` differentiates again.
 */
export function grad<F extends TensorFunction>(f: F, argnums?: number): (...args: Parameters<F>) => Tensor;
/** With several `argnums`: one gradient per listed argument. */
export function grad<F extends TensorFunction>(f: F, argnums: readonly number[]): (...args: Parameters<F>) => Tensor[];
export function grad<F extends TensorFunction>(f: F, argnums: number | readonly number[] = 0) {
  return (...args: Parameters<F>): Tensor | Tensor[] => {
    const grads = evaluateWithGradients('grad', f, typeof argnums === 'number' ? [argnums] : argnums, args)[1];
    return typeof argnums === 'number' ? grads[0] : grads;
  };
}

/** The shared body of `grad` and `valueAndGrad`, reporting errors under `caller`'s name. */
function evaluateWithGradients(caller: string, f: TensorFunction, positions: readonly number[], args: readonly Tensor[]): [Tensor, Tensor[]] {
  const inputs = args.slice();
  const tracked = positions.map((p) => {
    if (!Number.isInteger(p) || p < 0 || p >= args.length) throw new Error(`${caller}: argnums ${p} is out of range for ${args.length} arguments`);
    return (inputs[p] = track(ensureTensor(caller, args[p], p)));
  });
  const createGraph = depth > 0;
  const out = scalarOutput(caller, traced(() => f(...inputs)));
  const grads = gradientsOf(out, onesLike(out), tracked, createGraph);
  return [createGraph ? out : out.detach(), grads];
}

/**
 * Vector-Jacobian product: `out = f(...xs)` and `grads[i] = vᵀ · ∂out/∂xs[i]`, where `v` has
 * `out`'s shape.
 */
export function vjp(f: TensorFunction, xs: readonly Tensor[], v: Tensor): { out: Tensor; grads: Tensor[] } {
  const tracked = xs.map((x, i) => track(ensureTensor('vjp', x, i)));
  const createGraph = depth > 0;
  const out = traced(() => f(...tracked));
  if (!(out instanceof Tensor)) throw new Error(`vjp: the function returned ${typeof out}, not a Tensor`);
  if (!sameShape(v.shape, out.shape)) {
    throw new Error(`vjp: v has shape ${formatShape(v.shape)} but the output is ${describeTensor(out)}; they must match`);
  }
  const seed = v.dtype === out.dtype ? v : v.astype(out.dtype);
  return { out: createGraph ? out : out.detach(), grads: gradientsOf(out, seed, tracked, createGraph) };
}

/** Hessian-vector product `H(x)·v` of scalar `f` at `x`, by differentiating `∇f(x)·v`. */
export function hvp(f: (x: Tensor) => Tensor, x: Tensor, v: Tensor): Tensor {
  if (!sameShape(v.shape, x.shape)) throw new Error(`hvp: v ${formatShape(v.shape)} must have x's shape ${formatShape(x.shape)}`);
  return grad((y: Tensor) => grad(f)(y).mul(v).sum())(x);
}

/**
 * `jacobian(f)(x)`: every partial derivative of `f(x)`, shaped `[...out.shape, ...x.shape]`. One
 * backward pass per output element, so keep outputs small.
 */
export function jacobian(f: (x: Tensor) => Tensor) {
  return (x: Tensor): Tensor => {
    const tracked = track(ensureTensor('jacobian', x, 0));
    const createGraph = depth > 0;
    const out = traced(() => f(tracked));
    if (!(out instanceof Tensor)) throw new Error(`jacobian: the function returned ${typeof out}, not a Tensor`);
    const rows: Tensor[] = [];
    for (let i = 0; i < out.size; i++) {
      const seed = zerosLike(out);
      seed.buffer[i] = 1;
      const [row] = out.requiresGrad
        ? runBackward([out], [seed], { createGraph, retainGraph: true }, [tracked]).map((g) => g ?? zerosLike(tracked))
        : [zerosLike(tracked)];
      rows.push(row.reshape([tracked.size]));
    }
    const shape = [...out.shape, ...x.shape];
    if (rows.length === 0) return zeros(shape, { dtype: tracked.dtype });
    return stack(rows).reshape(shape);
  };
}
