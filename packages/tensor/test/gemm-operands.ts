/**
 * Random GEMM operands and the error bound the WebAssembly kernels are held to, shared by the
 * gemm*.test.ts files.
 */
import { expect } from 'vitest';
import { gemmReference } from '../src/kernels/gemm-reference.js';
import type { GemmOperand } from '../src/kernels/gemm.js';
import type { FloatArray } from '../src/kernels/wasm/pack.js';

/** The float dtypes' typed arrays and unit roundoffs. */
export const FLOAT_TYPES = [
  { name: 'float32', Array: Float32Array, unitRoundoff: 2 ** -24 },
  { name: 'float64', Array: Float64Array, unitRoundoff: 2 ** -53 },
] as const;

/** One product: operands stored after `offset` junk values, as the batched matmul passes them. */
export interface GemmCase {
  readonly a: GemmOperand;
  readonly b: GemmOperand;
  readonly m: number;
  readonly n: number;
  readonly k: number;
}

/** Uniform values in [−1, 1) from a small linear congruential generator seeded by `seed`. */
function fill(values: FloatArray, seed: number): FloatArray {
  let state = seed >>> 0 || 1;
  for (let i = 0; i < values.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
  return values;
}

/** A product of `op(A)` (`m×k`) and `op(B)` (`k×n`) with random values. */
export function gemmCase(Array: typeof Float32Array | typeof Float64Array, m: number, n: number, k: number, transA: boolean, transB: boolean, seed = 1): GemmCase {
  const offset = 3;
  return {
    a: { data: fill(new Array(offset + m * k), seed), offset, transposed: transA },
    b: { data: fill(new Array(offset + k * n), seed + 7), offset, transposed: transB },
    m, n, k,
  };
}

/** `op(A)·op(B)` by the plain TypeScript reference, in a fresh array. */
export function referenceProduct({ a, b, m, n, k }: GemmCase): FloatArray {
  const out = new (a.data.constructor as typeof Float64Array)(m * n);
  gemmReference(a, b, out, 0, m, n, k);
  return out;
}

/**
 * Asserts `actual` equals the reference within the classical bound for a dot product summed in
 * any order, `|error| ≤ k·u·Σ|a||b|` (Higham, Accuracy and Stability, §3.1), doubled for the
 * reference's own rounding.
 */
export function expectCloseToReference(actual: FloatArray, product: GemmCase, unitRoundoff: number): void {
  const expected = referenceProduct(product);
  const absolute = (x: GemmOperand): GemmOperand => ({ ...x, data: (x.data as FloatArray).map(Math.abs) });
  const magnitudes = referenceProduct({ ...product, a: absolute(product.a), b: absolute(product.b) });
  for (let i = 0; i < expected.length; i++) {
    const bound = 2 * product.k * unitRoundoff * magnitudes[i] + Number.MIN_VALUE;
    if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
      expect.fail(`element ${i} (row ${Math.floor(i / product.n)}): ${actual[i]} vs reference ${expected[i]}, bound ${bound}`);
    }
  }
}
