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
 * Below this many multiply-adds (m·n·k) the reference kernel is faster: the copies in and out and
 * the calls into WebAssembly cost ≈ 1 µs, what the reference needs for an 8³ product (measured
 * on one thread, float32: 8³ 0.9 µs reference vs 1.0 µs wasm; 10³ 1.8 µs vs 1.4 µs; 16³ 5.7 µs
 * vs 1.2 µs; float64 alike).
 */
export const WASM_MIN_MULTIPLY_ADDS = 1000;

/**
 * From this much work a product is shared with helper threads, counted in float32 multiply-adds
 * (a float64 one counts twice: the f64x2 kernel runs at half the rate), i.e. from ≈ 20 µs of
 * single-thread work. Measured on the idle 2-core development VM, GFLOP/s 1 thread vs 2, over
 * three runs: float32 48³ 34 vs 17–37, 64³ 40–43 vs 36–50, 80³ 47 vs 42–64, 96³ (≈ 2¹⁹·⁸)
 * 50 vs 74–77, 128³ 53 vs 88–90; float64 48³ 21 vs 21–24, 64³ 23 vs 31–32. Below 2¹⁹ the gain
 * is within the noise. The break-even is that low only because a helper watches for the next
 * product for 50 µs before sleeping (`node/gemm-worker.mjs`); from sleep it takes ≈ 25 µs to wake.
 */
export const THREADED_MIN_MULTIPLY_ADDS = 1 << 19;

/**
 * Writes `op(A)·op(B)` (`m×k` times `k×n`) into `out[outOffset …]` as an `m×n` row-major block,
 * overwriting what was there.
 */
export function gemm(a: GemmOperand, b: GemmOperand, out: TypedArray, outOffset: number, m: number, n: number, k: number): void {
  const options = getKernelOptions();
  const work = m * n * k;
  if (options.wasm && work >= WASM_MIN_MULTIPLY_ADDS && !(out instanceof Int32Array)) {
    const float32Work = out instanceof Float64Array ? 2 * work : work;
    const threads = float32Work >= THREADED_MIN_MULTIPLY_ADDS ? options.threads : 1;
    if (gemmWasm(a, b, out, outOffset, m, n, k, threads) > 0) return;
  }
  gemmReference(a, b, out, outOffset, m, n, k);
}
