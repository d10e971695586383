/**
 * Unary elementwise kernels: `out[i] = f(x[i])`, one loop each so no closure runs per element.
 * @module
 */
import type { TypedArray } from '../dtype.js';

export function negKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = -x[i];
}
export function expKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
}
export function logKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
}
export function sqrtKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]);
}
export function absKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
}
export function tanhKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
}
/** Evaluated as `1/(1+e⁻ˣ)` for x ≥ 0 and `eˣ/(1+eˣ)` below, so neither side overflows to NaN. */
export function sigmoidKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v >= 0) {
      out[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      out[i] = e / (1 + e);
    }
  }
}
/**
 * `max(x, 0)`; NaN stays NaN and −0 becomes +0, as numpy's `np.maximum(x, 0)` (`<=`, not `<`:
 * −0 < 0 is false, so `<` would pass −0 through).
 */
export function reluKernel(x: TypedArray, out: TypedArray): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v <= 0 ? 0 : v;
  }
}
export function leakyReluKernel(x: TypedArray, out: TypedArray, slope: number): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v < 0 ? v * slope : v;
  }
}
export function clampKernel(x: TypedArray, out: TypedArray, low: number, high: number): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v < low ? low : v > high ? high : v;
  }
}
