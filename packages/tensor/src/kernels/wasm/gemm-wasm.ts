/**
 * GEMM through the WebAssembly SIMD kernel: copy both operands into the kernel's memory, pack
 * them into panels, compute the output tiles, copy C out. Packing and computing are stages of one
 * job that the calling thread and the pool's helpers share chunk by chunk (see
 * `../stage-runner.ts`), so the packing, which on one thread is ≈ 10 % of a 512³ product, no
 * longer runs serially before the helpers can start.
 *
 * Memory layout per call (each region starts on a 64-byte cache line): the stage counters in
 * bytes 0–63, then `[op(A) as stored: m·k][op(B) as stored: k·n][packed op(A): mPad·k]
 * [packed op(B): nPad·k][C: mPad × nPad]`, where mPad and nPad round m and n up to whole tiles.
 * The zero padding lets the kernel compute only full tiles; the copy out drops the padding. The
 * memory only grows (to the largest product seen), never per call.
 * @module
 */
import type { GemmOperand } from '../gemm.js';
import { getKernelPool, type KernelJob, type KernelPool, type KernelStage, type SharedKernelModule } from '../kernel-pool.js';
import { runStagesAlone, takeChunks, type CallKernel } from '../stage-runner.js';
import { columnStrides, packStage, rowStrides, type FloatArray } from './pack.js';
import { kernelRuntime, MAXIMUM_PAGES, PAGE_BYTES, type DtypeKernel, type KernelMemory } from './runtime.js';

/** Stage `s` counts chunks taken at byte `8s` and finished at `8s + 4`; a helper's abort flag sits at byte 60. */
const counters = (stage: number) => ({ taken: 8 * stage, finished: 8 * stage + 4 });
const ABORT_BYTE = 60;
const OPERANDS_BYTE = 64;
const REGION_ALIGN = 64;

let views: { buffer: ArrayBufferLike; float32: Float32Array; float64: Float64Array; words: Int32Array } | null = null;

/** Typed views of the kernel memory, made again after the memory grows (it gets a new buffer). */
function memoryViews(memory: KernelMemory) {
  if (views === null || views.buffer !== memory.buffer) {
    const buffer = memory.buffer;
    views = { buffer, float32: new Float32Array(buffer), float64: new Float64Array(buffer), words: new Int32Array(buffer, 0, OPERANDS_BYTE / 4) };
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

/** Lays out regions of the given element counts one after another from `start`, each cache-line aligned; returns their byte addresses and the end. */
function layOut(start: number, elementBytes: number, counts: readonly number[]): number[] {
  const addresses: number[] = [];
  let at = start;
  for (const count of counts) {
    addresses.push(at);
    at += Math.ceil((count * elementBytes) / REGION_ALIGN) * REGION_ALIGN;
  }
  addresses.push(at);
  return addresses;
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
  const { rows: MR, cols: NR, elementBytes: E } = kernel.shape;
  const rowTiles = Math.ceil(m / MR);
  const colTiles = Math.ceil(n / NR);
  const mPad = rowTiles * MR;
  const nPad = colTiles * NR;
  const [rawA, rawB, packedA, packedB, c, end] = layOut(OPERANDS_BYTE, E, [m * k, k * n, mPad * k, nPad * k, mPad * nPad]);
  if (!ensureCapacity(runtime.memory, end)) return 0;
  const { float32, float64, words } = memoryViews(runtime.memory);
  const memory = E === 4 ? float32 : float64;
  memory.set((a.data as FloatArray).subarray(a.offset, a.offset + m * k), rawA / E);
  memory.set((b.data as FloatArray).subarray(b.offset, b.offset + k * n), rawB / E);

  const pool = runtime.shared ? getKernelPool() : null;
  const helpers = pool === null ? 0 : Math.min(threads - 1, pool.helpers);
  // Share the output along the axis with more tiles; either way every tile of C is computed by
  // the same code in the same order, whichever thread takes it.
  const byRows = rowTiles >= colTiles;
  const tiles = byRows ? rowTiles : colTiles;
  const shared = helpers > 0 && tiles > 1;
  // About four chunks per thread and stage: few enough that each chunk is a long kernel call,
  // enough that a thread the OS delays leaves its share to the others.
  const chunk = (count: number) => (shared ? Math.ceil(count / (4 * (helpers + 1))) : count);
  const packRows = { kernel: kernel.packRows.name, width: MR, elementBytes: E, source: rawA, destination: packedA, strides: rowStrides(a.transposed, m, k), count: m, depth: k };
  const packCols = { kernel: kernel.packCols.name, width: NR, elementBytes: E, source: rawB, destination: packedB, strides: columnStrides(b.transposed, n, k), count: n, depth: k };
  const computeArgs = [packedA, packedB, c, 0, rowTiles, 0, colTiles, k, nPad * E];
  const stages: KernelStage[] = [
    packStage(packRows, chunk(rowTiles), counters(0)),
    packStage(packCols, chunk(colTiles), counters(1)),
    { kernel: kernel.shape.name, args: computeArgs, rangeArg: byRows ? 3 : 5, tiles, chunkTiles: chunk(tiles), ...counters(2), afterPrevious: true },
  ];
  const call = kernelCaller(kernel);
  const used = shared ? runShared(runtime, pool!, { stages, abort: ABORT_BYTE }, helpers, words, call) : (runStagesAlone(stages, call), 1);
  copyOut(memory, c / E, nPad, out, outOffset, m, n);
  return used;
}

/** The caller's side of a shared job; returns the threads used (1 if it had to redo the job alone). */
function runShared(runtime: SharedKernelModule, pool: KernelPool, job: KernelJob, helpers: number, words: Int32Array, call: CallKernel): number {
  words.fill(0);
  const offered = pool.start(runtime, job, helpers);
  let complete: boolean;
  try {
    complete = takeChunks(job, words, call);
  } catch (error) {
    // This thread may leave a chunk it took unfinished (a stack overflow in the kernel call):
    // helpers waiting at the barrier for it would spin forever, then run into the next product
    // with this one's arguments once its counters happen to match. Release them and wait them out.
    Atomics.store(words, job.abort >> 2, 1);
    if (offered) pool.finish();
    throw error;
  }
  if (offered && pool.finish() && complete) return helpers + 1;
  if (!offered && complete) return 1;
  // A helper failed mid-chunk: redo everything here (packing is a copy, and each pass-0 tile store overwrites C).
  runStagesAlone(job.stages, call);
  return 1;
}

/** Calls a dtype's exports by name, as a stage names them. */
function kernelCaller(kernel: DtypeKernel): CallKernel {
  const { run, packRows, packCols } = kernel;
  const name = kernel.shape.name;
  return (kernelName, x) => {
    if (kernelName === name) run(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]);
    else (kernelName === packRows.name ? packRows.run : packCols.run)(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
  };
}

/** Copies the `m × n` result from the padded `C` block (element index `cAt`, row stride `nPad`) to `out`. */
function copyOut(memory: FloatArray, cAt: number, nPad: number, out: FloatArray, outOffset: number, m: number, n: number): void {
  if (n === nPad) out.set(memory.subarray(cAt, cAt + m * n), outOffset);
  else for (let i = 0; i < m; i++) out.set(memory.subarray(cAt + i * nPad, cAt + i * nPad + n), outOffset + i * n);
}
