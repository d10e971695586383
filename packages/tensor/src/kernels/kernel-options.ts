/**
 * Switches that force simpler kernels: single-threaded, or the plain TypeScript reference
 * instead of WebAssembly. Tests use them to compare paths; benchmarks to report each one.
 * @module
 */
import { getKernelPool } from './kernel-pool.js';
import { kernelRuntime } from './wasm/runtime.js';

/** Which kernels may run. */
export interface KernelOptions {
  /**
   * Most threads one product may use, the caller's included: `1` keeps every product on the
   * calling thread. Default `Infinity` (as many as the installed pool offers: on Node,
   * `os.availableParallelism()`).
   */
  readonly threads: number;
  /** Use the WebAssembly SIMD kernels when the runtime supports them. Default `true`; `false` forces the plain TypeScript kernels. */
  readonly wasm: boolean;
}

let options: KernelOptions = { threads: Infinity, wasm: true };

/**
 * Changes the kernel options given and keeps the others:
 * `setKernelOptions({ threads: 1 })` for single-threaded products,
 * `setKernelOptions({ wasm: false })` for the plain TypeScript reference kernels.
 */
export function setKernelOptions(changes: Partial<KernelOptions>): void {
  const threads = changes.threads ?? options.threads;
  if (!(threads >= 1)) throw new Error(`setKernelOptions: threads must be at least 1, got ${String(threads)}`);
  options = { threads: Math.floor(threads), wasm: changes.wasm ?? options.wasm };
}

/** The kernel options as set (see {@link kernelInfo} for what this runtime can actually use). */
export function getKernelOptions(): KernelOptions {
  return options;
}

/**
 * Runs `f` with some kernel options changed and restores the previous options afterwards, also
 * when `f` throws: `withKernelOptions({ threads: 1 }, () => model.forward(x))` to compare a
 * result with the single-threaded one.
 */
export function withKernelOptions<T>(changes: Partial<KernelOptions>, f: () => T): T {
  const saved = options;
  setKernelOptions(changes);
  try {
    return f();
  } finally {
    options = saved;
  }
}

/** What the kernels will actually use here, given the options and the runtime. */
export interface KernelInfo {
  /** WebAssembly SIMD kernels are available and enabled. */
  readonly wasm: boolean;
  /** The kernels use relaxed-SIMD multiply-add (engines that validate relaxed SIMD). */
  readonly fusedMultiplyAdd: boolean;
  /** Threads a large product uses, the caller's included. */
  readonly threads: number;
}

/** Reports which kernels this runtime uses, e.g. for a benchmark's header. Creates the WebAssembly runtime if needed. */
export function kernelInfo(): KernelInfo {
  const runtime = options.wasm ? kernelRuntime() : null;
  const pool = getKernelPool();
  const threads = runtime?.shared && pool ? Math.min(options.threads, pool.helpers + 1) : 1;
  return { wasm: runtime !== null, fusedMultiplyAdd: runtime?.fused ?? false, threads };
}

/**
 * Compiles the WebAssembly kernels and starts the worker threads now, instead of at the first
 * large product, and resolves once they are ready with what will run. Without it the first
 * products of a process run on one thread while the workers start (≈ 20 ms); a benchmark or a
 * server that wants full speed from its first request awaits this once at start-up. In a
 * browser, or with `threads: 1`, it resolves at once.
 *
 * ```ts
 * await warmUpKernels(); // { wasm: true, fusedMultiplyAdd: false, threads: 2 }
 * ```
 */
export async function warmUpKernels(): Promise<KernelInfo> {
  const runtime = options.wasm ? kernelRuntime() : null;
  const pool = getKernelPool();
  if (runtime?.shared && pool && options.threads > 1) await pool.warmUp(runtime);
  return kernelInfo();
}
