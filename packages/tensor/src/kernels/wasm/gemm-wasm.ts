/**
 * GEMM through the WebAssembly SIMD kernel: pack both operands into the kernel's memory, split
 * the output tiles between the calling thread and the pool's helpers, run, copy C out.
 *
 * Memory layout per call (each part a multiple of 16 bytes): the chunk counter at address 0,
 * then from byte 64 `[packed op(A): mPad·k][packed op(B): nPad·k][C: mPad × nPad]`, where mPad and nPad round m and
 * n up to whole tiles. The zero padding lets the kernel compute only full tiles; the copy out
 * drops the padding.
 * @module
 */
import type { GemmOperand } from '../gemm.js';
import { getKernelPool, type KernelJob } from '../kernel-pool.js';
import { packPanels, type FloatArray, type StridedOperand } from './pack.js';
import { kernelRuntime, MAXIMUM_PAGES, PAGE_BYTES, type KernelMemory } from './runtime.js';

/** Byte address of the i32 chunk counter threads share; the operands start after it. */
const COUNTER_BYTE = 0;
const OPERANDS_BYTE = 64;

let views: { buffer: ArrayBufferLike; float32: Float32Array; float64: Float64Array } | null = null;

/** Typed views of the kernel memory, made again after the memory grows (it gets a new buffer). */
function memoryViews(memory: KernelMemory) {
  if (views === null || views.buffer !== memory.buffer) {
    const buffer = memory.buffer;
    views = { buffer, float32: new Float32Array(buffer), float64: new Float64Array(buffer) };
  }
  return views;
}

/** Grows the memory to at least `bytes`; false when that exceeds the maximum. */
function ensureCapacity(memory: KernelMemory, bytes: number): boolean {
  const pages = Math.ceil(bytes / PAGE_BYTES);
  if (pages > MAXIMUM_PAGES) return false;
  const current = memory.buffer.byteLength / PAGE_BYTES;
  if (pages > current) memory.grow(pages - current);
  return true;
}

/** op(A) as (depth, row) strides: stored `[m,k]`, or `[k,m]` when transposed. */
function rowOperand(a: GemmOperand, m: number, k: number): StridedOperand {
  const data = a.data as FloatArray;
  return a.transposed ? { data, offset: a.offset, depthStride: m, indexStride: 1 } : { data, offset: a.offset, depthStride: 1, indexStride: k };
}

/** op(B) as (depth, column) strides: stored `[k,n]`, or `[n,k]` when transposed. */
function columnOperand(b: GemmOperand, n: number, k: number): StridedOperand {
  const data = b.data as FloatArray;
  return b.transposed ? { data, offset: b.offset, depthStride: 1, indexStride: k } : { data, offset: b.offset, depthStride: n, indexStride: 1 };
}

/**
 * Writes `op(A)·op(B)` (`m×k` times `k×n`, float32 or float64, all three arrays of one dtype)
 * into `out[outOffset …]` as an `m×n` row-major block, using up to `threads` threads. Returns the
 * number of threads the work was shared among (helpers that were offered chunks, plus the
 * caller), or 0 when this kernel cannot run (no WebAssembly SIMD, an int32 dtype,
 * or operands too large for the kernel memory) and the caller must use another.
 */
export function gemmWasm(a: GemmOperand, b: GemmOperand, out: FloatArray, outOffset: number, m: number, n: number, k: number, threads: number): number {
  const runtime = kernelRuntime();
  if (runtime === null) return 0;
  const kernel = out instanceof Float32Array ? runtime.float32 : out instanceof Float64Array ? runtime.float64 : null;
  if (kernel === null || a.data.constructor !== out.constructor || b.data.constructor !== out.constructor) return 0;
  if (m === 0 || n === 0) return 1;
  if (k === 0) {
    out.fill(0, outOffset, outOffset + m * n);
    return 1;
  }
  const { rows: MR, cols: NR, elementBytes } = kernel.shape;
  const rowTiles = Math.ceil(m / MR);
  const colTiles = Math.ceil(n / NR);
  const mPad = rowTiles * MR;
  const nPad = colTiles * NR;
  const aAt = OPERANDS_BYTE / elementBytes;
  const bAt = aAt + mPad * k;
  const cAt = bAt + nPad * k;
  if (!ensureCapacity(runtime.memory, (cAt + mPad * nPad) * elementBytes)) return 0;
  const memory = elementBytes === 4 ? memoryViews(runtime.memory).float32 : memoryViews(runtime.memory).float64;
  packPanels(rowOperand(a, m, k), m, k, MR, memory, aAt);
  packPanels(columnOperand(b, n, k), n, k, NR, memory, bAt);

  const args = [aAt * elementBytes, bAt * elementBytes, cAt * elementBytes, 0, rowTiles, 0, colTiles, k, nPad * elementBytes];
  const run = () => kernel.run(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8]);
  const pool = runtime.shared ? getKernelPool() : null;
  const helpers = pool === null ? 0 : Math.min(threads - 1, pool.helpers);
  // Share along the axis with more tiles; either way every tile of C is computed by the same
  // code in the same order, whichever thread takes it.
  const rangeArg = rowTiles >= colTiles ? 3 : 5;
  const tiles = args[rangeArg + 1];
  if (helpers > 0 && tiles > 1) {
    // About four chunks per thread: few enough that each chunk is a long kernel call, enough
    // that a thread the OS delays leaves its share to the others.
    const chunkTiles = Math.ceil(tiles / (4 * (helpers + 1)));
    const counter = new Int32Array(runtime.memory.buffer, COUNTER_BYTE, 1);
    Atomics.store(counter, 0, 0);
    const job: KernelJob = { kernel: kernel.shape.name, args, rangeArg, tiles, chunkTiles, counter: COUNTER_BYTE };
    const shared = pool!.start(runtime, job, helpers);
    let used = 1;
    for (;;) {
      const first = Atomics.add(counter, 0, 1) * chunkTiles;
      if (first >= tiles) break;
      args[rangeArg] = first;
      args[rangeArg + 1] = Math.min(first + chunkTiles, tiles);
      run();
    }
    if (shared) used = helpers + 1;
    if (shared && !pool!.finish()) {
      // A helper failed mid-chunk: compute everything here (each pass-0 tile store overwrites C).
      args[rangeArg] = 0;
      args[rangeArg + 1] = tiles;
      run();
      used = 1;
    }
    copyOut(memory, cAt, nPad, out, outOffset, m, n);
    return used;
  }
  run();
  copyOut(memory, cAt, nPad, out, outOffset, m, n);
  return 1;
}

/** Copies the `m × n` result from the padded `C` block (row stride `nPad`) to `out`. */
function copyOut(memory: FloatArray, cAt: number, nPad: number, out: FloatArray, outOffset: number, m: number, n: number): void {
  if (n === nPad) out.set(memory.subarray(cAt, cAt + m * n), outOffset);
  else for (let i = 0; i < m; i++) out.set(memory.subarray(cAt + i * nPad, cAt + i * nPad + n), outOffset + i * n);
}
