/**
 * General matrix multiply `C = op(A) · op(B)` on row-major blocks, where `op` optionally
 * transposes. The transpose flags let backward compute `G·Bᵀ` and `Aᵀ·G` without materialising
 * a transpose. This entry point picks the kernel: the WebAssembly SIMD one (on several threads
 * for large products) or the plain TypeScript reference.
 * @module
 */
import type { TypedArray } from '../dtype.js';
import { gemmReference } from './gemm-reference.js';
import { getKernelOptions } from './kernel-options.js';
import { gemmWasm } from './wasm/gemm-wasm.js';

/** Where one matrix of a batch lives and how it is read. */
export interface GemmOperand {
  readonly data: TypedArray;
  readonly offset: number;
  /** Read as transposed: the stored block is `[cols, rows]` of the logical matrix. */
  readonly transposed: boolean;
}

/**
 * Below this many multiply-adds (m·n·k) the reference kernel is faster: packing, the call into
 * WebAssembly and the copy out cost ≈ 1.3 µs, what the reference needs for an 8³ product
 * (measured: 8³ 0.9 µs reference vs 1.3 µs wasm; 12³ 4 µs vs 2.5 µs).
 */
export const WASM_MIN_MULTIPLY_ADDS = 1000;

/**
 * From this many multiply-adds a product is shared with helper threads. Offering a product and
 * collecting it back costs ≈ 10 µs (64³ f32: 19 µs alone, 28 µs shared, measured on a machine
 * whose second core was busy); 2²⁰ multiply-adds take ≈ 45 µs on one thread, so from here half
 * the work saved on an idle second core outweighs the hand-over.
 */
export const THREADED_MIN_MULTIPLY_ADDS = 1 << 20;

/**
 * Writes `op(A)·op(B)` (`m×k` times `k×n`) into `out[outOffset …]` as an `m×n` row-major block,
 * overwriting what was there.
 */
export function gemm(a: GemmOperand, b: GemmOperand, out: TypedArray, outOffset: number, m: number, n: number, k: number): void {
  const options = getKernelOptions();
  const work = m * n * k;
  if (options.wasm && work >= WASM_MIN_MULTIPLY_ADDS && !(out instanceof Int32Array)) {
    const threads = work >= THREADED_MIN_MULTIPLY_ADDS ? options.threads : 1;
    if (gemmWasm(a, b, out, outOffset, m, n, k, threads) > 0) return;
  }
  gemmReference(a, b, out, outOffset, m, n, k);
}
